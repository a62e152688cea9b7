// Alias groups: names of one well-known organisation, place or named thing that share no words,
// so no string rule could join them: "Daesh" and "Islamic State", "UN" and "United Nations",
// "Kremlin" and itself in every article. The linker joins mentions by the canonical name.
//
// Only genuinely well-known names belong here: the recogniser must work on articles it has never
// seen, so no list of the people or small groups of any particular article. Names that an article
// defines itself ("the Islamic Movement of Uzbekistan (IMU)") are joined by the recogniser's
// acronym rule and need no entry.
//
// Decisions:
// - "Islamic Emirate of Afghanistan" / "IEA" is a separate group from "Taliban". The Taliban are
//   a movement; the Islamic Emirate is the state/government they proclaimed. News uses both for
//   the same actors but they differ in time (1996-2001 and since 2021) and in role (a movement
//   that fights, a government that signs). `related` records the link; the linker decides.
// - "ISKP" is a branch of the Islamic State, not the same organisation: separate groups, related.
// - Country alias groups (US, UK, Russia...) are PLACE: the same names are in the gazetteer and
//   lookupPlace gives the same canonical name (a test checks this).
// - Bare generic names are left out when they name other bodies too: "Security Council" (Russia
//   has one), "General Assembly", "Red Cross" (national societies), "EC", "AU", "Emirates".
// - Acronyms are matched case-sensitively ("US", not "us"; "IS", not "is"), other names with any
//   case after a capital first letter; dashes and spaces around them do not matter
//   ("Islamic State – Khorasan Province" = "Islamic State-Khorasan Province").

export interface AliasGroup {
  canonical: string;
  type: 'ORG' | 'PLACE' | 'MISC';
  /** Other names; the canonical name is a member too. */
  aliases: readonly string[];
  /** Canonical name of a group this one is closely tied to but not the same as. */
  related?: string;
}

export const ALIAS_GROUPS: readonly AliasGroup[] = [
  // Armed and political movements
  { canonical: 'Islamic State', type: 'ORG', aliases: ['ISIS', 'ISIL', 'IS', 'Daesh', 'Da’esh', 'Daish', 'Islamic State of Iraq and Syria', 'Islamic State of Iraq and the Levant', 'Islamic State group'] },
  {
    canonical: 'Islamic State Khorasan Province', type: 'ORG', related: 'Islamic State',
    aliases: ['ISKP', 'IS-K', 'ISIS-K', 'ISIL-K', 'ISK', 'Daesh-KP', 'Daesh-Khorasan', 'Daesh Khorasan', 'IS-Khorasan', 'ISIS-Khorasan',
      'Islamic State – Khorasan Province', 'Islamic State-Khorasan Province', 'Islamic State Khorasan', 'Islamic State in Khorasan Province',
      'Islamic State of Khorasan Province', 'Wilayat Khorasan', 'ISIS-KP', 'IS-KP'],
  },
  { canonical: 'Taliban', type: 'ORG', related: 'Islamic Emirate of Afghanistan', aliases: ['Afghan Taliban', 'Taleban', 'Taliban movement'] },
  { canonical: 'Islamic Emirate of Afghanistan', type: 'ORG', related: 'Taliban', aliases: ['IEA', 'Islamic Emirate'] },
  { canonical: 'Tehrik-i-Taliban Pakistan', type: 'ORG', related: 'Taliban', aliases: ['TTP', 'Pakistani Taliban', 'Tehreek-e-Taliban Pakistan', 'Tehrik-e-Taliban Pakistan', 'Tehrik-i-Taliban'] },
  { canonical: 'al-Qaeda', type: 'ORG', aliases: ['Al-Qaeda', 'al Qaeda', 'Al Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaida', 'Al Qaida', 'al-Qa’ida', 'Qaeda'] },
  { canonical: 'al-Qaeda in the Indian Subcontinent', type: 'ORG', related: 'al-Qaeda', aliases: ['AQIS'] },
  { canonical: 'Haqqani Network', type: 'ORG', related: 'Taliban', aliases: [] },
  { canonical: 'Islamic Movement of Uzbekistan', type: 'ORG', aliases: ['IMU'] },
  { canonical: 'Hezbollah', type: 'ORG', aliases: ['Hizbollah', 'Hizbullah', 'Hizballah', 'Hezbullah'] },
  { canonical: 'Hamas', type: 'ORG', aliases: ['HAMAS'] },
  { canonical: 'Houthis', type: 'ORG', aliases: ['Houthi', 'Houthi movement', 'Ansar Allah', 'Ansarullah'] },
  { canonical: 'Hayat Tahrir al-Sham', type: 'ORG', aliases: ['HTS', 'Hay’at Tahrir al-Sham'] },
  { canonical: 'Muslim Brotherhood', type: 'ORG', aliases: ['Ikhwan'] },
  { canonical: 'National Resistance Front', type: 'ORG', aliases: ['NRF', 'National Resistance Front of Afghanistan'] },

  // International organisations
  { canonical: 'United Nations', type: 'ORG', aliases: ['UN', 'U.N.', 'United Nations Organization', 'United Nations Organisation'] },
  { canonical: 'UN Security Council', type: 'ORG', related: 'United Nations', aliases: ['UNSC', 'United Nations Security Council', 'U.N. Security Council'] },
  { canonical: 'UN General Assembly', type: 'ORG', related: 'United Nations', aliases: ['UNGA', 'United Nations General Assembly', 'U.N. General Assembly'] },
  { canonical: 'UN Assistance Mission in Afghanistan', type: 'ORG', related: 'United Nations', aliases: ['UNAMA', 'United Nations Assistance Mission in Afghanistan'] },
  { canonical: 'UNHCR', type: 'ORG', related: 'United Nations', aliases: ['UN Refugee Agency', 'United Nations High Commissioner for Refugees', 'Office of the United Nations High Commissioner for Refugees'] },
  { canonical: 'UNICEF', type: 'ORG', related: 'United Nations', aliases: ['United Nations Children’s Fund', "United Nations Children's Fund", 'Unicef'] },
  { canonical: 'World Food Programme', type: 'ORG', related: 'United Nations', aliases: ['WFP', 'World Food Program', 'UN World Food Programme'] },
  { canonical: 'World Health Organization', type: 'ORG', related: 'United Nations', aliases: ['WHO', 'World Health Organisation'] },
  { canonical: 'UN Development Programme', type: 'ORG', related: 'United Nations', aliases: ['UNDP', 'United Nations Development Programme', 'United Nations Development Program'] },
  { canonical: 'UNESCO', type: 'ORG', related: 'United Nations', aliases: ['Unesco', 'United Nations Educational, Scientific and Cultural Organization'] },
  { canonical: 'International Atomic Energy Agency', type: 'ORG', aliases: ['IAEA'] },
  { canonical: 'International Criminal Court', type: 'ORG', aliases: ['ICC'] },
  { canonical: 'International Court of Justice', type: 'ORG', aliases: ['ICJ', 'World Court'] },
  { canonical: 'International Committee of the Red Cross', type: 'ORG', aliases: ['ICRC'] },
  { canonical: 'NATO', type: 'ORG', aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'Nato', 'OTAN'] },
  // A union of states with territory and citizens, named like a country ("in the EU", "EU airspace"): PLACE, as news gold has it.
  { canonical: 'European Union', type: 'PLACE', aliases: ['EU', 'E.U.'] },
  { canonical: 'European Commission', type: 'ORG', related: 'European Union', aliases: [] },
  { canonical: 'Shanghai Cooperation Organisation', type: 'ORG', aliases: ['SCO', 'Shanghai Cooperation Organization'] },
  { canonical: 'Collective Security Treaty Organization', type: 'ORG', aliases: ['CSTO', 'Collective Security Treaty Organisation'] },
  { canonical: 'Commonwealth of Independent States', type: 'ORG', aliases: ['CIS'] },
  { canonical: 'Eurasian Economic Union', type: 'ORG', aliases: ['EAEU', 'EEU'] },
  { canonical: 'Organisation of Islamic Cooperation', type: 'ORG', aliases: ['OIC', 'Organization of Islamic Cooperation', 'Organisation of the Islamic Conference', 'Organization of the Islamic Conference'] },
  { canonical: 'Organization for Security and Co-operation in Europe', type: 'ORG', aliases: ['OSCE', 'Organisation for Security and Co-operation in Europe', 'Organization for Security and Cooperation in Europe'] },
  { canonical: 'Association of Southeast Asian Nations', type: 'ORG', aliases: ['ASEAN', 'Asean'] },
  { canonical: 'South Asian Association for Regional Cooperation', type: 'ORG', aliases: ['SAARC'] },
  { canonical: 'Gulf Cooperation Council', type: 'ORG', aliases: ['GCC'] },
  { canonical: 'Arab League', type: 'ORG', aliases: ['League of Arab States'] },
  { canonical: 'African Union', type: 'ORG', aliases: [] },
  { canonical: 'BRICS', type: 'ORG', aliases: ['Brics'] },
  { canonical: 'Group of Seven', type: 'ORG', aliases: ['G7', 'G-7'] },
  { canonical: 'Group of Twenty', type: 'ORG', aliases: ['G20', 'G-20'] },
  { canonical: 'OPEC', type: 'ORG', aliases: ['Organization of the Petroleum Exporting Countries', 'Opec'] },
  { canonical: 'International Monetary Fund', type: 'ORG', aliases: ['IMF'] },
  { canonical: 'World Bank', type: 'ORG', aliases: ['World Bank Group'] },
  { canonical: 'Asian Development Bank', type: 'ORG', aliases: ['ADB'] },
  { canonical: 'Asian Infrastructure Investment Bank', type: 'ORG', aliases: ['AIIB'] },
  { canonical: 'World Trade Organization', type: 'ORG', aliases: ['WTO', 'World Trade Organisation'] },
  { canonical: 'Financial Action Task Force', type: 'ORG', aliases: ['FATF'] },
  { canonical: 'Interpol', type: 'ORG', aliases: ['INTERPOL', 'International Criminal Police Organization'] },

  // Governments' seats and agencies named by metonymy or acronym
  { canonical: 'Kremlin', type: 'ORG', aliases: [] },
  { canonical: 'White House', type: 'ORG', aliases: [] },
  { canonical: 'Pentagon', type: 'ORG', aliases: ['US Department of Defense', 'U.S. Department of Defense', 'Department of Defense', 'DoD'] },
  { canonical: 'US State Department', type: 'ORG', aliases: ['State Department', 'U.S. State Department', 'US Department of State', 'U.S. Department of State', 'Department of State'] },
  { canonical: 'Downing Street', type: 'ORG', aliases: [] },
  { canonical: 'Central Intelligence Agency', type: 'ORG', aliases: ['CIA'] },
  { canonical: 'Federal Bureau of Investigation', type: 'ORG', aliases: ['FBI'] },
  { canonical: 'Federal Security Service', type: 'ORG', aliases: ['FSB'] },
  { canonical: 'KGB', type: 'ORG', aliases: ['Committee for State Security'] },
  { canonical: 'GRU', type: 'ORG', aliases: ['Main Intelligence Directorate'] },
  { canonical: 'Inter-Services Intelligence', type: 'ORG', aliases: ['ISI', 'Inter Services Intelligence'] },
  { canonical: 'Islamic Revolutionary Guard Corps', type: 'ORG', aliases: ['IRGC', 'Revolutionary Guards', 'Revolutionary Guard', 'Islamic Revolutionary Guards Corps'] },
  { canonical: 'MI6', type: 'ORG', aliases: ['Secret Intelligence Service'] },
  { canonical: 'Mossad', type: 'ORG', aliases: [] },
  { canonical: 'State Duma', type: 'ORG', aliases: ['Duma'] },

  // News agencies and broadcasters, cited in nearly every article
  { canonical: 'Reuters', type: 'ORG', aliases: ['Thomson Reuters'] },
  { canonical: 'Associated Press', type: 'ORG', aliases: ['AP'] },
  { canonical: 'Agence France-Presse', type: 'ORG', aliases: ['AFP', 'Agence France Presse'] },
  { canonical: 'TASS', type: 'ORG', aliases: ['Tass', 'ITAR-TASS'] },
  { canonical: 'RIA Novosti', type: 'ORG', aliases: ['RIA'] },
  { canonical: 'Interfax', type: 'ORG', aliases: [] },
  { canonical: 'Xinhua', type: 'ORG', aliases: ['Xinhua News Agency'] },
  { canonical: 'BBC', type: 'ORG', aliases: ['British Broadcasting Corporation'] },
  { canonical: 'CNN', type: 'ORG', aliases: ['Cable News Network'] },
  { canonical: 'Al Jazeera', type: 'ORG', aliases: ['Al-Jazeera', 'Aljazeera', 'al-Jazeera'] },
  { canonical: 'Radio Free Europe/Radio Liberty', type: 'ORG', aliases: ['RFE/RL', 'Radio Free Europe', 'Radio Liberty'] },
  { canonical: 'Voice of America', type: 'ORG', aliases: ['VOA'] },
  { canonical: 'TOLOnews', type: 'ORG', aliases: ['Tolo News', 'ToloNews'] },

  // Countries and cities with names that share no words (the gazetteer has them too)
  { canonical: 'United States', type: 'PLACE', aliases: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States of America', 'America'] },
  { canonical: 'United Kingdom', type: 'PLACE', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'] },
  { canonical: 'Russia', type: 'PLACE', aliases: ['Russian Federation'] },
  { canonical: 'China', type: 'PLACE', aliases: ['People’s Republic of China', "People's Republic of China", 'PRC'] },
  { canonical: 'Soviet Union', type: 'PLACE', aliases: ['USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'] },
  { canonical: 'United Arab Emirates', type: 'PLACE', aliases: ['UAE', 'U.A.E.'] },
  { canonical: 'Myanmar', type: 'PLACE', aliases: ['Burma'] },
  { canonical: 'Iran', type: 'PLACE', aliases: ['Islamic Republic of Iran', 'Persia'] },
  { canonical: 'North Korea', type: 'PLACE', aliases: ['DPRK', 'Democratic People’s Republic of Korea', "Democratic People's Republic of Korea"] },
  { canonical: 'Democratic Republic of the Congo', type: 'PLACE', aliases: ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa'] },

  // Named things (MISC)
  { canonical: 'China–Pakistan Economic Corridor', type: 'MISC', aliases: ['CPEC', 'China-Pakistan Economic Corridor'] },
  { canonical: 'Belt and Road Initiative', type: 'MISC', aliases: ['BRI', 'One Belt, One Road', 'One Belt One Road', 'OBOR', 'Belt and Road'] },
  { canonical: 'TAPI pipeline', type: 'MISC', aliases: ['TAPI', 'TAPI gas pipeline', 'Turkmenistan–Afghanistan–Pakistan–India Pipeline', 'Turkmenistan-Afghanistan-Pakistan-India pipeline'] },
  { canonical: 'CASA-1000', type: 'MISC', aliases: ['CASA 1000', 'CASA-1000 project'] },
  { canonical: 'Doha Agreement', type: 'MISC', aliases: ['Doha Accord', 'Doha deal', 'Agreement for Bringing Peace to Afghanistan'] },
  { canonical: 'September 11 attacks', type: 'MISC', aliases: ['9/11', 'September 11', '9/11 attacks'] },
  { canonical: 'World War II', type: 'MISC', aliases: ['Second World War', 'WWII', 'WW2', 'World War Two'] },
  { canonical: 'World War I', type: 'MISC', aliases: ['First World War', 'WWI', 'WW1', 'World War One', 'Great War'] },
  { canonical: 'Cold War', type: 'MISC', aliases: [] },
  { canonical: 'COVID-19', type: 'MISC', aliases: ['Covid-19', 'COVID', 'Covid', 'Covid-19 pandemic', 'COVID-19 pandemic'] },
];
