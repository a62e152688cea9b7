// The Review view: the names across the corpus that nobody has decided yet, in the review order
// (entities/reviewOrder.ts: least sure first, then by document and position), a page at a time.
// A page merges the documents' lists. What is read of a document is kept per applied analysis,
// which the corpus keeps the same object until that document or its own annotations change: at
// first only how many names are undecided and the least sure of them (one pass, no sort); a
// document's names are sorted only once the merge goes past its first, so the first page of
// 10,000 documents sorts a few dozen lists, and after a decision only the decided document is read
// again.
import type { Applied, AppliedMention } from '../annotations/apply.js';
import { reviewOrder } from '../entities/reviewOrder.js';
import type { Snapshot } from './snapshot.js';

export interface ReviewEntry {
  path: string;
  mention: AppliedMention;
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
  least: AppliedMention | undefined;
  sorted: AppliedMention[] | null;
}

const undecidedOf = new WeakMap<Applied, Undecided>();
const inDocument = reviewOrder<AppliedMention>(() => 0);
const isUndecided = (m: AppliedMention) => m.source !== 'user';

function undecided(applied: Applied): Undecided {
  let entry = undecidedOf.get(applied);
  if (!entry) {
    let count = 0;
    let least: AppliedMention | undefined;
    for (const m of applied.mentions) {
      if (!isUndecided(m)) continue;
      count++;
      // The first of equals, as the (stable) sort puts it first.
      if (!least || inDocument(m, least) < 0) least = m;
    }
    undecidedOf.set(applied, (entry = { count, least, sorted: null }));
  }
  return entry;
}

/** The document's `at`-th undecided name in the review order. */
function nameAt(applied: Applied, entry: Undecided, at: number): AppliedMention {
  if (at === 0) return entry.least!;
  entry.sorted ??= applied.mentions.filter(isUndecided).sort(inDocument);
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
      const entry = applied && undecided(applied);
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
  if (applied) undecided(applied);
}

/** The undecided names from `offset`, at most `limit`, across the corpus in the review order. */
export function reviewPage(snapshot: Snapshot, offset: number, limit: number): ReviewPage {
  const { docs, total } = listsIn(snapshot);
  const entries: ReviewEntry[] = [];
  const end = Math.min(total, offset + Math.max(0, limit));
  if (end <= offset) return { entries, total };
  // A heap of cursors, one per document (in path order: the index is the document's rank).
  const heap = new CursorHeap(docs.map(({ applied, entry }) => ({ count: entry.count, at: (k: number) => nameAt(applied, entry, k) })));
  for (let k = 0; k < end; k++) {
    const { list, mention } = heap.pop();
    if (k < offset) continue;
    const { path } = docs[list];
    const text = snapshot.document(path)!.text;
    entries.push({ path, mention, before: contextBefore(text, mention.start), after: contextAfter(text, mention.end) });
  }
  return { entries, total };
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
  at(k: number): AppliedMention;
}

/** A position in one document's list, with its name (whose place in the review order it takes). */
interface Cursor {
  list: number;
  at: number;
  mention: AppliedMention;
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
  pop(): { list: number; mention: AppliedMention } {
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
