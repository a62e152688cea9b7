// Titles and honorifics that stand before a name and are not part of it: "President Putin",
// "Foreign Minister Lavrov", "Mawlawi Abdul Kabir", "Dr Abdullah". The recogniser strips them off
// the name and keeps them as the person's role; without this list "Ambassador Zhirnov" would be
// one name and "Mullah Baradar" would be a different person from "Baradar".
//
// Single words, as they are written; lexicon.ts matches them in lower case, capitalised or (four
// letters or more) in capitals, with or without a final full stop ("Dr."/"Dr"). Multi-word titles
// ("Prime Minister", "Special Representative") are sequences of these words: the words that only
// qualify a title ("Prime", "Deputy", "Special", "Foreign") are TITLE_MODIFIERS, not titles.

/** Words that are a title or honorific on their own. */
export const TITLE_WORDS: readonly string[] = [
  // Heads of state and government, ministers, diplomats
  'President', 'Vice-President', 'Premier', 'Chancellor', 'Minister', 'Ministers', 'Secretary', 'Secretary-General',
  'Undersecretary', 'Under-Secretary', 'Ambassador', 'Envoy', 'Representative', 'Emissary', 'Consul', 'Attaché',
  'Spokesman', 'Spokeswoman', 'Spokesperson', 'Adviser', 'Advisor', 'Aide', 'Counsellor', 'Counselor', 'Diplomat',
  'Governor', 'Gov', 'Mayor', 'Senator', 'Sen', 'Congressman', 'Congresswoman', 'Rep', 'MP', 'Deputy', 'Speaker',
  'Chairman', 'Chairwoman', 'Chairperson', 'Chief', 'Director', 'Director-General', 'Head', 'Leader',
  'Commissioner', 'Prosecutor', 'Judge', 'Justice', 'Mufti', 'Qazi', 'Qadi', 'Ombudsman',
  // Military and police ranks
  'General', 'Gen', 'Lieutenant', 'Lt', 'Colonel', 'Col', 'Major', 'Maj', 'Captain', 'Capt', 'Commander', 'Cmdr',
  'Admiral', 'Adm', 'Marshal', 'Brigadier', 'Brig', 'Sergeant', 'Sgt', 'Corporal', 'Commandant',
  // Royalty and nobility
  'King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Empress', 'Sultan', 'Emir', 'Amir', 'Sheikh', 'Shaikh',
  'Sheikha', 'Nawab', 'Lord', 'Lady', 'Sir', 'Dame', 'Duke', 'Duchess', 'Baron',
  // Religious titles (Islamic ones are frequent in Afghan, Central Asian and Middle Eastern news)
  'Mawlawi', 'Maulvi', 'Molvi', 'Maulana', 'Mawlana', 'Mullah', 'Mulla', 'Mollah', 'Qari', 'Hafiz', 'Haji', 'Hajji',
  'Imam', 'Ayatollah', 'Hojatoleslam', 'Ustad', 'Ustaz', 'Allama',
  'Pope', 'Cardinal', 'Archbishop', 'Bishop', 'Patriarch', 'Metropolitan', 'Father', 'Rabbi', 'Reverend', 'Rev',
  'Lama',
  // Courtesy and academic titles
  'Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Professor', 'Engineer', 'Eng', 'Madam', 'Madame', 'Monsieur', 'Herr',
  'Comrade',
  // Business and newsroom roles that stand before names in news: "Ryanair CEO Michael O'Leary"
  'CEO', 'CFO', 'COO', 'CTO', 'Executive', 'Founder', 'Co-founder', 'Analyst', 'Correspondent', 'Editor', 'Reporter',
  'Economist', 'Researcher', 'Expert', 'Lawyer', 'Attorney', 'Officer', 'Official',
];

// Left out on purpose: Khan, Shah, Malik, Wali, Sayed/Syed/Sayyid, Pir. They are honorific in origin
// but in today's news they are part of the name ("Amir Khan Muttaqi", "Syed Ali Shah Geelani").

/**
 * Title words that are also common personal names or parts of them: "Amir Khan Muttaqi",
 * "Sheikh Hasina", "Sultan Ahmed", "Haji Mohammad". Before another capitalised name
 * they are usually a title; as the only capitalised word before a surname they may be the first
 * name. The recogniser may keep them in the name when stripping would leave a single word.
 */
export const TITLES_ALSO_NAMES: readonly string[] = [
  'Amir', 'Emir', 'Sheikh', 'Shaikh', 'Sultan', 'Hafiz', 'Haji', 'Hajji', 'Qari', 'Major', 'King', 'Prince',
];

/**
 * Words that qualify a title without being one: "Prime Minister", "Deputy Foreign Minister",
 * "Special Representative", "Acting Defence Minister", "Supreme Leader". A run of these followed
 * by a TITLE_WORD is one title.
 */
export const TITLE_MODIFIERS: readonly string[] = [
  'Prime', 'Deputy', 'Vice', 'Acting', 'Interim', 'Caretaker', 'Former', 'Ex', 'First', 'Second', 'Senior', 'Junior',
  'Special', 'Chief', 'Supreme', 'Grand', 'Top', 'Assistant', 'Associate', 'Executive', 'Permanent', 'Presidential',
  'Foreign', 'Interior', 'Defence', 'Defense', 'Finance', 'Economy', 'Economic', 'Trade', 'Commerce', 'Justice',
  'Education', 'Health', 'Energy', 'Water', 'Agriculture', 'Transport', 'Information', 'Culture', 'Refugees',
  'Intelligence', 'Army', 'Military', 'Police', 'Provincial', 'District', 'Regional', 'State', 'Crown',
];
