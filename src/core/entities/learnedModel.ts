// The name model a thread analyses with: the shipped one, with what this workspace learned laid
// over it. The server, each analysis worker and the CLI hold one each; the learned weights travel
// between threads packed (two typed arrays, no object per feature).
import { LABEL_COUNT, TYPES } from './model/labels.js';
import { LearnedWeights } from './model/learn.js';
import { currentNameModel, useNameModel, type NameModel } from './model/index.js';
import { passagesOf, readPassage } from './modelReading.js';
import type { EntityType } from './recognize.js';
import type { Span } from '../types.js';

export interface PackedLearned {
  decisions: number;
  typed: Array<[string, number]>;
  hashes: Uint32Array;
  /** LABEL_COUNT deltas per hash, in the order of `hashes`. */
  deltas: Float64Array;
}

let shipped: NameModel | null = null;
let learnedFrom: LearnedWeights | null = null;

/** Analyses from now on with the shipped model and `learned` over it (null: the shipped model alone). */
export function useLearned(learned: LearnedWeights | null): void {
  shipped ??= currentNameModel();
  if (!shipped) return;
  const active = learned !== null && learned.deltas.size > 0;
  learnedFrom = active ? learned : null;
  useNameModel(active ? learned.model(shipped) : shipped);
}

/** The shipped model and how many decisions were learned over it (in all, and by the type they gave), or null while nothing learned is in use. */
export function learnedInUse(): { shipped: NameModel; decisions: number; typed: ReadonlyMap<string, number> } | null {
  return shipped && learnedFrom && learnedFrom.decisions > 0 && currentNameModel() !== shipped ? { shipped, decisions: learnedFrom.decisions, typed: learnedFrom.typed } : null;
}

export function packLearned(learned: LearnedWeights): PackedLearned {
  const hashes = Uint32Array.from(learned.deltas.keys());
  const deltas = new Float64Array(hashes.length * LABEL_COUNT);
  hashes.forEach((hash, i) => deltas.set(learned.deltas.get(hash)!, i * LABEL_COUNT));
  return { decisions: learned.decisions, typed: [...learned.typed], hashes, deltas };
}

export function unpackLearned(packed: PackedLearned): LearnedWeights {
  const learned = new LearnedWeights();
  learned.decisions = packed.decisions;
  for (const [type, count] of packed.typed) learned.typed.set(type, count);
  packed.hashes.forEach((hash, i) => learned.deltas.set(hash, packed.deltas.slice(i * LABEL_COUNT, (i + 1) * LABEL_COUNT)));
  return learned;
}

/**
 * True when the model in use reads `span` of `text` as a name of `type` and the shipped model alone
 * would not: the type comes from what was learned here.
 */
export function typedByLearning(text: string, span: Span & { type: EntityType }): boolean {
  const over = learnedInUse();
  const model = currentNameModel();
  if (!over || !model) return false;
  const passage = passagesOf(text).find((p) => p.start <= span.start && span.end <= p.end);
  if (!passage) return false;
  const reads = (m: NameModel) => {
    const { tokenized: { tokens }, tagging } = readPassage(text, passage, m);
    return tagging.names.some((n) => TYPES[n.type] === span.type && passage.start + tokens[n.first].start === span.start && passage.start + tokens[n.last - 1].end === span.end);
  };
  return reads(model) && !reads(over.shipped);
}
