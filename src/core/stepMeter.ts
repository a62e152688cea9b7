// Work cut into steps by count, not by the clock (see Corpus.catchUp): a generator of the
// corpus-wide stages adds the items it takes (mentions keyed, entities' members read, clusters
// filed, events described, list elements copied), each weighted by what it costs, and yields when
// a step's worth is taken. A step then costs about the same whatever the corpus or the change:
// a loop that counted one item per entity or event, however large, let single steps run 100 ms.

export class StepMeter {
  private taken = 0;
  /** The most any one step took: a test reads it (no more than `size` and the largest single item). */
  largest = 0;

  /** `size`: the items one step takes, a few milliseconds' work. */
  constructor(readonly size: number) {}

  /** Counts `n` items taken; true when the step is full: the caller yields, and the next step counts from zero. */
  add(n = 1): boolean {
    this.taken += n;
    if (this.taken < this.size) return false;
    this.end();
    return true;
  }

  /** The caller yields for a reason of its own (or is done): the next step counts from zero. */
  end(): void {
    if (this.taken > this.largest) this.largest = this.taken;
    this.taken = 0;
  }
}
