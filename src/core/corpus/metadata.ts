// corpus.json: optional metadata the user knows better than the text (publication date above all).
// Shape: {"documents": {"<path relative to the corpus root>": {"date", "title", "source"}}}.
// A malformed file gives problems with positions and whatever entries are still sound.
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node, type ParseError } from 'jsonc-parser';
import { isValidIsoDate } from '../dates/calendarDates.js';
import type { Problem } from '../types.js';

export interface DocumentMetadata {
  date?: string;
  title?: string;
  source?: string;
}

export interface CorpusMetadata {
  /** Keyed by normalised relative path ('/' separators, no leading './'). */
  documents: Map<string, DocumentMetadata>;
  problems: Problem[];
}

const FIELDS = ['date', 'title', 'source'] as const;

export function parseCorpusJson(text: string): CorpusMetadata {
  const parsed = readCorpusJson(text);
  // The JSON parser can place an unterminated comment's error past the end: keep spans inside.
  return { ...parsed, problems: parsed.problems.map((p) => clampProblem(p, text.length)) };
}

export function clampProblem(p: Problem, length: number): Problem {
  return { ...p, start: Math.min(p.start, length), end: Math.min(Math.max(p.start, p.end), length) };
}

function readCorpusJson(text: string): CorpusMetadata {
  const documents = new Map<string, DocumentMetadata>();
  const problems: Problem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  for (const e of errors) {
    problems.push(problem(e.offset, e.offset + e.length, 'error', `corpus.json is not valid JSON: ${describe(printParseErrorCode(e.error))}.`));
  }
  if (!root) return { documents, problems };
  if (errors.length > 0) problems.push(problem(0, 0, 'error', 'corpus.json could not be read completely; its sound entries are used, the rest is ignored.'));
  if (root.type !== 'object') {
    problems.push(problem(root.offset, root.offset + root.length, 'error', 'corpus.json must hold an object: {"documents": {...}}.'));
    return { documents, problems };
  }
  const docs = findNodeAtLocation(root, ['documents']);
  if (!docs) {
    problems.push(problem(root.offset, root.offset + 1, 'warning', 'corpus.json has no "documents" object, so it gives no metadata.'));
    return { documents, problems };
  }
  if (docs.type !== 'object') {
    problems.push(span(docs, 'error', '"documents" must be an object keyed by document path.'));
    return { documents, problems };
  }
  for (const property of docs.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || typeof keyNode.value !== 'string' || !valueNode) continue;
    const path = normaliseRelativePath(keyNode.value);
    if (path === null) {
      problems.push(span(keyNode, 'error', `"${keyNode.value}" is not a path inside the corpus folder; the entry is ignored.`));
      continue;
    }
    if (valueNode.type !== 'object') {
      problems.push(span(valueNode, 'error', `The entry for "${keyNode.value}" must be an object with "date", "title" or "source".`));
      continue;
    }
    documents.set(path, readEntry(valueNode, problems));
  }
  return { documents, problems };
}

function readEntry(node: Node, problems: Problem[]): DocumentMetadata {
  const entry: DocumentMetadata = {};
  for (const field of FIELDS) {
    const value = findNodeAtLocation(node, [field]);
    if (!value) continue;
    if (value.type !== 'string') {
      problems.push(span(value, 'error', `"${field}" must be a string.`));
    } else if (field === 'date' && !isValidIsoDate(value.value)) {
      problems.push(span(value, 'error', `"date" must be a calendar date written YYYY-MM-DD, not "${value.value}".`));
    } else {
      entry[field] = value.value;
    }
  }
  return entry;
}

/** 'a\\b.txt', './a/b.txt' → 'a/b.txt'; absolute paths and paths that climb out → null. */
export function normaliseRelativePath(path: string): string | null {
  const parts = path.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (/^([a-zA-Z]:|\/)/.test(path) || parts.includes('..') || parts.length === 0) return null;
  return parts.join('/');
}

function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function problem(start: number, end: number, severity: Problem['severity'], message: string): Problem {
  return { start, end, severity, code: 'corpusJson.invalid', message };
}

function span(node: Node, severity: Problem['severity'], message: string): Problem {
  return problem(node.offset, node.offset + node.length, severity, message);
}
