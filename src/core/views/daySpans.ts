// Spans of days [start, end), counted and found by binary search: how many touch a window, or
// start in each of its periods, costs a few searches whatever the number of spans in the window,
// and listing those that touch it reads only the spans that could reach it. The timeline's index
// (timeline.ts) keeps one of each per lane, so that a window zoomed out over the whole axis costs
// what its lanes and periods cost, not what its events do.
import type { Span } from '../types.js';

/** How many values of a sorted list are below `value`. */
function countBelow(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts of spans (whole days): their starts and their ends, each sorted on its own. */
export class SpanCounts {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  /** `sorted`: both lists are sorted already, and kept as they are (not copied). */
  constructor(starts: ArrayLike<number>, ends: ArrayLike<number>, sorted = false) {
    this.starts = sorted && starts instanceof Int32Array ? starts : Int32Array.from(starts).sort();
    this.ends = sorted && ends instanceof Int32Array ? ends : Int32Array.from(ends).sort();
  }

  get size(): number {
    return this.starts.length;
  }

  /** Spans touching the window: those starting before its end, less those over by its start (they start before it too). */
  touching(window: Span): number {
    return countBelow(this.starts, window.end) - countBelow(this.ends, window.start + 1);
  }

  /**
   * The spans touching the window, by the period holding their first day in it (periods: the window
   * cut in order, the first starting where it does): a span begun before the window counts in the first.
   */
  perPeriod(window: Span, periods: readonly Span[]): number[] {
    return periods.map((period, p) =>
      countBelow(this.starts, period.end) - (p === 0 ? countBelow(this.ends, window.start + 1) : countBelow(this.starts, period.start)));
  }
}

/** Span lengths up to which spans are kept together (a day, a month, a year), the rest in a last class. */
const LENGTH_CLASSES = [1, 31, 366, Infinity];

/**
 * Spans sorted by start, listed by the window they touch. A span begun before the window reaches
 * into it only if it is long enough; kept in classes by length, a window reads, in each class, the
 * spans starting at most that class's longest before it: a year-long event does not make a week's
 * window read the year's single days.
 */
export class SpanList {
  private constructor(private readonly classes: Array<{ longest: number; members: Int32Array; starts: Int32Array }>, private readonly ends: ArrayLike<number>) {}

  /**
   * `starts` sorted; `ends` the spans' ends, in the same order. Built a step at a time: `full` is
   * asked after each span placed (twice a span), and the build yields when it says so.
   */
  static *build(starts: ArrayLike<number>, ends: ArrayLike<number>, full: () => boolean = () => false): Generator<void, SpanList> {
    const classOf = new Uint8Array(starts.length);
    const sizes = LENGTH_CLASSES.map(() => 0);
    const longest = LENGTH_CLASSES.map(() => 0);
    for (let k = 0; k < starts.length; k++) {
      const length = ends[k] - starts[k];
      let c = 0;
      while (length > LENGTH_CLASSES[c]) c++;
      classOf[k] = c;
      sizes[c]++;
      if (length > longest[c]) longest[c] = length;
      if (full()) yield;
    }
    const classes = sizes.map((size, c) => ({ longest: longest[c], members: new Int32Array(size), starts: new Int32Array(size) }));
    const filled = sizes.map(() => 0);
    for (let k = 0; k < starts.length; k++) {
      const c = classOf[k];
      classes[c].members[filled[c]] = k;
      classes[c].starts[filled[c]++] = starts[k];
      if (full()) yield;
    }
    return new SpanList(classes.filter((c) => c.members.length > 0), ends);
  }

  /** Positions (in the list's order) of the spans touching the window. */
  touching(window: Span): number[] {
    const found: number[] = [];
    for (const { longest, members, starts } of this.classes) {
      // A span of this class starting on or before start − longest is over before the window.
      for (let k = countBelow(starts, window.start - longest + 1); k < starts.length && starts[k] < window.end; k++) {
        if (this.ends[members[k]] > window.start) found.push(members[k]);
      }
    }
    return this.classes.length > 1 ? found.sort((a, b) => a - b) : found;
  }
}
