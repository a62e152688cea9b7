// One document's text in, plain data out. Never throws on text; problems are part of the answer.
import { dateInFileName } from './calendarDates.js';
import { findTimex } from './dates/normalize.js';
import type { Timex } from './dates/types.js';
import { recognizeEntities, type EntityMention } from './entities/recognize.js';
import { tokenize } from './entities/tokenize.js';
import { extractEvents, type EventMention } from './events/extract.js';
import { findFootnotes, type Footnotes } from './footnotes.js';
import { splitLines } from './lines.js';
import type { DocumentMetadata } from './metadata.js';
import { readStructure, type Section } from './structure.js';
import type { Problem, Span } from './types.js';

export interface DocumentMeta {
  /** The document's path or URI; only its file name is read (for a date). */
  path: string;
  /** The document's entry in corpus.json, if any. */
  metadata?: DocumentMetadata;
}

export type DctSource = 'metadata' | 'header' | 'filename';

export interface DocumentAnalysis {
  textLength: number;
  lineCount: number;
  title: (Span & { text: string }) | null;
  /** Title from corpus.json, which wins over the one read from the text. */
  displayTitle: string | null;
  /** The document's own date (document creation time), YYYY-MM-DD. */
  dct: string | null;
  dctSource: DctSource | null;
  /** Where in the text the date came from, when it came from the header. */
  dctSpan: Span | null;
  sections: Section[];
  footnotes: Footnotes;
  /** Named entities as recognised in this document alone (linking happens in the corpus). */
  entities: EntityMention[];
  /** Temporal expressions (TIMEX3 values), anchored on `dct` and on the dates mentioned before them. */
  timex: Timex[];
  /** Reports of happenings, from the mentions and dates above (the corpus extracts again only where the user's annotations changed those). */
  events: EventMention[];
  problems: Problem[];
}

export function analyzeDocument(text: string, meta: DocumentMeta): DocumentAnalysis {
  const lines = splitLines(text);
  const footnotes = findFootnotes(text, lines);
  const structure = readStructure(lines, text.length, footnotes.notesBlock);
  const dct = documentDate(meta, structure.dateline);
  const labels = footnotes.definitions.map((d) => d.labelSpan);
  const tokens = tokenize(text, lines);
  const entities = outside(recognizeEntities(text, tokens), labels);
  const timex = outside(findTimex(text, { dct: dct?.value ?? null }), [...footnotes.markers, ...labels]);
  const events = extractEvents(tokens.tokens, tokens.sentences, entities, timex, text);
  return {
    textLength: text.length,
    lineCount: lines.length,
    title: structure.title,
    displayTitle: meta.metadata?.title ?? structure.title?.text ?? null,
    dct: dct?.value ?? null,
    dctSource: dct?.source ?? null,
    dctSpan: dct?.span ?? null,
    sections: structure.sections,
    footnotes,
    entities,
    timex,
    events,
    problems: footnotes.problems,
  };
}

/** corpus.json first, then the dateline, then the file name. */
function documentDate(meta: DocumentMeta, dateline: (Span & { value: string }) | null) {
  if (meta.metadata?.date) return { value: meta.metadata.date, source: 'metadata' as const, span: null };
  if (dateline) return { value: dateline.value, source: 'header' as const, span: { start: dateline.start, end: dateline.end } };
  const fromName = dateInFileName(meta.path);
  if (fromName) return { value: fromName, source: 'filename' as const, span: null };
  return null;
}

/**
 * Spans (sorted) that touch none of the brackets (footnote markers, definition labels; they never
 * overlap): "[2003]" is no year, a label is no name. One pass, not one scan of the brackets per span.
 */
function outside<T extends Span>(spans: T[], unsorted: Span[]): T[] {
  const brackets = [...unsorted].sort((a, b) => a.start - b.start);
  if (brackets.length === 0) return spans;
  let i = 0;
  return spans.filter((s) => {
    while (i < brackets.length && brackets[i].end <= s.start) i++;
    return !(i < brackets.length && brackets[i].start < s.end);
  });
}
