// Brings the corpus's linking and joining up to date a slice at a time, one slice per turn of the
// event loop, so requests are answered between slices (and go first: see requestsWaiting): a long
// document opened, or thousands of files changed, reach the corpus-wide stages without freezing
// the server (the corpus answers meanwhile from what it has linked and joined so far; see
// Corpus.deferLargeChanges). Then, the same way, what is built ahead of requests on the caught-up
// corpus (the timeline's index), so that a request finds it built.
import type { Corpus } from '../core/index.js';

/** What is built ahead of requests once the corpus is up to date. */
export interface BuiltAhead {
  /** Something is to be built for the corpus as it is (asked only when it is up to date). */
  due(): boolean;
  /** Takes a step of it; true when there is nothing left to build. */
  step(): boolean;
}

const NOTHING_AHEAD: BuiltAhead = { due: () => false, step: () => true };

export class CatchUp {
  private running = false;
  /**
   * `caughtUp` is called when a run that did some work has brought the corpus up to date; no slice
   * runs while `requestsWaiting` says a request is between its dispatch and its written answer.
   * `ahead`: what is built after.
   */
  constructor(private readonly corpus: Corpus, private readonly caughtUp: () => void, private readonly requestsWaiting: () => boolean = () => false,
    private readonly ahead: BuiltAhead = NOTHING_AHEAD) {
    corpus.deferLargeChanges = true;
  }

  /** Starts catching up when there is work (the corpus behind, or something to build ahead), unless a run is under way (it takes whatever changed meanwhile too). */
  schedule(): void {
    if (this.running || (this.corpus.upToDate && !this.ahead.due())) return;
    this.running = true;
    setImmediate(() => this.step(false));
  }

  private step(worked: boolean): void {
    if (this.requestsWaiting()) return void setImmediate(() => this.step(worked));
    let caughtUp: boolean;
    let built = false;
    try {
      caughtUp = this.corpus.catchUp();
      if (caughtUp && worked) this.caughtUp();
      built = caughtUp && this.ahead.step();
    } catch (e) {
      // A query will bring the corpus up to date (and report the failure) in its own time.
      this.running = false;
      throw e;
    }
    // The next slice on a timer, not setImmediate: vscode-jsonrpc dispatches a request from a
    // setImmediate, which then runs right after the request is read instead of behind a slice.
    if (!built) return void setTimeout(() => this.step(!caughtUp), 0);
    this.running = false;
  }
}
