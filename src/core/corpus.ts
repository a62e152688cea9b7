// The corpus: every document's latest analysis, and the questions the editor and CLI ask of it.
// Updating one document never re-analyses another. Answers are plain data with offsets.
import type { DctSource, DocumentAnalysis } from './analyze.js';
import { applyAnnotations, type Applied, type AppliedMention } from './annotations/apply.js';
import type { Annotation, EntityNameAnnotation, MergeAnnotation } from './annotations/store.js';
import type { Entity, LinkDecisions, LinkedMention, LinkInput, LinkMention, LinkResult } from './entities/link.js';
import { IncrementalLinker, linkEntities } from './entities/incrementalLink.js';
import { currentNameModel } from './entities/model/index.js';
import { explainName, type Reason } from './entities/model/explain.js';
import { tokenize } from './entities/tokenize.js';
import { extractEvents, type EventMention, type TimexLike } from './events/extract.js';
import { reportsOf, wordsOfHappenings, type CorpusEvent, type EventInput } from './events/join.js';
import { IncrementalJoiner, type ReportChange } from './events/incrementalJoin.js';
import { footnoteAt, spanAt, type FootnoteDefinition } from './footnotes.js';
import type { Problem, Span } from './types.js';
import type { Timex } from './dates/types.js';
import { weekdayOf } from './dates/calendar.js';
import { splitIntoUnits, type Unit } from './units.js';
import { lastAtOrBefore } from './positions.js';

/** How long catchUp() works at a time, by default. */
export const CATCH_UP_MS = 5;
/**
 * With deferLargeChanges, a query finding more than this to link or join does not wait for it:
 * some 20–40 ms of work on this machine.
 */
export const CATCH_UP_LARGE = { mentions: 8000, reports: 800 };

export interface CorpusDocument {
  path: string;
  text: string;
  analysis: DocumentAnalysis;
  /** Problems with the file itself (unreadable, binary, too large, odd encoding). */
  fileProblems: Problem[];
  /** True when the file was not analysed at all (binary, too large, unreadable). */
  skipped: boolean;
}

export interface Location extends Span {
  path: string;
}

export type NameWhy = { by: 'user' } | { by: 'rules' } | { by: 'model'; confidence: number; reasons: Reason[] };

export type HoverInfo =
  | { kind: 'footnote-marker'; span: Span; label: string; definitions: FootnoteDefinition[] }
  | { kind: 'footnote-definition'; span: Span; label: string; citations: number }
  | {
      kind: 'entity';
      span: Span;
      entity: Entity;
      mention: LinkedMention;
      /** The first mention in each document that mentions the entity, in corpus order. */
      firstMentions: LinkedMention[];
      /** The entities most often named in the same sentences, with how often. */
      cooccurring: Array<{ entity: Entity; count: number }>;
      /** For a nationality word: its country's entity, when the corpus has one. */
      country: Entity | null;
      /** Events it takes part in (or where they happened), dated first. */
      events: CorpusEvent[];
      /** Why the mention has its type: the user's decision, the model's evidence, or the rules. */
      why: NameWhy;
      /** Drawn from this document alone: while the corpus is being indexed, or the document linked with it. */
      documentOnly?: DocumentOnly;
    }
  | DateHover;

export interface DateHover {
  kind: 'date';
  span: Span;
  timex: Timex;
  /** The weekday of a full date ("Friday"), or null. */
  weekday: string | null;
  /** Events on this date (at the precision it gives). */
  events: CorpusEvent[];
  /** Other documents naming the same value, with their first such mention. */
  documents: Array<{ path: string; timex: Timex }>;
  /** Where the document's own date came from, for values anchored on it. */
  dctSource: DctSource | null;
  /** Drawn from this document alone (see the entity card's): no events, no other documents. */
  documentOnly?: DocumentOnly;
}

/** Why a card is drawn from its document alone: the corpus is being indexed, or the document linked with it. */
export type DocumentOnly = 'indexing' | 'linking';

export interface SymbolMatch {
  entity: Entity;
  location: Location;
}

export interface Highlight extends Span {
  kind: 'read' | 'write';
}

export interface OutlineItem {
  name: string;
  detail: string;
  kind: 'title' | 'body' | 'notes' | 'footnote' | 'entities' | 'entity';
  /** For kind 'entity': its type. */
  entityType?: string;
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

export class Corpus {
  private readonly docs = new Map<string, CorpusDocument>();
  private revision = 0;
  /** The revision each document was last updated at. */
  private readonly updatedAt = new Map<string, number>();
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
  private readonly mentionUnits = new WeakMap<Applied, Array<Unit<AppliedMention>>>();
  private readonly eventUnits = new WeakMap<EventMention[], Array<Unit<EventMention>>>();
  /** A long document's linked mentions, gathered from its passages' (cleared whenever linking moves). */
  private readonly mentionLists = new Map<string, LinkedMention[]>();
  /** Event mentions per applied analysis: a document's are found again only when it changes. */
  private readonly eventMentions = new WeakMap<Applied, EventMention[]>();
  /** The user's annotations by document, and the strings that are never entities. */
  private annotationsByPath = new Map<string, Annotation[]>();
  private everywhere = new Set<string>();
  private entityDecisions: Array<MergeAnnotation | EntityNameAnnotation> = [];
  private readonly appliedCache = new Map<string, { doc: CorpusDocument; revision: number; applied: Applied }>();
  private annotationRevision = 0;
  /** Follows documents' changes between calls of linked(), with the user's decisions about entities. */
  private linker: IncrementalLinker | null = null;
  private readonly linkerInputs = new Map<string, LinkMention[]>();
  private cooccurrence = { revision: -1, byEntity: new Map<string, Array<{ id: string; count: number }>>() };

  update(path: string, text: string, analysis: DocumentAnalysis, fileProblems: Problem[] = [], skipped = false): void {
    this.docs.set(path, { path, text, analysis, fileProblems, skipped });
    this.updatedAt.set(path, ++this.revision);
  }

  /** With deferLargeChanges: the document changed in a large change not linked yet (catchUp takes it). */
  awaitsLinking(path: string): boolean {
    this.linked();
    return !this.linkingCurrent && (this.updatedAt.get(path) ?? 0) > this.linkedRevision;
  }

  /**
   * Replaces the user's annotations: those of each document (by corpus path), the strings marked
   * "never an entity", and the decisions about entities (merges, names).
   */
  setAnnotations(byPath: Map<string, Annotation[]>, everywhere: Iterable<string>, entityDecisions: Array<MergeAnnotation | EntityNameAnnotation> = []): void {
    this.annotationsByPath = byPath;
    this.everywhere = new Set(everywhere);
    this.entityDecisions = entityDecisions;
    this.annotationRevision++;
    this.dropWork();
    this.revision++;
  }

  annotations(path: string): Annotation[] {
    return this.annotationsByPath.get(path) ?? [];
  }

  /** The document's analysis with the user's annotations applied: what every consumer sees. */
  applied(path: string): Applied | null {
    const doc = this.docs.get(path);
    if (!doc) return null;
    const cached = this.appliedCache.get(path);
    if (cached && cached.doc === doc && cached.revision === this.annotationRevision) return cached.applied;
    const applied = applyAnnotations(doc.text, doc.analysis.entities, doc.analysis.timex, this.annotations(path), this.everywhere);
    this.appliedCache.set(path, { doc, revision: this.annotationRevision, applied });
    return applied;
  }

  /** Temporal expressions of a document, with the user's corrections. */
  timex(path: string): Applied['timex'] {
    return this.applied(path)?.timex ?? [];
  }

  remove(path: string): boolean {
    this.appliedCache.delete(path);
    const removed = this.docs.delete(path);
    this.updatedAt.delete(path);
    if (removed) this.revision++;
    return removed;
  }

  get(path: string): CorpusDocument | undefined {
    return this.docs.get(path);
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /** Increases on every change; lets callers skip work when nothing changed. */
  get version(): number {
    return this.revision;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return [...this.docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  problems(path: string): Problem[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    // Spelling variants come from the corpus-wide linking: use it when it is current, never
    // re-link for one document's diagnostics (that made indexing quadratic). The server
    // republishes the documents whose variants changed once linking has caught up.
    const links = this.links && this.linkedRevision === this.revision ? this.links : null;
    const spelling: Problem[] = (links?.variants ?? []).filter((v) => v.path === path).map((v) => ({
      start: v.start, end: v.end, severity: 'information', code: 'entity.spelling',
      message: `“${v.text}” is spelled “${v.preferred}” in ${v.count} other mention${v.count === 1 ? '' : 's'} across ${v.documents} document${v.documents === 1 ? '' : 's'}; both are linked as one person.`,
      data: { preferred: v.preferred, entity: v.entity },
    }));
    return [...doc.fileProblems, ...doc.analysis.problems, ...(this.applied(path)?.problems ?? []), ...spelling].sort((a, b) => a.start - b.start);
  }

  /** True when the corpus-wide linking reflects every change (problems() then includes spelling variants). */
  get linkingCurrent(): boolean {
    return !!this.links && this.linkedRevision === this.revision;
  }

  /** True when linking and events reflect every change: queries need no corpus-wide work first. */
  get upToDate(): boolean {
    return this.linkingCurrent && !!this.joiner && this.joinedRevision === this.revision;
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
    for (const doc of this.docs.values()) {
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
    const revision = this.revision;
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
    for (const a of this.entityDecisions) {
      if (a.kind === 'merge') merges.push(a);
      else names.push(a);
    }
    return { merges, names };
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  private linkUnits(doc: CorpusDocument): Array<Unit<AppliedMention>> {
    const applied = this.applied(doc.path)!;
    let units = this.mentionUnits.get(applied);
    if (!units) this.mentionUnits.set(applied, (units = splitIntoUnits(doc.path, doc.analysis.passages, applied.mentions)));
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
    if (this.joiner && this.joinedRevision === this.revision) return this.joiner;
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
    while (!this.joiner || this.joinedRevision !== this.revision) {
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
    for (const doc of this.docs.values()) {
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
    const doc = this.docs.get(path);
    if (!doc || (doc.analysis.passages?.length ?? 1) <= 1) return byUnit.get(path) ?? [];
    // A long document's, gathered from its passages (once per linking).
    let list = this.mentionLists.get(path);
    if (!list) this.mentionLists.set(path, (list = this.linkUnits(doc).flatMap((unit) => byUnit.get(unit.key) ?? [])));
    return list;
  }

  entityAt(path: string, offset: number): { mention: LinkedMention; entity: Entity } | null {
    const mention = spanAt(this.mentions(path), offset);
    const entity = mention && this.linked().byId.get(mention.entity);
    return mention && entity ? { mention, entity } : null;
  }

  /** Entities whose name or aliases contain the query's letters in order (case-insensitive). */
  workspaceSymbols(query: string, limit = 200): SymbolMatch[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const matches = (s: string) => {
      let k = 0;
      for (const c of s.toLowerCase()) if (c === q[k]) k++;
      return k === q.length;
    };
    const out: SymbolMatch[] = [];
    for (const entity of this.entities()) {
      if (out.length >= limit) break;
      if (matches(entity.name) || entity.aliases.some(matches)) out.push({ entity, location: { path: entity.definition.path, start: entity.definition.start, end: entity.definition.end } });
    }
    return out;
  }

  hoverAt(path: string, offset: number): HoverInfo | null {
    const { footnotes, hit } = this.footnoteHit(path, offset);
    if (!footnotes) return null;
    if (!hit) return this.dateHover(path, offset) ?? this.entityHover(path, offset);
    if (hit.kind === 'marker') {
      return { kind: 'footnote-marker', span: hit.span, label: hit.label, definitions: footnotes.definitions.filter((d) => d.label === hit.label) };
    }
    return { kind: 'footnote-definition', span: hit.span, label: hit.label, citations: footnotes.markers.filter((m) => m.label === hit.label).length };
  }

  /** The document's footnotes (undefined for an unknown document) and the marker or label under the offset. */
  private footnoteHit(path: string, offset: number) {
    const footnotes = this.docs.get(path)?.analysis.footnotes;
    return { footnotes, hit: footnotes ? footnoteAt(footnotes, offset) : null };
  }

  /** The temporal expression under the offset, if any. */
  timexAt(path: string, offset: number): Timex | null {
    return spanAt(this.timex(path), offset) ?? null;
  }

  private dateHover(path: string, offset: number): DateHover | null {
    const timex = this.timexAt(path, offset);
    if (!timex) return null;
    const value = timex.value;
    const calendar = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
    const events = calendar ? this.events().filter((e) => e.date !== null && e.date.startsWith(value)) : [];
    const documents: DateHover['documents'] = [];
    if (calendar) {
      for (const doc of this.documents()) {
        if (doc.path === path) continue;
        const same = this.timex(doc.path).find((t) => t.value === value);
        if (same) documents.push({ path: doc.path, timex: same });
      }
    }
    const dctSource = this.docs.get(path)?.analysis.dctSource ?? null;
    return { kind: 'date', span: { start: timex.start, end: timex.end }, timex, weekday: weekdayOf(value), events, documents, dctSource };
  }

  private entityHover(path: string, offset: number): HoverInfo | null {
    const hit = this.entityAt(path, offset);
    if (!hit) return null;
    const { entity, mention } = hit;
    const firstMentions: LinkedMention[] = [];
    for (const m of entity.mentions) if (firstMentions[firstMentions.length - 1]?.path !== m.path) firstMentions.push(m);
    const byId = this.linked().byId;
    const cooccurring = this.cooccurring(entity).map(({ id, count }) => ({ entity: byId.get(id)!, count }));
    const country = entity.country ? byId.get(entity.country) ?? null : null;
    const events = this.eventsOf(entity.id);
    return { kind: 'entity', span: { start: mention.start, end: mention.end }, entity, mention, firstMentions, cooccurring, country, events, why: this.whyOf(path, mention) };
  }

  /** The user's decision, else the model's confidence and strongest evidence, else the rules. */
  private whyOf(path: string, mention: LinkedMention): NameWhy {
    if (mention.source === 'user') return { by: 'user' };
    const doc = this.docs.get(path);
    const at = doc && spanAt(doc.analysis.entities, mention.start);
    const found = at && at.start === mention.start && at.end === mention.end ? at : undefined;
    const model = currentNameModel();
    if (!doc || !found || found.confidence === undefined || !model) return { by: 'rules' };
    return { by: 'model', confidence: found.confidence, reasons: explainName(doc.text, mention, model) };
  }

  /**
   * The entities most often named in the same sentences as this one (top 5), remembered until the
   * linking changes, and counted in its first COOCCURRENCE_DOCUMENTS documents at most: a hover on a
   * place named in 9,000 articles stays within milliseconds (the card says when it was counted so).
   */
  private cooccurring(entity: Entity): Array<{ id: string; count: number }> {
    if (this.cooccurrence.revision !== this.linkedRevision) this.cooccurrence = { revision: this.linkedRevision, byEntity: new Map() };
    let top = this.cooccurrence.byEntity.get(entity.id);
    if (top) return top;
    top = mostTogether(entity, (path) => this.mentions(path));
    this.cooccurrence.byEntity.set(entity.id, top);
    return top;
  }

  /**
   * The card under the offset from this document alone (its passage, for a long one): its names
   * linked among themselves, no events, no other documents. What the server shows while indexing
   * runs, when a corpus-wide card would first link every document indexed so far (seconds at
   * thousands of documents), and on a document still being linked.
   */
  documentHoverAt(path: string, offset: number, why: DocumentOnly = 'indexing'): HoverInfo | null {
    const { footnotes, hit } = this.footnoteHit(path, offset);
    if (!footnotes) return null;
    if (hit) return this.hoverAt(path, offset);
    const timex = this.timexAt(path, offset);
    if (timex) {
      const dctSource = this.docs.get(path)?.analysis.dctSource ?? null;
      return { kind: 'date', span: { start: timex.start, end: timex.end }, timex, weekday: weekdayOf(timex.value), events: [], documents: [], dctSource, documentOnly: why };
    }
    const doc = this.docs.get(path)!;
    const units = this.linkUnits(doc);
    const passages = doc.analysis.passages ?? [];
    const unit = units.length > 1 ? units[lastAtOrBefore(passages.length, (k) => passages[k].start, offset)] : units[0];
    const local = linkEntities([{ path: unit.key, document: path, mentions: unit.items }]);
    const mentions = local.mentionsByPath.get(unit.key) ?? [];
    const mention = spanAt(mentions, offset);
    const entity = mention && local.byId.get(mention.entity);
    if (!mention || !entity) return null;
    const cooccurring = mostTogether(entity, () => mentions).map(({ id, count }) => ({ entity: local.byId.get(id)!, count }));
    const country = entity.country ? local.byId.get(entity.country) ?? null : null;
    return { kind: 'entity', span: { start: mention.start, end: mention.end }, entity, mention, firstMentions: [entity.mentions[0]], cooccurring, country, events: [], why: this.whyOf(path, mention), documentOnly: why };
  }

  /** From a marker: its definition. From a definition label: the label itself. From a name: its defining mention. */
  definitionAt(path: string, offset: number): Location[] {
    const { footnotes, hit } = this.footnoteHit(path, offset);
    if (!footnotes) return [];
    if (!hit) {
      const entity = this.entityAt(path, offset)?.entity;
      return entity ? [{ path: entity.definition.path, start: entity.definition.start, end: entity.definition.end }] : [];
    }
    if (hit.kind === 'definition') return [{ path, ...hit.span }];
    return footnotes.definitions.filter((d) => d.label === hit.label).map((d) => ({ path, start: d.start, end: d.end }));
  }

  /** Every marker citing the footnote under the offset, and its definition when asked. */
  referencesAt(path: string, offset: number, includeDeclaration: boolean): Location[] {
    const { footnotes, hit } = this.footnoteHit(path, offset);
    if (!footnotes) return [];
    if (!hit) {
      const entity = this.entityAt(path, offset)?.entity;
      if (!entity) return [];
      const def = entity.definition;
      return entity.mentions.filter((m) => includeDeclaration || m !== def).map((m) => ({ path: m.path, start: m.start, end: m.end }));
    }
    const refs: Location[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ path, start: m.start, end: m.end }));
    if (includeDeclaration) {
      for (const d of footnotes.definitions) if (d.label === hit.label) refs.push({ path, ...d.labelSpan });
    }
    return refs.sort((a, b) => a.start - b.start);
  }

  highlightsAt(path: string, offset: number): Highlight[] {
    const { footnotes, hit } = this.footnoteHit(path, offset);
    if (!footnotes) return [];
    if (!hit) {
      const entity = this.entityAt(path, offset)?.entity;
      if (!entity) return [];
      return this.mentions(path).filter((m) => m.entity === entity.id).map((m) => ({ start: m.start, end: m.end, kind: m === entity.definition ? 'write' : 'read' }));
    }
    const marks: Highlight[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ start: m.start, end: m.end, kind: 'read' }));
    for (const d of footnotes.definitions) if (d.label === hit.label) marks.push({ ...d.labelSpan, kind: 'write' });
    return marks.sort((a, b) => a.start - b.start);
  }

  outline(path: string): OutlineItem[] {
    const doc = this.docs.get(path);
    if (!doc) return [];
    const { analysis } = doc;
    const items: OutlineItem[] = [];
    for (const section of analysis.sections) {
      const span = { start: section.start, end: section.end };
      if (section.kind === 'title') {
        items.push({ name: analysis.title?.text || 'Title', detail: analysis.dct ?? '', kind: 'title', span, selection: span, children: [] });
      } else if (section.kind === 'body') {
        const cited = analysis.footnotes.markers.length;
        items.push({ name: 'Body', detail: cited ? `${cited} footnote markers` : '', kind: 'body', span, selection: { start: span.start, end: span.start }, children: [] });
      } else {
        const children = analysis.footnotes.definitions.map((d): OutlineItem => ({
          name: `[${d.label}]`, detail: d.text, kind: 'footnote', span: { start: d.start, end: d.end }, selection: d.labelSpan, children: [],
        }));
        items.push({ name: 'Notes', detail: `${children.length} footnotes`, kind: 'notes', span, selection: { start: span.start, end: span.start }, children });
      }
    }
    const mentions = this.mentions(path);
    if (mentions.length > 0) {
      const byId = this.linked().byId;
      const seen = new Map<string, OutlineItem>();
      for (const m of mentions) {
        const item = seen.get(m.entity);
        if (item) {
          item.detail = `${Number(item.detail.split(' ')[0]) + 1} mentions`;
          continue;
        }
        const e = byId.get(m.entity)!;
        seen.set(m.entity, { name: e.name, detail: '1 mentions', kind: 'entity', entityType: e.type, span: { start: m.start, end: m.end }, selection: { start: m.start, end: m.end }, children: [] });
      }
      const children = [...seen.values()];
      for (const c of children) if (c.detail === '1 mentions') c.detail = '1 mention';
      items.push({ name: 'Entities', detail: `${children.length} entities`, kind: 'entities', span: { start: mentions[0].start, end: mentions[mentions.length - 1].end }, selection: { start: mentions[0].start, end: mentions[0].start }, children });
    }
    return items;
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

/** Documents an entity's co-occurrences are counted in, at most (see Corpus.cooccurring). */
export const COOCCURRENCE_DOCUMENTS = 500;

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a === b || (a.length === b.length && a.every((x, k) => x === b[k]));
}


/** The entities most often named in the same sentences as this one (top 5), in its first COOCCURRENCE_DOCUMENTS documents. */
function mostTogether(entity: Entity, mentionsIn: (path: string) => LinkedMention[]): Array<{ id: string; count: number }> {
  const together = new Map<string, number>();
  const mentions = entity.mentions;
  for (let k = 0, documents = 0; k < mentions.length && documents++ < COOCCURRENCE_DOCUMENTS;) {
    const path = mentions[k].path;
    const sentences = new Set<number>();
    for (; k < mentions.length && mentions[k].path === path; k++) sentences.add(mentions[k].sentence);
    for (const other of mentionsIn(path)) {
      if (other.entity !== entity.id && sentences.has(other.sentence)) together.set(other.entity, (together.get(other.entity) ?? 0) + 1);
    }
  }
  return [...together.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([id, count]) => ({ id, count }));
}
