// The order the Review view offers names in, which the eval's simulated user follows too
// (eval/learning.ts): least sure first, so a person's first decisions are those the model is most
// likely wrong about; a name without a confidence (the lexicon's, the rules') counts as sure.
// Beside the model's names, both offer the spans it nearly read as names, when it is not sure
// enough that they are none: the analysis records them (decide.ts), the eval finds them here.
import type { Span } from '../types.js';
import type { NameModel } from './model/tagger.js';
import { possibleNames, type PossibleName } from './possibleNames.js';

export interface Reviewable {
  start: number;
  /** How sure the model is; absent when the model did not decide (counted as 1). */
  confidence?: number;
}

/** How sure a name is, as the review order counts it. */
export function sureness(m: Reviewable): number {
  return m.confidence ?? 1;
}

/**
 * The review order: least sure first; of equally sure names, by document (`rank`, the caller's
 * document order), then by position.
 */
export function reviewOrder<T extends Reviewable>(rank: (m: T) => number): (a: T, b: T) => number {
  return (a, b) => sureness(a) - sureness(b) || rank(a) - rank(b) || a.start - b.start;
}

/** The spans of a text the model nearly read as names, where no name of `names` stands: those the analysis records (test/core/possibleNames.test.ts), for the eval's simulated user. */
export function possibleNamesToReview(text: string, model: NameModel, names: readonly Span[]): PossibleName[] {
  return possibleNames(text, model).filter((p) => !names.some((m) => m.start < p.end && p.start < m.end));
}
