// The curated part of the gazetteer. Countries, their official names and capitals come from
// packages (i18n-iso-countries, world-countries); this file adds what news needs beyond them:
// the English names news actually uses ("Turkey", "Burma", "Holland"), states that no longer
// exist ("Soviet Union"), major cities, and the regions and provinces that news about Central and
// South Asia, the Middle East and Russia names all the time (Khorasan, Helmand, Donbas, Xinjiang).
//
// Why a curated city list and not a large gazetteer: large city lists hold towns called "March",
// "Of", "Nice", "Reading", "Mobile", "Mary" and "China", which would turn ordinary words into
// places. Every name here was chosen by hand, and names that are ordinary English words or common
// first names were left out (Nice, Reading, Split, Male, Mary, Victoria, Douglas, Hamilton;
// "Balkan" the Turkmen province; "Tyre" in Lebanon). A test checks the list against the
// common-word list.
//
// Format: each value is a list separated by ";", each item a name with its aliases after "=":
// "Mazar-i-Sharif = Mazar-e-Sharif = Mazar". Keys are canonical country names (as the gazetteer
// gives them) or "" for places that lie in no single country.

/** Canonical names that differ from world-countries' common name, by ISO 3166-1 alpha-2 code. */
export const COUNTRY_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  TR: 'Turkey', // the package says Türkiye; English-language news mostly says Turkey
  CD: 'Democratic Republic of the Congo', // the package says "DR Congo"
  MO: 'Macau',
};

/** English names of countries that neither package has, by canonical name. */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  'Turkey': 'Türkiye = Turkiye = Republic of Turkey',
  'Netherlands': 'Holland',
  'Czechia': 'Czech Republic',
  'Eswatini': 'Swaziland',
  'North Macedonia': 'Macedonia',
  'Timor-Leste': 'East Timor',
  'Cape Verde': 'Cabo Verde',
  'Vatican City': 'Vatican = Holy See',
  'Palestine': 'Palestinian Territories = Occupied Palestinian Territories = State of Palestine',
  'Republic of the Congo': 'Congo-Brazzaville',
  'Democratic Republic of the Congo': 'Congo',
  'Kyrgyzstan': 'Kyrgyz Republic = Kirghizia',
  'Belarus': 'Byelorussia',
  'Vietnam': 'Viet Nam',
  'Laos': 'Lao PDR',
  'Moldova': 'Republic of Moldova',
  'South Korea': 'Republic of Korea',
  'Syria': 'Syrian Arab Republic',
  'Brunei': 'Brunei Darussalam',
  'Gambia': 'The Gambia',
  'Bahamas': 'The Bahamas',
  'Ivory Coast': "Côte d'Ivoire = Cote d'Ivoire",
  'Kazakhstan': 'Republic of Kazakhstan',
};

/** States that no ISO list has: the United Kingdom's nations and historical states. */
export const OTHER_COUNTRIES: readonly string[] = [
  'England', 'Scotland', 'Wales', 'Northern Ireland', 'Soviet Union', 'Yugoslavia', 'Czechoslovakia',
  'East Germany = German Democratic Republic = GDR', 'West Germany', 'Ottoman Empire', 'Russian Empire',
];

/** Capitals in world-countries that are left out: ordinary words or common first names. */
export const EXCLUDED_CAPITALS: readonly string[] = ['Victoria', 'Malé', 'City of Victoria', 'The Valley', 'West Island', 'Kingston'];

/** Major cities, by country. Capitals come from world-countries and need not be repeated. */
export const CITIES: Readonly<Record<string, string>> = {
  'Afghanistan': 'Kabul; Kandahar; Herat; Mazar-i-Sharif = Mazar-e-Sharif = Mazar-e Sharif = Mazar; Jalalabad; Kunduz; '
    + 'Ghazni; Lashkar Gah = Lashkargah; Taloqan; Faizabad = Fayzabad; Pul-i-Khumri = Pul-e-Khumri = Puli Khumri; '
    + 'Sheberghan = Shibirghan; Maymana = Maimana; Bamyan = Bamiyan; Gardez; Khost; Asadabad; Mehtarlam; Charikar; '
    + 'Zaranj; Farah; Tarinkot; Qalat; Sharana; Chaghcharan; Aybak; Pul-i-Alam; Spin Boldak; Torkham; Hairatan; '
    + 'Islam Qala; Sher Khan Bandar; Bagram; Musa Qala; Sangin; Tora Bora',
  'Pakistan': 'Karachi; Lahore; Peshawar; Quetta; Rawalpindi; Faisalabad; Multan; Gwadar; Abbottabad; Sialkot; '
    + 'Gujranwala; Mardan; Chitral; Gilgit; Chaman; Miranshah = Miramshah; Wana; Bannu; Dera Ismail Khan; Mingora; Parachinar',
  'Tajikistan': 'Khujand; Kulob = Kulyab; Bokhtar = Qurghonteppa = Kurgan-Tyube; Khorog; Istaravshan; Panjakent = Penjikent; Vahdat',
  'Uzbekistan': 'Samarkand = Samarqand; Bukhara = Buxoro; Termez = Termiz; Andijan = Andijon; Namangan; Fergana = Ferghana = Farg‘ona; '
    + 'Nukus; Karshi = Qarshi; Navoi = Navoiy; Urgench; Khiva; Kokand = Qoqon',
  'Kazakhstan': 'Astana = Nur-Sultan; Almaty = Alma-Ata; Shymkent; Karaganda = Karagandy; Aktau; Atyrau; Aktobe; Semey = Semipalatinsk; Oskemen = Ust-Kamenogorsk; Baikonur',
  'Kyrgyzstan': 'Osh; Jalal-Abad; Karakol; Batken; Tokmok',
  'Turkmenistan': 'Ashgabat = Ashkhabad; Turkmenabat; Dashoguz; Turkmenbashi; Serhetabat = Kushka',
  'Iran': 'Tehran = Teheran; Mashhad; Isfahan = Esfahan; Tabriz; Shiraz; Qom; Ahvaz; Zahedan; Kerman; Bandar Abbas; Chabahar; Kermanshah; Natanz; Bushehr',
  'Iraq': 'Basra; Mosul; Erbil = Arbil; Kirkuk; Najaf; Karbala; Fallujah; Ramadi; Sulaymaniyah = Sulaimaniya; Tikrit; Samarra',
  'Syria': 'Aleppo; Homs; Raqqa; Deir ez-Zor = Deir al-Zour; Latakia; Hama; Daraa; Palmyra; Kobani; Manbij',
  'Lebanon': 'Sidon',
  'Israel': 'Tel Aviv; Haifa; Eilat',
  'Palestine': 'Gaza City; Ramallah; Hebron; Rafah; Khan Younis; Nablus; Jenin; Bethlehem',
  'Saudi Arabia': 'Jeddah; Mecca = Makkah; Medina = Madinah; Dammam; Neom',
  'United Arab Emirates': 'Dubai; Sharjah',
  'Yemen': 'Sanaa = Sana’a; Aden; Hodeidah; Marib',
  'Egypt': 'Alexandria; Giza; Sharm el-Sheikh; Port Said',
  'Turkey': 'Istanbul; Izmir; Antalya; Gaziantep; Diyarbakir; Bursa; Adana',
  'Azerbaijan': 'Ganja; Sumgait; Shusha',
  'Georgia': 'Batumi; Kutaisi',
  'Russia': 'Saint Petersburg = St. Petersburg = St Petersburg = Petersburg = Leningrad; Novosibirsk; Yekaterinburg; Kazan; '
    + 'Nizhny Novgorod; Chelyabinsk; Samara; Omsk; Rostov-on-Don = Rostov; Ufa; Krasnoyarsk; Perm; Voronezh; Volgograd = Stalingrad; '
    + 'Krasnodar; Sochi; Vladivostok; Kaliningrad; Murmansk; Irkutsk; Khabarovsk; Belgorod; Kursk; Bryansk; Tyumen; Tomsk; '
    + 'Orenburg; Astrakhan; Grozny; Makhachkala; Nalchik; Vladikavkaz; Magas; Sevastopol; Simferopol',
  'Ukraine': 'Kyiv = Kiev; Kharkiv = Kharkov; Odesa = Odessa; Dnipro = Dnipropetrovsk; Donetsk; Luhansk = Lugansk; Mariupol; '
    + 'Zaporizhzhia = Zaporozhye; Lviv; Kherson; Bakhmut; Avdiivka; Mykolaiv; Kramatorsk',
  'Belarus': 'Gomel; Brest',
  'Moldova': 'Chisinau = Kishinev; Tiraspol',
  'China': 'Beijing = Peking; Shanghai; Guangzhou; Shenzhen; Chongqing; Tianjin; Wuhan; Chengdu; Xi’an = Xian; '
    + 'Hangzhou; Nanjing; Urumqi; Kashgar = Kashi; Lhasa; Harbin; Kunming; Dalian; Qingdao; Xiamen',
  'India': 'New Delhi; Delhi; Mumbai = Bombay; Kolkata = Calcutta; Chennai = Madras; Bangalore = Bengaluru; Hyderabad; Ahmedabad; '
    + 'Srinagar; Amritsar; Jaipur; Lucknow; Pune; Varanasi; Agra',
  'Bangladesh': 'Chittagong = Chattogram',
  'Japan': 'Osaka; Kyoto; Hiroshima; Nagasaki; Yokohama; Fukushima',
  'South Korea': 'Busan',
  'Mongolia': 'Ulaanbaatar = Ulan Bator',
  'Vietnam': 'Ho Chi Minh City = Saigon',
  'Myanmar': 'Yangon = Rangoon; Mandalay',
  'Indonesia': 'Surabaya',
  'Philippines': 'Davao; Cebu',
  'Germany': 'Munich; Frankfurt; Hamburg; Cologne; Bonn; Stuttgart; Dresden; Leipzig; Düsseldorf',
  'France': 'Marseille; Lyon; Strasbourg; Toulouse; Bordeaux',
  'Italy': 'Milan; Naples; Turin; Florence; Venice',
  'Spain': 'Barcelona; Seville; Valencia',
  'Switzerland': 'Geneva; Zurich; Davos; Lausanne',
  'Netherlands': 'The Hague = Hague; Rotterdam',
  'Belgium': 'Antwerp',
  'Poland': 'Krakow = Kraków; Gdansk = Gdańsk; Rzeszow = Rzeszów',
  'Austria': 'Salzburg',
  'United Kingdom': 'Manchester; Birmingham; Liverpool; Glasgow; Edinburgh; Belfast; Cardiff; Oxford; Cambridge; Leeds',
  'United States': 'Washington = Washington D.C. = Washington, D.C. = Washington DC; New York = New York City = NYC; Los Angeles; '
    + 'Chicago; Houston; San Francisco; Boston; Miami; Seattle; Atlanta; Philadelphia; Detroit; Dallas; Denver; Las Vegas; Baltimore; '
    + 'Pittsburgh; New Orleans; San Diego; Minneapolis; Honolulu',
  'Canada': 'Toronto; Montreal; Vancouver; Calgary',
  'Mexico': 'Guadalajara; Monterrey; Tijuana',
  'Brazil': 'São Paulo = Sao Paulo; Rio de Janeiro = Rio',
  'Argentina': 'Córdoba',
  'Colombia': 'Medellín = Medellin; Cali',
  'Venezuela': 'Maracaibo',
  'Nigeria': 'Lagos; Kano; Maiduguri',
  'South Africa': 'Johannesburg; Durban',
  'Kenya': 'Mombasa',
  'Tanzania': 'Dar es Salaam',
  'Morocco': 'Casablanca; Marrakesh = Marrakech; Tangier',
  'Libya': 'Benghazi; Misrata',
  'Sudan': 'Omdurman; Port Sudan',
  'Mali': 'Timbuktu; Gao',
  'Democratic Republic of the Congo': 'Goma; Lubumbashi',
  'Ethiopia': 'Mekelle',
  'Australia': 'Sydney; Melbourne; Brisbane; Perth',
  'New Zealand': 'Auckland',
};

/** First-level administrative units and well-known sub-national areas, by country. */
export const PROVINCES: Readonly<Record<string, string>> = {
  // A province that shares its name with its capital (Kandahar, Herat) takes the canonical name
  // "Kandahar Province"; the bare name is the city.
  'Afghanistan': 'Badakhshan; Badghis; Baghlan; Balkh; Bamyan; Daykundi = Daikundi; Farah; Faryab; Ghazni; Ghor; Helmand; Herat; '
    + 'Jowzjan = Jawzjan; Kabul; Kandahar; Kapisa; Khost; Kunar; Kunduz; Laghman; Logar; Nangarhar; Nimruz = Nimroz; Nuristan; '
    + 'Paktia = Paktiya; Paktika; Panjshir = Panjsher; Parwan; Samangan; Sar-e Pol = Sar-i-Pul = Sar-e-Pul; Takhar; Uruzgan = Oruzgan; '
    + 'Wardak = Maidan Wardak; Zabul',
  'Pakistan': 'Balochistan = Baluchistan; Khyber Pakhtunkhwa = Khyber-Pakhtunkhwa = North-West Frontier Province; Sindh; '
    + 'Gilgit-Baltistan; Azad Kashmir = Azad Jammu and Kashmir; Federally Administered Tribal Areas = FATA',
  'Tajikistan': 'Sughd = Sogd; Khatlon; Gorno-Badakhshan = Gorno-Badakhshan Autonomous Region = GBAO = Mountainous Badakhshan',
  'Uzbekistan': 'Karakalpakstan; Surkhandarya = Surxondaryo; Kashkadarya = Qashqadaryo; Khorezm = Xorazm; Jizzakh; Syrdarya = Sirdaryo',
  'Kyrgyzstan': 'Chuy = Chui; Issyk-Kul = Issyk Kul; Naryn; Talas',
  'Turkmenistan': 'Ahal; Lebap',
  'Iran': 'Sistan and Baluchestan = Sistan-Baluchestan = Sistan-Baluchistan; Razavi Khorasan = Khorasan Razavi; Khuzestan',
  'Iraq': 'Anbar; Nineveh = Ninawa; Kurdistan Region = Iraqi Kurdistan = Kurdistan Regional Government',
  'Syria': 'Idlib; Hasakah',
  'Russia': 'Chechnya = Chechen Republic; Dagestan; Ingushetia; Tatarstan; Bashkortostan; Yakutia; Buryatia; Tuva; Kabardino-Balkaria',
  'China': 'Xinjiang = Xinjiang Uyghur Autonomous Region = Xinjiang Uighur Autonomous Region; Tibet = Tibet Autonomous Region; '
    + 'Yunnan; Sichuan; Guangdong; Fujian; Inner Mongolia; Gansu; Qinghai; Hubei; Zhejiang; Jiangsu',
  'India': 'Jammu and Kashmir; Ladakh; Uttar Pradesh; Maharashtra; Gujarat; Assam; Kerala; Tamil Nadu; West Bengal; Bihar; Rajasthan',
  'Ethiopia': 'Tigray; Amhara',
  'Sudan': 'Darfur',
  'United States': 'Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida; Hawaii; '
    + 'Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland; Massachusetts; Michigan; Minnesota; '
    + 'Mississippi; Missouri; Montana; Nebraska; Nevada; New Hampshire; New Jersey; New Mexico; North Carolina; North Dakota; '
    + 'Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah; Vermont; '
    + 'Virginia; West Virginia; Wisconsin; Wyoming',
  'Canada': 'Ontario; Quebec; British Columbia; Alberta; Manitoba; Saskatchewan; Nova Scotia; New Brunswick',
  'Australia': 'New South Wales; Queensland; Tasmania',
};

/** Regions: supranational, historical, disputed, and landforms named without a head word. */
export const REGIONS: Readonly<Record<string, string>> = {
  '': 'Central Asia; South Asia; Southeast Asia = South-East Asia = South East Asia; East Asia; West Asia; Middle East = Mideast; '
    + 'Near East; Far East; Eurasia; Asia-Pacific; Indo-Pacific; Caucasus; South Caucasus = Transcaucasia; North Caucasus; '
    + 'Balkans; Western Balkans; Baltics = Baltic States; Scandinavia; Europe; Eastern Europe; Western Europe; Central Europe; '
    + 'Asia; Africa; North Africa; West Africa; East Africa; Southern Africa; Sub-Saharan Africa; Horn of Africa; Sahel; '
    + 'Maghreb; Levant; Persian Gulf; Arabian Peninsula; Latin America; South America; North America; Central America; '
    + 'Caribbean; Oceania; Arctic; Khorasan = Khurasan; Turkestan; Fergana Valley = Ferghana Valley; Pamir = Pamirs = Pamir Mountains; '
    + 'Hindu Kush; Kashmir; Punjab; Kurdistan; Amu Darya = Oxus; Syr Darya; Caspian; Mediterranean; '
    + 'Pacific; Atlantic',
  'Afghanistan': 'Wakhan Corridor = Wakhan; Panjshir Valley',
  'Pakistan': 'Waziristan; North Waziristan; South Waziristan; Bajaur; Kurram; Khyber; Swat Valley = Swat',
  'Russia': 'Siberia; Urals; Russian Far East',
  'Ukraine': 'Crimea = Crimean Peninsula; Donbas = Donbass',
  'Palestine': 'Gaza = Gaza Strip; West Bank',
  'Israel': 'Golan Heights = Golan',
  'Egypt': 'Sinai = Sinai Peninsula',
  'Azerbaijan': 'Nagorno-Karabakh = Karabakh = Artsakh',
  'Georgia': 'Abkhazia; South Ossetia',
  'Moldova': 'Transnistria = Transdniestria',
};
