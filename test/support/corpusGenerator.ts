// A scale corpus of news articles, made from a seed: deterministic, varied, and shaped like the
// corpora Corpus Lens is for. Titles in title case, datelines, paragraphs with quotations (straight
// and curly), footnote markers after punctuation with a notes block, people with invented names
// (built from syllables, so no lexicon knows them) behind titles, organisations with head words and
// acronyms, real places, dates written many ways, and happenings (meetings, visits, attacks,
// statements, agreements, arrests, decisions) that several articles report with the same
// participants and date. Pure: no IO; bench/generate.ts writes the files. Shared by the tests, the
// benchmarks and training (its mulberry32), so it lives in test/support/ rather than in bench/.
import { isCommonWord, isMiscHead, isOrgHead, isOrgPrefix, isPlaceHead, isTitleWord, lookupAlias, lookupNationality, lookupPlace } from '../../src/core/entities/lexicon.js';

// ---- Randomness ---------------------------------------------------------------------------------

/** mulberry32: a 32-bit state PRNG, uniform in [0, 1). Small, fast, and the same everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one 32-bit seed (FNV-1a over their bytes), for independent streams. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (let k = 0; k < 4; k++) {
      h ^= (p >>> (k * 8)) & 0xff;
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

class Rng {
  constructor(private readonly next: () => number) {}
  static of(...parts: number[]): Rng {
    return new Rng(mulberry32(mix(...parts)));
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Index in [0, n) with a Zipf-like skew: low indices are much more frequent. */
  skewed(n: number, power = 1.6): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), power)));
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ---- Calendar -----------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_MS = 86_400_000;
/** Days since 1970-01-01 (UTC) of the first and last day articles may talk about. */
const FIRST_DAY = Date.UTC(2019, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;

interface Day {
  y: number;
  m: number; // 0-11
  d: number;
  weekday: number; // 0 = Sunday
  n: number; // days since epoch
}

function day(n: number): Day {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate(), weekday: date.getUTCDay(), n };
}

const iso = (t: Day) => `${t.y}-${String(t.m + 1).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;
const longDate = (t: Day) => `${MONTHS[t.m]} ${t.d}, ${t.y}`;
const britishDate = (t: Day) => `${t.d} ${MONTHS[t.m]} ${t.y}`;
const monthDay = (t: Day) => `${MONTHS[t.m]} ${t.d}`;
const monthYear = (t: Day) => `${MONTHS[t.m]} ${t.y}`;

// ---- The world: places, people, organisations -----------------------------------------------------

interface Country {
  name: string;
  /** The adjective and demonym: "Uzbek". */
  adj: string;
  cities: string[];
  /** Provinces or regions that take the head word "Province". */
  provinces: string[];
}

const COUNTRIES: Country[] = [
  { name: 'Afghanistan', adj: 'Afghan', cities: ['Kabul', 'Kandahar', 'Herat', 'Mazar-i-Sharif', 'Jalalabad', 'Kunduz'], provinces: ['Nangarhar', 'Helmand', 'Badakhshan', 'Balkh', 'Bamyan'] },
  { name: 'Pakistan', adj: 'Pakistani', cities: ['Islamabad', 'Karachi', 'Lahore', 'Peshawar', 'Quetta', 'Gwadar'], provinces: ['Punjab', 'Sindh', 'Balochistan'] },
  { name: 'Iran', adj: 'Iranian', cities: ['Tehran', 'Mashhad', 'Isfahan', 'Zahedan', 'Chabahar'], provinces: ['Khorasan', 'Sistan'] },
  { name: 'Russia', adj: 'Russian', cities: ['Moscow', 'Saint Petersburg', 'Kazan'], provinces: [] },
  { name: 'China', adj: 'Chinese', cities: ['Beijing', 'Shanghai', 'Urumqi', 'Kashgar'], provinces: ['Xinjiang', 'Yunnan'] },
  { name: 'India', adj: 'Indian', cities: ['New Delhi', 'Mumbai'], provinces: [] },
  { name: 'Uzbekistan', adj: 'Uzbek', cities: ['Tashkent', 'Samarkand', 'Termez', 'Andijan', 'Nukus'], provinces: ['Fergana', 'Surkhandarya'] },
  { name: 'Tajikistan', adj: 'Tajik', cities: ['Dushanbe', 'Khujand', 'Kulob'], provinces: ['Sughd', 'Khatlon'] },
  { name: 'Kyrgyzstan', adj: 'Kyrgyz', cities: ['Bishkek', 'Osh'], provinces: ['Batken', 'Naryn'] },
  { name: 'Kazakhstan', adj: 'Kazakh', cities: ['Astana', 'Almaty'], provinces: [] },
  { name: 'Turkmenistan', adj: 'Turkmen', cities: ['Ashgabat'], provinces: [] },
  { name: 'Turkey', adj: 'Turkish', cities: ['Ankara', 'Istanbul'], provinces: [] },
  { name: 'Qatar', adj: 'Qatari', cities: ['Doha'], provinces: [] },
  { name: 'Saudi Arabia', adj: 'Saudi', cities: ['Riyadh', 'Jeddah'], provinces: [] },
  { name: 'United Arab Emirates', adj: 'Emirati', cities: ['Abu Dhabi', 'Dubai'], provinces: [] },
  { name: 'Egypt', adj: 'Egyptian', cities: ['Cairo'], provinces: [] },
  { name: 'Iraq', adj: 'Iraqi', cities: ['Baghdad', 'Mosul', 'Erbil'], provinces: [] },
  { name: 'Syria', adj: 'Syrian', cities: ['Damascus', 'Aleppo'], provinces: [] },
  { name: 'Germany', adj: 'German', cities: ['Berlin', 'Munich'], provinces: [] },
  { name: 'France', adj: 'French', cities: ['Paris'], provinces: [] },
  { name: 'United Kingdom', adj: 'British', cities: ['London'], provinces: [] },
  { name: 'United States', adj: 'American', cities: ['Washington'], provinces: [] },
  { name: 'Japan', adj: 'Japanese', cities: ['Tokyo'], provinces: [] },
  { name: 'Azerbaijan', adj: 'Azerbaijani', cities: ['Baku'], provinces: [] },
  { name: 'Armenia', adj: 'Armenian', cities: ['Yerevan'], provinces: [] },
  { name: 'Georgia', adj: 'Georgian', cities: ['Tbilisi'], provinces: [] },
  { name: 'Ukraine', adj: 'Ukrainian', cities: ['Kyiv', 'Odesa', 'Kharkiv'], provinces: [] },
  { name: 'Poland', adj: 'Polish', cities: ['Warsaw'], provinces: [] },
  { name: 'Norway', adj: 'Norwegian', cities: ['Oslo'], provinces: [] },
  { name: 'Switzerland', adj: 'Swiss', cities: ['Geneva', 'Bern'], provinces: [] },
  { name: 'Austria', adj: 'Austrian', cities: ['Vienna'], provinces: [] },
  { name: 'Belgium', adj: 'Belgian', cities: ['Brussels'], provinces: [] },
];
/** The region most articles are about: these countries come up far more often. */
const CORE_COUNTRIES = 11;

const AGENCIES = ['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'Anadolu', 'IRNA', 'Kyodo', 'Interfax', 'Bakhtar'];

/** Title words before a person's name, with the lower-case form used in appositions. */
const ROLES: Array<{ title: string; org?: 'ministry' | 'group' | 'any' }> = [
  { title: 'President' }, { title: 'Prime Minister' }, { title: 'Foreign Minister' }, { title: 'Deputy Foreign Minister' },
  { title: 'Defense Minister' }, { title: 'Interior Minister' }, { title: 'Energy Minister' }, { title: 'Finance Minister' },
  { title: 'Ambassador' }, { title: 'Special Envoy' }, { title: 'Governor' }, { title: 'General' }, { title: 'Commander', org: 'group' },
  { title: 'Spokesman', org: 'any' }, { title: 'Director', org: 'any' }, { title: 'Chairman', org: 'any' }, { title: 'Mayor' },
  { title: 'Senator' }, { title: 'Mullah' }, { title: 'Deputy Prime Minister' },
];

export interface Person {
  first: string;
  last: string;
  /** A near spelling some articles use ("Karimov" → "Karimow"). */
  variantLast: string;
  title: string;
  country: Country;
  /** The city an ambassador serves in, or a governor governs. */
  post: string | null;
  org: Organisation | null;
}

export interface Organisation {
  name: string;
  acronym: string | null;
  /** How later mentions call it: the acronym, or a short form with its head word. */
  short: string;
  kind: 'ministry' | 'group' | 'company' | 'body' | 'media';
  country: Country | null;
}

export type HappeningKind = 'meeting' | 'visit' | 'attack' | 'statement' | 'agreement' | 'arrest' | 'decision';

export interface Happening {
  id: number;
  kind: HappeningKind;
  day: Day;
  /** For a range ("February 18-19, 2024"): the number of days it lasted. */
  days: number;
  place: string;
  country: Country;
  people: Person[];
  orgs: Organisation[];
  topic: string;
  killed: number;
  shared: boolean;
}

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'zh', 'ch', 'dr', 'gr', 'st', 'tr', 'y', 'q'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'a', 'ai', 'ei', 'ia', 'ou'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 'm', 's', 'd', 'k', 'z', 'v', 't', 'sh', 'nd', 'b'];
const SURNAME_ENDINGS = ['', '', 'ov', 'ev', 'ani', 'zai', 'yar', 'ski', 'ian', 'enko', 'ovich', 'uddin', 'ullah', 'i', 'ar', 'ez', 'berg', 'sen', 'oglu', 'bek', 'zade'];

const TOPICS = [
  'security cooperation', 'the development of trade relations', 'water sharing on the Amu Darya', 'the construction of a railway',
  'energy supplies', 'border security', 'the return of refugees', 'counter-narcotics efforts', 'regional connectivity',
  'humanitarian aid', 'the situation in the region', 'transit trade', 'visa rules for traders', 'electricity exports',
  'mining investments', 'the fight against terrorism', 'the release of detained citizens', 'grain deliveries', 'a gas pipeline',
  'education for girls', 'flood relief', 'customs procedures', 'the exchange of prisoners', 'banking restrictions', 'air links',
];
const GROUP_WORDS = ['Network', 'Front', 'Movement', 'Brigade', 'Militia'];
const BODY_ADJECTIVES = ['Regional', 'Central', 'National', 'International', 'Joint', 'Eastern', 'Northern', 'Southern', 'United', 'Independent'];
const BODY_NOUNS = ['Water', 'Energy', 'Trade', 'Security', 'Transit', 'Refugee', 'Health', 'Mining', 'Development', 'Border', 'Customs', 'Railway', 'Human Rights', 'Aviation'];
const BODY_HEADS = ['Organization', 'Council', 'Commission', 'Agency', 'Committee', 'Authority', 'Institute', 'Foundation', 'Association'];
const COMPANY_HEADS = ['Group', 'Bank', 'Airlines', 'Holdings', 'Industries', 'Corporation', 'Company', 'Motors'];
const MEDIA_HEADS = ['Times', 'News', 'Post', 'Herald', 'Tribune', 'Gazette', 'Observer', 'Monitor'];
/** Acronyms that mean something else already. */
const COMMON_ACRONYMS = new Set(['CEO', 'CFO', 'COO', 'CTO', 'GDP', 'USD', 'EUR', 'GBP', 'UTC', 'GMT', 'PDF', 'URL', 'FAQ', 'DNA', 'HIV', 'AIDS', 'NATO', 'IMF', 'WHO', 'CIA', 'FBI', 'NBC', 'CBS', 'ABC', 'BBC', 'CNN', 'NRA', 'NSA', 'ICC', 'IRA']);
const MINISTRIES = ['Ministry of Foreign Affairs', 'Ministry of Defense', 'Ministry of Interior Affairs', 'Ministry of Energy and Water', 'Ministry of Finance', 'Ministry of Commerce and Industries', 'Ministry of Refugees and Repatriation', 'Ministry of Economy'];
const MINISTRY_SHORT: Record<string, string> = {
  'Ministry of Foreign Affairs': 'Foreign Ministry', 'Ministry of Defense': 'Defense Ministry', 'Ministry of Interior Affairs': 'Interior Ministry',
  'Ministry of Energy and Water': 'Energy Ministry', 'Ministry of Finance': 'Finance Ministry', 'Ministry of Commerce and Industries': 'Commerce Ministry',
  'Ministry of Refugees and Repatriation': 'Refugee Ministry', 'Ministry of Economy': 'Economy Ministry',
};

/** A word no lexicon knows: not a place, nationality, alias, title, head word or common English word. */
function unknownWord(w: string): boolean {
  return !isCommonWord(w.toLowerCase()) && !lookupPlace(w) && !lookupNationality(w) && !lookupAlias(w) && !isTitleWord(w)
    && !isOrgHead(w) && !isOrgPrefix(w) && !isPlaceHead(w) && !isMiscHead(w) && !MONTHS.includes(w) && !WEEKDAYS.includes(w);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function syllable(rng: Rng): string {
  return rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
}

/** An invented word of two or three syllables that no lexicon knows. */
function inventedWord(rng: Rng, syllables: [number, number], ending: readonly string[] = ['']): string {
  for (;;) {
    let w = '';
    const n = rng.int(syllables[0], syllables[1]);
    for (let k = 0; k < n; k++) w += syllable(rng);
    w = capitalise(w + rng.pick(ending));
    if (w.length >= 4 && w.length <= 13 && !/(.)\1\1/.test(w) && unknownWord(w)) return w;
  }
}

/** Swaps two inner letters or doubles one: a spelling a copy editor would miss. */
function nearSpelling(word: string, rng: Rng): string {
  const k = rng.int(1, word.length - 3);
  return rng.chance(0.5) ? word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2) : word.slice(0, k) + word[k] + word.slice(k);
}

function acronymOf(name: string): string {
  return name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

export interface World {
  seed: number;
  people: Person[];
  orgs: Organisation[];
  /** Happenings several articles report. */
  shared: Happening[];
  /** Reporters' names for bylines. */
  reporters: string[];
  /** For each article of the corpus: the index of the shared happening it reports, or -1. */
  sharedOf: Int32Array;
}

/** The people, organisations and shared happenings of a corpus of `docs` articles. */
export function createWorld(seed: number, docs: number): World {
  const rng = Rng.of(seed, 0x77071d);
  const usedNames = new Set<string>();
  const orgs: Organisation[] = [];
  const usedOrgNames = new Set<string>();
  const addOrg = (o: Organisation) => {
    if (usedOrgNames.has(o.name) || (o.acronym && usedOrgNames.has(o.acronym))) return;
    usedOrgNames.add(o.name);
    if (o.acronym) usedOrgNames.add(o.acronym);
    orgs.push(o);
  };
  for (const country of COUNTRIES.slice(0, CORE_COUNTRIES)) {
    for (const name of MINISTRIES) addOrg({ name, acronym: null, short: MINISTRY_SHORT[name], kind: 'ministry', country });
  }
  const orgCount = 30 + Math.round(docs / 12);
  for (let tries = 0; orgs.length < orgCount + CORE_COUNTRIES * MINISTRIES.length && tries < orgCount * 20; tries++) {
    const country = rng.chance(0.8) ? COUNTRIES[rng.skewed(CORE_COUNTRIES, 1.2)] : rng.pick(COUNTRIES);
    const roll = rng.float();
    if (roll < 0.25) {
      const word = inventedWord(rng, [2, 3]);
      const head = rng.pick(GROUP_WORDS);
      addOrg({ name: `${word} ${head}`, acronym: null, short: `${word} ${head}`, kind: 'group', country });
    } else if (roll < 0.65) {
      const first = rng.pick(BODY_NOUNS);
      const second = rng.pick(BODY_NOUNS.filter((n) => n !== first));
      const nouns = rng.chance(0.4) ? `${first} and ${second}` : first;
      const name = `${rng.pick(BODY_ADJECTIVES)} ${nouns} ${rng.pick(BODY_HEADS)}`;
      const acronym = acronymOf(name);
      if (acronym.length >= 3 && !lookupAlias(acronym) && !lookupPlace(acronym) && !COMMON_ACRONYMS.has(acronym)) addOrg({ name, acronym, short: acronym, kind: 'body', country: null });
    } else if (roll < 0.85) {
      const word = inventedWord(rng, [2, 2]);
      const name = `${word} ${rng.pick(COMPANY_HEADS)}`;
      addOrg({ name, acronym: null, short: name, kind: 'company', country });
    } else {
      const word = inventedWord(rng, [2, 2]);
      const name = `${word} ${rng.pick(MEDIA_HEADS)}`;
      addOrg({ name, acronym: null, short: name, kind: 'media', country });
    }
  }
  const peopleCount = 60 + Math.round(docs / 3);
  const people: Person[] = [];
  while (people.length < peopleCount) {
    const first = inventedWord(rng, [2, 2]);
    const last = inventedWord(rng, [1, 2], SURNAME_ENDINGS);
    const key = `${first} ${last}`;
    if (usedNames.has(key) || usedNames.has(last)) continue;
    usedNames.add(key);
    usedNames.add(last);
    const role = rng.pick(ROLES);
    const country = rng.chance(0.85) ? COUNTRIES[rng.skewed(CORE_COUNTRIES, 1.3)] : rng.pick(COUNTRIES);
    let org: Organisation | null = null;
    if (role.org) {
      const candidates = orgs.filter((o) => (role.org === 'any' ? o.kind !== 'ministry' : o.kind === role.org));
      org = candidates.length ? rng.pick(candidates) : null;
    }
    const post = role.title === 'Ambassador' || role.title === 'Special Envoy' ? rng.pick(COUNTRIES.slice(0, CORE_COUNTRIES).filter((c) => c !== country)).cities[0]
      : role.title === 'Governor' || role.title === 'Mayor' ? rng.pick(country.cities) : null;
    people.push({ first, last, variantLast: last.length >= 7 ? nearSpelling(last, rng) : last, title: role.title, country, post, org });
  }
  const reporters: string[] = [];
  while (reporters.length < 20 + Math.round(docs / 100)) {
    const name = `${inventedWord(rng, [2, 2])} ${inventedWord(rng, [2, 2])}`;
    if (!usedNames.has(name)) reporters.push(name);
  }
  // A fifth of the articles report a shared happening, three articles each (dealt out in a shuffled
  // order); a few more mention one in passing. Together about a quarter of the corpus.
  const sharing: number[] = [];
  for (let i = 0; i < docs; i++) if (Rng.of(seed, 0x5a, i).chance(0.2)) sharing.push(i);
  const sharedCount = Math.max(1, Math.floor(sharing.length / 3));
  const partial = { people, orgs, shared: [], seed, reporters, sharedOf: new Int32Array(0) };
  const shared: Happening[] = [];
  for (let k = 0; k < sharedCount; k++) shared.push(happening(Rng.of(seed, 0x5aed, k), partial, k, true));
  const sharedOf = new Int32Array(docs).fill(-1);
  rng.shuffle(sharing).forEach((doc, k) => (sharedOf[doc] = k % sharedCount));
  return { seed, people, orgs, shared, reporters, sharedOf };
}

const KINDS: HappeningKind[] = ['meeting', 'meeting', 'meeting', 'visit', 'visit', 'attack', 'statement', 'statement', 'agreement', 'arrest', 'decision'];

function person(rng: Rng, world: Pick<World, 'people'>): Person {
  return world.people[rng.skewed(world.people.length, 1.8)];
}

function happening(rng: Rng, world: World, id: number, shared: boolean): Happening {
  const kind = rng.pick(KINDS);
  const a = person(rng, world);
  let b = person(rng, world);
  for (let k = 0; b === a && k < 10; k++) b = person(rng, world);
  const country = rng.chance(0.5) ? a.country : b.country;
  const place = rng.chance(0.85) ? rng.pick(country.cities) : country.cities[0];
  const orgs = world.orgs.filter((o) => o.kind !== 'ministry' || o.country === country);
  const org = rng.pick(orgs.length ? orgs : world.orgs);
  const group = world.orgs.filter((o) => o.kind === 'group');
  const people = kind === 'meeting' ? [a, b] : kind === 'agreement' ? [a, b] : kind === 'attack' ? [] : [a];
  const involved = kind === 'attack' ? [group.length ? rng.pick(group) : org] : kind === 'statement' || kind === 'decision' || kind === 'arrest' ? [org] : rng.chance(0.3) ? [org] : [];
  return {
    id, kind, day: day(rng.int(FIRST_DAY, LAST_DAY - 10)), days: kind === 'meeting' && rng.chance(0.15) ? 2 : 1,
    place, country, people, orgs: involved, topic: rng.pick(TOPICS), killed: rng.int(2, 60), shared,
  };
}

// ---- Writing an article ------------------------------------------------------------------------

/** What one article mentions so far: people and organisations get a full first mention, short ones after. */
class Mentions {
  private readonly seenPeople = new Set<Person>();
  private readonly seenOrgs = new Set<Organisation>();
  constructor(private readonly rng: Rng, private readonly misspell: boolean) {}

  person(p: Person, style: 'subject' | 'object' = 'subject'): string {
    const rng = this.rng;
    const last = this.misspell && p.variantLast !== p.last && rng.chance(0.5) ? p.variantLast : p.last;
    if (this.seenPeople.has(p)) return rng.chance(0.7) ? last : `${p.first} ${last}`;
    this.seenPeople.add(p);
    const name = `${p.first} ${last}`;
    const where = p.post ? (p.title === 'Governor' || p.title === 'Mayor' ? ` of ${p.post}` : ` to ${p.post}`) : '';
    const of = p.org ? ` of the ${this.org(p.org)}` : '';
    const roll = rng.float();
    if (p.title === 'Mullah' || p.title === 'Senator' || p.title === 'General') return `${p.title} ${name}`;
    if (roll < 0.45 && !p.org) return `${p.country.adj} ${p.title}${where} ${name}`;
    if (roll < 0.6 && !p.org) return `${p.title} ${name}`;
    if (style === 'object' && roll < 0.8) return `${p.country.adj} ${p.title.toLowerCase()} ${name}`;
    return `${name}, the ${p.org ? '' : `${p.country.adj} `}${p.title.toLowerCase()}${where}${of},`;
  }

  /** A person in a clause that must not carry an apposition (before a verb with no comma). */
  plain(p: Person): string {
    const s = this.person(p, 'object');
    return s.endsWith(',') ? s.slice(0, s.indexOf(',')) : s;
  }

  /** With its article where English puts one: "the Interior Ministry", but "Fomfad Airlines". */
  the(o: Organisation): string {
    return o.kind === 'company' || o.kind === 'media' ? this.org(o) : `the ${this.org(o)}`;
  }

  org(o: Organisation): string {
    if (this.seenOrgs.has(o)) return o.short;
    this.seenOrgs.add(o);
    if (o.kind === 'ministry') return this.rng.chance(0.5) ? `${o.country!.adj} ${o.name}` : `${o.name} of ${o.country!.name}`;
    return o.acronym ? `${o.name} (${o.acronym})` : o.name;
  }
}

interface Writer {
  rng: Rng;
  world: World;
  dct: Day;
  names: Mentions;
  footnotes: Array<{ source: string; day: Day }>;
  quoteStyle: 'straight' | 'curly';
  /** Someone of the world, the famous more often. */
  rngPerson(): Person;
}

function quote(w: Writer, text: string): string {
  return w.quoteStyle === 'curly' || w.rng.chance(0.15) ? `“${text}”` : `"${text}"`;
}

/** A footnote marker after the punctuation, sometimes; its note is dated on or before the article. */
function cite(w: Writer, p = 0.45): string {
  if (!w.rng.chance(p)) return '';
  const n = w.footnotes.length + 1;
  const source = w.rng.chance(0.5) ? w.rng.pick(COUNTRIES.slice(0, CORE_COUNTRIES + 6)).name : w.rng.pick([...AGENCIES, 'UK', 'USA']);
  w.footnotes.push({ source, day: day(w.dct.n - w.rng.int(0, 6)) });
  return `[${n}]`;
}

const QUOTE_PARTS = {
  subjects: ['We', 'Both sides', 'Our two countries', 'The two delegations', 'Our government', 'The ministry', 'We all'],
  verbs: ['discussed', 'agreed to expand', 'stressed the importance of', 'reviewed progress on', 'will continue to support', 'are committed to', 'exchanged views on', 'cannot accept any delay in'],
  tails: ['in the coming months', 'without preconditions', 'for the benefit of the people of the region', 'as soon as possible', 'on the basis of mutual respect', 'despite the difficulties', ''],
};

const REGIONS = ['the region', 'Central Asia', 'South Asia', 'the Middle East', 'the Caucasus', 'our neighbourhood'];

/** A closing sentence for a quotation, from templates with slots. */
function closer(rng: Rng): string {
  const topic = rng.pick(TOPICS);
  const country = rng.pick(COUNTRIES);
  return rng.pick([
    () => `There is no alternative to ${rng.pick(['dialogue', 'cooperation', topic])}.`,
    () => `Those responsible for the ${rng.pick(['attack', 'bombing', 'ambush', 'killings', 'delays'])} will be ${rng.pick(['found and punished', 'held to account', 'brought to justice'])}.`,
    () => `The situation in ${rng.pick(country.cities)} remains ${rng.pick(['difficult', 'tense', 'fragile', 'uncertain'])}, but it is ${rng.pick(['improving', 'under control', 'changing'])}.`,
    () => `${capitalise(topic)} is a matter of ${rng.pick(['national security', 'survival', 'principle', 'economic necessity'])}.`,
    () => `We hope that our ${rng.pick([country.adj, 'international', 'regional'])} partners will keep their promises on ${topic}.`,
    () => `The door remains open ${rng.pick(['to all sides', 'for talks', 'to our neighbours', `to ${country.name}`])}.`,
    () => `Nobody in ${rng.pick(REGIONS)} gains from ${rng.pick(['instability', 'war', 'isolation', 'sanctions'])}.`,
    () => `Our people expect results on ${topic}, not words.`,
    () => `We will not allow our territory to be used against ${rng.chance(0.5) ? 'any country' : country.name}.`,
    () => `${rng.int(2, 40)} years of ${rng.pick(['conflict', 'trade', 'talks', 'waiting'])} have taught us ${rng.pick(['patience', 'to be careful', 'what works', 'that promises are not enough'])}.`,
  ])();
}


/** Topics other than those given: no "flood relief could suffer from flood relief". */
function otherTopic(rng: Rng, ...not: string[]): string {
  for (;;) {
    const t = rng.pick(TOPICS);
    if (!not.includes(t)) return t;
  }
}

function quoteText(w: Writer, topic: string): string {
  const { rng } = w;
  const first = `${rng.pick(QUOTE_PARTS.subjects)} ${rng.pick(QUOTE_PARTS.verbs)} ${rng.chance(0.5) ? topic : otherTopic(rng, topic)}${(() => { const t = rng.pick(QUOTE_PARTS.tails); return t ? ` ${t}` : ''; })()}.`;
  return rng.chance(0.45) ? `${first} ${closer(rng)}` : first;
}

/** A date for a happening, written as the article would: full, without the year, by weekday, relative. */
function when(w: Writer, h: Happening, { allowRelative = true } = {}): string {
  const { rng, dct } = w;
  const t = h.day;
  const ago = dct.n - t.n;
  const roll = rng.float();
  if (h.days > 1) {
    const end = day(t.n + h.days - 1);
    return end.m === t.m ? `on ${MONTHS[t.m]} ${t.d}-${end.d}, ${t.y}` : `between ${monthDay(t)} and ${longDate(end)}`;
  }
  if (allowRelative && ago >= 1 && ago <= 6 && roll < 0.25) return `on ${WEEKDAYS[t.weekday]}`;
  if (allowRelative && ago === 1 && roll < 0.35) return 'yesterday';
  if (ago >= 0 && ago < 300 && t.y === dct.y && roll < 0.55) return `on ${monthDay(t)}`;
  if (roll < 0.7) return `on ${britishDate(t)}`;
  return `on ${longDate(t)}`;
}

/** A vaguer date for background: month and year, part of a month, a year, a season. */
function vagueWhen(w: Writer, t: Day): string {
  const { rng } = w;
  const roll = rng.float();
  if (roll < 0.3) return `in ${monthYear(t)}`;
  if (roll < 0.45) return `in ${t.d <= 10 ? 'early' : t.d <= 20 ? 'mid' : 'late'}-${monthYear(t)}`;
  if (roll < 0.55) return `in ${t.y}`;
  if (roll < 0.65) return `in the ${t.m < 6 ? 'first' : 'second'} half of ${t.y}`;
  if (roll < 0.75) return `last ${rng.pick(['week', 'month', 'year'])}`;
  return `on ${longDate(t)}`;
}

/** The sentence that reports a happening; `lead` when it opens the article. */
function report(w: Writer, h: Happening, lead: boolean): string {
  const { rng, names } = w;
  const date = when(w, h, { allowRelative: lead });
  const [a, b] = h.people;
  const org = h.orgs[0];
  const Cap = capitalise(date);
  switch (h.kind) {
    case 'meeting':
      return rng.pick([
        () => `${Cap}, ${names.person(a)} met ${names.plain(b)} in ${h.place} to discuss ${h.topic}.`,
        () => `${names.person(a)} held a meeting with ${names.plain(b)} in ${h.place} ${date}, according to a statement${org ? ` by ${names.the(org)}` : ''}.`,
        () => `During talks in ${h.place} ${date}, ${names.plain(a)} and ${names.plain(b)} discussed ${h.topic} and ${otherTopic(rng, h.topic)}.`,
        () => `${names.plain(a)} and ${names.plain(b)} met in ${h.place} ${date}, the ${rng.pick(MINISTRIES.slice(0, 3).map((m) => MINISTRY_SHORT[m]))} said.`,
      ])();
    case 'visit':
      return rng.pick([
        () => `${names.person(a)} visited ${h.place} ${date} for talks on ${h.topic}.`,
        () => `${Cap}, ${names.plain(a)} arrived in ${h.place} on a visit focused on ${h.topic}.`,
        () => `${names.plain(a)} travelled to ${h.country.name} ${date}, where he is expected to discuss ${h.topic}.`,
      ])();
    case 'attack':
      return rng.pick([
        () => `${Cap}, an attack in ${h.place} killed ${h.killed} people; ${names.the(org)} claimed responsibility.`,
        () => `At least ${h.killed} people were killed in a bombing in ${h.place} ${date}, and officials blamed ${names.the(org)}.`,
        () => `${capitalise(names.the(org))} carried out an attack on a checkpoint near ${h.place} ${date}, killing ${h.killed} soldiers.`,
      ])();
    case 'statement':
      return rng.pick([
        () => `${Cap}, ${names.the(org)} issued a statement on ${h.topic}.`,
        () => `In a statement released in ${h.place} ${date}, ${names.the(org)} warned about ${h.topic}.`,
        () => `${names.person(a)} announced ${date} that ${names.the(org)} would review ${h.topic}.`,
      ])();
    case 'agreement':
      return rng.pick([
        () => `${Cap}, ${names.plain(a)} and ${names.plain(b)} signed an agreement on ${h.topic} in ${h.place}.`,
        () => `An agreement on ${h.topic} was signed in ${h.place} ${date} by ${names.plain(a)} and ${names.plain(b)}.`,
      ])();
    case 'arrest':
      return rng.pick([
        () => `${Cap}, police in ${h.place} arrested ${names.plain(a)}, accused of links to ${names.the(org)}.`,
        () => `${names.plain(a)} was detained in ${h.place} ${date} on charges connected with ${names.the(org)}.`,
      ])();
    case 'decision':
      return rng.pick([
        () => `${Cap}, ${names.the(org)} decided to suspend ${h.topic} until further notice.`,
        () => `${capitalise(names.the(org))} approved a plan on ${h.topic} ${date}, ${names.plain(a)} said.`,
      ])();
  }
}

const KIND_NOUN: Record<HappeningKind, string> = { meeting: 'meeting', visit: 'visit', attack: 'attack', statement: 'statement', agreement: 'agreement', arrest: 'arrest', decision: 'decision' };

function quoteParagraph(w: Writer, h: Happening): string {
  const { rng, names } = w;
  const speaker = h.people[0] ?? w.rngPerson();
  const q = quote(w, quoteText(w, h.topic));
  const roll = rng.float();
  if (roll < 0.35) return `Speaking after the ${KIND_NOUN[h.kind]}, ${names.plain(speaker)} said: ${q}${cite(w)}`;
  if (roll < 0.65) {
    const body = quoteText(w, h.topic).replace(/\.$/, '');
    const open = w.quoteStyle === 'curly' ? '“' : '"';
    const close = w.quoteStyle === 'curly' ? '”' : '"';
    return `${open}${body},${close} ${names.plain(speaker)} told ${rng.pick(AGENCIES)}.${cite(w)} ${rng.pick(['He added that', 'According to him,', 'The talks showed that'])} ${rng.pick(['the two sides', 'both governments', 'the delegations'])} ${rng.pick(['would meet again', 'had agreed on a timetable', 'remained far apart'])} ${vagueWhen(w, day(w.dct.n + rng.int(20, 200)))}.`;
  }
  const org = h.orgs[0] ?? rng.pick(w.world.orgs);
  return `According to a statement issued by ${names.the(org)} ${when(w, h)}, ${names.plain(speaker)} ${quote(w, `emphasized the continuation of ${h.topic} and ${otherTopic(rng, h.topic)}. ${closer(rng)}`)}${cite(w)}`;
}

function backgroundParagraph(w: Writer, main: Happening): string {
  const { rng, names } = w;
  const earlier = day(main.day.n - rng.int(20, 700));
  const p = w.rngPerson();
  const q = w.rngPerson();
  const org = rng.pick(w.world.orgs);
  const sentences = [
    rng.pick([
      () => `${capitalise(vagueWhen(w, earlier))}, ${names.person(p)} had also held a meeting with ${names.plain(q)}.`,
      () => `${capitalise(vagueWhen(w, earlier))}, ${names.the(org)} warned that ${main.topic} could suffer from delays in ${otherTopic(rng, main.topic)}.`,
      () => `Relations between ${main.country.name} and ${rng.pick(COUNTRIES).name} have been tense since ${vagueWhen(w, earlier).replace(/^(in|on) /, '')}.`,
      () => `${names.person(p)} visited ${rng.pick(rng.pick(COUNTRIES).cities)} ${vagueWhen(w, earlier)} and met officials of ${names.the(org)}.`,
    ])(),
  ];
  const next = day(earlier.n + 1);
  sentences.push(rng.pick([
    () => `The next day, ${names.plain(q)} said the talks had been ${rng.pick(['useful', 'difficult', 'frank', 'constructive'])}.${cite(w, 0.3)}`,
    () => `Two days later, ${names.the(org)} published a report on ${rng.pick(TOPICS)}.${cite(w, 0.3)}`,
    () => `Between ${monthDay(earlier)} and ${longDate(next)}, delegations met in ${rng.pick(rng.pick(COUNTRIES).cities)} to prepare ${rng.pick(TOPICS)}.`,
    () => `On ${WEEKDAYS[earlier.weekday]}, ${monthDay(earlier)}, officials confirmed that ${rng.pick(TOPICS)} remained on the agenda.`,
    () => `From ${earlier.y - rng.int(1, 3)} to ${earlier.y}, ${rng.pick(['trade', 'traffic', 'aid', 'investment'])} grew by ${rng.int(5, 60)} percent, according to ${names.the(rng.pick(w.world.orgs))}.${cite(w, 0.3)}`,
  ])());
  if (rng.chance(0.6)) sentences.push(rng.pick([
    () => `${names.plain(p)} ${quote(w, `discussed ${main.topic} and ${otherTopic(rng, main.topic)}`)} with ${rng.pick(['officials', 'diplomats', 'elders', 'businessmen'])} in ${rng.pick(main.country.cities)}.${cite(w)}`,
    () => `${capitalise(article(main.country.adj))} analyst, ${names.plain(w.rngPerson())}, said: ${quote(w, closer(rng))}${cite(w)}`,
    () => `${capitalise(names.the(org))} did not respond to a request for comment.`,
  ])());
  return sentences.join(' ');
}

function followUpParagraph(w: Writer, h: Happening): string {
  const { rng, names } = w;
  const [a, b] = h.people;
  const noun = KIND_NOUN[h.kind];
  const sentences: string[] = [];
  const about = a && b ? `between ${names.plain(a)} and ${names.plain(b)}` : a ? `involving ${names.plain(a)}` : `in ${h.place}`;
  sentences.push(rng.pick([
    () => `Regarding the ${monthDay(h.day)}, ${h.day.y} ${noun} ${about}, officials did not release details.`,
    () => `The ${noun} ${about} came ${rng.int(2, 9)} days after ${rng.pick(['a similar round of talks', 'a border incident', 'a visit by a trade delegation'])}.`,
    () => `This ${noun} was the ${rng.pick(['first', 'second', 'third', 'latest'])} of its kind ${rng.pick(['this year', 'since the spring', 'in months'])}.`,
  ])());
  sentences.push(rng.pick([
    () => `A multi-lingual website noted ${quote(w, `significant discussion on ${h.topic}`)} and added: ${quote(w, closer(rng))}${cite(w)}`,
    () => `${capitalise(names.the(rng.pick(w.world.orgs)))} welcomed the outcome.${cite(w, 0.3)}`,
    () => `Observers in ${rng.pick(h.country.cities)} expect further talks ${vagueWhen(w, day(w.dct.n + rng.int(10, 90)))}.`,
    () => `${h.country.adj} media reported that ${h.killed} people ${rng.pick(['attended', 'were present', 'took part'])}.${cite(w, 0.3)}`,
  ])());
  return sentences.join(' ');
}

function numbersParagraph(w: Writer, h: Happening): string {
  const { rng, names } = w;
  const month = day(w.dct.n - rng.int(30, 400));
  const province = h.country.provinces.length ? `${rng.pick(h.country.provinces)} Province` : rng.pick(h.country.cities);
  return [
    `According to ${names.the(rng.pick(w.world.orgs))}, ${rng.int(3, 900)} people were ${rng.pick(['displaced', 'injured', 'detained', 'evacuated'])} in ${province} ${vagueWhen(w, month)}.${cite(w)}`,
    rng.pick([
      () => `The figure was ${rng.int(10, 80)} percent higher than a year earlier.`,
      () => `${rng.pick(['Aid groups', 'Local officials', 'Doctors', 'Residents', 'Opposition figures'])} in ${rng.pick(h.country.cities)} said the real number was ${rng.pick(['likely higher', 'far higher', 'impossible to verify', 'disputed'])}.`,
      () => `${names.plain(w.rngPerson())} called for ${rng.pick(TOPICS)} ${rng.pick(['within a month', 'by the end of the year', 'before the winter'])}.`,
    ])(),
  ].join(' ');
}

/** "On March 5, …" → "on March 5, …" after a leading phrase; names keep their capitals. */
function lowerOpening(sentence: string): string {
  return /^(On|In|An|At|The|During|Between|Yesterday)\b/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}

/** "an Afghan", "a Russian". */
function article(word: string): string {
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'next'];

/** Sentences that fill a paragraph: each names someone or something, and many carry a date. */
function filler(w: Writer, h: Happening): string {
  const { rng, names } = w;
  const p = w.rngPerson();
  const org = rng.pick(w.world.orgs);
  const city = rng.pick(rng.chance(0.6) ? h.country.cities : rng.pick(COUNTRIES).cities);
  const other = rng.pick(COUNTRIES);
  const past = day(w.dct.n - rng.int(15, 900));
  const future = day(w.dct.n + rng.int(10, 200));
  const topic = rng.pick(TOPICS);
  const noun = KIND_NOUN[h.kind];
  return rng.pick([
    () => `${names.person(p)} said the ${noun} showed that ${h.topic} remained a priority for ${h.country.name}.`,
    () => `${capitalise(names.the(org))} has repeatedly raised concern about ${topic} in ${h.country.name}.${cite(w, 0.3)}`,
    () => `${capitalise(vagueWhen(w, past))}, speaking at a conference in ${city}, ${names.plain(p)} stated: ${quote(w, quoteText(w, topic))}${cite(w)}`,
    () => `According to ${article(h.country.adj)} media report, ${names.plain(p)} ${quote(w, `discussed ${topic}, ${(() => { const b = otherTopic(rng, topic); return `${b} and ${otherTopic(rng, topic, b)}`; })()}`)}.${cite(w)}`,
    () => `Critics in ${city} argued that ${topic} had been neglected since ${vagueWhen(w, past).replace(/^(in|on|last) /, '')}.`,
    () => `${other.adj} officials told ${rng.pick(AGENCIES)} that ${rng.int(3, 40)} delegations would attend the ${rng.pick(ORDINALS)} round ${rng.chance(0.5) ? `in ${monthYear(future)}` : `on ${longDate(future)}`}.`,
    () => `${capitalise(names.the(org))} is expected to ratify a strategy on ${topic} within this calendar year.${cite(w)}`,
    () => `Trade between ${h.country.name} and ${other.name} reached $${rng.int(40, 900)} million in ${past.y}, up from $${rng.int(10, 400)} million in ${past.y - 1}.${cite(w, 0.3)}`,
    () => `A spokesman for ${names.the(org)} declined to comment on ${topic}.`,
    () => `${names.person(p)} is due to travel to ${city} ${rng.chance(0.5) ? 'next month' : `on ${monthDay(future)}`}, ${rng.pick(['officials said', 'his office said', 'according to diplomats'])}.`,
    () => `On ${WEEKDAYS[day(w.dct.n - rng.int(1, 6)).weekday]}, ${names.plain(p)} told reporters in ${city} that ${topic} would be discussed ${rng.pick(['soon', 'at the next summit', 'by the end of the year'])}.`,
    () => `Earlier this year, ${names.the(org)} said that ${rng.int(5, 95)} percent of ${rng.pick(['projects', 'shipments', 'applications', 'schools', 'crossings'])} had been ${rng.pick(['delayed', 'approved', 'closed', 'reopened'])}.${cite(w, 0.3)}`,
    () => `The ${noun} in ${h.place} ${when(w, h)} followed weeks of ${rng.pick(['preparations', 'tension', 'speculation', 'negotiations'])} between ${h.country.name} and ${other.name}.`,
    () => `${names.person(p)} warned that ${topic} ${rng.pick(['could stall', 'would take years', 'depended on funding'])}, adding: ${quote(w, closer(rng))}${cite(w)}`,
  ])();
}

function paragraph(w: Writer, h: Happening, opening: string): string {
  const sentences = [opening];
  for (let k = w.rng.int(2, 6); k > 0; k--) sentences.push(filler(w, h));
  return sentences.join(' ');
}

/** Title case: every word capitalised, as in the seeds ("Russia And Afghanistan Agree To …"). */
function titleCase(s: string): string {
  return s.split(' ').map((word) => (/^[a-z]/.test(word) ? capitalise(word) : word)).join(' ');
}

function headline(rng: Rng, h: Happening): string {
  const [a, b] = h.people;
  const topic = h.topic.replace(/^the /, '').replace(/^a /, '');
  const short = (o: Organisation | undefined) => (o ? o.short : 'Officials');
  const table: Record<HappeningKind, () => Array<() => string>> = {
    meeting: () => a.country === b.country
      ? [() => `${a.last} and ${b.last} meet in ${h.place} to discuss ${topic}`, () => `${a.country.adj} officials hold talks on ${topic} in ${h.place}`]
      : [() => `${a.last} and ${b.last} meet in ${h.place} to discuss ${topic}`, () => `in meetings in ${h.place}, ${a.country.name} and ${b.country.name} agree to forge closer ${topic.split(' ').pop()} ties`, () => `${a.country.adj} and ${b.country.adj} officials hold talks on ${topic}`],
    visit: () => [() => `${a.country.adj} ${a.title} ${a.last} visits ${h.place}`, () => `${a.last} travels to ${h.country.name} for talks on ${topic}`],
    attack: () => [() => `${h.killed} killed in attack in ${h.place}`, () => `${short(h.orgs[0])} claims deadly attack near ${h.place}`],
    statement: () => [() => `${short(h.orgs[0])} warns of risks to ${topic}`, () => `${short(h.orgs[0])} issues statement on ${topic}`],
    agreement: () => a.country === b.country ? [() => `new deal on ${topic} signed in ${h.place}`] : [() => `${a.country.name} and ${b.country.name} sign agreement on ${topic}`, () => `new deal on ${topic} signed in ${h.place}`],
    arrest: () => [() => `police in ${h.place} arrest suspect linked to ${short(h.orgs[0])}`],
    decision: () => [() => `${short(h.orgs[0])} suspends ${topic}`, () => `${short(h.orgs[0])} approves plan on ${topic}`],
  };
  return titleCase(rng.pick(table[h.kind]())());
}

export interface GeneratedDocument {
  /** File name, relative to the corpus folder. */
  path: string;
  text: string;
  /** The article's date (document creation time), YYYY-MM-DD. */
  date: string;
  title: string;
  source: string;
  /** Ids of the shared happenings it reports (empty for an article of its own). */
  shared: number[];
  /** Footnote markers without a definition, on purpose (a few articles carry problems). */
  undefinedFootnotes: number;
}

/** The i-th article of the world (0-based). Index ≥ the corpus size gives more articles of the same world. */
export function generateDocument(world: World, index: number): GeneratedDocument {
  const rng = Rng.of(world.seed, 0xd0c, index);
  const sharedIndex = index < world.sharedOf.length ? world.sharedOf[index] : -1;
  const main = sharedIndex >= 0 ? world.shared[sharedIndex] : happening(rng, world, -1 - index, false);
  const dct = day(Math.min(LAST_DAY, main.day.n + main.days - 1 + rng.int(0, 6)));
  const names = new Mentions(rng, rng.chance(0.04));
  const w: Writer = {
    rng, world, dct, names, footnotes: [], quoteStyle: rng.chance(0.5) ? 'straight' : 'curly',
    rngPerson: () => person(rng, world),
  };
  const title = headline(rng, main);
  const agency = rng.pick(AGENCIES);
  const paragraphs: string[] = [];
  const lead = [report(w, main, true)];
  if (rng.chance(0.7)) lead.push(rng.pick([
    () => `It was decided that the two sides would ${rng.pick(['establish', 'expand', 'review'])} ${main.topic} in the coming months.${cite(w)}`,
    () => `The ${KIND_NOUN[main.kind]} drew attention across ${main.country.name} and beyond.`,
    () => `${rng.pick(['Officials', 'Diplomats', 'A spokesman', 'Aides'])} in ${rng.pick(main.country.cities)} said more details ${rng.pick(['would follow', 'were expected', 'could be released'])} ${rng.pick(['next week', 'in the coming days', 'after consultations', `by ${monthDay(day(dct.n + rng.int(3, 30)))}`])}.`,
  ])());
  paragraphs.push(paragraph(w, main, lead.join(' ')));
  const count = rng.int(2, 12);
  // Another shared happening in the background, sometimes: articles cross-reference.
  const other = rng.chance(0.08) ? world.shared[rng.int(0, world.shared.length - 1)] : null;
  while (paragraphs.length < count) {
    const roll = rng.float();
    if (other && paragraphs.length === 2) paragraphs.push(`${rng.pick(['Separately,', 'Earlier,', 'In a related development,'])} ${lowerOpening(report(w, other, false))}${cite(w, 0.4)}`);
    else if (roll < 0.3) paragraphs.push(paragraph(w, main, quoteParagraph(w, main)));
    else if (roll < 0.6) paragraphs.push(paragraph(w, main, backgroundParagraph(w, main)));
    else if (roll < 0.8) paragraphs.push(paragraph(w, main, followUpParagraph(w, main)));
    else paragraphs.push(paragraph(w, main, numbersParagraph(w, main)));
  }
  // Headers in the shapes news corpora come in.
  const header: string[] = [];
  const style = rng.int(0, 3);
  const inJson = index % 3 === 0;
  const dispatch = rng.int(9000, 12000);
  /** An article whose text gives no year has its date in its file name (or in corpus.json). */
  let datedName = false;
  if (style === 0) {
    header.push(`${longDate(dct)} Special Dispatch No. ${dispatch}`, '', title, '', longDate(dct), `${main.country.name}${other ? `, ${other.country.name}` : ''} | Special Dispatch No. ${dispatch}`, '');
  } else if (style === 1) {
    header.push(title, '', rng.chance(0.5) ? longDate(dct) : britishDate(dct), '');
  } else if (style === 2 || !inJson) {
    header.push(title, '');
    datedName = !inJson;
    paragraphs[0] = `${main.place.toUpperCase()}, ${monthDay(dct)} (${agency}) – ${paragraphs[0]}`;
  } else {
    // Only corpus.json knows this article's date.
    header.push(title, '', `By ${rng.pick(world.reporters)}`, '');
  }
  let undefinedFootnotes = 0;
  const notes = w.footnotes.map((f, k) => `[${k + 1}] (${f.source}), ${longDate(f.day)}.`);
  if (notes.length > 2 && rng.chance(0.03)) {
    notes.splice(rng.int(0, notes.length - 1), 1);
    undefinedFootnotes = 1;
  }
  let text = [...header, paragraphs.join('\n\n')].join('\n');
  if (notes.length) text += `\n\n\n${notes.join('\n\n')}\n`;
  else text += '\n';
  if (rng.chance(0.01)) text = text.replace(/\n/g, '\r\n');
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48).replace(/-$/, '');
  return {
    path: `${String(index).padStart(5, '0')}_${datedName ? `${iso(dct)}_` : ''}${slug}.txt`,
    text,
    date: iso(dct),
    title,
    source: agency,
    shared: [main, ...(other ? [other] : [])].filter((h) => h.shared).map((h) => h.id),
    undefinedFootnotes,
  };
}

export interface GeneratedCorpus {
  world: World;
  documents: GeneratedDocument[];
  /** corpus.json: dates (and titles, sources) for a third of the documents. */
  corpusJson: { documents: Record<string, { date: string; title: string; source: string }> };
}

export function generateCorpus({ docs, seed }: { docs: number; seed: number }): GeneratedCorpus {
  const world = createWorld(seed, docs);
  const documents: GeneratedDocument[] = [];
  const corpusJson: GeneratedCorpus['corpusJson'] = { documents: {} };
  for (let i = 0; i < docs; i++) {
    const doc = generateDocument(world, i);
    documents.push(doc);
    if (i % 3 === 0) corpusJson.documents[doc.path] = { date: doc.date, title: doc.title, source: doc.source };
  }
  return { world, documents, corpusJson };
}

/** One long document of the same world: articles after the corpus's own, joined, until `bytes`. */
export function generateLongDocument(world: World, docs: number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = docs; size < bytes; i++) {
    const text = generateDocument(world, i).text.replace(/\r\n/g, '\n');
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}
