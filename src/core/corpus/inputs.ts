// What the files and the user give the corpus: each document's latest analysis, and the user's
// annotations. Only apply(change) changes them, and every change moves the revision on: the
// stages (linking, joining) compare revisions to know what they have not taken yet.
import type { DocumentAnalysis } from '../document/analyze.js';
import type { Annotation, EntityNameAnnotation, MergeAnnotation } from '../annotations/store.js';
import type { Problem } from '../types.js';

export interface CorpusDocument {
  path: string;
  text: string;
  analysis: DocumentAnalysis;
  /** Problems with the file itself (unreadable, binary, too large, odd encoding). */
  fileProblems: Problem[];
  /** True when the file was not analysed at all (binary, too large, unreadable). */
  skipped: boolean;
}

/** The user's decisions about entities as a whole, not about a span of text. */
export type EntityDecision = MergeAnnotation | EntityNameAnnotation;

export type InputChange =
  /** A document, new or analysed again. */
  | { kind: 'document'; document: CorpusDocument }
  | { kind: 'removed'; path: string }
  /** Every annotation, replaced: by document (corpus path), the strings never an entity, the decisions about entities. */
  | { kind: 'annotations'; byPath: Map<string, Annotation[]>; everywhere: Iterable<string>; decisions: EntityDecision[] };

/** The inputs as everything but the corpus sees them: read, never changed. */
export type ReadonlyInputs = Omit<Inputs, 'apply'>;

/** A document's annotations when it has none: one list, so that it is the same each time. */
const NONE = Object.freeze([]) as unknown as Annotation[];

export class Inputs {
  private readonly docs = new Map<string, CorpusDocument>();
  /** The revision each document was last updated at. */
  private readonly updated = new Map<string, number>();
  private byPath = new Map<string, Annotation[]>();
  private never = new Set<string>();
  private decisions: EntityDecision[] = [];
  private current = 0;
  private annotationsAt = 0;

  /** Takes a change; false when it changed nothing (a document removed that was not there). */
  apply(change: InputChange): boolean {
    switch (change.kind) {
      case 'document':
        this.docs.set(change.document.path, change.document);
        this.updated.set(change.document.path, ++this.current);
        return true;
      case 'removed':
        this.updated.delete(change.path);
        if (!this.docs.delete(change.path)) return false;
        this.current++;
        return true;
      case 'annotations':
        this.byPath = change.byPath;
        this.never = sameOrNew(this.never, new Set(change.everywhere));
        this.decisions = change.decisions;
        this.annotationsAt = ++this.current;
        return true;
    }
  }

  /** Increases on every change; lets callers skip work when nothing changed. */
  get revision(): number {
    return this.current;
  }

  /** The revision the annotations were last replaced at. */
  get annotationRevision(): number {
    return this.annotationsAt;
  }

  /** The revision the document was last updated at; 0 for one not in the corpus. */
  updatedAt(path: string): number {
    return this.updated.get(path) ?? 0;
  }

  document(path: string): CorpusDocument | undefined {
    return this.docs.get(path);
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every document, in no particular order. */
  all(): IterableIterator<CorpusDocument> {
    return this.docs.values();
  }

  /** Every document, sorted by path. */
  sorted(): CorpusDocument[] {
    return [...this.docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The document's annotations: the same list until the annotations are replaced (stages compare them by identity). */
  annotations(path: string): Annotation[] {
    return this.byPath.get(path) ?? NONE;
  }

  /** The strings marked "never an entity". */
  everywhere(): ReadonlySet<string> {
    return this.never;
  }

  /** The user's merges and names of entities. */
  entityDecisions(): readonly EntityDecision[] {
    return this.decisions;
  }
}

/** The set it had when the strings are the same: the analysis stage then finds no document changed by them. */
function sameOrNew(had: Set<string>, next: Set<string>): Set<string> {
  return had.size === next.size && [...next].every((s) => had.has(s)) ? had : next;
}
