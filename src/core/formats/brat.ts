// brat standoff (https://brat.nlplab.org/standoff.html): one `.ann` beside each `.txt`, and an
// `annotation.conf` declaring the types. Offsets count code points of the `.txt` as brat reads it:
// Python's codecs.open(..., 'utf8'), binary mode, so CRLF stays two characters and a UTF-8
// byte-order mark is character 0. Our offsets are UTF-16 into the text without its BOM; both
// differences are converted here.
//
// What is written, per document, in order of position:
//   T1\tPERSON 10 28\tSirajuddin Haqqani                                entity mention
//   A1\tSource T1 auto                                                  recogniser or person
//   N1\tReference T1 CorpusLens:person:sirajuddin-haqqani\tSirajuddin Haqqani   its entity
//   #1\tAnnotatorNotes T1\tInterior Minister                            its roles (first mention per document)
//   T2\tDATE 40 53\tMarch 5, 2024                                       temporal expression
//   #2\tAnnotatorNotes T2\tvalue=2024-03-05                             its TIMEX3 value (and mod=…)
import { targetOf, type EntityAnnotation } from '../annotations/store.js';
import type { CorpusExport } from './exportJson.js';
import { codePointIndex, oneLine } from './offsets.js';
import { importedAnnotationId } from './storeImport.js';
import {
  ENTITY_TYPES, isEntityType, LINE_BREAK, TIMEX_TYPES, type DocumentTexts, type ExportedMention, type ExportedTimex, type FormatProblem, type SourcedExport, documentsWithText } from './types.js';

/** The normalization database name of entity ids in N lines. */
export const BRAT_DB = 'CorpusLens';

export interface BratFile {
  /** The document's path in the export ('/' separators, ends in .txt). */
  document: string;
  /** The annotation file's path: the document's with .ann for .txt. */
  path: string;
  content: string;
}

export interface BratExport {
  files: BratFile[];
  /** annotation.conf, for the root of the collection. */
  conf: string;
  problems: FormatProblem[];
}

export interface BratOptions {
  /** Documents whose file starts with a UTF-8 byte-order mark: brat counts it as a character. */
  bom?: ReadonlySet<string>;
}

export function annPathOf(txtPath: string): string {
  return /\.txt$/i.test(txtPath) ? txtPath.replace(/\.txt$/i, '.ann') : `${txtPath}.ann`;
}

/** annotation.conf: every type, relation, event and attribute the .ann files use. */
export function bratAnnotationConf(): string {
  return [
    '# Corpus Lens (corpus-lens export --format brat): the types of the corpus-lens/1 export.',
    '# Entity ids are N lines: Reference Tn CorpusLens:<entity id>; TIMEX3 values are AnnotatorNotes.',
    '[entities]',
    ...ENTITY_TYPES,
    ...TIMEX_TYPES,
    '',
    '[relations]',
    '# No relations. Annotations may overlap (a name inside a date, say).',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '# No events.',
    '',
    '[attributes]',
    `Source\tArg:${ENTITY_TYPES.join('|')}, Value:auto|user`,
    '',
  ].join('\n');
}

type Item = { kind: 'entity'; m: ExportedMention } | { kind: 'timex'; t: ExportedTimex };

export function toBrat(exp: CorpusExport | SourcedExport, texts: DocumentTexts, options: BratOptions = {}): BratExport {
  const files: BratFile[] = [];
  const problems: FormatProblem[] = [];
  const entities = new Map(exp.entities.map((e) => [e.id, e]));
  for (const [doc, text] of documentsWithText(exp.documents, texts, problems, 'no .ann was written')) {
    const index = codePointIndex(text);
    const shift = options.bom?.has(doc.path) ? 1 : 0;
    const items: Item[] = [
      ...doc.entities.map((m): Item => ({ kind: 'entity', m })),
      ...doc.timex.map((t): Item => ({ kind: 'timex', t })),
    ];
    const span = (i: Item) => (i.kind === 'entity' ? i.m : i.t);
    items.sort((a, b) => span(a).start - span(b).start || span(a).end - span(b).end || (a.kind === b.kind ? 0 : a.kind === 'entity' ? -1 : 1));
    const lines: string[] = [];
    const counters = { T: 0, A: 0, N: 0, '#': 0 };
    const next = (k: keyof typeof counters) => `${k}${++counters[k]}`;
    const noted = new Set<string>();
    for (const item of items) {
      const { start, end, text: spanText, type } = span(item);
      const where = `${item.kind === 'entity' ? 'entity' : 'date'} "${oneLine(spanText)}" at ${start}-${end}`;
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length) || text.slice(start, end) !== spanText) {
        problems.push({ path: doc.path, severity: 'warning', message: `${where} does not fit the text; left out of the .ann` });
        continue;
      }
      if (LINE_BREAK.test(spanText)) {
        problems.push({ path: doc.path, severity: 'warning', message: `${where} runs across a line break, which a brat text-bound line cannot hold; left out of the .ann` });
        continue;
      }
      const t = next('T');
      lines.push(`${t}\t${type} ${index.toCodePoint(start) + shift} ${index.toCodePoint(end) + shift}\t${spanText}`);
      if (item.kind === 'entity') {
        const m = item.m;
        lines.push(`${next('A')}\tSource ${t} ${m.source ?? 'auto'}`);
        const entity = entities.get(m.entity);
        if (m.entity && !/\s/.test(m.entity)) {
          lines.push(`${next('N')}\tReference ${t} ${BRAT_DB}:${m.entity}\t${oneLine(entity?.name ?? m.text)}`);
        }
        if (entity?.description && !noted.has(m.entity)) {
          noted.add(m.entity);
          lines.push(`${next('#')}\tAnnotatorNotes ${t}\t${oneLine(entity.description)}`);
        }
      } else if (item.t.value !== null) {
        lines.push(`${next('#')}\tAnnotatorNotes ${t}\tvalue=${oneLine(item.t.value)}${item.t.mod ? ` mod=${item.t.mod}` : ''}`);
      }
    }
    files.push({ document: doc.path, path: annPathOf(doc.path), content: lines.length ? `${lines.join('\n')}\n` : '' });
  }
  return { files, conf: bratAnnotationConf(), problems };
}

// ---------------------------------------------------------------------------------------------
// Reading .ann files

export interface BratTextBound {
  id: string;
  type: string;
  /** Code point offsets into the .txt as brat reads it; more than one fragment when discontinuous. */
  fragments: Array<{ start: number; end: number }>;
  /** The text after the offsets (brat's check: it begins with the spans' text). */
  text: string;
  line: number;
}

export interface BratNormalization {
  id: string;
  type: string;
  target: string;
  db: string;
  dbId: string;
  text: string;
  line: number;
}

export interface BratAttribute {
  id: string;
  type: string;
  target: string;
  /** A binary attribute has no value: true. */
  value: string | true;
  line: number;
}

export interface BratNote {
  id: string;
  type: string;
  target: string;
  text: string;
  line: number;
}

export interface ParsedBrat {
  textBounds: BratTextBound[];
  normalizations: BratNormalization[];
  attributes: BratAttribute[];
  notes: BratNote[];
  /** Relations, events, equivalences and modifiers: read past, not used. */
  others: number;
  /** Positions are one-based line and column in the .ann file; `path` is left empty for the caller. */
  problems: FormatProblem[];
}

const ID = /^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*)$/;

/** Reads a brat .ann file. Never throws; a line it cannot read is a problem with its position. */
export function parseBrat(ann: string): ParsedBrat {
  const out: ParsedBrat = { textBounds: [], normalizations: [], attributes: [], notes: [], others: 0, problems: [] };
  const seen = new Set<string>();
  const lines = ann.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    const problem = (message: string, column = 1) => out.problems.push({ path: '', severity: 'error', message, line, column });
    const tab = text.indexOf('\t');
    if (tab < 0) return problem('no tab after the annotation id (brat lines are "ID<tab>DATA<tab>TEXT")');
    const id = text.slice(0, tab);
    if (id !== '*' && !ID.test(id)) return problem(`"${id}" is not a brat annotation id`);
    if (id !== '*' && seen.has(id)) return problem(`${id} is defined twice`);
    seen.add(id);
    const rest = text.slice(tab + 1);
    const tab2 = rest.indexOf('\t');
    const data = tab2 < 0 ? rest : rest.slice(0, tab2);
    const tail = tab2 < 0 ? '' : rest.slice(tab2 + 1);
    const dataColumn = tab + 2;
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)\s*$/.exec(data);
        if (!m) return problem(`${id}: expected "TYPE START END" (offsets as whole numbers)`, dataColumn);
        const fragments = m[2].split(';').map((f) => {
          const [s, e] = f.split(' ').map(Number);
          return { start: s, end: e };
        });
        if (fragments.some((f) => f.start > f.end)) return problem(`${id}: a start is after its end`, dataColumn);
        if (tab2 < 0) return problem(`${id}: no text after the offsets (expected "ID<tab>TYPE START END<tab>TEXT")`, dataColumn + data.length);
        out.textBounds.push({ id, type: m[1], fragments, text: tail, line });
        return;
      }
      case 'N': {
        const m = /^(\S+) (\S+) (\S+?):(\S+)\s*$/.exec(data);
        if (!m) return problem(`${id}: expected "Reference T<n> DB:ID"`, dataColumn);
        out.normalizations.push({ id, type: m[1], target: m[2], db: m[3], dbId: m[4], text: tail, line });
        return;
      }
      case 'A':
      case 'M': {
        const parts = data.trim().split(/ +/);
        if (parts.length < 2 || parts.length > 3) return problem(`${id}: expected "NAME T<n> [VALUE]"`, dataColumn);
        out.attributes.push({ id, type: parts[0], target: parts[1], value: parts[2] ?? true, line });
        return;
      }
      case '#': {
        const parts = data.trim().split(/\s+/);
        if (parts.length !== 2) return problem(`${id}: expected "AnnotatorNotes T<n>"`, dataColumn);
        out.notes.push({ id, type: parts[0], target: parts[1], text: tail, line });
        return;
      }
      case 'R':
      case 'E':
      case '*':
        out.others++;
        return;
      default:
        return problem(`${id}: brat has no annotation kind "${id[0]}"`);
    }
  });
  return out;
}

export interface BratImport {
  /** Entity annotations as the store keeps them (ids derived from document, span and type). */
  annotations: EntityAnnotation[];
  problems: FormatProblem[];
  /** Temporal expressions read past: the store takes entity annotations from brat. */
  timex: number;
}

export interface BratImportOptions {
  /** The .txt starts with a UTF-8 byte-order mark (brat's character 0; not in `text`). */
  bom?: boolean;
  /** ISO time written as `created`. */
  created: string;
}

/**
 * The entity annotations of one parsed .ann, for a document (its path relative to the corpus
 * root) whose text is `text` (decoded, BOM dropped: the corpus's view). Text-bound annotations of
 * an entity type become `kind: "entity"`, `source: "user"`; their `Reference T CorpusLens:<id>`
 * normalization, when there is one, is the entity. Problems keep the .ann line.
 */
export function bratToAnnotations(document: string, text: string, parsed: ParsedBrat, options: BratImportOptions): BratImport {
  const problems: FormatProblem[] = [];
  const annotations: EntityAnnotation[] = [];
  const index = codePointIndex(text);
  const shift = options.bom ? 1 : 0;
  const entityOf = new Map<string, string>();
  for (const n of parsed.normalizations) {
    if (n.db !== BRAT_DB || n.type !== 'Reference') continue;
    if (entityOf.has(n.target) && entityOf.get(n.target) !== n.dbId) {
      problems.push({ path: document, severity: 'warning', message: `${n.id}: ${n.target} already refers to ${BRAT_DB}:${entityOf.get(n.target)}; this second reference is ignored`, line: n.line, column: 1 });
      continue;
    }
    entityOf.set(n.target, n.dbId);
  }
  const ids = new Set(parsed.textBounds.map((t) => t.id));
  for (const n of parsed.normalizations) {
    if (n.db === BRAT_DB && !ids.has(n.target)) problems.push({ path: document, severity: 'warning', message: `${n.id} refers to ${n.target}, which is not a text-bound annotation of this file`, line: n.line, column: 1 });
  }
  let timex = 0;
  for (const t of parsed.textBounds) {
    const at = { path: document, line: t.line, column: 1 };
    if ((TIMEX_TYPES as readonly string[]).includes(t.type)) {
      timex++;
      continue;
    }
    if (!isEntityType(t.type)) {
      problems.push({ ...at, severity: 'warning', message: `${t.id} has type "${t.type}", not one Corpus Lens knows (${ENTITY_TYPES.join(', ')}); skipped` });
      continue;
    }
    if (t.fragments.length !== 1) {
      problems.push({ ...at, severity: 'warning', message: `${t.id} is discontinuous (${t.fragments.length} fragments); Corpus Lens marks one span per annotation, so it was skipped` });
      continue;
    }
    const { start: cpStart, end: cpEnd } = t.fragments[0];
    const start = index.toUtf16(cpStart - shift);
    const end = index.toUtf16(cpEnd - shift);
    if (start === null || end === null || cpStart - shift < 0) {
      problems.push({ ...at, severity: 'error', message: `${t.id}: offsets ${cpStart}-${cpEnd} are outside the text (${index.length + shift} characters as brat counts them)` });
      continue;
    }
    if (start === end) {
      problems.push({ ...at, severity: 'warning', message: `${t.id} is empty; skipped` });
      continue;
    }
    const expected = text.slice(start, end);
    // brat's own check: the text after the offsets begins with the span's text (then a space or nothing).
    if (!(t.text === expected || (t.text.startsWith(expected) && /^\s/.test(t.text.slice(expected.length))))) {
      problems.push({ ...at, severity: 'error', message: `${t.id}: its text "${oneLine(t.text)}" does not match the document's "${oneLine(expected)}" at ${cpStart}-${cpEnd}` });
      continue;
    }
    annotations.push({
      id: importedAnnotationId(document, start, end, t.type),
      document,
      kind: 'entity',
      type: t.type,
      entity: entityOf.get(t.id) ?? null,
      target: targetOf(text, start, end),
      source: 'user',
      created: options.created,
    });
  }
  return { annotations, problems, timex };
}
