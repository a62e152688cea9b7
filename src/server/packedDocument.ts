// A loaded document as an indexing worker sends it to the main thread: its text, and everything
// else packed as the open-document worker packs a passage's findings (packedFindings.ts): the
// analysis's head (title, date, sections, footnotes, problems, passages) and its findings in one
// transferred Float64Array with one table of strings. The main thread shares the table's short
// strings with the documents before (`shareStrings`), so 10,000 documents hold one 'PERSON', not
// 10,000. What goes in comes out equal (test/server/packedDocument.test.ts).
import type { DocumentAnalysis, LoadedDocument, Problem, Span } from '../core/index.js';
import { readFindings, Reader, shareStrings, writeFindings, Writer, type PackedFindings } from './packedFindings.js';

export interface PackedDocument extends PackedFindings {
  /** Long, and never repeated: outside the table. */
  text: string;
}

// Optional fields of a problem, one bit each.
const UNNECESSARY = 1;
const RELATED = 2;
const DATA = 4;

export function packDocument({ text, analysis: a, fileProblems, skipped }: LoadedDocument): PackedDocument {
  const w = new Writer();
  w.number(skipped ? 1 : 0);
  writeProblems(w, fileProblems);
  w.number(a.textLength).number(a.lineCount);
  if (a.title) w.number(1).number(a.title.start).number(a.title.end).string(a.title.text);
  else w.number(0);
  w.nullableString(a.displayTitle).nullableString(a.dct).nullableString(a.dctSource);
  writeNullableSpan(w, a.dctSpan);
  w.number(a.sections.length);
  for (const s of a.sections) w.number(s.start).number(s.end).string(s.kind);
  const { markers, definitions, notesBlock } = a.footnotes;
  w.number(markers.length);
  for (const m of markers) w.number(m.start).number(m.end).string(m.label);
  w.number(definitions.length);
  for (const d of definitions) {
    w.number(d.start).number(d.end).string(d.label).number(d.labelSpan.start).number(d.labelSpan.end);
    w.string(d.text).number(d.textSpan.start).number(d.textSpan.end);
  }
  writeNullableSpan(w, notesBlock);
  writeProblems(w, a.footnotes.problems);
  // The analysis's problems are its footnotes' (one list, as analyzeDocument makes it), else their own.
  if (a.problems === a.footnotes.problems) w.number(1);
  else writeProblems(w.number(0), a.problems);
  w.number(a.passages.length);
  for (const p of a.passages) w.number(p.start).number(p.end);
  writeFindings(w, a);
  return { ...w.done(), text };
}

/** `seen`: the short strings of the messages before, shared with this one's. */
export function unpackDocument({ numbers, strings, text }: PackedDocument, seen?: Map<string, string>): LoadedDocument {
  if (seen) shareStrings(strings, seen);
  const r = new Reader(numbers, strings);
  const skipped = r.number() === 1;
  const fileProblems = readProblems(r);
  const textLength = r.number(), lineCount = r.number();
  const title = r.number() === 1 ? { start: r.number(), end: r.number(), text: r.string() } : null;
  const displayTitle = r.nullableString(), dct = r.nullableString(), dctSource = r.nullableString() as DocumentAnalysis['dctSource'];
  const dctSpan = readNullableSpan(r);
  const sections = new Array<DocumentAnalysis['sections'][number]>(r.number());
  for (let i = 0; i < sections.length; i++) sections[i] = { start: r.number(), end: r.number(), kind: r.string() as DocumentAnalysis['sections'][number]['kind'] };
  const markers = new Array<DocumentAnalysis['footnotes']['markers'][number]>(r.number());
  for (let i = 0; i < markers.length; i++) markers[i] = { start: r.number(), end: r.number(), label: r.string() };
  const definitions = new Array<DocumentAnalysis['footnotes']['definitions'][number]>(r.number());
  for (let i = 0; i < definitions.length; i++) {
    const start = r.number(), end = r.number(), label = r.string(), labelSpan = { start: r.number(), end: r.number() };
    definitions[i] = { start, end, label, labelSpan, text: r.string(), textSpan: { start: r.number(), end: r.number() } };
  }
  const notesBlock = readNullableSpan(r);
  const footnotes = { markers, definitions, notesBlock, problems: readProblems(r) };
  const problems = r.number() === 1 ? footnotes.problems : readProblems(r);
  const passages = new Array<Span>(r.number());
  for (let i = 0; i < passages.length; i++) passages[i] = { start: r.number(), end: r.number() };
  const { entities, timex, events, possibleNames } = readFindings(r);
  const analysis: DocumentAnalysis = {
    textLength, lineCount, title, displayTitle, dct, dctSource, dctSpan, sections, footnotes, entities, timex, events, possibleNames, problems, passages,
  };
  return { text, analysis, fileProblems, skipped };
}

function writeNullableSpan(w: Writer, span: Span | null): void {
  if (span) w.number(1).number(span.start).number(span.end);
  else w.number(0);
}

function readNullableSpan(r: Reader): Span | null {
  return r.number() === 1 ? { start: r.number(), end: r.number() } : null;
}

function writeProblems(w: Writer, problems: Problem[]): void {
  w.number(problems.length);
  for (const p of problems) {
    w.number(p.start).number(p.end).string(p.severity).string(p.code).string(p.message);
    w.number((p.unnecessary !== undefined ? UNNECESSARY : 0) | (p.related ? RELATED : 0) | (p.data ? DATA : 0));
    if (p.unnecessary !== undefined) w.number(p.unnecessary ? 1 : 0);
    if (p.related) {
      w.number(p.related.length);
      for (const x of p.related) w.number(x.start).number(x.end).string(x.message);
    }
    if (p.data) {
      const data = Object.entries(p.data);
      w.number(data.length);
      for (const [key, value] of data) w.string(key).string(value);
    }
  }
}

function readProblems(r: Reader): Problem[] {
  const problems = new Array<Problem>(r.number());
  for (let i = 0; i < problems.length; i++) {
    const p: Problem = { start: r.number(), end: r.number(), severity: r.string() as Problem['severity'], code: r.string(), message: r.string() };
    const flags = r.number();
    if (flags & UNNECESSARY) p.unnecessary = r.number() === 1;
    if (flags & RELATED) {
      p.related = new Array<Span & { message: string }>(r.number());
      for (let k = 0; k < p.related.length; k++) p.related[k] = { start: r.number(), end: r.number(), message: r.string() };
    }
    if (flags & DATA) {
      const data: Record<string, string> = {};
      for (let k = r.number(); k > 0; k--) data[r.string()] = r.string();
      p.data = data;
    }
    problems[i] = p;
  }
  return problems;
}
