// The tagger's answers for the features that pair words (and shapes): a feature table's slot per
// pair of word ids, in one small typed array. A table's own look-up of such a feature mostly
// misses the processor's caches (some 8 MB of slots, a 128 KB filter before them); the pairs a
// document's names stand in recur ("Prime Minister", ". The", "Xx Xx Xx"), and their answers fit
// in a few hundred KB that stay near at hand. Ids are never reused, so a stale entry only waits
// for the next clearing.

const EMPTY = -1;
/** What find answers for keys it does not hold (a slot is -1 or more). */
export const UNKNOWN = -2;
/** Numbers per entry: three keys and the slot. */
const STRIDE = 4;

export class SlotCache {
  /** [a, b, c, slot] per entry; a === EMPTY for a free one. */
  private readonly entries: Int32Array;
  private readonly mask: number;
  private used = 0;
  /** Where find stopped: the free entry for its keys. */
  private free = 0;

  /** size: entries, a power of two; the cache is cleared when half of them are used. */
  constructor(size = 1 << 15) {
    this.entries = new Int32Array(size * STRIDE).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The slot kept for the keys (non-negative integers), or UNKNOWN: then `keep` the table's answer. */
  find(a: number, b: number, c: number): number {
    const e = this.entries;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) >>> 0;
    i = (i ^ (i >>> 15)) & this.mask;
    for (;;) {
      const at = i * STRIDE;
      if (e[at] === EMPTY) break;
      if (e[at] === a && e[at + 1] === b && e[at + 2] === c) return e[at + 3];
      i = (i + 1) & this.mask;
    }
    this.free = i;
    return UNKNOWN;
  }

  /** Keeps the slot of the keys `find` did not know, as its last call left them: returns the slot. */
  keep(a: number, b: number, c: number, slot: number): number {
    const e = this.entries;
    if (this.used * 2 >= this.mask + 1) {
      e.fill(EMPTY);
      this.used = 0;
      return slot;
    }
    const at = this.free * STRIDE;
    e[at] = a;
    e[at + 1] = b;
    e[at + 2] = c;
    e[at + 3] = slot;
    this.used++;
    return slot;
  }
}
