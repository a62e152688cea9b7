// Bringing imported entity annotations into the annotation store's file
// (`.corpus-lens/annotations.json`, read by src/core/annotations/store.ts). The store is the
// user's: an import adds to it and never drops anything, and a store that cannot be read is
// reported and left alone.
//
// One annotation is the same as another when document, start, end and type agree (kind "entity").
// Then the stored one keeps its id, `created` and any other fields, and takes the imported `entity`
// and `target`. Annotations of other kinds, and items the store itself would not use, are kept as
// they are. The file is written in the store's layout: sorted by document then start, one
// annotation per line.
import { parseStore, STORE_VERSION, type EntityAnnotation } from '../annotations/store.js';
import type { Problem } from '../types.js';
import { stableHash } from './offsets.js';

/** A deterministic id for an imported annotation: the same span imported twice (or on two branches) gets one id. */
export function importedAnnotationId(document: string, start: number, end: number, type: string): string {
  return `i${stableHash(`${document}\u0000${start}\u0000${end}\u0000${type}`)}`;
}

export type StoreMerge =
  | { ok: true; text: string; added: number; updated: number; unchanged: number; warnings: Problem[] }
  /** The existing store could not be read: nothing may be written. Problems carry offsets into it. */
  | { ok: false; problems: Problem[] };

type Raw = Record<string, unknown>;

const isObject = (x: unknown): x is Raw => typeof x === 'object' && x !== null && !Array.isArray(x);

function keyOf(x: unknown): string | null {
  if (!isObject(x) || x.kind !== 'entity' || !isObject(x.target)) return null;
  const { start, end } = x.target;
  if (typeof x.document !== 'string' || typeof x.type !== 'string' || typeof start !== 'number' || typeof end !== 'number') return null;
  return `${x.document}\u0000${start}\u0000${end}\u0000${x.type}`;
}

/**
 * Merges `incoming` entity annotations into the store file's text (null: there is no file yet).
 * Incoming annotations without an id get `importedAnnotationId`.
 */
export function mergeIntoStore(existing: string | null, incoming: EntityAnnotation[]): StoreMerge {
  let items: unknown[] = [];
  let warnings: Problem[] = [];
  if (existing !== null) {
    const parsed = parseStore(existing);
    if (!parsed.store) return { ok: false, problems: parsed.problems };
    warnings = parsed.problems;
    // The raw items, not the parsed ones: items the store would not use are kept too.
    items = (JSON.parse(existing) as { annotations: unknown[] }).annotations.slice();
  }
  const byKey = new Map<string, Raw>();
  const ids = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null && !byKey.has(key)) byKey.set(key, item as Raw);
    if (isObject(item) && typeof item.id === 'string') ids.add(item.id);
  }
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set<Raw>();
  for (const a of incoming) {
    const key = keyOf(a)!;
    const found = byKey.get(key);
    if (found) {
      if (touched.has(found)) continue; // the same span twice in one import
      touched.add(found);
      const before = JSON.stringify([found.entity, found.target]);
      found.entity = a.entity;
      found.target = { ...(isObject(found.target) ? found.target : {}), ...a.target };
      if (JSON.stringify([found.entity, found.target]) === before) unchanged++;
      else updated++;
      continue;
    }
    let id = a.id || importedAnnotationId(a.document, a.target.start, a.target.end, a.type);
    for (let n = 2; ids.has(id); n++) id = `${a.id || importedAnnotationId(a.document, a.target.start, a.target.end, a.type)}-${n}`;
    ids.add(id);
    const item: Raw = { id, document: a.document, kind: 'entity', type: a.type, entity: a.entity, target: { ...a.target }, source: 'user', created: a.created };
    items.push(item);
    byKey.set(key, item);
    touched.add(item);
    added++;
  }
  return { ok: true, text: serialize(items), added, updated, unchanged, warnings };
}

/** The store's layout (as serializeStore writes it), for any items, usable or not. */
function serialize(items: unknown[]): string {
  const documentOf = (x: unknown) => (isObject(x) && typeof x.document === 'string' ? x.document : '');
  const positionOf = (x: unknown) => (isObject(x) && isObject(x.target) && typeof x.target.start === 'number' ? x.target.start : -1);
  const idOf = (x: unknown) => (isObject(x) && typeof x.id === 'string' ? x.id : '');
  const sorted = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => {
      const da = documentOf(a.item);
      const db = documentOf(b.item);
      if (da !== db) return da < db ? -1 : 1;
      const pa = positionOf(a.item);
      const pb = positionOf(b.item);
      if (pa !== pb) return pa - pb;
      const ia = idOf(a.item);
      const ib = idOf(b.item);
      return ia !== ib ? (ia < ib ? -1 : 1) : a.i - b.i;
    })
    .map(({ item }) => `    ${JSON.stringify(item)}`);
  return `{\n  "version": ${STORE_VERSION},\n  "annotations": [\n${sorted.join(',\n')}${sorted.length ? '\n' : ''}  ]\n}\n`;
}
