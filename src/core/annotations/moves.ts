// Annotations follow their document when it is renamed or moved. The store names each document by
// its path, so a rename rewrites those paths; a move the editor did not see (git mv, a file manager,
// a rename while the editor was closed) is recognised by content: the same text, or a text that holds
// every quote of the document's annotations with its context.
import type { Problem } from '../types.js';
import type { Annotation, TextTarget } from './store.js';

/** Characters of a quote's stored context that must match on each side for the quote to fit a text. */
const CONTEXT_FIT = 12;
/** The longest opening kept on a "reviewed" annotation (its document's first line). */
const OPENING_MAX = 80;

/** Where a store path goes when `from` (a file or a folder) becomes `to`; null when it is not inside. */
export function movedPath(document: string, from: string, to: string): string | null {
  if (document === from) return to;
  if (document.startsWith(`${from}/`)) return `${to}${document.slice(from.length)}`;
  return null;
}

/** The annotations with the documents at or under `from` moved to `to`; corpus-wide ones ('*') stay. */
export function moveDocuments(annotations: readonly Annotation[], from: string, to: string): { annotations: Annotation[]; moved: number } {
  let moved = 0;
  const out = annotations.map((a) => {
    const next = a.document === '*' ? null : movedPath(a.document, from, to);
    if (next === null || next === a.document) return a;
    moved++;
    return { ...a, document: next };
  });
  return { annotations: out, moved };
}

/** The span of a document's opening (its first non-blank line, cut to 80 characters). */
export function openingOf(text: string): { start: number; end: number } {
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  const lineEnd = text.slice(start).search(/[\r\n]/);
  const end = start + Math.min(lineEnd < 0 ? text.length - start : lineEnd, OPENING_MAX);
  return { start, end: text.slice(start, end).trimEnd().length + start };
}

/** The quotes that recognise a document: its annotations' targets (a review keeps the opening it saw). */
function quotesOf(annotations: readonly Annotation[]): TextTarget[] {
  const quotes: TextTarget[] = [];
  for (const a of annotations) {
    const target = 'target' in a ? a.target : undefined;
    if (target && typeof target.exact === 'string' && target.exact.trim()) quotes.push(target);
  }
  return quotes;
}

/** Does the text hold the quote with the end of its prefix and the start of its suffix around it? */
function fits(text: string, quote: TextTarget): boolean {
  const prefix = (quote.prefix ?? '').slice(-CONTEXT_FIT);
  const suffix = (quote.suffix ?? '').slice(0, CONTEXT_FIT);
  return text.includes(`${prefix}${quote.exact}${suffix}`);
}

/** How many of a document's quotes a text holds, of how many. */
export function fitOf(annotations: readonly Annotation[], text: string): { fits: number; total: number } {
  const quotes = quotesOf(annotations);
  return { fits: quotes.filter((q) => fits(text, q)).length, total: quotes.length };
}

/** A document the store names that is not in the corpus; `text` when it is known (it was just removed). */
export interface MissingDocument {
  id: string;
  annotations: readonly Annotation[];
  text?: string;
}

/** A document that could be where a missing one went. */
export interface MoveCandidate {
  id: string;
  text: string;
}

/**
 * The sure moves: a missing document goes to the one candidate with the same text, else to the one
 * candidate holding every quote of its annotations with their context. A candidate two missing
 * documents would claim, or a missing document two candidates fit, is left for the user to decide.
 */
export function findMoves(missing: readonly MissingDocument[], candidates: readonly MoveCandidate[]): Array<{ from: string; to: string }> {
  const chosen = new Map<string, string>();
  for (const m of missing) {
    let matches = m.text === undefined ? [] : candidates.filter((c) => c.text === m.text);
    if (matches.length === 0) {
      const quotes = quotesOf(m.annotations);
      if (quotes.length > 0) matches = candidates.filter((c) => quotes.every((q) => fits(c.text, q)));
    }
    if (matches.length === 1) chosen.set(m.id, matches[0].id);
  }
  const claims = new Map<string, number>();
  for (const to of chosen.values()) claims.set(to, (claims.get(to) ?? 0) + 1);
  return [...chosen].filter(([, to]) => claims.get(to) === 1).map(([from, to]) => ({ from, to }));
}

/** Candidates for a missing document, best first: the share of its quotes each holds (none: left out). */
export function rankCandidates(annotations: readonly Annotation[], candidates: readonly MoveCandidate[]): Array<{ id: string; fits: number; total: number }> {
  return candidates
    .map((c) => ({ id: c.id, ...fitOf(annotations, c.text) }))
    .filter((r) => r.fits > 0)
    .sort((a, b) => b.fits / b.total - a.fits / a.total || b.fits - a.fits || (a.id < b.id ? -1 : 1));
}

/** The store's documents (never '*'), each with its annotations, in store order. */
export function storeDocuments(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const byDocument = new Map<string, Annotation[]>();
  for (const a of annotations) {
    if (a.document === '*') continue;
    const list = byDocument.get(a.document);
    if (list) list.push(a);
    else byDocument.set(a.document, [a]);
  }
  return byDocument;
}

/**
 * A warning on the store file for each document it names that is not in the corpus, at the line of
 * the document's first annotation. `advice` says what to do (it differs between the editor and the
 * command line).
 */
export function missingDocumentProblems(
  storeText: string,
  missing: ReadonlyArray<{ document: string; annotations: readonly Annotation[] }>,
  advice: (document: string) => string,
): Problem[] {
  return missing.map(({ document, annotations }) => {
    const first = annotations[0];
    const at = first ? storeText.indexOf(`"id":${JSON.stringify(first.id)}`) : -1;
    const lineStart = at < 0 ? 0 : storeText.lastIndexOf('\n', at) + 1;
    const lineEnd = at < 0 ? 0 : (storeText.indexOf('\n', at) + 1 || storeText.length + 1) - 1;
    const marks = annotations.filter((a) => a.kind !== 'reviewed').length;
    const reviewed = marks < annotations.length;
    const what = [marks ? `${marks} annotation${marks === 1 ? '' : 's'}` : '', reviewed ? 'the reviewed state' : ''].filter(Boolean).join(' and ');
    return {
      start: lineStart, end: Math.max(lineStart, lineEnd), severity: 'warning' as const, code: 'annotation.documentMissing',
      message: `${what[0].toUpperCase()}${what.slice(1)} of ${document}, which is not in the corpus (deleted, moved, or no longer a corpus document), ${marks + (reviewed ? 1 : 0) === 1 ? 'is' : 'are'} kept here but not applied. ${advice(document)}`,
      data: { document },
    };
  });
}
