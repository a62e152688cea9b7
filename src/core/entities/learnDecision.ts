// A user's decision about a span of a document, as an example the name model learns from at once:
// the document read as the analysis reads it (its passage, headlines in capitals recased), the
// span's tokens found in a segment of the model's, and learnSpan's update made.
import type { Span } from '../types.js';
import { MAX_FEATURES, T, tokenFeatures, type DocumentView, type FeatureNames } from './model/features.js';
import { LEARN_SETTINGS, learningRate, learnSpan, type LearnedWeights, type LearnSettings } from './model/learn.js';
import { TYPES } from './model/labels.js';
import type { Segment } from './model/segments.js';
import type { NameModel } from './model/tagger.js';
import { passagesOf, readPassage } from './modelReading.js';
import type { EntityType } from './recognize.js';
import type { LearnedReach } from './learnedReach.js';

export type LearnOutcome = 'learned' | 'known' | 'not-a-segment';

/**
 * Learns that `span` of `text` is a name of `type`, or no name (null). 'known' when the model read
 * it so already; 'not-a-segment' when the span is not tokens the model labels (it starts or ends
 * inside a word, or spans words no segment holds): the decision stands, nothing is learned.
 * `reach`, when given, is told what fires each feature the decision may change.
 */
export function learnDecision(text: string, span: Span, type: EntityType | null, shipped: NameModel, learned: LearnedWeights, settings: LearnSettings = LEARN_SETTINGS, reach?: LearnedReach): LearnOutcome {
  const passage = passagesOf(text).find((p) => p.start <= span.start && span.end <= p.end);
  if (!passage) return 'not-a-segment';
  const { tokenized, tagging } = readPassage(text, passage, learned.model(shipped));
  const { tokens } = tokenized;
  const start = span.start - passage.start;
  const end = span.end - passage.start;
  const first = tokens.findIndex((t) => t.start === start);
  const last = tokens.findIndex((t) => t.end === end) + 1;
  if (first < 0 || last <= first) return 'not-a-segment';
  const segment = tagging.segments.find((s) => s.first <= first && last <= s.last);
  if (!segment) return 'not-a-segment';
  if (reach) recordFeatures(tagging.view, segment, settings.rates, reach);
  const updates = learnSpan(shipped, learned, tagging.view, segment, first, last, type === null ? null : TYPES.indexOf(type), settings);
  learned.decisions++;
  if (type !== null) learned.typed.set(type, (learned.typed.get(type) ?? 0) + 1);
  return updates > 0 ? 'learned' : 'known';
}

/** What fires each learning feature of the segment's tokens: a word (the token's own or a neighbour's), or a word cluster. */
function recordFeatures(view: DocumentView, s: Segment, rates: ReadonlyMap<T, number>, reach: LearnedReach): void {
  const hashes = new Uint32Array(MAX_FEATURES);
  for (let k = s.first; k < s.last; k++) {
    const names: FeatureNames = { templates: [], values: [] };
    const count = tokenFeatures(view, s, k, hashes, names);
    const own = view.tokens[k].text.toLowerCase();
    for (let f = 0; f < count; f++) {
      const template = names.templates[f];
      if (learningRate(rates, template, names.values[f]) === undefined) continue;
      if (template === T.Cluster) reach.record(hashes[f], { cluster: Number(names.values[f]) });
      else if (template === T.Prev1 || template === T.Next1) reach.record(hashes[f], { word: names.values[f] });
      // The word's own features, alone or paired with a neighbour, need the word itself.
      else reach.record(hashes[f], { word: own });
    }
  }
}
