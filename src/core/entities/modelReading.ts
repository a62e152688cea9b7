// A passage of a document as the analysis gives it to the name model (headlines in capitals
// recased, the rules' names as evidence), with the model's tagging: what learning from a decision,
// explaining a name (model/explain.ts) and finding the names the model nearly read start from.
import { cutPassages, type Passage } from '../document/passages.js';
import { splitLines } from '../document/lines.js';
import { tagNames, type NameModel, type Tagging } from './model/tagger.js';
import { recognizeEntities } from './recognize.js';
import { tokenize, type Tokenized } from './tokenize.js';
import { truecaseHeadlines } from './truecase.js';

export interface ModelReading {
  /** Where the passage starts in the document: token offsets are relative to it. */
  offset: number;
  tokenized: Tokenized;
  tagging: Tagging;
}

export function readPassage(text: string, passage: Pick<Passage, 'start' | 'end'>, model: NameModel): ModelReading {
  const written = text.slice(passage.start, passage.end);
  const part = truecaseHeadlines(written, tokenize(written)) ?? written;
  const tokenized = tokenize(part);
  return { offset: passage.start, tokenized, tagging: tagNames(tokenized, recognizeEntities(part, tokenized, null), model) };
}

/** The document's passages (one for an article of ordinary length). */
export function passagesOf(text: string): Passage[] {
  return cutPassages(text.length, splitLines(text));
}
