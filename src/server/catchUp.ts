// Brings the corpus's linking and joining up to date a slice at a time, one slice per turn of the
// event loop, so requests are answered between slices: a long document opened, or thousands of
// files changed, reach the corpus-wide stages without freezing the server (the corpus answers
// meanwhile from what it has linked and joined so far; see Corpus.deferLargeChanges).
import type { Corpus } from '../core/index.js';

export class CatchUp {
  private running = false;

  /** `caughtUp` is called when a run that did some work has brought the corpus up to date. */
  constructor(private readonly corpus: Corpus, private readonly caughtUp: () => void) {
    corpus.deferLargeChanges = true;
  }

  /** Starts catching up, unless a run is under way (it takes whatever changed meanwhile too). */
  schedule(): void {
    if (this.running || this.corpus.upToDate) return;
    this.running = true;
    setImmediate(() => this.step(false));
  }

  private step(worked: boolean): void {
    let done: boolean;
    try {
      done = this.corpus.catchUp();
    } catch (e) {
      // A query will bring the corpus up to date (and report the failure) in its own time.
      this.running = false;
      throw e;
    }
    if (!done) return void setImmediate(() => this.step(true));
    this.running = false;
    if (worked) this.caughtUp();
  }
}
