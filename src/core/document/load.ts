// From a file's bytes (read by the caller) to an analysed document, or a skipped one with a reason.
import { analyzeDocument, type DocumentAnalysis, type DocumentMeta } from './analyze.js';
import { decodeText } from './decode.js';
import type { Problem } from '../types.js';

export interface LoadedDocument {
  text: string;
  analysis: DocumentAnalysis;
  /** Problems with the file itself: encoding, binary content, size, IO. */
  fileProblems: Problem[];
  /** Not analysed at all; the file problems say why. */
  skipped: boolean;
}

export function loadDocument(bytes: Uint8Array, meta: DocumentMeta): LoadedDocument {
  const decoded = decodeText(bytes);
  if (decoded.text === null) return skippedDocument(meta, decoded.problems);
  return { text: decoded.text, analysis: analyzeDocument(decoded.text, meta), fileProblems: decoded.problems, skipped: false };
}

export function skippedDocument(meta: DocumentMeta, problems: Problem[]): LoadedDocument {
  return { text: '', analysis: analyzeDocument('', meta), fileProblems: problems, skipped: true };
}

/** `limit` names what sets the limit: the editor's setting, or the CLI's option. */
export function fileTooLarge(sizeBytes: number, limitBytes: number, limit = 'setting corpusLens.files.maxSizeMB'): Problem {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return {
    start: 0, end: 0, severity: 'warning', code: 'file.tooLarge',
    message: `This file is ${mb(sizeBytes)} MB, over the ${mb(limitBytes)} MB limit (${limit}), so it was not analysed. Raise the limit to analyse it.`,
  };
}

export function fileUnreadable(reason: string): Problem {
  return { start: 0, end: 0, severity: 'error', code: 'file.unreadable', message: `This file could not be read: ${reason}` };
}

export function analysisFailed(reason: string): Problem {
  return { start: 0, end: 0, severity: 'error', code: 'file.analysisFailed', message: `This file could not be analysed: ${reason}` };
}
