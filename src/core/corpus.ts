// The corpus: every document's latest analysis and the user's annotations (the inputs), and the
// corpus-wide stages kept current on demand: linking (entities) and joining (events). Updating one
// document never re-analyses another. The editor's questions are asked of a snapshot() (src/core/snapshot/).
import type { DocumentAnalysis } from './analyze.js';
import { applyAnnotations, type Applied, type AppliedMention } from './annotations/apply.js';
import type { Annotation, EntityNameAnnotation, MergeAnnotation } from './annotations/store.js';
import type { Entity, LinkDecisions, LinkedMention, LinkInput, LinkMention, LinkResult } from './entities/link.js';
import { IncrementalLinker } from './entities/incrementalLink.js';
import { tokenize } from './entities/tokenize.js';
import { extractEvents, type EventMention, type TimexLike } from './events/extract.js';
import { reportsOf, wordsOfHappenings, type CorpusEvent, type EventInput } from './events/join.js';
import { IncrementalJoiner, type ReportChange } from './events/incrementalJoin.js';
import type { Problem } from './types.js';
import { Inputs, type CorpusDocument, type EntityDecision, type InputChange } from './inputs.js';
import { splitIntoUnits, type Unit } from './units.js';
import { Snapshot } from './snapshot/snapshot.js';

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
  private readonly inputs = new Inputs();
  private links: LinkResult | null = null;
  private linkedRevision = -1;
  /** Follows the reports of documents between calls of events(), with the linker it took changes from. */
  private joiner: IncrementalJoiner | null = null;
  private joinerLinker: IncrementalLinker | null = null;
  private joinedRevision = -1;
  /** What the last join read of each document (or passage of a long one): its reports and linked mentions. */
  private joinedFrom = new Map<string, JoinRead>();
  /** Linking and joining under way, a step at a time (see catchUp). */
  private linkWork: StageWork | null = null;
  private joinWork: StageWork | null = null;
  /** Mentions and reports by unit (splitIntoUnits), per applied analysis and per report list. */
  private readonly unitsOfApplied = new WeakMap<Applied, Array<Unit<AppliedMention>>>();
  private readonly eventUnits = new WeakMap<EventMention[], Array<Unit<EventMention>>>();
  /** A long document's linked mentions, gathered from its passages' (cleared whenever linking moves). */
  private readonly mentionLists = new Map<string, LinkedMention[]>();
  /** Event mentions per applied analysis: a document's are found again only when it changes. */
  private readonly eventMentions = new WeakMap<Applied, EventMention[]>();
  private readonly appliedCache = new Map<string, { doc: CorpusDocument; revision: number; applied: Applied }>();
  /** Follows documents' changes between calls of linked(), with the user's decisions about entities. */
  private linker: IncrementalLinker | null = null;
  private readonly linkerInputs = new Map<string, LinkMention[]>();
  private lastSnapshot: Snapshot | null = null;

  /** Takes a change of the inputs: a document new or analysed again, removed, or the annotations replaced. */
  apply(change: InputChange): boolean {
    if (change.kind === 'removed') this.appliedCache.delete(change.path);
    // New decisions about entities need a new linker: the old one, and the work under way for it, go.
    if (change.kind === 'annotations') this.dropWork();
    return this.inputs.apply(change);
  }

  update(path: string, text: string, analysis: DocumentAnalysis, fileProblems: Problem[] = [], skipped = false): void {
    this.apply({ kind: 'document', document: { path, text, analysis, fileProblems, skipped } });
  }

  /** With deferLargeChanges: the document changed in a large change not linked yet (catchUp takes it). */
  awaitsLinking(path: string): boolean {
    this.linked();
    return !this.linkingCurrent && this.inputs.updatedAt(path) > this.linkedRevision;
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
    const doc = this.inputs.document(path);
    if (!doc) return null;
    const revision = this.inputs.annotationRevision;
    const cached = this.appliedCache.get(path);
    if (cached && cached.doc === doc && cached.revision === revision) return cached.applied;
    const applied = applyAnnotations(doc.text, doc.analysis.entities, doc.analysis.timex, this.annotations(path), this.inputs.everywhere());
    this.appliedCache.set(path, { doc, revision, applied });
    return applied;
  }

  /** Temporal expressions of a document, with the user's corrections. */
  timex(path: string): Applied['timex'] {
    return this.applied(path)?.timex ?? [];
  }

  remove(path: string): boolean {
    return this.apply({ kind: 'removed', path });
  }

  get(path: string): CorpusDocument | undefined {
    return this.inputs.document(path);
  }

  has(path: string): boolean {
    return this.inputs.has(path);
  }

  /** Increases on every change; lets callers skip work when nothing changed. */
  get version(): number {
    return this.inputs.revision;
  }

  get size(): number {
    return this.inputs.size;
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return this.inputs.sorted();
  }

  /** True when the corpus-wide linking reflects every change (problems() then includes spelling variants). */
  get linkingCurrent(): boolean {
    return !!this.links && this.linkedRevision === this.version;
  }

  /** True when linking and events reflect every change: queries need no corpus-wide work first. */
  get upToDate(): boolean {
    return this.linkingCurrent && !!this.joiner && this.joinedRevision === this.version;
  }

  /**
   * Large changes wait for catchUp(): with this set, a query finding much linking or joining to do
   * (a long document opened: hundreds of thousands of mentions) answers from what was linked and
   * joined before it, at once, and the caller (the server, between requests) brings the corpus up
   * to date a step at a time. Off, every query is answered from an up-to-date corpus (the CLI, the
   * tests).
   */
  deferLargeChanges = false;

  /**
   * Links, then joins, what changed, for about `budgetMs` at most (in steps of a few milliseconds:
   * see applySteps of the linker and joiner); true when both are up to date. Between two calls every
   * query is answered from the state before the change.
   */
  catchUp(budgetMs = CATCH_UP_MS): boolean {
    const until = Date.now() + budgetMs;
    do {
      if (this.upToDate) return true;
      this.advance();
    } while (Date.now() < until);
    return this.upToDate;
  }

  /** One step of whichever stage is behind: linking first, then joining. */
  private advance(): void {
    if (!this.linkingCurrent) {
      if (!this.links) return this.linkNow();
      this.linkWork ??= this.startLinking();
      if (this.linkWork.steps.next().done) this.linkWork = null;
      return;
    }
    this.joinWork ??= this.startJoining();
    if (this.joinWork.steps.next().done) this.joinWork = null;
  }

  /** Entities linked across the corpus; after a change, only what the changed documents touch is linked again. */
  linked(): LinkResult {
    if (this.linkingCurrent) return this.links!;
    if (this.deferLargeChanges && this.links) {
      // A large change, under way or not: the entities as linked before it (catchUp() takes it).
      this.linkWork ??= this.startLinking();
      if (this.linkWork.size > CATCH_UP_LARGE.mentions) return this.links;
    }
    this.linkNow();
    return this.links!;
  }

  /** Links whatever is left to link, now. */
  private linkNow(): void {
    while (!this.linkingCurrent) {
      this.linkWork ??= this.startLinking();
      drain(this.linkWork.steps);
      this.linkWork = null;
    }
  }

  /** Linking or joining under way is dropped with the linker and joiner it was for. */
  private dropWork(): void {
    this.linker = null;
    this.linkerInputs.clear();
    this.linkWork = null;
    this.joinWork = null;
  }

  /**
   * The linker takes the documents (and passages of long ones) whose mentions it does not have:
   * the steps of that, ending with the links in place. No other linking may start before they end.
   */
  private startLinking(): StageWork {
    if (!this.linker) {
      this.linker = new IncrementalLinker(this.linkDecisions());
      this.linkerInputs.clear();
    }
    const linker = this.linker;
    const changes: Array<LinkInput | { path: string; mentions: null }> = [];
    const live = new Set<string>();
    let size = 0;
    for (const doc of this.inputs.all()) {
      for (const unit of this.linkUnits(doc)) {
        live.add(unit.key);
        if (this.linkerInputs.get(unit.key) === unit.items) continue;
        this.linkerInputs.set(unit.key, unit.items);
        changes.push({ path: unit.key, document: doc.path, mentions: unit.items });
        size += unit.items.length;
      }
    }
    for (const key of this.linkerInputs.keys()) {
      if (live.has(key)) continue;
      this.linkerInputs.delete(key);
      changes.push({ path: key, mentions: null });
    }
    const revision = this.version;
    const steps = (function* (corpus: Corpus) {
      yield* linker.applySteps(changes);
      corpus.finishLinking(linker.result(), revision);
    })(this);
    return { steps, size };
  }

  /** Links are current (at `revision`). */
  private finishLinking(links: LinkResult, revision: number): void {
    this.links = links;
    this.linkedRevision = revision;
    this.mentionLists.clear();
  }

  /** The user's merges and names of entities, as the linker takes them. */
  private linkDecisions(): LinkDecisions {
    const merges: MergeAnnotation[] = [];
    const names: EntityNameAnnotation[] = [];
    for (const a of this.inputs.entityDecisions()) {
      if (a.kind === 'merge') merges.push(a);
      else names.push(a);
    }
    return { merges, names };
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  private linkUnits(doc: CorpusDocument): Array<Unit<AppliedMention>> {
    const applied = this.applied(doc.path)!;
    let units = this.unitsOfApplied.get(applied);
    if (!units) this.unitsOfApplied.set(applied, (units = splitIntoUnits(doc.path, doc.analysis.passages, applied.mentions)));
    return units;
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
    return this.joinedEvents().events();
  }

  private joinedEvents(): IncrementalJoiner {
    if (this.joiner && this.joinedRevision === this.version) return this.joiner;
    if (this.deferLargeChanges) {
      // A large change, under way or not: the events as joined before it (catchUp() takes it);
      // none until the first join ends.
      this.linked();
      if (!this.linkingCurrent) return this.joiner ?? NO_EVENTS;
      this.joinWork ??= this.startJoining();
      if (this.joinWork.size > CATCH_UP_LARGE.reports) return this.joiner ?? NO_EVENTS;
    }
    this.joinNow();
    return this.joiner!;
  }

  /** False until the corpus's events are first joined (with deferLargeChanges, catchUp() joins them a step at a time). */
  get eventsJoined(): boolean {
    return this.joiner !== null;
  }

  /** Links and joins whatever is left, now. */
  private joinNow(): void {
    this.linkNow();
    while (!this.joiner || this.joinedRevision !== this.version) {
      this.joinWork ??= this.startJoining();
      drain(this.joinWork.steps);
      this.joinWork = null;
    }
  }

  /**
   * The joiner takes the documents (and passages of long ones) whose reports or links changed: the
   * steps of that. Links must be current. Changes are followed while one linker follows the
   * corpus, the user's decisions about entities included; a new linker (the annotations changed)
   * starts the join afresh, with a new joiner that takes the old one's place when it is done.
   */
  private startJoining(): StageWork {
    const linked = this.links!;
    const linker = this.linker;
    const fresh = !this.joiner || !linker || this.joinerLinker !== linker;
    const joiner = fresh ? new IncrementalJoiner() : this.joiner!;
    const joinedFrom = fresh ? new Map<string, JoinRead>() : this.joinedFrom;
    const { repointed, names } = linker?.takeChanges() ?? { repointed: new Set<string>(), names: new Set<string>() };
    // Which documents (or passages) changed is found now; their reports are made as the joiner takes them.
    const changed: Array<{ key: string; doc: CorpusDocument | null; events: EventMention[]; mentions: LinkedMention[] | undefined }> = [];
    const live = new Set<string>();
    let size = 0;
    for (const doc of this.inputs.all()) {
      for (const unit of this.reportUnits(doc)) {
        live.add(unit.key);
        const mentions = linked.mentionsByPath.get(unit.key);
        const from = joinedFrom.get(unit.key);
        if (from && from.events === unit.items && from.mentions === mentions && from.skipped === doc.skipped && !repointed.has(unit.key)) continue;
        joinedFrom.set(unit.key, { events: unit.items, mentions, skipped: doc.skipped });
        changed.push({ key: unit.key, doc, events: unit.items, mentions });
        size += unit.items.length;
      }
    }
    for (const key of joinedFrom.keys()) {
      if (live.has(key)) continue;
      joinedFrom.delete(key);
      changed.push({ key, doc: null, events: [], mentions: undefined });
    }
    const changes = (function* (): Generator<ReportChange> {
      for (const { key, doc, events, mentions } of changed) {
        if (!doc) yield { path: key, reports: null };
        else if (doc.skipped) yield { path: key, reports: [] };
        else {
          const input: EventInput = { path: doc.path, dct: doc.analysis.dct, events, mentions: mentions ?? [], text: doc.text };
          yield { path: key, reports: reportsOf(input), dct: input.dct, words: wordsOfHappenings(input) };
        }
      }
    })();
    const revision = this.linkedRevision;
    const steps = (function* (corpus: Corpus) {
      yield* joiner.applySteps(changes, linked.byId, names);
      corpus.joiner = joiner;
      corpus.joinerLinker = linker;
      corpus.joinedFrom = joinedFrom;
      corpus.joinedRevision = revision;
    })(this);
    return { steps, size };
  }

  /** A document's reports by unit (the document, or each passage of a long one). */
  private reportUnits(doc: CorpusDocument): Array<Unit<EventMention>> {
    const events = this.eventMentionsOf(doc);
    let units = this.eventUnits.get(events);
    if (!units) this.eventUnits.set(events, (units = splitIntoUnits(doc.path, doc.analysis.passages, events)));
    return units;
  }

  /** Events one document reports. */
  eventsIn(path: string): CorpusEvent[] {
    return this.joinedEvents().eventsIn(path);
  }

  /** Events an entity takes part in, or where they happened. */
  eventsOf(entityId: string): CorpusEvent[] {
    return this.joinedEvents().eventsOf(entityId);
  }

  private eventMentionsOf(doc: CorpusDocument): EventMention[] {
    const applied = this.applied(doc.path)!;
    // Without annotations changing its mentions or dates, the analysis's own reports stand.
    if (sameItems(applied.mentions, doc.analysis.entities) && sameItems(applied.timex, doc.analysis.timex)) return doc.analysis.events;
    let found = this.eventMentions.get(applied);
    if (!found) {
      const { tokens, sentences } = tokenize(doc.text);
      found = extractEvents(tokens, sentences, applied.mentions, applied.timex as TimexLike[], doc.text);
      this.eventMentions.set(applied, found);
    }
    return found;
  }

  /** The entity mentions of one document, in text order, with their entities. */
  mentions(path: string): LinkedMention[] {
    const byUnit = this.linked().mentionsByPath;
    const doc = this.inputs.document(path);
    if (!doc || (doc.analysis.passages?.length ?? 1) <= 1) return byUnit.get(path) ?? [];
    // A long document's, gathered from its passages (once per linking).
    let list = this.mentionLists.get(path);
    if (!list) this.mentionLists.set(path, (list = this.linkUnits(doc).flatMap((unit) => byUnit.get(unit.key) ?? [])));
    return list;
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  mentionUnits(path: string): Array<Unit<AppliedMention>> {
    const doc = this.inputs.document(path);
    return doc ? this.linkUnits(doc) : [];
  }

  /** A read-only view of the corpus as it is now, for the editor's features (src/core/snapshot/). */
  snapshot(): Snapshot {
    if (this.lastSnapshot?.version !== this.version) this.lastSnapshot = new Snapshot(this);
    return this.lastSnapshot;
  }
}

/** What joining read of a document (or passage of a long one): its reports, and its mentions' entities. */
interface JoinRead {
  events: EventMention[];
  mentions: LinkedMention[] | undefined;
  skipped: boolean;
}

/** What events() gives while the first join is under way (never applied: no events). */
const NO_EVENTS = new IncrementalJoiner();

/** A stage's work under way: its steps, and how many mentions or reports it takes. */
interface StageWork {
  steps: Generator<void, void>;
  size: number;
}

function drain(steps: Generator<void, void>): void {
  while (!steps.next().done);
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a === b || (a.length === b.length && a.every((x, k) => x === b[k]));
}

