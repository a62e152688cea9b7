// The Review view: the names across the corpus that nobody has decided yet, and the spans the model
// nearly read as names, in the review order (entities/reviewOrder.ts: least sure first, then by
// document and position), a page at a time.
// A page merges the documents' lists. What is read of a document is kept per applied analysis,
// which the corpus keeps the same object until that document or its own annotations change: at
// first only how many names are undecided and the least sure of them (one pass, no sort); a
// document's names are sorted only once the merge goes past its first, so the first page of
// 10,000 documents sorts a few dozen lists, and after a decision only the decided document is read
// again. The names the last decisions changed (what the model learned from them) come first.
import type { Applied, AppliedMention } from '../annotations/apply.js';
import { reviewOrder } from '../entities/reviewOrder.js';
import { spanKey } from '../types.js';
import type { Snapshot } from './snapshot.js';

/** A name to review, or (`possible`) a span the model nearly read as one: its confidence is then how sure it is that the span is none. */
export type ReviewName = AppliedMention & { possible?: true };

export interface ReviewEntry {
  path: string;
  mention: ReviewName;
  /** The last decisions changed how this name is read. */
  changed: boolean;
  /** The text around the name on its line, for the row's tooltip. */
  before: string;
  after: string;
}

export interface ReviewPage {
  /** The names from `offset`, in the review order. */
  entries: ReviewEntry[];
  /** Names to review in the whole corpus. */
  total: number;
}

/** Characters of context each side of a name. */
const CONTEXT = 60;

/** A document's undecided names: how many, the least sure (the first in the review order), and all of them in that order once asked. */
interface Undecided {
  count: number;
  least: ReviewName | undefined;
  sorted: ReviewName[] | null;
  /** The possible names as rows, made once. */
  possible: ReviewName[];
}

const undecidedOf = new WeakMap<Applied, Undecided>();
const inDocument = reviewOrder<ReviewName>(() => 0);
const isUndecided = (m: AppliedMention) => m.source !== 'user';

function undecided(applied: Applied, text: string): Undecided {
  let entry = undecidedOf.get(applied);
  if (!entry) {
    let count = 0;
    let least: ReviewName | undefined;
    const possible = applied.possible.map((p): ReviewName => ({ start: p.start, end: p.end, text: text.slice(p.start, p.end), type: p.type, roles: [], sentence: 0, confidence: p.confidence, possible: true }));
    for (const list of [applied.mentions, possible]) {
      for (const m of list) {
        if (!isUndecided(m)) continue;
        count++;
        // The first of equals, as the (stable) sort puts it first.
        if (!least || inDocument(m, least) < 0) least = m;
      }
    }
    undecidedOf.set(applied, (entry = { count, least, sorted: null, possible }));
  }
  return entry;
}

/** The document's `at`-th undecided name in the review order. */
function nameAt(applied: Applied, entry: Undecided, at: number): ReviewName {
  if (at === 0) return entry.least!;
  entry.sorted ??= [...applied.mentions.filter(isUndecided), ...entry.possible].sort(inDocument);
  return entry.sorted[at];
}

/** The documents that hold undecided names, in path order, and how many those are: read once per snapshot. */
interface Lists {
  docs: Array<{ path: string; applied: Applied; entry: Undecided }>;
  total: number;
}

const listsOf = new WeakMap<Snapshot, Lists>();

function listsIn(snapshot: Snapshot): Lists {
  let lists = listsOf.get(snapshot);
  if (!lists) {
    lists = { docs: [], total: 0 };
    for (const doc of snapshot.documents()) {
      const applied = snapshot.applied(doc.path);
      const entry = applied && undecided(applied, doc.text);
      if (!entry?.count) continue;
      lists.docs.push({ path: doc.path, applied: applied!, entry });
      lists.total += entry.count;
    }
    listsOf.set(snapshot, lists);
  }
  return lists;
}

/**
 * Reads a document's undecided names ahead of a request (the server does so for every document
 * once the corpus is caught up), so that the first page finds them read.
 */
export function readForReview(snapshot: Snapshot, path: string): void {
  const applied = snapshot.applied(path);
  const doc = snapshot.document(path);
  if (applied && doc) undecided(applied, doc.text);
}

/** Names the last decisions changed, by document: the spans as `spanKey` gives them. */
export type ChangedNames = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * The undecided names from `offset`, at most `limit`, across the corpus: first those `changed`
 * names, then the others, each part in the review order.
 */
export function reviewPage(snapshot: Snapshot, offset: number, limit: number, changed: ChangedNames = new Map()): ReviewPage {
  const { docs, total } = listsIn(snapshot);
  const entries: ReviewEntry[] = [];
  const end = Math.min(total, offset + Math.max(0, limit));
  if (end <= offset) return { entries, total };
  const entry = (path: string, mention: ReviewName, isChanged: boolean): ReviewEntry => {
    const text = snapshot.document(path)!.text;
    return { path, mention, changed: isChanged, before: contextBefore(text, mention.start), after: contextAfter(text, mention.end) };
  };
  const first = changedFirst(snapshot, changed);
  for (let k = offset; k < Math.min(end, first.length); k++) entries.push(entry(first[k].path, first[k].mention, true));
  if (end <= first.length) return { entries, total };
  // A heap of cursors, one per document (in path order: the index is the document's rank); the names already given first are passed over.
  const heap = new CursorHeap(docs.map(({ applied, entry }) => ({ count: entry.count, at: (k: number) => nameAt(applied, entry, k) })));
  for (let k = first.length; k < end; ) {
    const { list, mention } = heap.pop();
    const { path } = docs[list];
    if (!mention.possible && changed.get(path)?.has(spanKey(mention))) continue;
    if (k++ >= offset) entries.push(entry(path, mention, false));
  }
  return { entries, total };
}

/** The undecided names among `changed`, in the review order (documents in path order). */
function changedFirst(snapshot: Snapshot, changed: ChangedNames): Array<{ path: string; mention: AppliedMention }> {
  const paths = [...changed.keys()].sort();
  const rank = new Map(paths.map((path, k) => [path, k]));
  const names = paths.flatMap((path) => {
    const spans = changed.get(path)!;
    return (snapshot.applied(path)?.mentions ?? []).filter((m) => isUndecided(m) && spans.has(spanKey(m))).map((mention) => ({ path, mention, start: mention.start, confidence: mention.confidence }));
  });
  return names.sort(reviewOrder((n) => rank.get(n.path)!));
}

function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT, text.lastIndexOf('\n', start - 1) + 1);
  return text.slice(from, start);
}

function contextAfter(text: string, end: number): string {
  const line = text.indexOf('\n', end);
  return text.slice(end, Math.min(end + CONTEXT, line < 0 ? text.length : line));
}

/** A list of names in the review order, read a name at a time. */
interface NameList {
  count: number;
  at(k: number): ReviewName;
}

/** A position in one document's list, with its name (whose place in the review order it takes). */
interface Cursor {
  list: number;
  at: number;
  mention: ReviewName;
  start: number;
  confidence?: number;
}

/** A min-heap of positions in sorted lists, in the review order of their names (the list's index as the document's rank). */
class CursorHeap {
  private readonly heap: Cursor[];
  private readonly before = reviewOrder<Cursor>((c) => c.list);

  constructor(private readonly lists: NameList[]) {
    this.heap = lists.map((_, list) => this.moveTo({ list, at: 0, mention: null!, start: 0 }, 0));
    for (let k = (this.heap.length >> 1) - 1; k >= 0; k--) this.down(k);
  }

  /** The least cursor's name; the cursor moves on to its list's next name (or is dropped at its end). */
  pop(): { list: number; mention: ReviewName } {
    const top = this.heap[0];
    const taken = { list: top.list, mention: top.mention };
    if (top.at + 1 < this.lists[top.list].count) this.moveTo(top, top.at + 1);
    else {
      const last = this.heap.pop()!;
      if (last !== top) this.heap[0] = last;
    }
    if (this.heap.length > 0) this.down(0);
    return taken;
  }

  private moveTo(c: Cursor, at: number): Cursor {
    const m = this.lists[c.list].at(at);
    c.at = at;
    c.mention = m;
    c.start = m.start;
    c.confidence = m.confidence;
    return c;
  }

  private down(k: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= heap.length) return;
      const child = left + 1 < heap.length && this.before(heap[left + 1], heap[left]) < 0 ? left + 1 : left;
      if (this.before(heap[child], heap[k]) >= 0) return;
      [heap[child], heap[k]] = [heap[k], heap[child]];
      k = child;
    }
  }
}
