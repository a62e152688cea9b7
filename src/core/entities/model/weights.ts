// The trained weights: for each known feature a row of one weight per label, and a weight for
// each pair of labels in a row. Rows are 8-bit integers with a scale of their own (the file holds
// them so). In memory each feature is one 32-byte slot of an open-addressing table (its hash, its
// scale, its row), so looking a feature up touches one cache line, not three arrays.
import { MAX_FEATURES } from './features.js';
import { LABEL_COUNT } from './labels.js';

const L = LABEL_COUNT;
const SLOT = 32;
const ROW_AT = 8;

/**
 * A weight is an 8-bit integer times a float32 scale: a multiple of the scale's last bit, 2^q.
 * Sums of such terms stay multiples of the smallest q; while they stay under 2^(53 + q) in size,
 * float64 holds each partial sum exactly, so any order of additions gives the same bits.
 */
export function exactSums(scales: Float32Array, maxTerms: number): boolean {
  const bits = new Uint32Array(Float32Array.from(scales).buffer);
  let q = Infinity;
  let largest = 0;
  for (let r = 0; r < scales.length; r++) {
    const exponent = (bits[r] >>> 23) & 0xff;
    if (exponent === 0 || exponent === 0xff) return false; // subnormal, infinite or NaN: not worth the care
    const mantissa = (bits[r] & 0x7fffff) | 0x800000;
    q = Math.min(q, exponent - 150 + (31 - Math.clz32(mantissa & -mantissa)));
    largest = Math.max(largest, scales[r]);
  }
  return maxTerms * 128 * largest < 2 ** (53 + q);
}

export interface Weights {
  /** The features' hashes, in the order of their rows. */
  keys: Uint32Array;
  /** keys.length × LABEL_COUNT quantised weights. */
  rows: Int8Array;
  /** Per row: multiplies its quantised weights into scores. */
  scales: Float32Array;
  /** LABEL_COUNT × LABEL_COUNT: the score of label b after label a at [a * LABEL_COUNT + b]. */
  transitions: Float32Array;
}

/**
 * What a workspace learned on top of the shipped weights: per feature, one number per label added
 * to its row (features the shipped weights lack included). LearnedWeights keeps each a multiple of
 * 2^-12, so while they stay small sums with the shipped weights stay exact (see exactSums) and the
 * overlaid table keeps the shipped one's exactSums.
 */
export type WeightDeltas = ReadonlyMap<number, Float64Array>;

export class FeatureTable {
  private readonly bytes: Int8Array;
  private readonly words: Uint32Array;
  private readonly floats: Float32Array;
  private readonly mask: number;
  /**
   * One bit per 2^20 values of a hash's high bits, set for each feature held: most features a
   * document asks for (pairs of words, rare words) are not, and this says so from a 128 KB array
   * instead of a probe into the table, mostly a cache miss.
   */
  private readonly held: Uint32Array;
  /** Learned rows (see overlaid): hash → index among them; slots past the table's are theirs. */
  private readonly learned: Map<number, number> | null = null;
  /** The learned rows, shipped weights and deltas summed: LABEL_COUNT numbers each. */
  private readonly learnedRows: Float64Array | null = null;
  private readonly slots: number;
  readonly size: number;
  readonly transitions: Float32Array;
  /** The same numbers as float64 (exactly them): what decoding reads, with no conversion per read. */
  readonly transitions64: Float64Array;
  /**
   * Whether any sum of up to `maxTerms` rows' weights is exact in float64, whatever the order of
   * the additions (see exactSums below): the tagger sums them in its own order.
   */
  readonly exactSums: boolean;

  /**
   * The shipped table with a workspace's deltas added: shares the shipped rows (no copy of the
   * table), holds the rows of the features with deltas in full.
   */
  static overlaid(base: FeatureTable, deltas: WeightDeltas): FeatureTable {
    return new FeatureTable(base, deltas);
  }

  constructor(weights: Weights);
  constructor(base: FeatureTable, deltas: WeightDeltas);
  constructor(weights: Weights | FeatureTable, deltas?: WeightDeltas) {
    if (weights instanceof FeatureTable) {
      const base = weights;
      this.bytes = base.bytes;
      this.words = base.words;
      this.floats = base.floats;
      this.mask = base.mask;
      this.slots = base.slots;
      this.size = base.size;
      this.transitions = base.transitions;
      this.transitions64 = base.transitions64;
      this.exactSums = base.exactSums;
      this.held = Uint32Array.from(base.held);
      this.learned = new Map();
      this.learnedRows = new Float64Array(deltas!.size * L);
      for (const [hash, delta] of deltas!) {
        const at = this.learned.size;
        this.learned.set(hash, at);
        this.held[hash >>> 17] |= 1 << ((hash >>> 12) & 31);
        const slot = base.row(hash);
        for (let l = 0; l < L; l++) this.learnedRows[at * L + l] = (slot >= 0 ? base.weight(slot, l) : 0) + delta[l];
      }
      return;
    }
    let slots = 1024;
    while (slots < weights.keys.length * 2) slots *= 2;
    this.slots = slots;
    this.held = new Uint32Array(1 << 15);
    const buffer = new ArrayBuffer(slots * SLOT);
    this.bytes = new Int8Array(buffer);
    this.words = new Uint32Array(buffer);
    this.floats = new Float32Array(buffer);
    this.mask = slots - 1;
    this.size = weights.keys.length;
    this.transitions = weights.transitions;
    this.transitions64 = Float64Array.from(weights.transitions);
    // A slot with scale 0 is empty: every kept row has a positive scale.
    for (let r = 0; r < weights.keys.length; r++) {
      let i = weights.keys[r] & this.mask;
      while (this.floats[i * 8 + 1] !== 0) i = (i + 1) & this.mask;
      this.words[i * 8] = weights.keys[r];
      this.held[weights.keys[r] >>> 17] |= 1 << ((weights.keys[r] >>> 12) & 31);
      this.floats[i * 8 + 1] = weights.scales[r];
      this.bytes.set(weights.rows.subarray(r * L, (r + 1) * L), i * SLOT + ROW_AT);
    }
    this.exactSums = exactSums(weights.scales, MAX_FEATURES);
  }

  /** The slot of a feature, or -1 when training never saw it. */
  row(hash: number): number {
    if ((this.held[hash >>> 17] & (1 << ((hash >>> 12) & 31))) === 0) return -1;
    if (this.learned !== null) {
      const at = this.learned.get(hash);
      if (at !== undefined) return this.slots + at;
    }
    let i = hash & this.mask;
    for (;;) {
      if (this.floats[i * 8 + 1] === 0) return -1;
      if (this.words[i * 8] === hash) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** Adds the weights of a feature's slot to scores[offset … offset + labels). */
  addRow(slot: number, scores: Float64Array, offset = 0): void {
    if (slot >= this.slots) {
      const rows = this.learnedRows!;
      const from = (slot - this.slots) * L;
      for (let l = 0; l < L; l++) scores[offset + l] += rows[from + l];
      return;
    }
    const scale = this.floats[slot * 8 + 1];
    const at = slot * SLOT + ROW_AT;
    const bytes = this.bytes;
    for (let l = 0; l < L; l++) scores[offset + l] += bytes[at + l] * scale;
  }

  /** The weight a feature's slot gives a label. */
  weight(slot: number, label: number): number {
    if (slot >= this.slots) return this.learnedRows![(slot - this.slots) * L + label];
    return this.bytes[slot * SLOT + ROW_AT + label] * this.floats[slot * 8 + 1];
  }

  get memoryBytes(): number {
    return (
      this.bytes.byteLength +
      this.held.byteLength +
      this.transitions.byteLength +
      this.transitions64.byteLength +
      (this.learnedRows?.byteLength ?? 0)
    );
  }
}
