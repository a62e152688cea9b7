// What every converter takes and gives: the corpus-lens/1 export object and the documents' texts
// in, a string (or files) and problems out. Converters are pure: no IO, no throwing on odd input.
import type { CorpusExport, ExportedDocument } from './exportJson.js';

/** Found by the recogniser ("auto") or marked by a person ("user"). */
export type MentionSource = 'auto' | 'user';

/** An entity mention of the export, with where it came from when known. */
export type ExportedMention = ExportedDocument['entities'][number] & { source?: MentionSource };

export type ExportedTimex = ExportedDocument['timex'][number];

/** The export, possibly with `source` on entity mentions. */
export type SourcedExport = Omit<CorpusExport, 'documents'> & {
  documents: Array<Omit<ExportedDocument, 'entities'> & { entities: ExportedMention[] }>;
};

/** Each document's text by its export path, as the export's offsets count it (UTF-16, BOM dropped). */
export type DocumentTexts = ReadonlyMap<string, string>;

/**
 * The documents of an export with their texts; a document whose text is missing is left out and
 * reported in `problems` with `missing` saying what was not written.
 */
export function* documentsWithText<D extends { path: string }>(documents: Iterable<D>, texts: DocumentTexts, problems: FormatProblem[], missing = 'it was left out'): Generator<[D, string]> {
  for (const doc of documents) {
    const text = texts.get(doc.path);
    if (text === undefined) problems.push({ path: doc.path, severity: 'error', message: `its text is missing, so ${missing}` });
    else yield [doc, text];
  }
}

export interface FormatProblem {
  /** The document (or annotation file) the problem is about. */
  path: string;
  severity: 'error' | 'warning';
  message: string;
  /** One-based, when the problem has a place in a file (a line of an .ann file). */
  line?: number;
  column?: number;
}

export const ENTITY_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'] as const;
export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];

export function isEntityType(type: string): type is EntityTypeName {
  return (ENTITY_TYPES as readonly string[]).includes(type);
}

/**
 * Line breaks as Python's str.splitlines() sees them (brat reads .ann files line by line that way):
 * none of these may appear inside one line of a line-based format.
 */
export const LINE_BREAK = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
