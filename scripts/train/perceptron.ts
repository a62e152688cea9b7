// A structured averaged perceptron over segments (Collins 2002): decode with the current weights;
// where the best sequence differs from the best one the gold allows, move the weights of the
// tokens that differ toward the allowed labels. Averaging uses the usual running-sum trick.
import { viterbi } from '../../src/core/entities/model/decode.js';
import { LABEL_COUNT } from '../../src/core/entities/model/labels.js';

const L = LABEL_COUNT;
import type { Examples } from './examples.js';

const NEG = -1e30;

export interface Trained {
  /** Averaged weights, features × labels. */
  weights: Float32Array;
  transitions: Float32Array;
}

export function train(ex: Examples, epochs: number, next: () => number, log: (line: string) => void): Trained {
  const nFeatures = ex.keys.length;
  const w = new Float32Array(nFeatures * L);
  const u = new Float32Array(nFeatures * L);
  const tw = new Float64Array(L * L);
  const tu = new Float64Array(L * L);
  const starts: number[] = [];
  for (let s = 0, token = 0; s < ex.lengths.length; s++) {
    starts.push(token);
    token += ex.lengths[s];
  }
  const order = ex.lengths.map((_, i) => i);
  let c = 1;
  const maxLength = Math.max(1, ...ex.lengths);
  const emissions = new Float64Array(maxLength * L);
  const constrained = new Float64Array(maxLength * L);
  const predicted = new Uint8Array(maxLength);
  const target = new Uint8Array(maxLength);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, next);
    let wrong = 0;
    let tokens = 0;
    for (const s of order) {
      const n = ex.lengths[s];
      const first = starts[s];
      for (let k = 0; k < n; k++) {
        const at = k * L;
        for (let l = 0; l < L; l++) emissions[at + l] = 0;
        for (let f = ex.offsets[first + k]; f < ex.offsets[first + k + 1]; f++) {
          const row = ex.features[f] * L;
          for (let l = 0; l < L; l++) emissions[at + l] += w[row + l];
        }
        const allowed = ex.allowed[first + k];
        for (let l = 0; l < L; l++) constrained[at + l] = allowed & (1 << l) ? emissions[at + l] : NEG;
      }
      viterbi(emissions, n, tw, predicted);
      viterbi(constrained, n, tw, target);
      let differs = false;
      for (let k = 0; k < n; k++) {
        tokens++;
        if (predicted[k] === target[k]) continue;
        differs = true;
        wrong++;
        for (let f = ex.offsets[first + k]; f < ex.offsets[first + k + 1]; f++) {
          const row = ex.features[f] * L;
          w[row + target[k]] += 1;
          u[row + target[k]] += c;
          w[row + predicted[k]] -= 1;
          u[row + predicted[k]] -= c;
        }
      }
      if (differs) {
        // Transitions, O standing before and after the segment.
        for (let k = 0; k <= n; k++) {
          const pa = k === 0 ? 0 : predicted[k - 1];
          const pb = k === n ? 0 : predicted[k];
          const ga = k === 0 ? 0 : target[k - 1];
          const gb = k === n ? 0 : target[k];
          if (pa === ga && pb === gb) continue;
          tw[ga * L + gb] += 1;
          tu[ga * L + gb] += c;
          tw[pa * L + pb] -= 1;
          tu[pa * L + pb] -= c;
        }
      }
      c++;
    }
    log(`epoch ${epoch + 1}/${epochs}: ${wrong} of ${tokens} tokens wrong (${((100 * wrong) / tokens).toFixed(2)}%)`);
  }
  const weights = new Float32Array(nFeatures * L);
  for (let i = 0; i < weights.length; i++) weights[i] = w[i] - u[i] / c;
  const transitions = new Float32Array(L * L);
  for (let i = 0; i < transitions.length; i++) transitions[i] = tw[i] - tu[i] / c;
  return { weights, transitions };
}

function shuffle(a: number[], next: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
