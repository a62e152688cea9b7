// A user's decision about a span of a document, as an example the name model learns from at once:
// the document read as the analysis reads it (its passage, headlines in capitals recased), the
// span's tokens found in a segment of the model's, and learnSpan's update made.
import type { Span } from '../types.js';
import { learnSpan, type LearnedWeights, type LearnSettings } from './model/learn.js';
import { TYPES } from './model/labels.js';
import type { NameModel } from './model/tagger.js';
import { passagesOf, readPassage } from './modelReading.js';
import type { EntityType } from './recognize.js';

export type LearnOutcome = 'learned' | 'known' | 'not-a-segment';

/**
 * Learns that `span` of `text` is a name of `type`, or no name (null). 'known' when the model read
 * it so already; 'not-a-segment' when the span is not tokens the model labels (it starts or ends
 * inside a word, or spans words no segment holds): the decision stands, nothing is learned.
 */
export function learnDecision(text: string, span: Span, type: EntityType | null, shipped: NameModel, learned: LearnedWeights, settings?: LearnSettings): LearnOutcome {
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
  const updates = learnSpan(shipped, learned, tagging.view, segment, first, last, type === null ? null : TYPES.indexOf(type), settings);
  learned.decisions++;
  return updates > 0 ? 'learned' : 'known';
}
