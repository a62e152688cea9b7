// Runs the trained model over a document's segments: the features of each token are summed into a
// score per label, Viterbi picks the labels, and each name gets a confidence from its margin.
import type { EntityMention } from '../recognize.js';
import type { Token, Tokenized } from '../tokenize.js';
import { margin, maxMarginals, viterbi, type Lattice } from './decode.js';
import type { Clusters } from './clusterFile.js';
import { MAX_FEATURES, readDocumentView, tokenFeatures, useClusters, type DocumentView } from './features.js';
import { decodeSpans, encode, LABEL_COUNT, TYPES } from './labels.js';

const L = LABEL_COUNT;
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
    for (let k = s.first; k < s.last; k++) {
      const at = (k - s.first) * L;
      emissions.fill(0, at, at + L);
      const count = tokenFeatures(view, s, k, features);
      for (let f = 0; f < count; f++) {
        const row = table.row(features[f]);
        if (row >= 0) table.addRow(row, emissions, at);
      }
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
