// Learning from one decision at once: a passive-aggressive update of a workspace's deltas over the
// shipped weights, on the features of the decided span's tokens, until the model reads the span as
// decided with a margin. Only the features that say which word it is and what stands around it
// learn (the word, its affixes and cluster, its neighbours, the segment's head and first word):
// the features every capitalised word shares (its shape, the bias, where it stands) stay as
// shipped, or one "not an entity" would teach that capitals are not names.
import { viterbi } from './decode.js';
import { MAX_FEATURES, SENTENCE_EDGE, T, tokenFeatures, type DocumentView, type FeatureNames } from './features.js';
import { decodeSpans, encode, LABEL_COUNT, O } from './labels.js';
import type { Segment } from './segments.js';
import { scoreSegment, type NameModel } from './tagger.js';
import { FeatureTable } from './weights.js';

const L = LABEL_COUNT;

/**
 * How strongly each template learns (templates absent here do not learn): the word itself most,
 * with its neighbours as pairs ("Aer Lingus", "airline Ryanair"); its neighbours alone and its
 * cluster a little, which carries a decision to similar words. Tuned on MEANTIME dev: the word's
 * affixes, the segment's head and first word, or more weight on neighbours, learned no more there
 * and spread types to products ("iPod" as an organisation after "Apple" was one).
 */
const TEMPLATE_RATE = new Map<T, number>([
  [T.Form, 1], [T.Lower, 1], [T.PrevCur, 1], [T.CurNext, 1], [T.Prev1, 0.25], [T.Next1, 0.25], [T.Cluster, 0.25],
]);

export interface LearnSettings {
  /** How far above every other reading the decided one must stand after the update, in units of the model's temperature. */
  margin: number;
  /** The most one update may move a weight. */
  step: number;
  /** Updates per decision at most (each one decodes the segment again). */
  rounds: number;
  /** How strongly each template learns; those absent do not. */
  rates: ReadonlyMap<T, number>;
}

export const LEARN_SETTINGS: LearnSettings = { margin: 1, step: 2, rounds: 6, rates: TEMPLATE_RATE };

/**
 * How strongly a feature of this template and value learns, or undefined when it does not. The
 * cluster of words the clusters do not know (0) is every unknown word's: learned, one decision
 * moved every unknown name of a corpus (up to 574 names of 1,000 generated articles). The sentence
 * edge as a neighbour is no word either: it stands beside every name that starts or ends a
 * sentence, and no document could be left out of what a decision reaches (learnedReach.ts).
 */
export function learningRate(rates: ReadonlyMap<T, number>, template: T, value: string): number | undefined {
  if (template === T.Cluster && value === UNKNOWN_CLUSTER) return undefined;
  if ((template === T.Prev1 || template === T.Next1) && value === SENTENCE_EDGE.lower) return undefined;
  return rates.get(template);
}

const UNKNOWN_CLUSTER = '0';

/** A workspace's learned deltas and how many decisions made them. */
export class LearnedWeights {
  readonly deltas = new Map<number, Float64Array>();
  decisions = 0;
  /** Of those decisions, how many typed a name as each type (a name's card counts those of its type); "no name" counts in none. */
  readonly typed = new Map<string, number>();
  private table: FeatureTable | null = null;
  private base: FeatureTable | null = null;

  /** The model with what was learned: the shipped one itself while nothing was. */
  model(shipped: NameModel): NameModel {
    if (this.deltas.size === 0) return shipped;
    if (this.table === null || this.base !== shipped.table) {
      this.base = shipped.table;
      this.table = FeatureTable.overlaid(shipped.table, this.deltas);
    }
    return { ...shipped, table: this.table };
  }

  add(hash: number, label: number, amount: number): void {
    let row = this.deltas.get(hash);
    if (!row) this.deltas.set(hash, (row = new Float64Array(L)));
    // Multiples of 2^-12: sums with the shipped weights stay exact (FeatureTable.exactSums).
    row[label] = Math.round((row[label] + amount) * 4096) / 4096;
    this.table = null;
  }
}

/**
 * Teaches `learned` that tokens [first, last) of segment s read as one name of type `type` (an
 * index into TYPES), or as no name (null); the segment's other tokens keep the model's reading,
 * less any name that overlapped the span. Returns the updates made (0 when the model already read
 * the span so, with the margin).
 */
export function learnSpan(shipped: NameModel, learned: LearnedWeights, view: DocumentView, s: Segment, first: number, last: number, type: number | null, settings: LearnSettings = LEARN_SETTINGS): number {
  const n = s.last - s.first;
  const emissions = new Float64Array(n * L);
  const predicted = new Uint8Array(n);
  scoreSegment(view, s, learned.model(shipped).table, emissions);
  viterbi(emissions, n, shipped.table.transitions64, predicted);
  const gold = goldLabels(predicted, first - s.first, last - s.first, type);
  const features = segmentFeatures(view, s, settings.rates);
  const margin = settings.margin * shipped.temperature;
  let updates = 0;
  for (let round = 0; round < settings.rounds; round++) {
    const model = learned.model(shipped);
    scoreSegment(view, s, model.table, emissions);
    // Cost-augmented: every other label of a decided token starts `margin` ahead.
    for (let k = first - s.first; k < last - s.first; k++) for (let l = 0; l < L; l++) if (l !== gold[k]) emissions[k * L + l] += margin;
    viterbi(emissions, n, shipped.table.transitions64, predicted);
    let loss = 0;
    let norm = 0;
    for (let k = 0; k < n; k++) {
      if (predicted[k] === gold[k]) continue;
      loss += emissions[k * L + predicted[k]] - emissions[k * L + gold[k]];
      for (const f of features[k]) norm += 2 * f.rate * f.rate;
    }
    if (loss <= 0 || norm === 0) break;
    for (let k = 0; k < n; k++) if (predicted[k] !== gold[k]) loss += transitionGap(shipped.table.transitions64, predicted, gold, k);
    const tau = Math.min(settings.step, Math.max(loss, 0) / norm + 1e-3);
    for (let k = 0; k < n; k++) {
      if (predicted[k] === gold[k]) continue;
      for (const f of features[k]) {
        learned.add(f.hash, gold[k], tau * f.rate);
        learned.add(f.hash, predicted[k], -tau * f.rate);
      }
    }
    updates++;
  }
  return updates;
}

/** What the transitions add to the loss around token k (the emissions above leave them out). */
function transitionGap(transitions: ArrayLike<number>, predicted: Uint8Array, gold: Uint8Array, k: number): number {
  const before = (labels: Uint8Array) => (k === 0 ? transitions[O * L + labels[0]] : transitions[labels[k - 1] * L + labels[k]]);
  return before(predicted) - before(gold);
}

/** The labels the decision asks of the segment: the model's own, the span as decided. */
function goldLabels(predicted: Uint8Array, first: number, last: number, type: number | null): Uint8Array {
  const gold = Uint8Array.from(predicted);
  // A name of the model's that overlaps the span gives way to it, whole.
  for (const span of decodeSpans(predicted)) if (span.first < last && first < span.last) gold.fill(O, span.first, span.last);
  if (type !== null) gold.set(encode(last - first, [{ first: 0, last: last - first, type }]), first);
  return gold;
}

/** The learning features of each token of the segment, with their rates. */
function segmentFeatures(view: DocumentView, s: Segment, rates: ReadonlyMap<T, number>): Array<Array<{ hash: number; rate: number }>> {
  const out: Array<Array<{ hash: number; rate: number }>> = [];
  const hashes = new Uint32Array(MAX_FEATURES);
  for (let k = s.first; k < s.last; k++) {
    const names: FeatureNames = { templates: [], values: [] };
    const count = tokenFeatures(view, s, k, hashes, names);
    const own: Array<{ hash: number; rate: number }> = [];
    for (let f = 0; f < count; f++) {
      const rate = learningRate(rates, names.templates[f], names.values[f]);
      if (rate !== undefined) own.push({ hash: hashes[f], rate });
    }
    out.push(own);
  }
  return out;
}
