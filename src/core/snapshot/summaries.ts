// What the Documents view and the CodeLens above a title say of a document: counts, plain data.
import type { Timex } from '../dates/types.js';
import type { Snapshot } from './snapshot.js';

/** What the corpus says of one document beyond its own analysis. */
export interface DocumentCounts {
  /** Distinct entities mentioned, temporal expressions, and events reported. */
  entities: number;
  dates: number;
  events: number;
  /** A person marked the document as reviewed. */
  reviewed: boolean;
  /** Decisions of the user that apply to this document. */
  userAnnotations: number;
}

export function documentCounts(snapshot: Snapshot, path: string): DocumentCounts {
  return {
    entities: distinctEntities(snapshot, path),
    dates: snapshot.timex(path).length,
    events: snapshot.eventsIn(path).length,
    reviewed: snapshot.applied(path)?.reviewed ?? false,
    userAnnotations: snapshot.annotations(path).length,
  };
}

/** The CodeLens above an article's title: "2 events · 5 entities · 3 footnotes", where it stands. */
export function documentLens(snapshot: Snapshot, path: string): { at: number; title: string } | null {
  const doc = snapshot.document(path);
  if (!doc || doc.skipped) return null;
  const events = snapshot.eventsIn(path).length;
  const entities = distinctEntities(snapshot, path);
  const footnotes = doc.analysis.footnotes.definitions.length;
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  return { at: doc.analysis.title?.start ?? 0, title: `${plural(events, 'event')} · ${plural(entities, 'entity', 'entities')} · ${plural(footnotes, 'footnote')}` };
}

/** Relative and partial dates in [from, to] with the value they resolve to: the inlay hints after them. */
export function resolvedDates(snapshot: Snapshot, path: string, from: number, to: number): Timex[] {
  return snapshot.timex(path).filter((t) => t.end >= from && t.start <= to && t.resolution.anchor !== 'explicit' && /\d/.test(t.value) && (t.type === 'DATE' || t.type === 'TIME'));
}

/**
 * Counted once per linking result (a link or merge rewrites mentions' ids in place, so the result,
 * not the list, tells whether a count still holds): the Documents view asks for every document.
 */
const distinctCounts = new WeakMap<object, Map<string, number>>();

function distinctEntities(snapshot: Snapshot, path: string): number {
  const mentions = snapshot.mentions(path);
  const links = snapshot.links();
  let counts = distinctCounts.get(links);
  if (!counts) distinctCounts.set(links, (counts = new Map()));
  let n = counts.get(path);
  if (n === undefined) {
    const ids = new Set<string>();
    for (const m of mentions) ids.add(m.entity);
    counts.set(path, (n = ids.size));
  }
  return n;
}
