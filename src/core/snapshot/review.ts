// The Review view: the names across the corpus that nobody has decided yet, in the review order
// (entities/reviewOrder.ts: least sure first, then by document and position), a page at a time.
// Each document's undecided names are sorted once per applied analysis, which the corpus keeps the
// same object until that document or its own annotations change; a page merges the documents'
// lists, so after a decision only the decided document's list is sorted again, and the first page
// costs one pass over the documents, not a sort of every name in the corpus.
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

/** Each applied analysis's undecided names, in the review order: kept while the analysis lives. */
const undecidedOf = new WeakMap<Applied, AppliedMention[]>();
const byPosition = reviewOrder<AppliedMention>(() => 0);

function undecided(applied: Applied): AppliedMention[] {
  let list = undecidedOf.get(applied);
  if (!list) undecidedOf.set(applied, (list = applied.mentions.filter((m) => m.source !== 'user').sort(byPosition)));
  return list;
}

/** The undecided names from `offset`, at most `limit`, across the corpus in the review order. */
export function reviewPage(snapshot: Snapshot, offset: number, limit: number): ReviewPage {
  const lists: Array<{ path: string; names: AppliedMention[] }> = [];
  let total = 0;
  for (const doc of snapshot.documents()) {
    const applied = snapshot.applied(doc.path);
    const names = applied ? undecided(applied) : [];
    if (names.length === 0) continue;
    lists.push({ path: doc.path, names });
    total += names.length;
  }
  const entries: ReviewEntry[] = [];
  const end = Math.min(total, offset + Math.max(0, limit));
  // A heap of cursors, one per document (lists are in path order: the index is the document's rank).
  const heap = new CursorHeap(lists.map((l) => l.names));
  for (let k = 0; k < end; k++) {
    const { list, at } = heap.pop();
    if (k < offset) continue;
    const { path, names } = lists[list];
    const text = snapshot.document(path)!.text;
    const mention = names[at];
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

/** A position in one document's list, carrying its name's place in the review order. */
interface Cursor {
  list: number;
  at: number;
  start: number;
  confidence?: number;
}

/** A min-heap of positions in sorted lists, in the review order of their names (the list's index as the document's rank). */
class CursorHeap {
  private readonly heap: Cursor[];
  private readonly before = reviewOrder<Cursor>((c) => c.list);

  constructor(private readonly lists: AppliedMention[][]) {
    this.heap = lists.map((_, list) => this.at({ list, at: 0, start: 0 }, 0));
    for (let k = (this.heap.length >> 1) - 1; k >= 0; k--) this.down(k);
  }

  /** The least cursor's place; the cursor moves on to its list's next name (or is dropped at its end). */
  pop(): { list: number; at: number } {
    const top = this.heap[0];
    const taken = { list: top.list, at: top.at };
    if (top.at + 1 < this.lists[top.list].length) this.at(top, top.at + 1);
    else {
      const last = this.heap.pop()!;
      if (last !== top) this.heap[0] = last;
    }
    if (this.heap.length > 0) this.down(0);
    return taken;
  }

  private at(c: Cursor, at: number): Cursor {
    const m = this.lists[c.list][at];
    c.at = at;
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
