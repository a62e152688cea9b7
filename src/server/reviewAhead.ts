// Reads every document's undecided names for the Review view ahead of its requests, a slice of
// documents per step once the corpus is caught up (CatchUp's `ahead`): the first page at 10,000
// documents then merges what is read instead of reading about a million names (about 200 ms of
// CPU). After a decision only the decided document has anything new to read.
import { readForReview, type Corpus, type Snapshot } from '../core/index.js';

/** Documents read per step: a step stays a few milliseconds, so requests are answered between. */
const DOCUMENTS_PER_STEP = 250;

export class ReviewAhead {
  private snapshot: Snapshot | null = null;
  private next = 0;

  constructor(private readonly corpus: Corpus) {}

  /** Reads the next slice of documents; true when every document of the current snapshot is read. */
  step(): boolean {
    const snapshot = this.corpus.current;
    if (snapshot !== this.snapshot) {
      this.snapshot = snapshot;
      this.next = 0;
    }
    const docs = snapshot.documents();
    const end = Math.min(docs.length, this.next + DOCUMENTS_PER_STEP);
    for (; this.next < end; this.next++) readForReview(snapshot, docs[this.next].path);
    return this.next >= docs.length;
  }
}
