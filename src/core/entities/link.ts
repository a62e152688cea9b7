// Cross-document linking: one entity per real-world thing. Mentions join by the lexicon's
// canonical name, by an acronym's definition anywhere in the corpus, by a surname that one person
// of the corpus bears, and by a near spelling of the same person's name (reported to the user).
import type { EntityMention, EntityType } from './recognize.js';
import type { Span } from '../types.js';

export interface LinkInput {
  /** The document, or a passage of a long one (linked as a document of its own: see `document`). */
  path: string;
  /** The document the mentions are in, when `path` names one of its passages; else `path`. */
  document?: string;
  mentions: Array<EntityMention & { source?: 'auto' | 'user'; linkedEntity?: string }>;
}

export interface LinkedMention extends Span {
  path: string;
  text: string;
  type: EntityType;
  entity: string;
  sentence: number;
  /** Found by the recogniser, or marked by the user. */
  source: 'auto' | 'user';
}

export interface EntityRole extends Span {
  text: string;
  path: string;
}

export interface Entity {
  /** Stable id: `<type>:<slug of the name>`, e.g. `person:sirajuddin-haqqani`. */
  id: string;
  name: string;
  type: EntityType;
  /** Every other form the corpus uses for it, most frequent first. */
  aliases: string[];
  mentions: LinkedMention[];
  /** Documents mentioning it, in corpus order. */
  documents: string[];
  roles: EntityRole[];
  /** The defining mention: the first full name, or the expansion of its acronym. */
  definition: LinkedMention;
  /** A description the user wrote for it, if any. */
  description?: string;
  /** For a nationality or group word: the id of its country's entity, or the country's name. */
  country?: string;
  /** Spellings of one person's name that differ slightly, with their counts (majority first). */
  spellings?: Array<{ text: string; count: number }>;
}

export interface VariantSpelling extends Span {
  path: string;
  text: string;
  preferred: string;
  entity: string;
  count: number;
  documents: number;
}

/** How often a full person name occurs, and in which documents (with counts, so a document can leave). */
export interface PersonCount {
  count: number;
  documents: Map<string, number>;
}

export type LinkMention = LinkInput['mentions'][number];

/** The user's decisions about entities, by id: merges (`from` joins `into`) and names. */
export interface LinkDecisions {
  merges?: ReadonlyArray<{ from: string; into: string }>;
  names?: ReadonlyArray<{ entity: string; name: string; description?: string }>;
}

/** What keying one mention needs to know about the whole corpus. */
export interface KeyContext {
  /** Acronym → the key and type of its expansion, from the first document (by path) defining it. */
  acronyms: Map<string, { key: string; type: EntityType }>;
  /** Full person name → the spelling most of the corpus uses, when they differ slightly. */
  preferred: Map<string, string>;
  /** Surname → the full names (preferred spellings) bearing it. */
  surnameOwners: Map<string, Set<string>>;
  personCounts: Map<string, PersonCount>;
}

export interface LinkResult {
  entities: Entity[];
  byId: Map<string, Entity>;
  /** For each document, its mentions in text order with their entity. */
  mentionsByPath: Map<string, LinkedMention[]>;
  /** Mentions spelling a person's name differently from the rest of the corpus. */
  variants: VariantSpelling[];
}

const MIN_VARIANT_TOKEN = 4;

/** The entity of one mention: by acronym definition, full person name, surname, or the lexicon's name. */
export function keyMention(m: LinkMention, norm: string, here: Set<string>, context: KeyContext): { key: string; type: EntityType } {
  // "the GAO" is "GAO": an article attached to an acronym the document does not define keeps the bare
  // acronym as its canonical name, and another document's definition still applies.
  const bare = m.text.startsWith('the ') || m.text.startsWith('The ') ? m.text.slice(4) : m.text;
  const acronym = context.acronyms.get(bare);
  if (acronym && (!m.canonical || m.canonical === bare)) return acronym;
  if (m.type === 'PERSON' && /\s/.test(m.text)) return { key: keyOf('PERSON', context.preferred.get(norm) ?? norm), type: 'PERSON' };
  const owners = m.type !== 'NORP' && !m.canonical && !/\s/.test(m.text) ? context.surnameOwners.get(norm) : undefined;
  if (owners) return { key: keyOf('PERSON', surnameOwner(owners, here, context.personCounts)), type: 'PERSON' };
  return { key: baseKey(m), type: m.type };
}

/** A surname alone: the person of this document who bears it, else the corpus's only one, else the most mentioned. */
function surnameOwner(owners: Set<string>, here: Set<string>, counts: Map<string, PersonCount>): string {
  const list = [...owners];
  const inDocument = list.filter((o) => here.has(o));
  return inDocument.length === 1 ? inDocument[0] : list.length === 1 ? list[0] : mostMentioned(list, counts);
}

/** Who a surname means when the document names none of its bearers: what keys depend on, per surname. */
export function surnameSignature(owners: Set<string>, counts: Map<string, PersonCount>): string {
  const list = [...owners].sort();
  return `${list.join('\u0000')}\u0001${list.length > 1 ? mostMentioned(list, counts) : ''}`;
}

/** The acronyms a document defines ("Collective Security Treaty Organization (CSTO)"), first definition each. */
export function acronymDefinitions(mentions: LinkMention[]): Map<string, { key: string; type: EntityType }> {
  const defs = new Map<string, { key: string; type: EntityType }>();
  for (const m of mentions) {
    if (!m.expansion || defs.has(m.text)) continue;
    const expansion = mentions.find((x) => x.start === m.expansion!.start && x.end === m.expansion!.end);
    if (expansion) defs.set(m.text, { key: baseKey(expansion), type: expansion.type });
  }
  return defs;
}

/** Full person names of a document (normalised), with how often each occurs. */
export function personNames(mentions: LinkMention[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || !/\s/.test(m.text)) continue;
    const name = normalise(m.text);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return names;
}

export function countPerson(counts: Map<string, PersonCount>, name: string, path: string, n: number): void {
  const entry = counts.get(name) ?? { count: 0, documents: new Map<string, number>() };
  entry.count += n;
  entry.documents.set(path, (entry.documents.get(path) ?? 0) + n);
  counts.set(name, entry);
}

/** The preferred spellings of the full person names a document uses. */
export function namesHere(mentions: LinkMention[], preferred: Map<string, string>): Set<string> {
  const here = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON' || !/\s/.test(m.text)) continue;
    const name = normalise(m.text);
    here.add(preferred.get(name) ?? name);
  }
  return here;
}

export function surnameOwnersOf(counts: Map<string, PersonCount>, preferred: Map<string, string>): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const name of counts.keys()) {
    const full = preferred.get(name) ?? name;
    const surname = name.slice(name.lastIndexOf(' ') + 1);
    const set = owners.get(surname) ?? new Set<string>();
    set.add(full);
    owners.set(surname, set);
  }
  return owners;
}

/** The key of the place entity a nationality word's country would have. */
export function countryKey(country: string): string {
  return `PLACE:${normalise(country)}`;
}

/**
 * One document's mentions of one entity, with what describing the entity needs from them. Kept
 * small: a corpus of 10,000 articles holds some 600,000 of these.
 */
export interface EntityPart {
  /** The document (or passage of a long one) the part is of: parts are ordered by it. */
  path: string;
  /**
   * The linked mentions, in text order. The forms of the name used here are their texts, counted
   * when needed (formsOf): no list of them kept beside, 600,000 at 10,000 articles.
   */
  mentions: LinkedMention[];
  canonical: string | undefined;
  country: string | undefined;
  roles: EntityRole[];
  /** The first acronym defined here: its index in `mentions` and its expansion's span. */
  acronym: { index: number; expansion: Span } | undefined;
}

const NO_ROLES: EntityRole[] = [];

/** `document`: the document `path` is a passage of, if it is one. */
export function entityPart(path: string, inputs: LinkMention[], mentions: LinkedMention[], document = path): EntityPart {
  let canonical: string | undefined;
  let country: string | undefined;
  let roles = NO_ROLES;
  let acronym: EntityPart['acronym'];
  inputs.forEach((m, index) => {
    if (!canonical && m.canonical) canonical = m.canonical;
    if (!country && m.country) country = m.country;
    if (!acronym && m.expansion) acronym = { index, expansion: m.expansion };
    for (const r of m.roles) (roles === NO_ROLES ? (roles = []) : roles).push({ ...r, path: document });
  });
  // Copies of exactly their length: the lists were grown by push, with room to spare.
  return { path, mentions: mentions.slice(), canonical, country, roles: roles === NO_ROLES ? roles : roles.slice(), acronym };
}

/** How often each form of the name occurs in the parts. */
function textCounts(parts: EntityPart[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of parts) addCounts(counts, p.mentions, 1);
  return counts;
}

/** Adds (or takes away) a part's mentions to a count by text (a text leaves when its last mention does). */
export function addCounts(counts: Map<string, number>, mentions: readonly LinkedMention[], sign: 1 | -1): void {
  for (const { text } of mentions) {
    const total = (counts.get(text) ?? 0) + sign;
    if (total === 0) counts.delete(text);
    else counts.set(text, total);
  }
}

/** Each form of the name a part uses, with how often, in the order first used: [text, count, …]. */
function formsOf(part: EntityPart): Array<string | number> {
  const forms: Array<string | number> = [];
  for (const { text } of part.mentions) {
    // Counts are numbers, so a text can only be found at a text's place.
    const k = forms.indexOf(text);
    if (k >= 0) forms[k + 1] = (forms[k + 1] as number) + 1;
    else forms.push(text, 1);
  }
  return forms;
}

/**
 * An entity from its parts, one per document, in any order. Its mentions, documents and roles are
 * gathered in corpus order when first read: after one article changed, describing a place named
 * 100,000 times costs a scan of its documents, and the lists are built only if someone asks.
 */
export function describeEntity(id: string, type: EntityType, key: string, parts: EntityPart[], counts = textCounts(parts)): Entity {
  const name = entityName(key, firstPart(parts, (p) => !!p.canonical)?.canonical, counts);
  const aliases = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t).filter((t) => t !== name);
  let ordered: EntityPart[] | null = null;
  const inOrder = () => (ordered ??= [...parts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
  let mentions: LinkedMention[] | null = null;
  let documents: string[] | null = null;
  let roles: EntityRole[] | null = null;
  const described = { parts, reset: () => void (ordered = mentions = documents = roles = null) };
  const entity: Entity = {
    id, name, type, aliases,
    get mentions() {
      return (mentions ??= inOrder().flatMap((p) => p.mentions));
    },
    get documents() {
      // By the mentions' documents: a long document's passages are parts of their own.
      return (documents ??= [...new Set(inOrder().map((p) => p.mentions[0].path))]);
    },
    get roles() {
      return (roles ??= dedupeRoles(inOrder().flatMap((p) => p.roles)));
    },
    definition: definingMention(parts, name),
  };
  DESCRIBED.set(entity, described);
  const country = firstPart(parts, (p) => !!p.country)?.country;
  if (country) entity.country = country;
  if (type === 'PERSON') {
    const spellings = [...counts.entries()].filter(([t]) => /\s/.test(t)).map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
    if (spellings.length > 1) entity.spellings = spellings;
  }
  return entity;
}

/** The parts each entity was described from, and a reset of its lists built from them on demand. */
const DESCRIBED = new WeakMap<Entity, { parts: EntityPart[]; reset(): void }>();

/**
 * Puts a document's new part in place of its old one in an entity described from the old, when
 * they differ only in where the mentions stand (see `movedOnly`): the entity's mentions and roles
 * are then rebuilt from the parts when next asked. False when the entity was not described from
 * the old part, or its defining mention stands in it (the caller describes the entity again).
 */
export function swapPart(entity: Entity, old: EntityPart, next: EntityPart): boolean {
  const described = DESCRIBED.get(entity);
  const at = described ? described.parts.indexOf(old) : -1;
  if (at < 0 || old.mentions.includes(entity.definition)) return false;
  described!.parts[at] = next;
  described!.reset();
  return true;
}

/** Two parts of one document and entity that describe it alike: the same forms, counts, roles and facts; only offsets differ. */
export function movedOnly(a: EntityPart, b: EntityPart): boolean {
  if (a.mentions.length !== b.mentions.length || a.canonical !== b.canonical || a.country !== b.country || a.acronym || b.acronym) return false;
  if (a.roles.length !== b.roles.length) return false;
  const [formsA, formsB] = [formsOf(a), formsOf(b)];
  if (formsA.length !== formsB.length) return false;
  for (let k = 0; k < formsA.length; k++) if (formsA[k] !== formsB[k]) return false; // [text, count, …] alike
  for (let k = 0; k < a.roles.length; k++) if (a.roles[k].text !== b.roles[k].text) return false;
  return true;
}

/** The part of the first document (by path) that satisfies the test; parts of one document keep their order. */
function firstPart(parts: Iterable<EntityPart>, test: (p: EntityPart) => boolean): EntityPart | undefined {
  let best: EntityPart | undefined;
  for (const p of parts) if ((!best || p.path < best.path) && test(p)) best = p;
  return best;
}

function baseKey(m: EntityMention): string {
  return keyOf(m.type, normalise(m.canonical ?? m.text));
}

/**
 * `TYPE:name`, one string per key: a million mentions go to a few thousand keys, and a key built
 * once is hashed once, not again by each map it is looked up in (linking keys every mention).
 */
function keyOf(type: EntityType, name: string): string {
  let byName = keysByType.get(type);
  if (!byName) keysByType.set(type, (byName = new Map()));
  let key = byName.get(name);
  if (key === undefined) {
    if (byName.size >= 200_000) byName.clear();
    key = `${type}:${name}`;
    byName.set(name, key);
  }
  return key;
}
const keysByType = new Map<EntityType, Map<string, string>>();

/** Case, curly quotes, spacing and "the" do not make two names different. */
export function normalise(s: string): string {
  let n = normalised.get(s);
  if (n === undefined) {
    // A corpus repeats its names: a million mentions are a few tens of thousands of texts.
    if (normalised.size >= 200_000) normalised.clear();
    n = s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
    normalised.set(s, n);
  }
  return n;
}
const normalised = new Map<string, string>();

export function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** Maps each full name to the spelling most of the corpus uses, when they differ by a letter or two. */
export function mergeSpellings(counts: Map<string, PersonCount>): Map<string, string> {
  const names = [...counts.keys()].sort((a, b) => counts.get(b)!.count - counts.get(a)!.count || (a < b ? -1 : 1));
  const rank = new Map(names.map((n, i) => [n, i]));
  // Near spellings share their first or their last word ("Amin/Amir Khan Muttaqi", "Zhirnov/Zhirnow"):
  // compare only names that do, so the work grows with the names per word, not with all pairs.
  const byWord = new Map<string, string[]>();
  for (const name of names) {
    const words = name.split(' ');
    for (const key of new Set([`first:${words.length}:${words[0]}`, `last:${words.length}:${words[words.length - 1]}`])) {
      const list = byWord.get(key) ?? [];
      list.push(name);
      byWord.set(key, list);
    }
  }
  const preferred = new Map<string, string>();
  for (const name of names) {
    if (preferred.has(name)) continue;
    const words = name.split(' ');
    for (const key of [`first:${words.length}:${words[0]}`, `last:${words.length}:${words[words.length - 1]}`]) {
      for (const other of byWord.get(key) ?? []) {
        if (rank.get(other)! > rank.get(name)! && !preferred.has(other) && nearSpelling(name, other)) preferred.set(other, name);
      }
    }
  }
  return preferred;
}

/** Same number of words, same surname or one letter off, at most two edits in all, none in short words. */
function nearSpelling(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  let total = 0;
  for (let k = 0; k < wa.length; k++) {
    if (wa[k] === wb[k]) continue;
    if (wa[k].length < MIN_VARIANT_TOKEN || wb[k].length < MIN_VARIANT_TOKEN) return false;
    const d = editDistance(wa[k], wb[k], 2);
    if (d > 1 && !(d === 2 && wa[k].length >= 7)) return false;
    total += d;
  }
  return total > 0 && total <= 2;
}

/** Damerau–Levenshtein distance (adjacent transpositions), stopping early above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2][j - 2] + 1);
      rows[i][j] = v;
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}

function mostMentioned(names: string[], counts: Map<string, PersonCount>): string {
  return [...names].sort((a, b) => (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0) || (a < b ? -1 : 1))[0];
}

/** The lexicon's name, else the most frequent among the longest forms (a full name over a surname, an expansion over its acronym). */
function entityName(key: string, canonical: string | undefined, counts: Map<string, number>): string {
  if (canonical) return canonical;
  const words = (t: string) => t.split(/\s+/).length;
  const forms = [...counts.entries()].sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const keyName = key.slice(key.indexOf(':') + 1);
  return forms.find(([t]) => normalise(t) === keyName)?.[0] ?? forms[0][0];
}

/**
 * The first mention giving the full name (with or without its article: "the Collective Security
 * Treaty Organization"), else the expansion of the first defined acronym, else the first mention.
 */
function definingMention(parts: EntityPart[], name: string): LinkedMention {
  const forms = [name, `the ${name}`, `The ${name}`];
  const full = firstPart(parts, (p) => p.mentions.some((m) => forms.includes(m.text)));
  if (full) return full.mentions.find((m) => forms.includes(m.text))!;
  const defined = firstPart(parts, (p) => !!p.acronym);
  if (defined) {
    // The recogniser moves the acronym's pointer when its expansion takes an article (attachArticles).
    const { index, expansion } = defined.acronym!;
    return defined.mentions.find((m) => m.start === expansion.start && m.end === expansion.end) ?? defined.mentions[index];
  }
  return firstPart(parts, () => true)!.mentions[0];
}

function dedupeRoles(roles: EntityRole[]): EntityRole[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const key = `${r.path}\u0000${normalise(r.text)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Mentions spelling a person's name differently from the rest of the corpus. */
export function variantsOf(e: Entity, counts: Map<string, PersonCount>): VariantSpelling[] {
  if (!e.spellings) return [];
  const preferred = e.spellings[0];
  if (e.spellings.length > 1 && e.spellings[1].count === preferred.count) return []; // no majority to follow
  const variants: VariantSpelling[] = [];
  for (const m of e.mentions) {
    if (!/\s/.test(m.text) || m.text === preferred.text) continue;
    if (normalise(m.text) === normalise(preferred.text)) continue;
    const stats = counts.get(normalise(preferred.text));
    variants.push({ path: m.path, start: m.start, end: m.end, text: m.text, preferred: preferred.text, entity: e.id, count: stats?.count ?? preferred.count, documents: stats?.documents.size ?? 1 });
  }
  return variants;
}
