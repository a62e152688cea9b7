// Where an answer points: a span of a document of the corpus.
import type { Span } from '../types.js';

export interface Location extends Span {
  path: string;
}
