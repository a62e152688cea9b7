// What the name model learns from a store: each span decision (a span as a type, a span as no
// name) replayed in the order it was made, on the document's text as it is now. The same store and
// shipped model give the same learned weights, so the learned file is never the only copy.
import { learnDecision } from '../entities/learnDecision.js';
import { LearnedWeights } from '../entities/model/learn.js';
import type { NameModel } from '../entities/model/index.js';
import { anchor } from './anchor.js';
import type { Annotation, EntityAnnotation, NotEntityAnnotation } from './store.js';

/** The decisions that teach the model, oldest first (ties by id, so the order never depends on the file's). */
export function teachingDecisions(annotations: readonly Annotation[]): Array<EntityAnnotation | NotEntityAnnotation> {
  return annotations
    .filter((a): a is EntityAnnotation | NotEntityAnnotation => a.kind === 'entity' || a.kind === 'not-entity')
    .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Learns every teaching decision of `annotations` whose document `textOf` gives and whose span is
 * found in it (a decision whose text is gone teaches nothing; it is reported as orphaned elsewhere).
 */
export function learnFromStore(annotations: readonly Annotation[], textOf: (document: string) => string | undefined, shipped: NameModel): LearnedWeights {
  const learned = new LearnedWeights();
  for (const a of teachingDecisions(annotations)) {
    const text = textOf(a.document);
    if (text === undefined) continue;
    const span = anchor(text, a.target);
    if (span) learnDecision(text, span, a.kind === 'entity' ? a.type : null, shipped, learned);
  }
  return learned;
}
