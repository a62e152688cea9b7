// What the Review view offers beside the model's names: the spans of a document the model nearly
// read as names (model/nearNames.ts), in document offsets, with the type it would have given.
import type { Span } from '../types.js';
import { TYPES } from './model/labels.js';
import { nearNames } from './model/nearNames.js';
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
    for (const n of nearNames(tagging, model)) out.push({ start: offset + tokens[n.first].start, end: offset + tokens[n.last - 1].end, type: TYPES[n.type], confidence: n.confidence });
  }
  return out;
}
