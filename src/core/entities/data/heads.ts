// Head words: the last word of a multi-word name that says what kind of thing it names. They let
// the recogniser type a name it has never seen: "Haqqani Network" is an organisation, "Durand
// Line" a place, "Doha Agreement" a named thing (MISC), whatever the other words are. Head-first
// names work too: "Ministry of Foreign Affairs", "Province of Kandahar", "Treaty of Versailles".
//
// Whole names the lexicon knows come first: "Russian Federation" is a country although
// "Federation" is an organisation head, "Soviet Union" a country although "Union" is one,
// "West Bank" a place although "Bank" is an organisation head, "Islamic State" an organisation
// (that is why "State" is not a place head). Single words; lexicon.ts matches them capitalised,
// in lower case or in capitals.

/**
 * Last words that name firms: "Apple Computer", "Orchard Foods", "Kestrel Airlines". Capitalised
 * after an ordinary word that opens a sentence, they show the whole run is a company's name.
 */
export const FIRM_HEADS: readonly string[] = [
  'Company', 'Companies', 'Corporation', 'Corp', 'Inc', 'Ltd', 'LLC', 'PLC', 'Holdings', 'Group', 'Airlines',
  'Airways', 'Industries', 'Enterprises', 'Ventures', 'Partners', 'Aircraft', 'Airplanes',
  'Motors', 'Systems', 'Technologies', 'Laboratories', 'Labs', 'Pharmaceuticals', 'Electronics', 'Communications',
  'Computer', 'Computers', 'Foods', 'Software',
];

/** Organisations: governments and their parts, parties, armed groups, companies, media, schools. */
export const ORG_HEADS: readonly string[] = [
  // Government and international bodies
  'Organization', 'Organisation', 'Organizations', 'Organisations', 'Ministry', 'Ministries', 'Council', 'Agency',
  'Agencies', 'Office', 'Department', 'Directorate', 'Bureau', 'Service', 'Services', 'Authority', 'Authorities',
  'Administration', 'Government', 'Cabinet', 'Secretariat', 'Commission', 'Committee', 'Board', 'Mission', 'Embassy',
  'Consulate', 'Assembly', 'Parliament', 'Senate', 'Congress', 'Duma', 'Rada', 'Majlis', 'Knesset',
  'Jirga', 'Shura', 'Court', 'Tribunal', 'Nations', 'Union', 'Alliance', 'Coalition', 'Federation',
  'Confederation', 'Community', 'Partnership', 'Emirate', 'Caliphate',
  // Security forces and armed groups
  'Police', 'Army', 'Navy', 'Force', 'Forces', 'Guard', 'Guards', 'Brigade', 'Brigades', 'Battalion', 'Regiment',
  'Division', 'Corps', 'Command', 'Militia', 'Militias', 'Network', 'Front', 'Movement', 'Faction', 'Mujahideen',
  // Parties, civil society, religion
  'Party', 'League', 'Association', 'Society', 'Foundation', 'Fund', 'Trust', 'Institute', 'Institution', 'Centre',
  'Center', 'Club', 'Church', 'Synod',
  // Education and research
  'University', 'College', 'Academy', 'School', 'Seminary', 'Madrasa', 'Madrassa', 'Madrasah',
  // Business and finance
  'Bank', 'Exchange', 'Consortium',
  ...FIRM_HEADS,
  // Media
  'News', 'Times', 'Post', 'Herald', 'Tribune', 'Journal', 'Gazette', 'Telegraph', 'Guardian', 'Express', 'Chronicle',
  'Observer', 'Review', 'Magazine', 'Press', 'Radio', 'Television', 'TV', 'Broadcasting', 'Weekly', 'Monitor',
];

/**
 * First words of organisation names in South and Central Asian and Arabic transliteration:
 * "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Tehreek-e-Taliban Pakistan", "Jamiat Ulema-e-Islam",
 * "Hizb ut-Tahrir", "Jabhat al-Nusra", "Harakat-ul-Mujahideen", "Ansar Allah". They play the part
 * that a head word plays in English names, at the other end.
 */
export const ORG_PREFIXES: readonly string[] = [
  'Lashkar', 'Jaish', 'Tehreek', 'Tehrik', 'Tahrik', 'Jamaat', 'Jamiat', 'Jamiatul', 'Hizb', 'Hezb', 'Harakat',
  'Harkat', 'Ansar', 'Ansarullah', 'Jabhat', 'Hayat', "Hay'at", 'Katibat', 'Jund', 'Junud', 'Sipah', 'Tanzim',
];

/** Places and facilities: administrative units, landforms, waters, buildings, infrastructure. */
export const PLACE_HEADS: readonly string[] = [
  // Industrial sites and terminals: "Everett Factory", "Terminal 3"
  'Factory', 'Plant', 'Shipyard', 'Refinery', 'Terminal',
  // Administrative units
  'City', 'Province', 'Provinces', 'Region', 'Regions', 'District', 'Districts', 'County', 'Prefecture', 'Governorate',
  'Municipality', 'Oblast', 'Krai', 'Kray', 'Okrug', 'Viloyat', 'Vilayat', 'Velayat', 'Wilayat', 'Territory',
  'Territories', 'Village', 'Town', 'Township', 'Settlement', 'Neighbourhood', 'Neighborhood', 'Quarter', 'Zone',
  // Borders and routes
  'Line', 'Border', 'Frontier', 'Crossing', 'Checkpoint', 'Corridor', 'Pass', 'Road', 'Highway', 'Motorway', 'Street',
  'Avenue', 'Boulevard', 'Square', 'Bridge', 'Tunnel', 'Gate',
  // Landforms and waters
  'Valley', 'Mountains', 'Mountain', 'Mount', 'Hills', 'Hill', 'Range', 'Peak', 'Plateau', 'Plain', 'Plains', 'Desert',
  'Steppe', 'Basin', 'Peninsula', 'Island', 'Islands', 'Coast', 'Heights', 'Strip', 'Glacier', 'Gorge', 'Canyon',
  'River', 'Sea', 'Ocean', 'Gulf', 'Bay', 'Lake', 'Strait', 'Straits', 'Canal', 'Delta', 'Oasis', 'Forest',
  // Facilities and buildings
  'Hall', 'Airport', 'Airbase', 'Base', 'Port', 'Harbour', 'Harbor', 'Dam', 'Palace', 'Mosque', 'Shrine', 'Mausoleum',
  'Temple', 'Cathedral', 'Stadium', 'Arena', 'Hospital', 'Prison', 'Jail', 'Camp', 'Hotel', 'Tower', 'Towers',
  'Building', 'Market', 'Bazaar', 'Park', 'Garden', 'Gardens', 'Museum', 'Station', 'Terminal', 'Compound', 'Complex',
  'Fort', 'Fortress', 'Citadel', 'Plant', 'Field', 'Mine',
];

/** Named things that are neither organisations nor places: agreements, projects, events, laws, plans. */
export const MISC_HEADS: readonly string[] = [
  // Agreements and diplomacy
  'Agreement', 'Agreements', 'Accord', 'Accords', 'Treaty', 'Pact', 'Deal', 'Memorandum', 'Protocol', 'Convention',
  'Charter', 'Declaration', 'Communique', 'Communiqué', 'Resolution', 'Format', 'Process', 'Dialogue', 'Talks',
  'Framework', 'Roadmap', 'Doctrine',
  // Projects and infrastructure schemes
  'Project', 'Projects', 'Pipeline', 'Railway', 'Railroad', 'Initiative', 'Programme', 'Program', 'Plan', 'Scheme',
  'Strategy', 'Vision', 'Agenda', 'Mechanism',
  // Events
  'Summit', 'Conference', 'Forum', 'Meeting', 'Show', 'Games', 'Olympics', 'Cup', 'Championship', 'Festival',
  'Expo', 'Exhibition', 'War', 'Wars', 'Revolution', 'Uprising', 'Offensive', 'Operation', 'Campaign', 'Crisis',
  'Massacre', 'Election', 'Elections', 'Referendum',
  // Laws, documents, awards
  'Act', 'Law', 'Code', 'Constitution', 'Decree', 'Ordinance', 'Bill', 'Report', 'Index', 'Prize', 'Award',
];
