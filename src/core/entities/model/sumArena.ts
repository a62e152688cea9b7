// Rows of summed weights (one number per label) the tagger keeps per word and role, in one growing
// buffer: a token reads its rows from one array, near each other, not from an object per row. Past
// its bound the arena drops every row at once and starts a new generation; a holder of rows knows
// them stale by the generation it saw.

let generations = 0;

export class SumArena {
  data: Float64Array;
  /** Numbers in use, from the start of data. */
  used = 0;
  /** Changes whenever the rows are dropped; unique across arenas. */
  generation = ++generations;

  /** limit: how many numbers the arena may hold before a trim drops them; width: numbers per row. */
  constructor(readonly limit: number, readonly width: number, initial = 1 << 16) {
    this.data = new Float64Array(Math.min(initial, limit + width));
  }

  /** Room for `rows` rows, zeroed: the index of the first. The data array may be a new one after. */
  alloc(rows: number): number {
    const at = this.used;
    const end = at + rows * this.width;
    if (end > this.data.length) {
      // Doubling up to the bound; past it (rows of one segment, until the next trim), an eighth more.
      const grown = new Float64Array(Math.max(end + (this.limit >> 3), Math.min(this.data.length * 2, this.limit)));
      grown.set(this.data.subarray(0, at));
      this.data = grown;
    }
    this.data.fill(0, at, end);
    this.used = end;
    return at;
  }

  /** Drops every row when past the bound: call only where no index into the rows is held. */
  trim(): void {
    if (this.used <= this.limit) return;
    this.used = 0;
    this.generation = ++generations;
  }
}
