// One document's text in, plain data out. Never throws on text; problems are part of the answer.
import { dateInFileName } from '../dates/calendarDates.js';
import { findTimexChained, NO_DATES_BEFORE, type DateChain } from '../dates/normalize.js';
import type { Timex } from '../dates/types.js';
import type { PossibleName } from '../entities/possibleNames.js';
import { recognizeEntities, type EntityMention } from '../entities/recognize.js';
import { tokenize } from '../entities/tokenize.js';
import { extractEvents, type EventMention } from '../events/extract.js';
import { findFootnotes, type Footnotes } from './footnotes.js';
import { splitLines, type Line } from './lines.js';
import type { DocumentMetadata } from '../corpus/metadata.js';
import { cutPassages, type Passage } from './passages.js';
import { readStructure, type Section } from './structure.js';
import type { Problem, Span } from '../types.js';

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
  /** Spans the name model nearly read as names, where no name stands (the Review view offers them); none without the model. */
  possibleNames: PossibleName[];
  problems: Problem[];
  /** The passages it was analysed in (one for a document of ordinary length): the corpus links and joins a long document passage by passage too. */
  passages: Span[];
}

/**
 * Analyses a document. A long one is analysed passage by passage (passages.ts); given the memo of
 * its previous analysis, passages whose text and context did not change are reused, not analysed.
 */
export function analyzeDocument(text: string, meta: DocumentMeta, memo?: PassageMemo, plan = planDocument(text, meta)): DocumentAnalysis {
  const passages = [...analyzePassages(plan, memo)];
  memo?.keep(text, plan.passages, passages);
  return withPassages(documentHead(plan), passages);
}

/** The whole-document passes every passage depends on, and where the passages are. */
export interface DocumentPlan {
  text: string;
  meta: DocumentMeta;
  lines: Line[];
  footnotes: Footnotes;
  structure: ReturnType<typeof readStructure>;
  dct: ReturnType<typeof documentDate>;
  /** Footnote definition labels and all brackets (markers and labels), sorted. */
  labels: Span[];
  brackets: Span[];
  passages: Passage[];
}

export function planDocument(text: string, meta: DocumentMeta): DocumentPlan {
  const lines = splitLines(text);
  const footnotes = findFootnotes(text, lines);
  const structure = readStructure(lines, text.length, footnotes.notesBlock);
  const labels = footnotes.definitions.map((d) => d.labelSpan).sort(byStart);
  const brackets = [...footnotes.markers, ...labels].sort(byStart);
  return { text, meta, lines, footnotes, structure, dct: documentDate(meta, structure.dateline), labels, brackets, passages: cutPassages(text.length, lines) };
}

/** How many of the plan's passages the memo has no analysis of (whatever their context): the work an analysis has left. */
export function passagesToAnalyze(plan: DocumentPlan, memo: PassageMemo | undefined): number {
  let n = 0;
  for (const p of plan.passages) if (!memo?.passages.has(plan.text.slice(p.start, p.end))) n++;
  return n;
}

/**
 * The passages' analyses, one at a time and in order, placed in the document (each depends on the
 * one before: relative dates carry over). The caller may stop between two, as a worker does when
 * cancelled.
 */
export function* analyzePassages(plan: DocumentPlan, memo?: PassageMemo): Generator<PassageAnalysis> {
  const { text, passages } = plan;
  let before: DateChain = NO_DATES_BEFORE;
  let sentenceBase = 0;
  // Brackets are sorted and passages in order: one cursor each, not a scan from the start per passage.
  const labels = { sorted: plan.labels, next: 0 };
  const brackets = { sorted: plan.brackets, next: 0 };
  for (const passage of passages) {
    const context: PassageContext = {
      dct: plan.dct?.value ?? null,
      before,
      labels: within(labels, passage),
      brackets: within(brackets, passage),
    };
    const passageText = text.slice(passage.start, passage.end);
    const key = contextKey(context);
    let found = memo?.passages.get(passageText)?.find((p) => p.key === key);
    // A document of one passage is tokenized on the lines already split.
    if (!found) found = analyzePassage(passageText, context, key, passage.end - passage.start === text.length ? plan.lines : undefined);
    found = placed(found, passage, sentenceBase);
    yield found;
    before = found.after;
    sentenceBase += found.sentenceCount;
  }
}

/** Everything of the analysis but the passages' findings (entities, dates, events: empty). */
export function documentHead(plan: DocumentPlan): DocumentAnalysis {
  const { text, meta, structure, dct, footnotes } = plan;
  return {
    textLength: text.length,
    lineCount: plan.lines.length,
    title: structure.title,
    displayTitle: meta.metadata?.title ?? structure.title?.text ?? null,
    dct: dct?.value ?? null,
    dctSource: dct?.source ?? null,
    dctSpan: dct?.span ?? null,
    sections: structure.sections,
    footnotes,
    entities: [],
    timex: [],
    events: [],
    possibleNames: [],
    problems: footnotes.problems,
    passages: plan.passages.map((p) => ({ start: p.start, end: p.end })),
  };
}

/** The document's analysis: its head with the findings of its passages, in order. */
export function withPassages(head: DocumentAnalysis, passages: readonly PassageAnalysis[]): DocumentAnalysis {
  // One native concatenation per list: pushing 300,000 mentions of 10 MB one by one took 78 ms.
  return {
    ...head,
    entities: ([] as EntityMention[]).concat(...passages.map((p) => p.entities)),
    timex: ([] as Timex[]).concat(...passages.map((p) => p.timex)),
    events: ([] as EventMention[]).concat(...passages.map((p) => p.events)),
    possibleNames: ([] as PossibleName[]).concat(...passages.map((p) => p.possibleNames)),
  };
}

/** The passages of a document's last analysis, for the next one (one per open document). */
export class PassageMemo {
  /** By passage text: the analyses of passages with that text (contexts may differ). */
  passages = new Map<string, PassageAnalysis[]>();

  /** Keeps the passages of an analysis of `text` (and only those: the memo follows the document). */
  keep(text: string, spans: readonly Passage[], analyses: readonly PassageAnalysis[]): void {
    const next = new Map<string, PassageAnalysis[]>();
    analyses.forEach((analysis, k) => {
      const passageText = text.slice(spans[k].start, spans[k].end);
      next.set(passageText, [...(next.get(passageText) ?? []), analysis]);
    });
    this.passages = next;
  }
}

/** What a passage's analysis depends on besides its text. Bracket spans are relative to the passage. */
interface PassageContext {
  dct: string | null;
  /** Where the story stood at the end of the passage before (relative dates count from it). */
  before: DateChain;
  /** Footnote definition labels ("[1]" opening a note): never names. */
  labels: Span[];
  /** Markers and labels: never dates. */
  brackets: Span[];
}

/** One passage's results, with offsets, sentence and line numbers placed in the document. */
export interface PassageAnalysis {
  key: string;
  start: number;
  sentenceBase: number;
  firstLine: number;
  entities: EntityMention[];
  timex: Timex[];
  events: EventMention[];
  possibleNames: PossibleName[];
  sentenceCount: number;
  after: DateChain;
}

function analyzePassage(text: string, context: PassageContext, key: string, lines?: Line[]): PassageAnalysis {
  const tokens = tokenize(text, lines);
  const possible: PossibleName[] = [];
  const entities = outside(recognizeEntities(text, tokens, undefined, possible), context.labels);
  const dates = findTimexChained(text, { dct: context.dct, before: context.before });
  const timex = outside(dates.timex, context.brackets);
  const events = extractEvents(tokens.tokens, tokens.sentences, entities, timex, text);
  const possibleNames = outside(possible, context.labels);
  return { key, start: 0, sentenceBase: 0, firstLine: 0, entities, timex, events, possibleNames, sentenceCount: tokens.sentences.length, after: dates.after };
}

function contextKey(c: PassageContext): string {
  const spans = (list: Span[]) => list.map((s) => `${s.start}-${s.end}`).join(',');
  return `${c.dct}|${c.before.previous}|${c.before.previousAny}|${spans(c.labels)}|${spans(c.brackets)}`;
}

/** Brackets inside a passage, relative to its start; the cursor moves past them (passages come in order). */
function within(cursor: { sorted: Span[]; next: number }, passage: Passage): Span[] {
  const out: Span[] = [];
  const { sorted } = cursor;
  while (cursor.next < sorted.length && sorted[cursor.next].start < passage.start) cursor.next++;
  for (; cursor.next < sorted.length && sorted[cursor.next].start < passage.end; cursor.next++) {
    const s = sorted[cursor.next];
    out.push({ start: s.start - passage.start, end: s.end - passage.start });
  }
  return out;
}

const byStart = (a: Span, b: Span) => a.start - b.start;

/**
 * The passage's results where it now stands: the same objects when nothing moved, else moved copies
 * (an analysis once made is never changed: the corpus may still read the previous one). Object
 * literals, not spreads: a keystroke moves every passage after it, some 10,000 objects in 1 MB.
 */
function placed(p: PassageAnalysis, passage: Passage, sentenceBase: number): PassageAnalysis {
  const by = passage.start - p.start;
  const sentences = sentenceBase - p.sentenceBase;
  const lines = passage.firstLine - p.firstLine;
  if (by === 0 && sentences === 0 && lines === 0) return p;
  const moved = new Map<EntityMention, EntityMention>();
  const entities = p.entities.map((m) => {
    const copy: EntityMention = { start: m.start + by, end: m.end + by, text: m.text, type: m.type, roles: m.roles.length ? m.roles.map((r) => ({ start: r.start + by, end: r.end + by, text: r.text })) : m.roles, sentence: m.sentence + sentences };
    if (m.canonical !== undefined) copy.canonical = m.canonical;
    if (m.country !== undefined) copy.country = m.country;
    if (m.expansion) copy.expansion = { start: m.expansion.start + by, end: m.expansion.end + by };
    if (m.confidence !== undefined) copy.confidence = m.confidence;
    moved.set(m, copy);
    return copy;
  });
  const mention = (m: EntityMention) => moved.get(m) ?? m;
  const timex = p.timex.map((t): Timex => {
    const copy: Timex = { start: t.start + by, end: t.end + by, text: t.text, type: t.type, value: t.value, resolution: t.resolution };
    if (t.mod !== undefined) copy.mod = t.mod;
    return copy;
  });
  const events = p.events.map((e): EventMention => ({
    start: e.start + by,
    end: e.end + by,
    kind: e.kind,
    trigger: e.trigger,
    lemma: e.lemma,
    sentence: { start: e.sentence.start + by, end: e.sentence.end + by },
    sentenceIndex: e.sentenceIndex + sentences,
    line: e.line + lines,
    happening: e.happening + lines * 64,
    agent: e.agent.map(mention),
    patient: e.patient.map(mention),
    participants: e.participants.map(mention),
    place: e.place && mention(e.place),
    date: e.date && { start: e.date.start + by, end: e.date.end + by, value: e.date.value },
    modality: e.modality,
  }));
  const possibleNames = p.possibleNames.map((n): PossibleName => ({ start: n.start + by, end: n.end + by, type: n.type, confidence: n.confidence }));
  return { key: p.key, start: passage.start, sentenceBase, firstLine: passage.firstLine, entities, timex, events, possibleNames, sentenceCount: p.sentenceCount, after: p.after };
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
 * Spans (sorted) that touch none of the brackets (sorted footnote markers, definition labels; they
 * never overlap): "[2003]" is no year, a label is no name. One pass, not one scan of the brackets per span.
 */
function outside<T extends Span>(spans: T[], brackets: Span[]): T[] {
  if (brackets.length === 0) return spans;
  let i = 0;
  return spans.filter((s) => {
    while (i < brackets.length && brackets[i].end <= s.start) i++;
    return !(i < brackets.length && brackets[i].start < s.end);
  });
}
