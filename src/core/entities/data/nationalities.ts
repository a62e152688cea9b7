// Nationality, ethnic, religious and political group words (NORP): "Afghan", "Tajiks", "Pashtuns",
// "Sunni", "Soviet". The demonyms of countries come from the world-countries package (see
// worldCountries.generated.ts); this list adds what it lacks or spells in a dated way ("Tadzhik",
// "Kirghiz"), settles demonyms that it gives to several countries ("Congolese", "Dominican"), and
// adds the groups that have no country of their own. Without it "Pashtuns" or "Hazaras" at the
// start of a sentence would be taken for names of people, and "Tajiks" would not link to Tajikistan.
//
// `country` is a canonical country name as the gazetteer gives it (a test checks each one), or
// null for a group that is not one country's people. `region` names a region the group belongs to
// when there is one ("Chechen" → Chechnya). Plurals in -s are made by lexicon.ts; `plurals` lists
// only the others.

export interface NationalityEntry {
  /** The preferred singular spelling. */
  canonical: string;
  /** Other spellings of the same word (singular). */
  variants?: readonly string[];
  /** Irregular plural forms; regular ones ("Afghans") are derived. */
  plurals?: readonly string[];
  country: string | null;
  region?: string;
}

/** Demonyms of countries that the package lacks, spells differently, or gives to several countries. */
export const COUNTRY_DEMONYMS: readonly NationalityEntry[] = [
  // Central Asia: the package has "Tadzhik", "Kirghiz", "Kazakhstani", "Uzbekistani"; news says Tajik, Kyrgyz, Kazakh, Uzbek.
  { canonical: 'Tajik', variants: ['Tadzhik', 'Tadjik', 'Tojik'], country: 'Tajikistan' },
  { canonical: 'Tajikistani', country: 'Tajikistan' },
  { canonical: 'Uzbek', variants: ['Ozbek'], country: 'Uzbekistan' },
  { canonical: 'Kazakh', variants: ['Kazak', 'Qazaq'], country: 'Kazakhstan' },
  { canonical: 'Kyrgyz', variants: ['Kirghiz', 'Kirgiz', 'Kyrgyzstani'], country: 'Kyrgyzstan' },
  { canonical: 'Turkmen', country: 'Turkmenistan' },
  { canonical: 'Azerbaijani', variants: ['Azeri'], country: 'Azerbaijan' },
  // Others the package spells otherwise or lacks
  { canonical: 'Turk', country: 'Turkey' },
  { canonical: 'Briton', country: 'United Kingdom' },
  { canonical: 'Brit', country: 'United Kingdom' },
  { canonical: 'Saudi', country: 'Saudi Arabia' },
  { canonical: 'Filipino', variants: ['Filipina'], country: 'Philippines' },
  { canonical: 'Nepali', country: 'Nepal' },
  { canonical: 'Lao', plurals: [], country: 'Laos' }, // not "Laos", the country
  { canonical: 'Maldivian', variants: ['Maldivan'], country: 'Maldives' },
  { canonical: 'Cape Verdean', variants: ['Cape Verdian'], country: 'Cape Verde' },
  { canonical: 'Ecuadorian', variants: ['Ecuadorean'], country: 'Ecuador' },
  { canonical: 'Belarusian', variants: ['Belarusan', 'Byelorussian'], country: 'Belarus' },
  { canonical: 'Emirati', country: 'United Arab Emirates' },
  { canonical: 'Dominican', country: 'Dominican Republic' },
  { canonical: 'Indian', country: 'India' },
  { canonical: 'American', country: 'United States' },
  { canonical: 'French', plurals: ['Frenchmen'], country: 'France' },
  { canonical: 'Dutch', country: 'Netherlands' },
  { canonical: 'Norwegian', country: 'Norway' },
  { canonical: 'British', country: 'United Kingdom' },
  { canonical: 'Congolese', country: null },
  { canonical: 'Korean', country: null },
  { canonical: 'Channel Islander', country: null },
  { canonical: 'Virgin Islander', country: null },
  // The United Kingdom's nations and historical states
  { canonical: 'English', plurals: ['Englishmen'], country: 'England' },
  { canonical: 'Scottish', country: 'Scotland' },
  { canonical: 'Scot', country: 'Scotland' },
  { canonical: 'Welsh', country: 'Wales' },
  { canonical: 'Soviet', country: 'Soviet Union' },
  { canonical: 'Yugoslav', variants: ['Yugoslavian'], country: 'Yugoslavia' },
];

/** Peoples, religious groups and political families with no country of their own. */
export const GROUP_WORDS: readonly NationalityEntry[] = [
  // Peoples of Afghanistan, Pakistan, Iran and Central Asia
  { canonical: 'Pashtun', variants: ['Pashtoon', 'Pakhtun', 'Pukhtun', 'Pushtun', 'Pathan'], country: null },
  { canonical: 'Hazara', country: null },
  { canonical: 'Baloch', variants: ['Baluch', 'Balochi', 'Baluchi'], country: null },
  { canonical: 'Aimaq', variants: ['Aimak'], country: null },
  { canonical: 'Nuristani', country: null },
  { canonical: 'Pamiri', country: null, region: 'Pamir' },
  { canonical: 'Karakalpak', country: null, region: 'Karakalpakstan' },
  { canonical: 'Uyghur', variants: ['Uighur', 'Uygur'], country: null, region: 'Xinjiang' },
  { canonical: 'Tibetan', country: null, region: 'Tibet' },
  { canonical: 'Punjabi', variants: ['Panjabi'], country: null, region: 'Punjab' },
  { canonical: 'Sindhi', country: null, region: 'Sindh' },
  { canonical: 'Kashmiri', country: null, region: 'Kashmir' },
  { canonical: 'Persian', country: null },
  { canonical: 'Kurd', country: null, region: 'Kurdistan' },
  { canonical: 'Kurdish', country: null, region: 'Kurdistan' },
  { canonical: 'Arab', country: null },
  { canonical: 'Berber', variants: ['Amazigh'], country: null },
  { canonical: 'Druze', country: null },
  { canonical: 'Yazidi', variants: ['Yezidi'], country: null },
  { canonical: 'Rohingya', country: null },
  { canonical: 'Tamil', country: null },
  // Peoples of Russia, the Caucasus and Eastern Europe
  { canonical: 'Chechen', country: null, region: 'Chechnya' },
  { canonical: 'Dagestani', country: null, region: 'Dagestan' },
  { canonical: 'Ingush', country: null, region: 'Ingushetia' },
  { canonical: 'Tatar', variants: ['Tartar'], country: null },
  { canonical: 'Bashkir', country: null, region: 'Bashkortostan' },
  { canonical: 'Circassian', country: null },
  { canonical: 'Ossetian', country: null },
  { canonical: 'Abkhaz', variants: ['Abkhazian'], country: null, region: 'Abkhazia' },
  { canonical: 'Cossack', country: null },
  { canonical: 'Slav', country: null },
  { canonical: 'Slavic', country: null },
  { canonical: 'Crimean Tatar', country: null, region: 'Crimea' },
  // Religions and their branches
  { canonical: 'Muslim', variants: ['Moslem'], country: null },
  { canonical: 'Sunni', country: null },
  { canonical: 'Shia', variants: ['Shi’a', "Shi'a", 'Shiite', 'Shi’ite', "Shi'ite", 'Shii'], country: null },
  { canonical: 'Ismaili', country: null },
  { canonical: 'Sufi', country: null },
  { canonical: 'Salafi', country: null },
  { canonical: 'Wahhabi', country: null },
  { canonical: 'Deobandi', country: null },
  { canonical: 'Barelvi', country: null },
  { canonical: 'Ahmadi', variants: ['Ahmadiyya'], country: null },
  { canonical: 'Alawite', country: null },
  { canonical: 'Christian', country: null },
  { canonical: 'Catholic', country: null },
  { canonical: 'Protestant', country: null },
  { canonical: 'Evangelical', country: null },
  { canonical: 'Jew', country: null },
  { canonical: 'Jewish', country: null },
  { canonical: 'Hindu', country: null },
  { canonical: 'Sikh', country: null },
  { canonical: 'Buddhist', country: null },
  { canonical: 'Zoroastrian', country: null },
  // Supranational and regional
  { canonical: 'European', country: null, region: 'Europe' },
  { canonical: 'Asian', country: null, region: 'Asia' },
  { canonical: 'African', country: null, region: 'Africa' },
  { canonical: 'Latin American', country: null, region: 'Latin America' },
  { canonical: 'Central Asian', country: null, region: 'Central Asia' },
  { canonical: 'South Asian', country: null, region: 'South Asia' },
  { canonical: 'Middle Eastern', country: null, region: 'Middle East' },
  { canonical: 'Eurasian', country: null, region: 'Eurasia' },
  { canonical: 'Caucasian', country: null, region: 'Caucasus' },
  { canonical: 'Scandinavian', country: null, region: 'Scandinavia' },
  { canonical: 'Nordic', country: null },
  { canonical: 'Western', variants: ['Westerner'], plurals: ['Westerners'], country: null },
  { canonical: 'Ottoman', country: null },
  // Political families (OntoNotes counts them as NORP)
  { canonical: 'Republican', country: null },
  { canonical: 'Democrat', country: null },
  { canonical: 'Communist', country: null },
  { canonical: 'Bolshevik', country: null },
  { canonical: 'Maoist', country: null },
  { canonical: 'Islamist', country: null },
  { canonical: 'Zionist', country: null },
];

/**
 * Names of languages that are not also a people's name: "in Dari and Pashto", "Urdu-language".
 * Without them a capitalised "Dari" reads as an unknown organisation or person. Languages named
 * like their people ("Russian", "Uzbek", "Persian") are nationality words above; the recogniser
 * tells them apart by context ("speaks Russian").
 */
export const LANGUAGES: readonly string[] = [
  'Dari', 'Pashto', 'Pushto', 'Urdu', 'Farsi', 'Arabic', 'Hindi', 'Bengali', 'Bangla', 'Mandarin', 'Cantonese', 'Hebrew',
  'Swahili', 'Amharic', 'Tigrinya', 'Somali', 'Hausa', 'Malay', 'Tagalog', 'Esperanto', 'Latin', 'Sanskrit', 'Tajiki',
  'Shughni', 'Wakhi', 'Ossetic', 'Kurmanji', 'Sorani', 'Gaelic', 'Yiddish',
];
