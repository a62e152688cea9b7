// Runs the trained model over a document's segments: the features of each token are summed into a
// score per label, Viterbi picks the labels, and each name gets a confidence from its margin.
import type { EntityMention } from '../recognize.js';
import type { Token, Tokenized } from '../tokenize.js';
import { margin, maxMarginals, viterbi, type Lattice } from './decode.js';
import type { Clusters } from './clusterFile.js';
import { asNext, asPrevious, contextFeatures, MAX_FEATURES, neighbour, readDocumentView, useClusters, wordFeatures, type DocumentView, type WordInfo } from './features.js';
import { decodeSpans, encode, LABEL_COUNT, O as OUTSIDE, partOf, typeOf, TYPES } from './labels.js';

const L = LABEL_COUNT;
const O = OUTSIDE;
import { findSegments, type Segment } from './segments.js';
import type { FeatureTable } from './weights.js';

export interface NameModel {
  table: FeatureTable;
  /** The word clusters the model's features read. */
  clusters: Clusters;
  /** What training wrote about the data and settings. */
  about: string;
  checksum: number;
  /** Turns a margin into a confidence: 1 / (1 + e^(-margin / temperature)). */
  temperature: number;
}

/** A name the model found: tokens [first, last), a type index into TYPES, and a confidence in (0, 1). */
export interface TaggedName {
  first: number;
  last: number;
  type: number;
  confidence: number;
}

/**
 * Each token's score for each label, into emissions[(k - s.first) * L + label]: the same sums as
 * over tokenFeatures (a test checks it), with a word's own features and those it gives its
 * neighbours summed once per word.
 */
export function scoreSegment(view: DocumentView, s: Segment, table: FeatureTable, emissions: Float64Array, scratch: Uint32Array = new Uint32Array(MAX_FEATURES)): void {
  for (let k = s.first; k < s.last; k++) {
    const at = (k - s.first) * L;
    const t = view.tokens[k];
    const own = sums(view.words[k], table, scratch);
    const before = sums(neighbour(view, t, k - 1), table, scratch);
    const after = sums(neighbour(view, t, k + 1), table, scratch);
    for (let l = 0; l < L; l++) emissions[at + l] = own[l] + before[L + l] + after[2 * L + l];
    add(table, scratch, contextFeatures(view, s, k, scratch, 0), emissions, at);
  }
}

/** A word's summed weights: [its own features | as the previous word | as the next word], kept on it. */
function sums(w: WordInfo, table: FeatureTable, scratch: Uint32Array): Float64Array {
  if (w.scoredBy === table && w.scores) return w.scores;
  const v = new Float64Array(3 * L);
  add(table, scratch, wordFeatures(w, scratch, 0), v, 0);
  add(table, scratch, asPrevious(w, scratch, 0), v, L);
  add(table, scratch, asNext(w, scratch, 0), v, 2 * L);
  w.scores = v;
  w.scoredBy = table;
  return v;
}

function add(table: FeatureTable, features: Uint32Array, count: number, scores: Float64Array, offset: number): void {
  for (let f = 0; f < count; f++) {
    const row = table.row(features[f]);
    if (row >= 0) table.addRow(row, scores, offset);
  }
}

/** A segment of one token: O or a one-token name (U), the best and its margin over the next best. */
function single(emissions: Float64Array, transitions: Float32Array): { label: number; margin: number } {
  let best = O;
  let first = -Infinity;
  let second = -Infinity;
  for (let l = 0; l < L; l++) {
    if (l !== O && partOf(l) !== 3) continue;
    const score = transitions[O * L + l] + emissions[l] + transitions[l * L + O];
    if (score > first) {
      second = first;
      first = score;
      best = l;
    } else if (score > second) second = score;
  }
  return { label: best, margin: first - second };
}

/** The rules' names as BILOU labels of the tokens. */
export function ruleLabels(tokens: readonly Token[], mentions: readonly EntityMention[]): Uint8Array {
  const spans: Array<{ first: number; last: number; type: number }> = [];
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k].end <= m.start) k++;
    if (k >= tokens.length) break;
    let last = k;
    while (last < tokens.length && tokens[last].start < m.end) last++;
    if (last > k) spans.push({ first: k, last, type: TYPES.indexOf(m.type) });
  }
  return encode(tokens.length, spans);
}

export interface Tagging {
  view: DocumentView;
  segments: Segment[];
  names: TaggedName[];
}

export function tagNames(tokenized: Tokenized, ruleMentions: readonly EntityMention[], model: NameModel): Tagging {
  useClusters(model.clusters);
  const segments = findSegments(tokenized.tokens);
  const view = readDocumentView(tokenized, segments, ruleLabels(tokenized.tokens, ruleMentions));
  const names: TaggedName[] = [];
  const { table } = model;
  const features = new Uint32Array(MAX_FEATURES);
  let emissions = new Float64Array(8 * L);
  let labels = new Uint8Array(8);
  let lattice: Lattice = { forward: new Float64Array(8 * L), backward: new Float64Array(8 * L) };
  for (const s of segments) {
    const n = s.last - s.first;
    if (n > labels.length) {
      emissions = new Float64Array(n * 2 * L);
      labels = new Uint8Array(n * 2);
      lattice = { forward: new Float64Array(n * 2 * L), backward: new Float64Array(n * 2 * L) };
    }
    scoreSegment(view, s, table, emissions, features);
    if (n === 1) {
      const one = single(emissions, table.transitions);
      if (one.label !== O) names.push({ first: s.first, last: s.last, type: typeOf(one.label), confidence: 1 / (1 + Math.exp(-one.margin / model.temperature)) });
      continue;
    }
    viterbi(emissions, n, table.transitions, labels);
    const spans = decodeSpans(labels.subarray(0, n));
    // The margins need the backward pass too: only where the segment holds a name.
    if (spans.length) maxMarginals(emissions, n, table.transitions, lattice);
    for (const span of spans) {
      const m = margin(lattice, labels, span.first, span.last);
      names.push({ first: s.first + span.first, last: s.first + span.last, type: span.type, confidence: 1 / (1 + Math.exp(-m / model.temperature)) });
    }
  }
  return { view, segments, names };
}
