// Training examples: each segment of each document, with its tokens' features and, per token,
// the labels the gold allows (exactly the gold label inside a gold name; outside, O or a name of a
// type the source leaves open). A segment whose gold name reaches outside it is left out.
import { recognizeEntities } from '../../src/core/entities/recognize.js';
import { tokenize } from '../../src/core/entities/tokenize.js';
import { MAX_FEATURES, readDocumentView, tokenFeatures } from '../../src/core/entities/model/features.js';
import { encode, label, LABEL_COUNT, O, TYPES } from '../../src/core/entities/model/labels.js';
import { findSegments } from '../../src/core/entities/model/segments.js';
import { ruleLabels } from '../../src/core/entities/model/tagger.js';
import type { TrainingDoc } from './sources.js';

export interface Examples {
  /** Tokens per segment. */
  lengths: number[];
  /** Start of each token's features in `features` (one entry more than tokens). */
  offsets: number[];
  /** Feature ids (see `keys`). */
  features: number[];
  /** Feature hash → id, and id → hash. */
  ids: Map<number, number>;
  keys: number[];
  /** Per token, a bit per allowed label. */
  allowed: number[];
  /** Per segment, the document it came from. */
  docs: number[];
  stats: { docs: number; segments: number; skipped: number; goldSpans: number; goldOutside: number };
}

export function emptyExamples(): Examples {
  return { lengths: [], offsets: [0], features: [], ids: new Map(), keys: [], allowed: [], docs: [], stats: { docs: 0, segments: 0, skipped: 0, goldSpans: 0, goldOutside: 0 } };
}

const hashes = new Uint32Array(MAX_FEATURES);

export function addDocument(ex: Examples, doc: TrainingDoc, docIndex: number): void {
  const tokenized = tokenize(doc.text);
  const { tokens } = tokenized;
  const rules = recognizeEntities(doc.text, tokenized, null);
  const segments = findSegments(tokens);
  const view = readDocumentView(tokenized, segments, ruleLabels(tokens, rules));
  const startAt = new Map<number, number>();
  const endAt = new Map<number, number>();
  tokens.forEach((t, k) => {
    startAt.set(t.start, k);
    endAt.set(t.end, k);
  });
  // Gold spans as tokens; a span whose edges fall inside tokens marks its tokens unusable.
  const spans: Array<{ first: number; last: number; type: number }> = [];
  const bad = new Uint8Array(tokens.length);
  const inSpan = new Int32Array(tokens.length).fill(-1);
  for (const s of doc.spans) {
    ex.stats.goldSpans++;
    const first = startAt.get(s.start);
    const lastToken = endAt.get(s.end);
    if (first === undefined || lastToken === undefined || lastToken < first) {
      for (let k = 0; k < tokens.length; k++) if (tokens[k].end > s.start && tokens[k].start < s.end) bad[k] = 1;
      continue;
    }
    spans.push({ first, last: lastToken + 1, type: TYPES.indexOf(s.type) });
    for (let k = first; k <= lastToken; k++) inSpan[k] = spans.length - 1;
  }
  const gold = encode(tokens.length, spans);
  const inSegment = new Uint8Array(tokens.length);
  const openMask = doc.open.reduce((mask, type) => {
    const t = TYPES.indexOf(type);
    for (let p = 0; p < 4; p++) mask |= 1 << label(t, p as 0 | 1 | 2 | 3);
    return mask;
  }, 1 << O);
  for (const s of segments) {
    for (let k = s.first; k < s.last; k++) inSegment[k] = 1;
    let usable = true;
    for (let k = s.first; k < s.last && usable; k++) {
      if (bad[k]) usable = false;
      const span = inSpan[k] >= 0 ? spans[inSpan[k]] : undefined;
      if (span && (span.first < s.first || span.last > s.last)) usable = false;
    }
    ex.stats.segments++;
    if (!usable) {
      ex.stats.skipped++;
      continue;
    }
    for (let k = s.first; k < s.last; k++) {
      const count = tokenFeatures(view, s, k, hashes);
      for (let f = 0; f < count; f++) {
        let id = ex.ids.get(hashes[f]);
        if (id === undefined) {
          id = ex.keys.length;
          ex.ids.set(hashes[f], id);
          ex.keys.push(hashes[f]);
        }
        ex.features.push(id);
      }
      ex.offsets.push(ex.features.length);
      ex.allowed.push(inSpan[k] >= 0 ? 1 << gold[k] : openMask);
    }
    ex.lengths.push(s.last - s.first);
    ex.docs.push(docIndex);
  }
  for (const span of spans) if (!inSegment[span.first] || !inSegment[span.last - 1]) ex.stats.goldOutside++;
  ex.stats.docs++;
}

export const LABELS = LABEL_COUNT;
