// What the Review view offers beside the model's names: the spans of a document the model nearly
// read as names and is not sure enough are none (model/nearNames.ts), in document offsets, with the
// type it would have given, found again from the text (the analysis finds them as it reads names).
import type { Span } from '../types.js';
import { reviewableNearNames } from './model/nearNames.js';
import type { NameModel } from './model/tagger.js';
import { passagesOf, readPassage } from './modelReading.js';
import type { EntityType } from './recognize.js';

export interface PossibleName extends Span {
  type: EntityType;
  /** How sure the model is that the span is not a name. */
  confidence: number;
}

export function possibleNames(text: string, model: NameModel): PossibleName[] {
  const out: PossibleName[] = [];
  for (const passage of passagesOf(text)) {
    const { offset, tokenized, tagging } = readPassage(text, passage, model);
    const { tokens } = tokenized;
    out.push(...reviewableNearNames(tokens, tagging, model, [], offset));
  }
  return out;
}
