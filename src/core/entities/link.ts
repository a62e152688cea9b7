// Cross-document linking: one entity per real-world thing. Mentions join by the lexicon's
// canonical name, by an acronym's definition anywhere in the corpus, by a surname that one person
// of the corpus bears, and by a near spelling of the same person's name (reported to the user).
import type { EntityMention, EntityType } from './recognize.js';
import type { Span } from '../types.js';

export interface LinkInput {
  path: string;
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

export interface LinkResult {
  entities: Entity[];
  byId: Map<string, Entity>;
  /** For each document, its mentions in text order with their entity. */
  mentionsByPath: Map<string, LinkedMention[]>;
  /** Mentions spelling a person's name differently from the rest of the corpus. */
  variants: VariantSpelling[];
}

const MIN_VARIANT_TOKEN = 4;

export function linkEntities(inputs: LinkInput[]): LinkResult {
  const docs = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const keyed: Array<{ path: string; m: LinkInput['mentions'][number]; key: string; type: EntityType }> = [];

  // Acronyms defined anywhere in the corpus ("Collective Security Treaty Organization (CSTO)").
  const acronymKey = new Map<string, { key: string; type: EntityType }>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      if (!m.expansion) continue;
      const expansion = doc.mentions.find((x) => x.start === m.expansion!.start && x.end === m.expansion!.end);
      if (expansion && !acronymKey.has(m.text)) acronymKey.set(m.text, { key: baseKey(expansion), type: expansion.type });
    }
  }

  // People: full names, grouped; then near spellings of one name merged into the majority's.
  const personCounts = new Map<string, { count: number; documents: Set<string> }>();
  for (const doc of docs) {
    for (const m of doc.mentions) {
      if (m.type !== 'PERSON' || !/\s/.test(m.text)) continue;
      const name = normalise(m.text);
      const entry = personCounts.get(name) ?? { count: 0, documents: new Set<string>() };
      entry.count++;
      entry.documents.add(doc.path);
      personCounts.set(name, entry);
    }
  }
  const preferredSpelling = mergeSpellings(personCounts);
  const surnameOwners = new Map<string, Set<string>>();
  for (const name of personCounts.keys()) {
    const full = preferredSpelling.get(name) ?? name;
    const surname = name.split(' ').pop()!;
    if (!surnameOwners.has(surname)) surnameOwners.set(surname, new Set());
    surnameOwners.get(surname)!.add(full);
  }

  for (const doc of docs) {
    const namesHere = new Set(doc.mentions.filter((m) => m.type === 'PERSON' && /\s/.test(m.text)).map((m) => preferredSpelling.get(normalise(m.text)) ?? normalise(m.text)));
    for (const m of doc.mentions) {
      let type = m.type;
      let key: string;
      const acronym = acronymKey.get(m.text);
      if (m.linkedEntity) {
        // The user linked this mention: it joins that entity whatever its text.
        key = `LINK:${m.linkedEntity}`;
      } else if (acronym && !m.canonical) {
        key = acronym.key;
        type = acronym.type;
      } else if (m.type === 'PERSON' && /\s/.test(m.text)) {
        const name = normalise(m.text);
        key = `PERSON:${preferredSpelling.get(name) ?? name}`;
      } else if (!/\s/.test(m.text) && !m.canonical && surnameOwners.has(normalise(m.text)) && m.type !== 'NORP') {
        // A surname alone: the person of this document who bears it, else the corpus's only one.
        const owners = [...surnameOwners.get(normalise(m.text))!];
        const here = owners.filter((o) => namesHere.has(o));
        const owner = here.length === 1 ? here[0] : owners.length === 1 ? owners[0] : mostMentioned(owners, personCounts);
        key = `PERSON:${owner}`;
        type = 'PERSON';
      } else {
        key = baseKey(m);
      }
      keyed.push({ path: doc.path, m, key, type });
    }
  }

  // Group into entities.
  const groups = new Map<string, typeof keyed>();
  for (const k of keyed) {
    const list = groups.get(k.key) ?? [];
    list.push(k);
    groups.set(k.key, list);
  }
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const usedIds = new Set<string>();
  // Mentions linked by the user go to the group of the entity they name, when it exists.
  const linkedGroups = [...groups.entries()].filter(([key]) => key.startsWith('LINK:'));
  if (linkedGroups.length > 0) {
    const idOfKey = new Map<string, string>();
    for (const [key, list] of groups) {
      if (key.startsWith('LINK:')) continue;
      const type = key.slice(0, key.indexOf(':'));
      idOfKey.set(`${type.toLowerCase()}:${slug(entityName(key, list.map((k) => k.m)))}`, key);
    }
    for (const [key, list] of linkedGroups) {
      const target = idOfKey.get(key.slice('LINK:'.length));
      groups.delete(key);
      // No automatic mention has that id any more: the linked mentions form the entity, keeping its id.
      const into = target ?? key;
      groups.set(into, [...(groups.get(into) ?? []), ...list]);
    }
  }
  for (const [key, list] of groups) {
    const linkedId = key.startsWith('LINK:') ? key.slice('LINK:'.length) : null;
    const type = linkedId ? list[0].type : (key.slice(0, key.indexOf(':')) as EntityType);
    const name = entityName(linkedId ? `${type}:${normalise(list[0].m.text)}` : key, list.map((k) => k.m));
    let id = linkedId ?? `${type.toLowerCase()}:${slug(name)}`;
    for (let n = 2; usedIds.has(id); n++) id = `${linkedId ?? `${type.toLowerCase()}:${slug(name)}`}-${n}`;
    usedIds.add(id);
    const mentions: LinkedMention[] = list.map(({ path, m }) => ({ path, start: m.start, end: m.end, text: m.text, type, entity: id, sentence: m.sentence, source: m.source ?? 'auto' }));
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
    const aliases = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t).filter((t) => t !== name);
    const documents = [...new Set(mentions.map((m) => m.path))];
    const definition = definingMention(list, mentions, name);
    const roles = dedupeRoles(list.flatMap(({ path, m }) => m.roles.map((r) => ({ ...r, path }))));
    const entity: Entity = { id, name, type, aliases, mentions, documents, roles, definition };
    const country = list.find((k) => k.m.country)?.m.country;
    if (country) entity.country = country;
    if (type === 'PERSON') {
      const spellings = [...counts.entries()].filter(([t]) => /\s/.test(t)).map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
      if (spellings.length > 1) entity.spellings = spellings;
    }
    entities.push(entity);
    byKey.set(key, entity);
  }
  // A nationality word points at its country's entity when the corpus has one.
  for (const e of entities) {
    if (e.type === 'NORP' && e.country) e.country = byKey.get(`PLACE:${normalise(e.country)}`)?.id ?? e.country;
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));

  const mentionsByPath = new Map<string, LinkedMention[]>();
  for (const e of entities) {
    for (const m of e.mentions) {
      const list = mentionsByPath.get(m.path) ?? [];
      list.push(m);
      mentionsByPath.set(m.path, list);
    }
  }
  for (const list of mentionsByPath.values()) list.sort((a, b) => a.start - b.start);
  const byId = new Map(entities.map((e) => [e.id, e]));
  return { entities, byId, mentionsByPath, variants: findVariants(entities, personCounts) };
}

function baseKey(m: EntityMention): string {
  return `${m.type}:${normalise(m.canonical ?? m.text)}`;
}

/** Case, curly quotes, spacing and "the" do not make two names different. */
export function normalise(s: string): string {
  return s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'entity';
}

/** Maps each full name to the spelling most of the corpus uses, when they differ by a letter or two. */
function mergeSpellings(counts: Map<string, { count: number; documents: Set<string> }>): Map<string, string> {
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

function mostMentioned(names: string[], counts: Map<string, { count: number }>): string {
  return [...names].sort((a, b) => (counts.get(b)?.count ?? 0) - (counts.get(a)?.count ?? 0) || (a < b ? -1 : 1))[0];
}

function entityName(key: string, mentions: EntityMention[]): string {
  const canonical = mentions.find((m) => m.canonical)?.canonical;
  if (canonical) return canonical;
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  // The most frequent among the longest forms (a full name over a surname, an expansion over its acronym).
  const words = (t: string) => t.split(/\s+/).length;
  const forms = [...counts.entries()].sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const keyName = key.slice(key.indexOf(':') + 1);
  return forms.find(([t]) => normalise(t) === keyName)?.[0] ?? forms[0][0];
}

function definingMention(list: Array<{ m: EntityMention }>, mentions: LinkedMention[], name: string): LinkedMention {
  const expansionOf = list.findIndex((k) => k.m.expansion);
  const full = mentions.findIndex((m) => m.text === name);
  if (full >= 0) return mentions[full];
  if (expansionOf >= 0) {
    const e = list[expansionOf].m.expansion!;
    return mentions.find((m) => m.start === e.start && m.end === e.end && m.path === mentions[expansionOf].path) ?? mentions[expansionOf];
  }
  return mentions[0];
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

function findVariants(entities: Entity[], counts: Map<string, { count: number; documents: Set<string> }>): VariantSpelling[] {
  const variants: VariantSpelling[] = [];
  for (const e of entities) {
    if (!e.spellings) continue;
    const preferred = e.spellings[0];
    if (e.spellings.length > 1 && e.spellings[1].count === preferred.count) continue; // no majority to follow
    for (const m of e.mentions) {
      if (!/\s/.test(m.text) || m.text === preferred.text) continue;
      if (normalise(m.text) === normalise(preferred.text)) continue;
      const stats = counts.get(normalise(preferred.text));
      variants.push({ path: m.path, start: m.start, end: m.end, text: m.text, preferred: preferred.text, entity: e.id, count: stats?.count ?? preferred.count, documents: stats?.documents.size ?? 1 });
    }
  }
  return variants;
}
