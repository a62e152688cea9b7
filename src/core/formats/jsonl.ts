// JSONL: one JSON object per line, one line per document, read by spaCy/Prodigy (`spans`) and
// doccano (`label`) alike:
//   {"id": "<path>", "text": "<the document's text>",
//    "spans": [{"start", "end", "label", "entity"}],     entity: the entity id, null for a date
//    "label": [[start, end, label], ...],                 the same spans, doccano's sequence labels
//    "meta": {"path", "title", "dct", "dctSource", "reviewed"}}
// Offsets are Python string indices (code points) into "text", end exclusive, so
// `text[start:end]` in Python is the span. Labels are the export's types: PERSON, ORG, PLACE, NORP,
// MISC for names, DATE, TIME, DURATION, SET for temporal expressions (whose spans also carry
// "value", the TIMEX3 value). Spans are sorted by start; names and dates do not overlap in the
// recogniser's output, but a user's annotation may make them.
import type { CorpusExport } from './exportJson.js';
import { codePointIndex } from './offsets.js';
import type { DocumentTexts, FormatProblem, SourcedExport } from './types.js';
import { documentsWithText } from './types.js';

export interface JsonlSpan {
  start: number;
  end: number;
  label: string;
  entity: string | null;
  value?: string | null;
}

export interface JsonlDocument {
  id: string;
  text: string;
  spans: JsonlSpan[];
  label: Array<[number, number, string]>;
  meta: { path: string; title: string | null; dct: string | null; dctSource: string | null; reviewed: boolean };
}

export function jsonlDocuments(exp: CorpusExport | SourcedExport, texts: DocumentTexts): { documents: JsonlDocument[]; problems: FormatProblem[] } {
  const documents: JsonlDocument[] = [];
  const problems: FormatProblem[] = [];
  for (const [doc, text] of documentsWithText(exp.documents, texts, problems)) {
    const index = codePointIndex(text);
    const spans: JsonlSpan[] = [
      ...doc.entities.map((m): JsonlSpan => ({ start: index.toCodePoint(m.start), end: index.toCodePoint(m.end), label: m.type, entity: m.entity })),
      ...doc.timex.map((t): JsonlSpan => ({ start: index.toCodePoint(t.start), end: index.toCodePoint(t.end), label: t.type, entity: null, value: t.value })),
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    documents.push({
      id: doc.path,
      text,
      spans,
      label: spans.map((s): [number, number, string] => [s.start, s.end, s.label]),
      meta: { path: doc.path, title: doc.title, dct: doc.dct, dctSource: doc.dctSource, reviewed: doc.reviewed },
    });
  }
  return { documents, problems };
}

export function toJsonl(exp: CorpusExport | SourcedExport, texts: DocumentTexts): { text: string; problems: FormatProblem[] } {
  const { documents, problems } = jsonlDocuments(exp, texts);
  return { text: documents.map((d) => `${jsonLine(d)}\n`).join(''), problems };
}

/**
 * One line of JSON. JSON.stringify escapes control characters but leaves U+0085, U+2028 and U+2029
 * raw, and Python's str.splitlines() would split a line there: they are escaped too.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
