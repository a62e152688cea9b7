// The corpus: the inputs (documents, the user's annotations), the stages that follow them
// (src/core/stages/: per-document analysis with the annotations applied, linking, joining; each
// takes the changes of the one before and owns its state), and snapshot(), the read-only view the
// editor's questions are asked of (src/core/snapshot/). Updating one document never re-analyses
// another; a new decision of the user re-links and re-joins only what it touches.
import type { DocumentAnalysis } from '../document/analyze.js';
import type { Applied, AppliedMention } from '../annotations/apply.js';
import type { Annotation } from '../annotations/store.js';
import type { Entity, LinkedMention, LinkResult } from '../entities/link.js';
import type { CorpusEvent } from '../events/join.js';
import type { Problem } from '../types.js';
import { Inputs, type CorpusDocument, type EntityDecision, type InputChange, type ReadonlyInputs } from './inputs.js';
import type { Unit } from './units.js';
import { Snapshot } from '../snapshot/snapshot.js';
import { AnalysisStage } from '../stages/analysisStage.js';
import { LinkStage } from '../stages/linkStage.js';
import { JoinStage } from '../stages/joinStage.js';

/** How long catchUp() works at a time, by default. */
export const CATCH_UP_MS = 5;
/**
 * With deferLargeChanges, a query finding more than this to link or join does not wait for it:
 * some 20–40 ms of work on this machine.
 */
export const CATCH_UP_LARGE = { mentions: 8000, reports: 800 };

export type { CorpusDocument, EntityDecision, InputChange } from './inputs.js';

export class Corpus {
  /** The documents and the user's annotations: only apply() changes them. */
  private readonly store = new Inputs();
  /** The same, to read (a document, whether it is in, how many, the revision): callers ask it directly. */
  readonly inputs: ReadonlyInputs = this.store;
  private readonly analysis = new AnalysisStage(this.store);
  private readonly link = new LinkStage(this.store, this.analysis);
  private readonly join = new JoinStage(this.store, this.analysis, this.link);
  /**
   * The read-only view of the corpus as it is now, for the editor's features (src/core/snapshot/):
   * a new one on every change of the inputs, and whenever catchUp() moves the stages on. A plain
   * field, so that a request reads it and nothing else of the corpus; only the corpus sets it.
   */
  current: Snapshot = new Snapshot(this);

  /** Takes a change of the inputs: a document new or analysed again, removed, or the annotations replaced. */
  apply(change: InputChange): boolean {
    if (change.kind === 'removed') this.analysis.forget(change.path);
    const changed = this.store.apply(change);
    if (changed) this.current = new Snapshot(this);
    return changed;
  }

  update(path: string, text: string, analysis: DocumentAnalysis, fileProblems: Problem[] = [], skipped = false): void {
    this.apply({ kind: 'document', document: { path, text, analysis, fileProblems, skipped } });
  }

  /** With deferLargeChanges: the document changed in a large change not linked yet (catchUp takes it). */
  awaitsLinking(path: string): boolean {
    return this.link.awaits(path);
  }

  /**
   * Replaces the user's annotations: those of each document (by corpus path), the strings marked
   * "never an entity", and the decisions about entities (merges, names).
   */
  setAnnotations(byPath: Map<string, Annotation[]>, everywhere: Iterable<string>, decisions: EntityDecision[] = []): void {
    this.apply({ kind: 'annotations', byPath, everywhere, decisions });
  }

  annotations(path: string): Annotation[] {
    return this.inputs.annotations(path);
  }

  /** The document's analysis with the user's annotations applied: what every consumer sees. */
  applied(path: string): Applied | null {
    return this.analysis.applied(path);
  }

  /** Temporal expressions of a document, with the user's corrections. */
  timex(path: string): Applied['timex'] {
    return this.applied(path)?.timex ?? [];
  }

  remove(path: string): boolean {
    return this.apply({ kind: 'removed', path });
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return this.inputs.sorted();
  }

  /** True when the corpus-wide linking reflects every change (problems() then includes spelling variants). */
  get linkingCurrent(): boolean {
    return this.link.current;
  }

  /** True when linking and events reflect every change: queries need no corpus-wide work first. */
  get upToDate(): boolean {
    return this.link.current && this.join.current;
  }

  /**
   * Large changes wait for catchUp(): with this set, a query finding much linking or joining to do
   * (a long document opened: hundreds of thousands of mentions) answers from what was linked and
   * joined before it, at once, and the caller (the server, between requests) brings the corpus up
   * to date a step at a time. Off, every query is answered from an up-to-date corpus (the CLI, the
   * tests).
   */
  get deferLargeChanges(): boolean {
    return this.link.large < Infinity;
  }

  set deferLargeChanges(on: boolean) {
    this.link.large = on ? CATCH_UP_LARGE.mentions : Infinity;
    this.join.large = on ? CATCH_UP_LARGE.reports : Infinity;
    this.current = new Snapshot(this);
  }

  /**
   * Links, then joins, what changed, for about `budgetMs` at most (in steps of a few milliseconds:
   * see applySteps of the linker and joiner); true when both are up to date. Between two calls every
   * query is answered from the state before the change; after a call that moved the stages on, a
   * new snapshot answers from where they are.
   */
  catchUp(budgetMs = CATCH_UP_MS): boolean {
    const until = Date.now() + budgetMs;
    let moved = false;
    do {
      // Linking first: joining reads the links.
      if (!this.link.step() && !this.join.step()) break;
      moved = true;
    } while (Date.now() < until);
    if (moved) this.current = new Snapshot(this);
    return this.upToDate;
  }

  /** Entities linked across the corpus; after a change, only what the changed documents touch is linked again. */
  linked(): LinkResult {
    return this.link.linked();
  }

  entities(): Entity[] {
    return this.linked().entities;
  }

  /**
   * Events across the corpus, joined from every document's reports; dated first, in date order.
   * After a change, only the documents whose analysis or links changed give their reports again,
   * and only those reports that changed join again (see events/incrementalJoin.ts).
   */
  events(): CorpusEvent[] {
    return this.join.events().events();
  }

  /** False until the corpus's events are first joined (with deferLargeChanges, catchUp() joins them a step at a time). */
  get eventsJoined(): boolean {
    return this.join.joined;
  }

  /** Events one document reports. */
  eventsIn(path: string): CorpusEvent[] {
    return this.join.events().eventsIn(path);
  }

  /** Events an entity takes part in, or where they happened. */
  eventsOf(entityId: string): CorpusEvent[] {
    return this.join.events().eventsOf(entityId);
  }

  /** The entity mentions of one document, in text order, with their entities. */
  mentions(path: string): LinkedMention[] {
    return this.link.mentions(path);
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  mentionUnits(path: string): Array<Unit<AppliedMention>> {
    const doc = this.inputs.document(path);
    return doc ? this.analysis.linkUnits(doc) : [];
  }

  /** A read-only view of the corpus as it is now, for the editor's features (see `current`). */
  snapshot(): Snapshot {
    return this.current;
  }
}
