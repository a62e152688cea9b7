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

/** Elements a run of sortSteps sorts at once: a run's sort is one item, however long. */
export const SORT_RUN = 500;

/**
 * A stable merge sort, a step at a time (the meter's): a list of 30,000 events sorts in steps.
 * `weight`: what an element compared and moved counts, in the meter's units.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number, meter: StepMeter, weight: number): Generator<void, T[]> {
  if (items.length <= SORT_RUN) {
    const sorted = items.sort(compare);
    if (meter.add(items.length * weight * Math.log2(items.length + 1))) yield;
    return sorted;
  }
  let runs: T[][] = [];
  for (let k = 0; k < items.length; k += SORT_RUN) {
    runs.push(items.slice(k, k + SORT_RUN).sort(compare));
    if (meter.add(SORT_RUN * weight * Math.log2(SORT_RUN))) yield;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const [a, b] = [runs[r], runs[r + 1]];
      if (!b) {
        next.push(a);
        continue;
      }
      next.push(yield* mergeSteps(a, b, compare, meter, weight));
    }
    runs = next;
  }
  return runs[0] ?? [];
}

/** Two sorted lists as one, stable (on a tie, `a`'s first), a step at a time (the meter's); `weight` as for sortSteps. */
export function* mergeSteps<T>(a: readonly T[], b: readonly T[], compare: (a: T, b: T) => number, meter: StepMeter, weight: number): Generator<void, T[]> {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    out.push(j >= b.length || (i < a.length && compare(a[i], b[j]) <= 0) ? a[i++] : b[j++]);
    if (meter.add(weight * 2)) yield;
  }
  return out;
}

/** mergeSteps at once. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (a: T, b: T) => number): T[] {
  const steps = mergeSteps(a, b, compare, new StepMeter(Infinity), 0);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
