// What an editor does with prose, from an article's own shape: folding (the notes block, and
// paragraphs that run over several lines), expanding a selection (a name, its sentence, its
// paragraph, its section, the document), and completing a footnote label after "[".
import { tokenize } from '../entities/tokenize.js';
import type { Footnotes } from './footnotes.js';
import { isBlank, splitLines, type Line } from './lines.js';
import { lineIndexAt } from './positions.js';
import type { Section } from './structure.js';
import type { Span } from '../types.js';

export interface Fold {
  /** Zero-based lines, the first kept in view when folded. */
  startLine: number;
  endLine: number;
  kind: 'notes' | 'paragraph';
}

/** The runs of non-blank lines: paragraphs (an article written one paragraph a line has one-line runs). */
function paragraphRuns(lines: readonly Line[]): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  let first = -1;
  for (const line of lines) {
    if (isBlank(line)) {
      if (first >= 0) runs.push({ first, last: line.index - 1 });
      first = -1;
    } else if (first < 0) first = line.index;
  }
  if (first >= 0) runs.push({ first, last: lines.length - 1 });
  return runs;
}

const lineOf = (lines: readonly Line[], offset: number) => lineIndexAt(lines.map((l) => l.start), offset);

/** The notes block folds to its first line; a paragraph of several lines, to its first. */
export function foldingRanges(text: string, footnotes: Pick<Footnotes, 'notesBlock'>): Fold[] {
  const lines = splitLines(text);
  const folds: Fold[] = [];
  const notes = footnotes.notesBlock;
  const notesFirst = notes ? lineOf(lines, notes.start) : -1;
  if (notes) {
    const last = lineOf(lines, Math.max(notes.start, notes.end - 1));
    if (last > notesFirst) folds.push({ startLine: notesFirst, endLine: last, kind: 'notes' });
  }
  for (const run of paragraphRuns(lines)) {
    if (run.last > run.first && run.first !== notesFirst) folds.push({ startLine: run.first, endLine: run.last, kind: 'paragraph' });
  }
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Closing punctuation, quotes and footnote markers that end a sentence with it: `region."[1]`. */
const SENTENCE_TAIL = /^(?:[.!?;:,)\]"”’']|\[\d{1,5}\])*/;
/** Footnote markers the tokenizer leaves at the start of the next sentence. */
const SENTENCE_LEAD = /^(?:\[\d{1,5}\]\s*)+/;

/** The sentence of the line at (or just after) the offset, with its closing punctuation and markers. */
function sentenceAt(text: string, line: Line, offset: number): Span | undefined {
  // Sentences never cross a line: only this line is read.
  const spans = tokenize(text, [line]).sentences.map((s) => {
    const start = s.start + (SENTENCE_LEAD.exec(text.slice(s.start, s.end))?.[0].length ?? 0);
    return { start, end: s.end + SENTENCE_TAIL.exec(text.slice(s.end, line.end))![0].length };
  }).filter((s) => s.start < s.end);
  return spans.find((s) => s.start <= offset && offset <= s.end) ?? spans.find((s) => s.start > offset);
}

/**
 * The spans a selection grows through from an offset, innermost first: the smallest of `units`
 * holding it (a name, a footnote's note), its sentence, its paragraph, its section (title, body,
 * notes), the whole text. Each contains the one before; equal spans are given once.
 */
export function selectionChain(text: string, offset: number, sections: readonly Section[], units: readonly Span[] = []): Span[] {
  // Only the lines around the offset are read: a request per keystroke, in documents of any size.
  const line = lineAround(text, offset);
  const candidates: Array<Span | undefined> = [...units];
  if (!isBlank(line)) {
    candidates.push(sentenceAt(text, line, offset));
    let first = line;
    let last = line;
    for (let up = first.start > 0 ? lineAround(text, previousLineEnd(text, first.start)) : null; up && !isBlank(up); up = up.start > 0 ? lineAround(text, previousLineEnd(text, up.start)) : null) first = up;
    for (let down = last.end < text.length ? lineAround(text, nextLineStart(text, last.end)) : null; down && !isBlank(down); down = down.end < text.length ? lineAround(text, nextLineStart(text, down.end)) : null) last = down;
    candidates.push({ start: first.start, end: last.end });
  }
  candidates.push(...sections, { start: 0, end: text.length });
  const chain: Span[] = [];
  const holding = candidates.filter((c): c is Span => !!c && c.start <= offset && offset <= c.end);
  for (const span of holding.sort((a, b) => a.end - a.start - (b.end - b.start))) {
    const last = chain[chain.length - 1];
    if (last && (span.start > last.start || span.end < last.end || (span.start === last.start && span.end === last.end))) continue;
    chain.push(span);
  }
  return chain;
}

/** The line holding the offset (its index is not known here: -1). */
function lineAround(text: string, offset: number): Line {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { index: -1, start, end, text: text.slice(start, end) };
}

/** Where the line before a line starting at `start` ends (CRLF, CR and LF). */
function previousLineEnd(text: string, start: number): number {
  return text[start - 1] === '\n' && text[start - 2] === '\r' ? start - 2 : start - 1;
}

/** Where the line after a line ending at `end` starts (CRLF, CR and LF). */
function nextLineStart(text: string, end: number): number {
  return text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
}

export interface LabelCompletion {
  /** The footnote label to insert ("3"). */
  label: string;
  /** What it is: the note's text, or why it is offered. */
  detail: string;
  kind: 'cited' | 'new' | 'undefined';
}

/**
 * After "[" (and digits) in the text: the labels that fit there, and the span they replace (the
 * "[", the digits typed, and a "]" the editor closed it with). In the body, the notes there are
 * (their text to read) and the next number for a new one; at the start of a line in the notes, the
 * labels the body cites that have no note yet. Null where no label fits.
 */
export function footnoteLabelCompletions(text: string, offset: number, footnotes: Footnotes): { replace: Span; items: LabelCompletion[] } | null {
  const before = /\[(\d*)$/.exec(text.slice(Math.max(0, offset - 7), offset));
  if (!before) return null;
  const start = offset - before[0].length;
  const end = text[offset] === ']' ? offset + 1 : offset;
  const atLineStart = text.slice(lineAround(text, start).start, start).trim() === '';
  const defined = new Map(footnotes.definitions.map((d) => [d.label, d]));
  if (footnotes.notesBlock && start >= footnotes.notesBlock.start) {
    // In the notes, a label starts a definition: the ones the body cites without one.
    if (!atLineStart) return null;
    const missing = [...new Set(footnotes.markers.map((m) => m.label))].filter((l) => !defined.has(l));
    return { replace: { start, end }, items: missing.map((label) => ({ label, detail: 'cited in the body, no note yet', kind: 'undefined' as const })) };
  }
  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  const items: LabelCompletion[] = [...defined.keys()].sort(byNumber).map((label) => ({ label, detail: defined.get(label)!.text, kind: 'cited' }));
  const used = [...defined.keys(), ...footnotes.markers.map((m) => m.label)].map(Number);
  const next = String(used.length ? Math.max(...used) + 1 : 1);
  items.push({ label: next, detail: 'a new note (add its definition to the notes)', kind: 'new' });
  return { replace: { start, end }, items };
}
