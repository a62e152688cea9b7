// Brings the corpus's linking and joining up to date a slice at a time, one slice per turn of the
// event loop, so requests are answered between slices (and go first: see requestsWaiting): a long
// document opened, or thousands of files changed, reach the corpus-wide stages without freezing
// the server (the corpus answers meanwhile from what it has linked and joined so far; see
// Corpus.deferLargeChanges).
import type { Corpus } from '../core/index.js';

export class CatchUp {
  private running = false;
  /**
   * `caughtUp` is called when a run that did some work has brought the corpus up to date; no slice
   * runs while `requestsWaiting` says a request is between its dispatch and its written answer.
   */
  constructor(private readonly corpus: Corpus, private readonly caughtUp: () => void, private readonly requestsWaiting: () => boolean = () => false) {
    corpus.deferLargeChanges = true;
  }

  /** Starts catching up, unless a run is under way (it takes whatever changed meanwhile too). */
  schedule(): void {
    if (this.running || this.corpus.upToDate) return;
    this.running = true;
    setImmediate(() => this.step(false));
  }

  private step(worked: boolean): void {
    if (this.requestsWaiting()) return void setImmediate(() => this.step(worked));
    let done: boolean;
    try {
      done = this.corpus.catchUp();
    } catch (e) {
      // A query will bring the corpus up to date (and report the failure) in its own time.
      this.running = false;
      throw e;
    }
    // The next slice on a timer, not setImmediate: vscode-jsonrpc dispatches a request from a
    // setImmediate, which then runs right after the request is read instead of behind a slice.
    if (!done) return void setTimeout(() => this.step(true), 0);
    this.running = false;
    if (worked) this.caughtUp();
  }
}
