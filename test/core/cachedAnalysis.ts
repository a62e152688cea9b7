// Property tests analyse the same few texts again and again: each (path, text) once.
import { analyzeDocument, type DocumentAnalysis } from '../../src/core/index.js';

const analyses = new Map<string, DocumentAnalysis>();

export function cachedAnalysis(p: string, text: string): DocumentAnalysis {
  const key = `${p}\u0000${text}`;
  let a = analyses.get(key);
  if (!a) analyses.set(key, (a = analyzeDocument(text, { path: p })));
  return a;
}
