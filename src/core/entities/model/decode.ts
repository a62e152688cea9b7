// The best label sequence of a segment (Viterbi under the BILOU rules), and for each token how
// much worse the best sequence that labels it otherwise would be (max-marginals): the margin a
// name's confidence is made of.
import { allowed, LABEL_COUNT, mayEnd, mayStart, O as OUTSIDE } from './labels.js';

// Module constants, not imported bindings, in the hot loops (an imported binding can be a getter).
const L = LABEL_COUNT;
const O = OUTSIDE;

const NEG = -1e30;
/** ALLOWED[a * L + b]: may b follow a. */
const ALLOWED = new Uint8Array(L * L);
for (let a = 0; a < L; a++) for (let b = 0; b < L; b++) ALLOWED[a * L + b] = allowed(a, b) ? 1 : 0;
/** May a segment open, or close, with each label. */
const START = Uint8Array.from({ length: L }, (_, l) => (mayStart(l) ? 1 : 0));
const END = Uint8Array.from({ length: L }, (_, l) => (mayEnd(l) ? 1 : 0));
/**
 * Lists of labels in one array, in increasing order (ties go to the first): list `x` is
 * LIST[FROM[x] … FROM[x + 1]).
 */
function lists(of: (x: number) => number[]): { from: Int32Array; list: Uint8Array } {
  const all = Array.from({ length: L }, (_, x) => of(x));
  const from = new Int32Array(L + 1);
  for (let x = 0; x < L; x++) from[x + 1] = from[x] + all[x].length;
  return { from, list: Uint8Array.from(all.flat()) };
}
const LABELS = Array.from({ length: L }, (_, l) => l);
/** The labels that may stand before each label (two for I and L, eleven for the others). */
const BEFORE = lists((b) => LABELS.filter((a) => ALLOWED[a * L + b]));
/** The labels that may follow each label. */
const AFTER = lists((a) => LABELS.filter((b) => ALLOWED[a * L + b]));

export interface Lattice {
  forward: Float64Array;
  backward: Float64Array;
}

/**
 * Fills `out` with the best labels of n tokens from their emission scores (n × L) and the
 * transitions (L × L, with O standing before and after the segment). Returns the best score.
 */
export function viterbi(emissions: Float64Array, n: number, transitions: ArrayLike<number>, out: Uint8Array): number {
  if (n > back.length / L) back = new Uint8Array(n * 2 * L);
  if (n > forward.length / L) forward = new Float64Array(n * 2 * L);
  const f = forward;
  // The best score ending in each label (not only the best path's) is what the margins read too.
  for (let l = 0; l < L; l++) f[l] = START[l] ? transitions[O * L + l] + emissions[l] : NEG;
  const { from, list } = BEFORE;
  for (let k = 1; k < n; k++) {
    const previous = (k - 1) * L;
    for (let b = 0; b < L; b++) {
      let best = NEG;
      let arg = 0;
      for (let i = from[b], end = from[b + 1]; i < end; i++) {
        const a = list[i];
        const s = f[previous + a] + transitions[a * L + b];
        if (s > best) {
          best = s;
          arg = a;
        }
      }
      f[k * L + b] = best + emissions[k * L + b];
      back[k * L + b] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (!END[l]) continue;
    const s = f[(n - 1) * L + l] + transitions[l * L + O];
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  for (let k = n - 1; k >= 0; k--) {
    out[k] = arg;
    arg = back[k * L + arg];
  }
  return best;
}

/** Scratch space of viterbi, grown as segments need. */
let back = new Uint8Array(64 * L);
let forward = new Float64Array(64 * L);

/**
 * Fills the lattice after viterbi ran on the same segment: its forward scores are viterbi's own
 * (good until viterbi runs again), the backward ones are computed here, for tokens `first` on
 * (margin reads only the tokens of names: those before the first name need none).
 */
export function maxMarginals(emissions: Float64Array, n: number, transitions: ArrayLike<number>, lattice: Lattice, first = 0): void {
  lattice.forward = forward;
  backwardPass(emissions, n, transitions, lattice.backward, first);
}

/** backward[k * L + l] for k ≥ first: the best score of tokens after k given label l at k. */
function backwardPass(emissions: Float64Array, n: number, transitions: ArrayLike<number>, b: Float64Array, first: number): void {
  for (let l = 0; l < L; l++) b[(n - 1) * L + l] = END[l] ? transitions[l * L + O] : NEG;
  const { from, list } = AFTER;
  for (let k = n - 2; k >= first; k--) {
    const next = (k + 1) * L;
    for (let a = 0; a < L; a++) {
      let best = NEG;
      for (let i = from[a], end = from[a + 1]; i < end; i++) {
        const c = list[i];
        const s = transitions[a * L + c] + emissions[next + c] + b[next + c];
        if (s > best) best = s;
      }
      b[k * L + a] = best;
    }
  }
}

/**
 * How far the best sequence stands above the best one that labels any of tokens [first, last)
 * otherwise than `labels` does.
 */
export function margin(lattice: Lattice, labels: Uint8Array, first: number, last: number): number {
  let best = NEG;
  let rival = NEG;
  for (let k = first; k < last; k++) {
    for (let l = 0; l < L; l++) {
      const s = lattice.forward[k * L + l] + lattice.backward[k * L + l];
      if (l === labels[k]) best = Math.max(best, s);
      else rival = Math.max(rival, s);
    }
  }
  return best - rival;
}
