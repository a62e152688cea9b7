// The user's annotations: what the person decided, kept as plain JSON at the corpus root
// (`.corpus-lens/annotations.json`), one annotation per line so the file diffs and merges in git.
// Each annotation is anchored by the text it marks, with some context and an offset hint, in the
// manner of W3C Web Annotation's TextQuoteSelector and TextPositionSelector.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { EntityType } from '../entities/recognize.js';
import { clampProblem, normaliseRelativePath } from '../corpus/metadata.js';
import type { Problem } from '../types.js';

export const STORE_VERSION = 1;
export const STORE_PATH = '.corpus-lens/annotations.json';
/** Characters of context kept on each side of the quoted text. */
export const CONTEXT = 32;

export interface TextTarget {
  /** The text marked, exactly. */
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets where it stood when the annotation was made: a hint, not the truth. */
  start: number;
  end: number;
}

interface Base {
  /** Stable id, unique in the store. */
  id: string;
  /** The document, relative to the corpus root, '/' separators. */
  document: string;
  source: 'user';
  /** ISO time of the decision. */
  created: string;
}

/** This span is an entity of this type (linked to an entity id when given). */
export interface EntityAnnotation extends Base {
  kind: 'entity';
  type: EntityType;
  entity: string | null;
  target: TextTarget;
}

/** This span is not an entity. */
export interface NotEntityAnnotation extends Base {
  kind: 'not-entity';
  target: TextTarget;
}

/** This string is never an entity, in any document (`document` is '*'). */
export interface NotEntityEverywhereAnnotation extends Base {
  kind: 'not-entity-everywhere';
  text: string;
}

/** This temporal expression's value is this. */
export interface DateAnnotation extends Base {
  kind: 'date';
  value: string;
  target: TextTarget;
}

/** Two entities are one: every mention of `from` belongs to `into` (`document` is '*'). */
export interface MergeAnnotation extends Base {
  kind: 'merge';
  from: string;
  into: string;
}

/** The entity's display name and description, as the user wants them (`document` is '*'). */
export interface EntityNameAnnotation extends Base {
  kind: 'entity-name';
  entity: string;
  name: string;
  description?: string;
}

/** The document has been reviewed by a person (`document` names it). */
export interface ReviewedAnnotation extends Base {
  kind: 'reviewed';
  /** The document's opening when it was reviewed: finds the document again after a move the editor did not see. */
  target?: TextTarget;
}

export type Annotation = EntityAnnotation | NotEntityAnnotation | NotEntityEverywhereAnnotation | DateAnnotation | ReviewedAnnotation | MergeAnnotation | EntityNameAnnotation;

/** Annotations about the corpus as a whole rather than a span of one document. */
export type CorpusAnnotation = MergeAnnotation | EntityNameAnnotation | NotEntityEverywhereAnnotation;

export interface AnnotationStore {
  version: typeof STORE_VERSION;
  annotations: Annotation[];
}

export interface ParsedStore {
  /** Null when the file cannot be used at all: it must then be left untouched. */
  store: AnnotationStore | null;
  problems: Problem[];
  /** The file's items that are not used (each with a warning), as they are: whoever writes the file again writes them back. */
  unused: unknown[];
}

const KINDS = new Set(['entity', 'not-entity', 'not-entity-everywhere', 'date', 'reviewed', 'merge', 'entity-name']);
const TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC']);

export function emptyStore(): AnnotationStore {
  return { version: STORE_VERSION, annotations: [] };
}

/** Reads a store. Any syntax error makes it unusable (null), with the error's position. */
export function parseStore(text: string): ParsedStore {
  const parsed = readStore(text);
  return { ...parsed, problems: parsed.problems.map((p) => clampProblem(p, text.length)) };
}

function readStore(text: string): ParsedStore {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problem = (start: number, end: number, message: string): Problem => ({ start, end, severity: 'error', code: 'store.invalid', message });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const where = e ? problem(e.offset, e.offset + e.length, `The annotation store is not valid JSON (${printParseErrorCode(e.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}). It was left untouched; the editor goes on with the automatic annotations. Fix the file, then save it.`) : problem(0, 0, 'The annotation store is empty or unreadable.');
    return { store: null, problems: [where], unused: [] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { store: null, problems: [problem(0, 0, 'The annotation store could not be read.')], unused: [] };
  }
  const v = value as { version?: unknown; annotations?: unknown };
  if (typeof v !== 'object' || v === null || !Array.isArray(v.annotations)) {
    return { store: null, problems: [problem(root.offset, root.offset + root.length, 'The annotation store must be {"version": 1, "annotations": [...]}; it was left untouched.')], unused: [] };
  }
  if (v.version !== STORE_VERSION) {
    return { store: null, problems: [problem(root.offset, root.offset + 1, `The annotation store has version ${JSON.stringify(v.version)}; this Corpus Lens reads version ${STORE_VERSION}. It was left untouched.`)], unused: [] };
  }
  const problems: Problem[] = [];
  const annotations: Annotation[] = [];
  const unused: unknown[] = [];
  const items = root.children?.find((p) => p.children?.[0]?.value === 'annotations')?.children?.[1]?.children ?? [];
  v.annotations.forEach((a, i) => {
    const node = items[i];
    const reason = invalidReason(a);
    if (reason) {
      // Kept in the file (never dropped), but not applied.
      problems.push({ ...problem(node?.offset ?? 0, (node?.offset ?? 0) + (node?.length ?? 0), `Annotation ${i + 1} is not used: ${reason}.`), severity: 'warning' });
      unused.push(a);
      return;
    }
    annotations.push(a as Annotation);
  });
  return { store: { version: STORE_VERSION, annotations }, problems, unused };
}

function invalidReason(a: unknown): string | null {
  const x = a as Record<string, unknown>;
  if (typeof x !== 'object' || x === null) return 'it is not an object';
  if (typeof x.id !== 'string' || !x.id) return 'it has no "id"';
  if (typeof x.document !== 'string') return 'it has no "document"';
  // A store path never leaves the corpus folder: no "..", no absolute path.
  if (x.document !== '*' && normaliseRelativePath(x.document) !== x.document) return `its "document" ${JSON.stringify(x.document)} is not a path inside the corpus folder`;
  if (!KINDS.has(x.kind as string)) return `its "kind" ${JSON.stringify(x.kind)} is unknown`;
  if (x.kind === 'entity' && !TYPES.has(x.type as string)) return `its "type" ${JSON.stringify(x.type)} is not PERSON, ORG, PLACE, NORP or MISC`;
  if (x.kind === 'not-entity-everywhere' && typeof x.text !== 'string') return 'it has no "text"';
  if (x.kind === 'date' && typeof x.value !== 'string') return 'it has no "value"';
  if (x.kind === 'merge' && (typeof x.from !== 'string' || typeof x.into !== 'string')) return 'it needs "from" and "into" entity ids';
  if (x.kind === 'entity-name' && (typeof x.entity !== 'string' || typeof x.name !== 'string' || !x.name)) return 'it needs "entity" and "name"';
  if (['entity', 'not-entity', 'date'].includes(x.kind as string) || (x.kind === 'reviewed' && x.target !== undefined)) {
    const t = x.target as Record<string, unknown> | undefined;
    if (!t || typeof t.exact !== 'string' || typeof t.start !== 'number' || typeof t.end !== 'number') return 'its "target" needs "exact", "start" and "end"';
  }
  return null;
}

/**
 * Stable order (document, then position, then id), one annotation per line; then the items the
 * store did not use (`ParsedStore.unused`), as they were.
 */
export function serializeStore(store: AnnotationStore, unused: readonly unknown[] = []): string {
  const position = (a: Annotation) => (a.kind === 'entity' || a.kind === 'not-entity' || a.kind === 'date' ? a.target.start : -1);
  const sorted = [...store.annotations].sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : position(a) - position(b) || (a.id < b.id ? -1 : 1)));
  const lines = [...sorted, ...unused].map((a) => `    ${JSON.stringify(a)}`);
  return `{\n  "version": ${STORE_VERSION},\n  "annotations": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** The target for a span of a text, with its context. */
export function targetOf(text: string, start: number, end: number): TextTarget {
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT), start, end };
}

/**
 * Merges two stores: every annotation of both is kept, one per id; where both changed one id,
 * the later decision (by `created`) wins. Used when the file changed on disk behind the editor.
 */
export function mergeStores(mine: AnnotationStore, theirs: AnnotationStore): AnnotationStore {
  const byId = new Map<string, Annotation>();
  for (const a of [...theirs.annotations, ...mine.annotations]) {
    const existing = byId.get(a.id);
    if (!existing || existing.created < a.created) byId.set(a.id, a);
  }
  return { version: STORE_VERSION, annotations: [...byId.values()] };
}

let counter = 0;

/** A new id: time-based and unique in this process, short enough to read in a diff. */
export function newAnnotationId(now: Date = new Date()): string {
  counter = (counter + 1) % 1_000_000;
  return `a${now.getTime().toString(36)}${counter.toString(36).padStart(3, '0')}`;
}

export interface GroupedAnnotations {
  /** Annotations of spans and documents, by corpus path. */
  byPath: Map<string, Annotation[]>;
  /** Strings that are never entities. */
  everywhere: string[];
  /** Decisions about entities: merges and names. */
  decisions: Array<MergeAnnotation | EntityNameAnnotation>;
}

/** Sorts a store's annotations for the corpus; `pathOf` maps a store document path to a corpus path. */
export function groupAnnotations(annotations: Iterable<Annotation>, pathOf: (document: string) => string, into?: GroupedAnnotations): GroupedAnnotations {
  const grouped: GroupedAnnotations = into ?? { byPath: new Map(), everywhere: [], decisions: [] };
  for (const a of annotations) {
    if (a.kind === 'not-entity-everywhere') grouped.everywhere.push(a.text);
    else if (a.kind === 'merge' || a.kind === 'entity-name') grouped.decisions.push(a);
    else {
      const path = pathOf(a.document);
      grouped.byPath.set(path, [...(grouped.byPath.get(path) ?? []), a]);
    }
  }
  return grouped;
}
