// A long document is linked and joined passage by passage, as it is recognised (passages.ts): each
// passage is a unit of its own for the corpus-wide stages, so a 10 MB document reaches them in
// pieces of 16–48 KB that can be taken a few at a time, and a document-level rule (a surname alone
// is the person its document names in full; undated reports join within their document) reads its
// passage, as the recogniser's do. A document of one passage is one unit, keyed by its path.
import { lastAtOrBefore } from '../document/positions.js';
import type { Span } from '../types.js';

export interface Unit<T> {
  /** The document's path, or `path\0nnnnn` for its n-th passage (sorting after the path, in order). */
  key: string;
  items: T[];
}

/** The unit key of a document's passage `k` of `count`. */
export function unitKey(path: string, k: number, count: number): string {
  return count <= 1 ? path : `${path}\u0000${String(k).padStart(5, '0')}`;
}

/** Items by the passage they start in, in their order: one unit per passage; the list itself when there is one. */
export function splitIntoUnits<T extends Span>(path: string, passages: readonly Span[] | undefined, items: T[]): Array<Unit<T>> {
  if (!passages || passages.length <= 1) return [{ key: path, items }];
  const key = (k: number) => unitKey(path, k, passages.length);
  // Items in text order (as analyses give them): each passage's are a slice, found by a search at
  // its start (a 10 MB document's 200,000 mentions are copied, not placed one by one).
  if (inOrder(items)) {
    const firstAt = (at: number) => {
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (items[mid].start < at) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return passages.map((_, k) => ({ key: key(k), items: items.slice(k === 0 ? 0 : firstAt(passages[k].start), k + 1 < passages.length ? firstAt(passages[k + 1].start) : items.length) }));
  }
  // Else in passage order, as a long document's analysis gives them (each passage's findings after
  // the one before's, in an order of their own): each goes to the passage the last one went to, or
  // one after it; only an item out of that order is searched for.
  const units: Array<Unit<T>> = passages.map((_, k) => ({ key: key(k), items: [] }));
  let k = 0;
  for (const item of items) {
    if (item.start < passages[k].start) k = lastAtOrBefore(passages.length, (j) => passages[j].start, item.start);
    else while (k + 1 < passages.length && passages[k + 1].start <= item.start) k++;
    units[k].items.push(item);
  }
  return units;
}

function inOrder(items: readonly Span[]): boolean {
  for (let k = 1; k < items.length; k++) if (items[k].start < items[k - 1].start) return false;
  return true;
}
