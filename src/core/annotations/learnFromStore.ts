// What the name model learns from a store: each span decision (a span as a type, a span as no
// name; a link or a split is a span as its entity's type) replayed in the order it was made, on the
// document's text as it is now. The same store and shipped model give the same learned weights, so
// the learned file is never the only copy. Merges and "not an entity everywhere" say nothing of a
// span in a document, and teach nothing.
import { learnDecision } from '../entities/learnDecision.js';
import type { LearnedReach } from '../entities/learnedReach.js';
import { LEARN_SETTINGS, LearnedWeights } from '../entities/model/learn.js';
import type { NameModel } from '../entities/model/index.js';
import { anchor } from './anchor.js';
import type { Annotation, EntityAnnotation, NotEntityAnnotation } from './store.js';

export type TeachingDecision = EntityAnnotation | NotEntityAnnotation;

/** The decisions that teach the model, oldest first (ties by id, so the order never depends on the file's); only those made after `since`, when given. */
export function teachingDecisions(annotations: readonly Annotation[], since: string | null = null): TeachingDecision[] {
  return annotations
    .filter((a): a is TeachingDecision => (a.kind === 'entity' || a.kind === 'not-entity') && (since === null || a.created > since))
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Learns each decision whose document `textOf` gives and whose span is found in it (a decision
 * whose text is gone teaches nothing; it is reported as orphaned elsewhere), into `learned`.
 */
export function learnDecisions(decisions: readonly TeachingDecision[], textOf: (document: string) => string | undefined, shipped: NameModel, learned: LearnedWeights, reach?: LearnedReach): void {
  for (const a of decisions) {
    const text = textOf(a.document);
    if (text === undefined) continue;
    const span = anchor(text, a.target);
    if (span) learnDecision(text, span, a.kind === 'entity' ? a.type : null, shipped, learned, LEARN_SETTINGS, reach);
  }
}

/** Learns every teaching decision of `annotations` (made after `since`) from the shipped weights. */
export function learnFromStore(annotations: readonly Annotation[], textOf: (document: string) => string | undefined, shipped: NameModel, since: string | null = null): LearnedWeights {
  const learned = new LearnedWeights();
  learnDecisions(teachingDecisions(annotations, since), textOf, shipped, learned);
  return learned;
}
