// Joining that follows changes. Reports are joined in scopes (see join.ts): per family of kinds a
// day, a month, a year; a month of any year and the whole family, for reports without a year; and a
// document's undated reports. When documents change, only their reports that changed leave and
// enter; only the scopes holding them join again, and a scope after them joins again only when
// what they left changed. The result equals joining the new state from scratch (a property test
// checks it after random edits against test/core/joinReference.ts, these rules written plainly);
// an edit in one article of 10,000 costs its scopes, not the corpus.
import type { Entity } from '../entities/link.js';
import {
  clusterOrder, compareDates, compareEventsAs, describeEvent, joinScopeSteps, prepare, reportOrder, reportsOf, retitle, wordsOfHappenings,
  type Cluster, type CorpusEvent, type CorpusEventMention, type EventInput, type JoinDocument, type Prepared,
} from './join.js';
import { StoryLender } from './stories.js';
import { sortSteps, StepMeter } from '../corpus/stepMeter.js';
import { StoryJoin } from './storyJoin.js';

/** A document's reports now, or null when it is gone; its date and its happenings' words tell stories.ts which story each tells. */
export interface ReportChange {
  path: string;
  reports: CorpusEventMention[] | null;
  dct?: string | null;
  words?: Map<number, readonly string[]>;
}

/** A document's reports, date and happenings' words, as the joiner takes them (filed under `key`). */
export function reportChange(key: string, input: EventInput): ReportChange {
  return { path: key, reports: reportsOf(input), dct: input.dct, words: wordsOfHappenings(input) };
}

/** A cluster as a scope left it before and after it joined again (null: none). */
type Change = [Cluster | null, Cluster | null];

/** What a scope's reports did: copies of the clusters they joined (cluster given → copy), and the clusters they started. */
interface Joining {
  copies: Map<Cluster, Cluster>;
  started: Cluster[];
}

/**
 * A dated scope of a family: a day, a month or a year; or, for reports without a year, a month of
 * any year ("XXXX-03-22" and "XXXX-03": the clusters the years left in March) or the family itself
 * ("XXXX": every cluster the months of any year left).
 */
interface Node extends Joining {
  key: string;
  /** 0 day, 1 month, 2 year, 3 month of any year, 4 the family (no date known). */
  level: number;
  parent: Node | null;
  children: Set<Node>;
  reports: Set<Prepared>;
  /** For a month of any year and the family: the clusters that reach it (see stageInputs). */
  inputs: Set<Cluster> | null;
  /** Changes of its children's clusters since it last joined. */
  pending: Change[];
  dirty: boolean;
}

/** A document's undated reports of one family: they join onto the document's clusters as the dated scopes left them. */
interface DocScope {
  doc: JoinDocument;
  family: number;
  reports: Set<Prepared>;
  /** The first round (see joinDocuments): the names its reports brought to clusters, beyond the clusters' own. */
  named: Map<Cluster, { strong: string[]; all: string[] }>;
  /** The second round: the reports it added to clusters, and the clusters it started. */
  added: Map<Cluster, CorpusEventMention[]>;
  started: Cluster[];
}

interface DocState {
  doc: JoinDocument;
  /** Its reports, by offset. */
  reports: Prepared[];
}

/** A cluster's event, and the id it is numbered under (`event:<kind>:<date>:<first participant>`). */
interface Joined {
  cluster: Cluster;
  event: CorpusEvent;
  base: string;
}

const NOTHING: Joining = { copies: new Map(), started: [] }; // read only
/** Most scopes add nothing to most clusters: they share these rather than hold empty maps of their own. */
const NONE = new Map<never, never>();

export class IncrementalJoiner {
  private readonly docs = new Map<string, DocState>();
  private documents = 0;
  /** Sentence and paragraph keys: equal for reports of one sentence (paragraph), never reused. */
  private keys = 0;
  private entities = new Map<string, Entity>();
  private readonly nodes = new Map<string, Node>();
  private readonly touched: Array<Set<Node>> = [new Set(), new Set(), new Set(), new Set(), new Set()];
  /**
   * The clusters that reach a stage: by family and month of any year (`3|XXXX-03`: what the years
   * leave in March), and by family (`3|XXXX`: what the months of any year leave).
   */
  private readonly stageInputs = new Map<string, Set<Cluster>>();
  /** Scopes of undated reports, and the clusters the dated scopes left, by docKey(document, family). */
  private readonly docScopes = new Map<number, DocScope>();
  private readonly touchedDocs = new Set<DocScope>();
  private readonly clustersByDoc = new Map<number, Set<Cluster>>();
  /** Every cluster that is an event: those the dated scopes left, and those undated reports started. */
  private readonly alive = new Set<Cluster>();
  /** Clusters whose event must be made again (or dropped). */
  private readonly stale = new Set<Cluster>();
  private readonly joined = new Map<Cluster, Joined>();
  private readonly byBase = new Map<string, Joined[]>();
  private list: CorpusEvent[] = [];
  private readonly byPath = new Map<string, CorpusEvent[]>();
  private readonly byEntity = new Map<string, CorpusEvent[]>();
  /** Lends undated reports the date of the story they tell in another document (stories.ts). */
  private readonly stories = new StoryLender();
  /** What applySteps takes per step (see WEIGHT). */
  readonly meter = new StepMeter(STEP_SIZE);
  /** Joins undated events across documents by the learned scorer (storyJoin.ts), after the scopes. */
  private readonly storyJoin = new StoryJoin();
  /** Each document's date (ms, NaN when unknown): storyJoin.ts joins no documents far apart. */
  private readonly dctTimes = new Map<string, number>();

  /**
   * Documents' reports changed (or the documents are gone); `renamed`: entities whose name changed,
   * whose events' titles are written again. `entities` gives types (who is a strong participant)
   * and names (titles).
   */
  apply(changes: Iterable<ReportChange>, entities: Map<string, Entity>, renamed: Iterable<string> = []): this {
    for (const step of this.applySteps(changes, entities, renamed)) void step;
    return this;
  }

  /**
   * apply(), a step at a time (each a scope joined, or a few hundred events described): between
   * two steps events(), eventsIn() and eventsOf() answer as before the call, and the last step puts
   * the new events in place. A long document's reports then join without holding the caller for
   * seconds. No other apply may start until the steps are all taken.
   */
  *applySteps(changes: Iterable<ReportChange>, entities: Map<string, Entity>, renamed: Iterable<string> = []): Generator<void, void> {
    const renamedIds = [...renamed];
    this.entities = entities;
    const meter = this.meter;
    let added = false;
    // Dates lent first (stories.ts), a step at a time as well.
    const lent: ReportChange[] = [];
    yield* this.stories.lendSteps(changes, entities, lent);
    for (const { path, reports, dct } of lent) {
      let state = this.docs.get(path);
      if (reports) this.dctTimes.set(path, dct ? Date.parse(dct) : NaN);
      else this.dctTimes.delete(path);
      if (!reports) {
        for (const p of state?.reports ?? []) this.leave(p);
        this.docs.delete(path);
        continue;
      }
      if (!state) {
        state = { doc: { n: this.documents++, rank: 0 }, reports: [] };
        this.docs.set(path, state);
        added = true;
      }
      state.reports = this.align(state, [...reports].sort((a, b) => a.start - b.start));
      if (meter.add(reports.length * WEIGHT.report)) yield;
    }
    // Ranks follow path order; a removal leaves the others' order as it was.
    if (added) {
      const paths = yield* sortSteps([...this.docs.keys()], (a, b) => (a < b ? -1 : a > b ? 1 : 0), meter, WEIGHT.element);
      paths.forEach((path, rank) => (this.docs.get(path)!.doc.rank = rank));
      if (meter.add(paths.length * WEIGHT.element)) yield;
    }
    const left: Change[] = [];
    yield* this.joinNodes(left);
    for (const [before, after] of left) {
      if (before) this.unfile(before);
      if (after) this.file(after);
      if (meter.add(WEIGHT.cluster + (before?.docs.length ?? 0) + (after?.docs.length ?? 0))) yield;
    }
    yield* this.joinDocuments();
    const described = yield* this.describeStale();
    // The learned joins across documents, a step at a time as well: found with the ids the events
    // will have, and put in place with them.
    const idOf = (e: CorpusEvent) => described?.renumbered.get(e) ?? e.id;
    const stories = yield* this.storyJoin.updateSteps(described?.gone ?? [], described?.added ?? [], entities, (path) => this.dctTimes.get(path) ?? NaN, meter, idOf);
    this.placeEvents(described);
    meter.end();
    for (const id of renamedIds) for (const e of this.byEntity.get(id) ?? []) e.title = retitle(e, entities);
    this.storyJoin.commit(stories, this.list, entities, renamedIds);
  }

  /** Every event, dated first, in date order. */
  events(): CorpusEvent[] {
    return this.storyJoin.events();
  }

  eventsIn(path: string): CorpusEvent[] {
    return this.storyJoin.shown(this.byPath.get(path) ?? []);
  }

  eventsOf(entityId: string): CorpusEvent[] {
    return this.storyJoin.shown(this.byEntity.get(entityId) ?? []);
  }

  /**
   * A document's new reports against its old: those the edit left alone (the same before it; the
   * same, shifted, after it) stay where they joined, with their offsets updated in place; the rest
   * leave, and the new ones enter. Returns the document's reports now.
   */
  private align(state: DocState, next: CorpusEventMention[]): Prepared[] {
    const old = state.reports;
    let head = 0;
    while (head < old.length && head < next.length && sameReport(old[head].r, next[head], 0, 0)) head++;
    let tail = 0;
    const shift = head < old.length && head < next.length ? next[next.length - 1].start - old[old.length - 1].r.start : 0;
    const lineShift = head < old.length && head < next.length ? next[next.length - 1].line - old[old.length - 1].r.line : 0;
    while (tail < old.length - head && tail < next.length - head && sameReport(old[old.length - 1 - tail].r, next[next.length - 1 - tail], shift, lineShift)) tail++;
    // Sentence and paragraph keys stand for equality: a report before the edit and one after it
    // that shared a line (sentence) before must share it after, and the other way round. When a
    // line break came or went between them, the one before leaves and enters again.
    const sentencesAfter = new Set<number>();
    const linesAfter = new Set<number>();
    for (const p of old.slice(old.length - tail)) {
      if (shift) sentencesAfter.add(p.r.sentence.start).add(p.r.sentence.start + shift);
      if (lineShift) linesAfter.add(p.r.line).add(p.r.line + lineShift);
    }
    const kept: Array<Prepared | null> = next.map(() => null);
    for (let k = 0; k < head; k++) if (!sentencesAfter.has(old[k].r.sentence.start) && !linesAfter.has(old[k].r.line)) kept[k] = old[k];
    for (let k = 0; k < tail; k++) {
      const p = old[old.length - tail + k];
      const r = next[next.length - tail + k];
      Object.assign(p.r, { start: r.start, end: r.end, sentence: r.sentence, line: r.line });
      kept[next.length - tail + k] = p;
    }
    const stays = new Set(kept);
    for (const p of old) if (!stays.has(p)) this.leave(p);
    const sentenceKeys = new Map<number, number>();
    const lineKeys = new Map<number, number>();
    for (const p of kept) {
      if (!p) continue;
      sentenceKeys.set(p.r.sentence.start, p.sentenceKey);
      lineKeys.set(p.r.line, p.lineKey);
    }
    const keyOf = (keys: Map<number, number>, at: number) => {
      let key = keys.get(at);
      if (key === undefined) keys.set(at, (key = this.keys++));
      return key;
    };
    return next.map((r, k) => {
      if (kept[k]) return kept[k]!;
      const p = prepare(r, state.doc, keyOf(sentenceKeys, r.sentence.start), keyOf(lineKeys, r.line), this.entities);
      this.enter(p);
      return p;
    });
  }

  private enter(p: Prepared): void {
    const scope = this.scopeOf(p);
    scope.reports.add(p);
    this.touch(scope);
  }

  private leave(p: Prepared): void {
    const scope = this.scopeOf(p);
    scope.reports.delete(p);
    this.touch(scope);
  }

  private touch(scope: Node | DocScope): void {
    if ('level' in scope) {
      scope.dirty = true;
      this.touched[scope.level].add(scope);
    } else this.touchedDocs.add(scope);
  }

  private scopeOf(p: Prepared): Node | DocScope {
    if (p.phase === 2) return this.docScope(p.doc, p.family);
    return this.node(p.family, p.phase === 1 ? monthOf(p.r.date!) ?? 'XXXX' : p.r.date!);
  }

  /** The scope of a family's date (2024-03-22, 2024-03, 2024, or XXXX-03: March of any year), with the scopes above it. */
  private node(family: number, date: string): Node {
    const key = `${family}|${date}`;
    let node = this.nodes.get(key);
    if (!node) {
      const anyYear = date.startsWith('X');
      const parent = !anyYear && date.length > 4 ? this.node(family, date.slice(0, date.length - 3)) : null;
      const level = anyYear ? (date.length === 4 ? 4 : 3) : date.length === 4 ? 2 : date.length === 7 ? 1 : 0;
      let inputs: Set<Cluster> | null = null;
      if (anyYear) {
        inputs = this.stageInputs.get(key) ?? new Set();
        this.stageInputs.set(key, inputs);
      }
      node = { key, level, parent, children: new Set(), inputs, reports: new Set(), copies: NONE, started: [], pending: [], dirty: false };
      parent?.children.add(node);
      this.nodes.set(key, node);
    }
    return node;
  }

  private docScope(doc: JoinDocument, family: number): DocScope {
    const key = docKey(doc.n, family);
    let scope = this.docScopes.get(key);
    if (!scope) this.docScopes.set(key, (scope = { doc, family, reports: new Set(), named: NONE, added: NONE, started: [] }));
    return scope;
  }

  /**
   * Joins the touched dated scopes: days, months, years, then months of any year, then the
   * family's reports of no known date; returns the changes of the clusters they leave. What the years
   * leave goes on to the month of any year it is dated in (kept in stageInputs), and what that stage
   * leaves to the family's stage: through the scope there when it has reports, as it is otherwise.
   */
  private *joinNodes(out: Change[]): Generator<void, void> {
    for (let level = 0; level < this.touched.length; level++) {
      for (const node of this.touched[level]) {
        const changes = yield* this.joinNode(node);
        this.meter.end();
        yield;
        if (node.reports.size === 0 && node.children.size === 0) {
          node.parent?.children.delete(node);
          this.nodes.delete(node.key);
        }
        for (const change of changes) {
          if (node.parent) this.pass(node.parent, change);
          else this.pass(this.stageOf(level, (change[0] ?? change[1])!), change, out);
          if (this.meter.add(WEIGHT.change)) yield;
        }
      }
      this.touched[level].clear();
    }
  }

  /** The stage a cluster goes to after a top scope of `level`: a month of any year (its key), the family's (its key), or none (null). */
  private stageOf(level: number, c: Cluster): string | null {
    if (level === 2 && c.date && monthOf(c.date)) return `${c.family}|${monthOf(c.date)}`;
    return level < 4 ? `${c.family}|XXXX` : null;
  }

  /** A change on its way: into the stage's inputs, and to the stage's scope when it has one (else on, or out). */
  private pass(to: Node | string | null, change: Change, out: Change[] = []): void {
    if (typeof to === 'string') {
      let inputs = this.stageInputs.get(to);
      if (!inputs) this.stageInputs.set(to, (inputs = new Set()));
      if (change[0]) inputs.delete(change[0]);
      if (change[1]) inputs.add(change[1]);
      const node = this.nodes.get(to);
      if (inputs.size === 0 && !node) this.stageInputs.delete(to);
      if (!node) {
        const c = (change[0] ?? change[1])!;
        return this.pass(to.endsWith('|XXXX') ? null : `${c.family}|XXXX`, change, out);
      }
      to = node;
    }
    if (!to) out.push(change);
    else {
      to.pending.push(change);
      this.touched[to.level].add(to);
    }
  }

  /** Joins a node's reports again if they or the clusters below changed; returns the changes of what it leaves. */
  private *joinNode(node: Node): Generator<void, Change[]> {
    const pending = node.pending;
    node.pending = [];
    const ran = node.reports.size > 0 || node.copies.size > 0 || node.started.length > 0;
    if (!ran) return pending; // no reports of its own, now or before: it passes its children's clusters on as they are
    if (!node.dirty && pending.length === 0) return [];
    node.dirty = false;
    const next = node.reports.size > 0 ? yield* this.joinOnto(node.reports, yield* this.clustersBelow(node)) : { copies: new Map(), started: [] };
    const changes = yield* compareJoinings(node, next, pending, this.meter);
    node.copies = next.copies.size > 0 ? next.copies : NONE;
    node.started = next.started;
    return changes;
  }

  /** The clusters the scopes below a node leave (for a month of any year and the family: those that reach it). */
  private *clustersBelow(node: Node, out: Cluster[] = []): Generator<void, Cluster[]> {
    if (node.inputs) {
      for (const c of node.inputs) {
        out.push(c);
        if (this.meter.add(WEIGHT.element)) yield;
      }
      return out;
    }
    for (const child of node.children) {
      const from = out.length;
      yield* this.clustersBelow(child, out);
      if (child.copies.size > 0) for (let k = from; k < out.length; k++) out[k] = child.copies.get(out[k]) ?? out[k];
      for (const c of child.started) out.push(c);
      if (this.meter.add((out.length - from) * WEIGHT.element)) yield;
    }
    return out;
  }

  /** A scope's reports joined onto the clusters below it. */
  private *joinOnto(reports: Set<Prepared>, below: Cluster[]): Generator<void, Joining> {
    const meter = this.meter;
    const sorted = yield* sortSteps([...reports], reportOrder, meter, WEIGHT.element);
    let input = below;
    if (below.length > 64) {
      // Reports find clusters only through a shared entity or document: the others need not be indexed.
      const ids = new Set<string>();
      const docs = new Set<number>();
      for (const p of sorted) {
        for (const id of p.all) ids.add(id);
        docs.add(p.doc.n);
        if (meter.add(WEIGHT.element * (1 + p.all.length))) yield;
      }
      input = [];
      for (const c of below) {
        if (c.all.some((id) => ids.has(id)) || c.docs.some((d) => docs.has(d))) input.push(c);
        if (meter.add(WEIGHT.element * (c.all.length + c.docs.length))) yield;
      }
    }
    input = yield* sortSteps(input, clusterOrder, meter, WEIGHT.element);
    meter.end();
    yield;
    const out = yield* joinScopeSteps(sorted, input);
    meter.end();
    const copies = new Map<Cluster, Cluster>();
    for (let k = 0; k < input.length; k++) if (out[k] !== input[k]) copies.set(input[k], out[k]);
    return { copies, started: out.slice(input.length) };
  }

  /** A cluster the dated scopes leave: an event, and one the undated reports of its documents may join. */
  private file(c: Cluster): void {
    this.alive.add(c);
    this.stale.add(c);
    for (const doc of c.docs) {
      let set = this.clustersByDoc.get(docKey(doc, c.family));
      if (!set) this.clustersByDoc.set(docKey(doc, c.family), (set = new Set()));
      set.add(c);
      this.touchDocument(doc, c.family);
    }
  }

  private unfile(c: Cluster): void {
    this.alive.delete(c);
    this.stale.add(c);
    for (const doc of c.docs) {
      const set = this.clustersByDoc.get(docKey(doc, c.family))!;
      set.delete(c);
      if (set.size === 0) this.clustersByDoc.delete(docKey(doc, c.family));
      this.touchDocument(doc, c.family);
    }
  }

  private touchDocument(doc: number, family: number): void {
    const scope = this.docScopes.get(docKey(doc, family));
    if (scope) this.touchedDocs.add(scope);
  }

  /**
   * Joins the touched documents' undated reports, in two rounds: first onto the document's clusters
   * as the dated scopes left them; then again, onto those clusters with the names the other
   * documents' undated reports brought in the first round (a cluster is told by all its documents,
   * and a document's undated reports do not wait on the documents before it). The second round's
   * joins are the event's. Marks the clusters whose mentions changed.
   */
  private *joinDocuments(): Generator<void, void> {
    const again = new Set(this.touchedDocs);
    const firsts = new Map<DocScope, Joining>();
    for (const scope of this.touchedDocs) {
      const first = scope.reports.size > 0 ? yield* this.joinOnto(scope.reports, this.clustersOf(scope)) : NOTHING;
      firsts.set(scope, first);
      const named = new Map<Cluster, { strong: string[]; all: string[] }>();
      for (const [c, copy] of first.copies) if (copy.all.length > c.all.length) named.set(c, { strong: copy.strong.slice(c.strong.length), all: copy.all.slice(c.all.length) });
      // The other documents of a cluster whose names from this document changed read them again.
      for (const c of new Set([...scope.named.keys(), ...named.keys()])) {
        const before = scope.named.get(c);
        const after = named.get(c);
        if (before && after && sameList(before.all, after.all) && sameList(before.strong, after.strong)) continue;
        for (const doc of c.docs) {
          const other = this.docScopes.get(docKey(doc, scope.family));
          if (other && other !== scope) again.add(other);
        }
      }
      scope.named = named.size > 0 ? named : NONE;
      this.meter.end();
      yield;
    }
    this.touchedDocs.clear();
    for (const scope of again) {
      // When no other document brought a name to its clusters, the second round is the first again.
      const views = new Map<Cluster, Cluster>();
      const told = scope.reports.size > 0 ? this.clustersOf(scope, views) : [];
      const first = firsts.get(scope);
      const next = scope.reports.size === 0 ? NOTHING : first && views.size === 0 ? first : yield* this.joinOnto(scope.reports, told);
      // Copies are of the clusters as told by the others: keep what was added under the clusters the dated scopes left.
      const added = new Map<Cluster, CorpusEventMention[]>();
      for (const [given, copy] of next.copies) added.set(views.get(given) ?? given, copy.mentions.slice(given.mentions.length));
      for (const c of new Set([...scope.added.keys(), ...added.keys()])) {
        if (!sameList(scope.added.get(c) ?? [], added.get(c) ?? [])) this.stale.add(c);
      }
      const before = new Map(scope.started.map((c) => [c.founder, c]));
      next.started.forEach((c, k) => {
        const old = before.get(c.founder);
        before.delete(c.founder);
        if (old && sameList(old.mentions, c.mentions)) next.started[k] = old;
        else {
          if (old) this.dropStarted(old);
          this.alive.add(c);
          this.stale.add(c);
        }
      });
      for (const old of before.values()) this.dropStarted(old);
      scope.added = added.size > 0 ? added : NONE;
      scope.started = next.started;
      this.meter.end();
      yield;
    }
    for (const scope of again) if (scope.reports.size === 0) this.docScopes.delete(docKey(scope.doc.n, scope.family));
  }

  /**
   * A document's clusters of the scope's family as the dated scopes left them; with `views`, as the
   * other documents tell them: with the names their undated reports brought in the first round
   * (each such view is remembered with its cluster in `views`).
   */
  private clustersOf(scope: DocScope, views?: Map<Cluster, Cluster>): Cluster[] {
    const out: Cluster[] = [];
    for (const c of this.clustersByDoc.get(docKey(scope.doc.n, scope.family)) ?? []) {
      let strong = c.strong;
      let all = c.all;
      for (const doc of views ? c.docs : []) {
        const named = doc === scope.doc.n ? undefined : this.docScopes.get(docKey(doc, c.family))?.named.get(c);
        if (!named) continue;
        if (strong === c.strong) {
          strong = [...c.strong];
          all = [...c.all];
        }
        for (const id of named.strong) if (!strong.includes(id)) strong.push(id);
        for (const id of named.all) if (!all.includes(id)) all.push(id);
      }
      if (strong === c.strong) out.push(c);
      else {
        const view = { ...c, strong, all };
        views!.set(view, c);
        out.push(view);
      }
    }
    return out;
  }

  private dropStarted(c: Cluster): void {
    this.alive.delete(c);
    this.stale.add(c);
  }

  /** A cluster's mentions with those its documents' undated reports added, documents in path order. */
  private mentionsOf(c: Cluster): CorpusEventMention[] {
    if (c.founder.phase === 2) return c.mentions;
    const later: Array<{ rank: number; mentions: CorpusEventMention[] }> = [];
    for (const doc of c.docs) {
      const scope = this.docScopes.get(docKey(doc, c.family));
      const added = scope?.added.get(c);
      if (added) later.push({ rank: scope!.doc.rank, mentions: added });
    }
    if (later.length === 0) return c.mentions;
    return [...c.mentions, ...later.sort((a, b) => a.rank - b.rank).flatMap((l) => l.mentions)];
  }

  /**
   * Events made again for the stale clusters, numbered, sorted, and the list and lookups built
   * anew around them, a few hundred events per step. Nothing a reader sees changes here: events
   * renumbered keep their id until placeEvents.
   */
  private *describeStale(): Generator<void, Placing | null> {
    const meter = this.meter;
    const gone = new Set<CorpusEvent>();
    const fresh = new Set<CorpusEvent>();
    const bases = new Set<string>();
    for (const c of this.stale) {
      const old = this.joined.get(c);
      if (old) {
        gone.add(old.event);
        const list = this.byBase.get(old.base)!;
        list.splice(list.indexOf(old), 1);
        bases.add(old.base);
        this.joined.delete(c);
      }
      if (!this.alive.has(c)) {
        if (meter.add(WEIGHT.cluster)) yield;
        continue;
      }
      const { base, event } = describeEvent(c, this.mentionsOf(c), this.entities);
      const joined = { cluster: c, event, base };
      this.joined.set(c, joined);
      const list = this.byBase.get(base);
      if (list) list.push(joined);
      else this.byBase.set(base, [joined]);
      bases.add(base);
      fresh.add(event);
      // Describing reads every mention (sorted, counted by document and by name).
      if (meter.add(WEIGHT.event + event.mentions.length * WEIGHT.mention + c.docs.length)) yield;
    }
    this.stale.clear();
    // Ids: `base`, then `base:2`, `base:3` … in cluster order; an event whose number moved is placed again.
    const oldIds = new Map<CorpusEvent, string>();
    const renumbered = new Map<CorpusEvent, string>();
    for (const base of bases) {
      const list = this.byBase.get(base)!;
      if (meter.add(WEIGHT.cluster + list.length * WEIGHT.element)) yield;
      if (list.length === 0) {
        this.byBase.delete(base);
        continue;
      }
      if (list.length > 1) list.sort((a, b) => clusterOrder(a.cluster, b.cluster));
      list.forEach(({ event }, k) => {
        const id = k === 0 ? base : `${base}:${k + 1}`;
        if (event.id === id) return;
        if (fresh.has(event)) {
          event.id = id;
          return;
        }
        oldIds.set(event, event.id);
        renumbered.set(event, id);
        gone.add(event);
        fresh.add(event);
      });
    }
    if (gone.size === 0 && fresh.size === 0) return null;
    const idOf = (e: CorpusEvent) => renumbered.get(e) ?? e.id;
    const added = yield* sortSteps([...fresh], compareEventsAs(idOf), meter, WEIGHT.element);
    const placed = (e: CorpusEvent) => (renumbered.has(e) ? renumbered.get(e)! : e.id);
    const list = yield* replaceSorted(this.list, [...gone], added, oldIds, placed, meter);
    const byPath = yield* lookupChanges(this.byPath, gone, added, oldIds, placed, pathsOf, meter);
    const byEntity = yield* lookupChanges(this.byEntity, gone, added, oldIds, placed, entitiesOf, meter);
    return { renumbered, list, byPath, byEntity, gone: [...gone], added };
  }

  /** The events described in place, at once: ids of those renumbered, the list, the lookups. */
  private placeEvents(placing: Placing | null): void {
    if (!placing) return;
    for (const [event, id] of placing.renumbered) event.id = id;
    this.list = placing.list;
    for (const [lookup, changes] of [[this.byPath, placing.byPath], [this.byEntity, placing.byEntity]] as const) {
      for (const [key, list] of changes) {
        if (list.length > 0) lookup.set(key, list);
        else lookup.delete(key);
      }
    }
  }
}

/** What describeStale built, for placeEvents to put in place. */
interface Placing {
  renumbered: Map<CorpusEvent, string>;
  /** Events that left the list (or are placed again), and those placed: storyJoin.ts follows them. */
  gone: CorpusEvent[];
  added: CorpusEvent[];
  list: CorpusEvent[];
  byPath: Map<string, CorpusEvent[]>;
  byEntity: Map<string, CorpusEvent[]>;
}

/**
 * What applySteps takes per step, in units of about a report prepared and placed: some 2,000, a few
 * milliseconds. The weights of the rest, in those units (measured roughly, 10 MB opened beside the
 * seeds): a report aligned and entering its scope, an event described beside each of its mentions,
 * a cluster filed or passed on, and an element of a list sorted, copied or looked up.
 */
const STEP_SIZE = 2000;
export const JOIN_STEP_WEIGHT = { report: 20, event: 10, mention: 2, cluster: 4, change: 2, element: 0.5 };
const WEIGHT = JOIN_STEP_WEIGHT;

/**
 * The changes a node's joining again makes to the clusters it leaves, from its children's changes
 * and its own copies and clusters before and after. A cluster equal to the one left before is
 * replaced by it, so the scopes above see no change.
 */
function* compareJoinings(before: Joining, after: Joining, pending: Change[], meter: StepMeter): Generator<void, Change[]> {
  const changes: Change[] = [];
  const compare = (given: Cluster | null, old: Cluster | null, now: Cluster | null) => {
    if (old === now) return;
    if (old && now && sameCluster(old, now)) {
      if (given === old) after.copies.delete(given);
      else after.copies.set(given!, old);
      return;
    }
    changes.push([old, now]);
  };
  const seen = new Set<Cluster>();
  for (const [o, n] of pending) {
    if (o) seen.add(o);
    if (n) seen.add(n);
    compare(n, o ? before.copies.get(o) ?? o : null, n ? after.copies.get(n) ?? n : null);
    if (meter.add(WEIGHT.change)) yield;
  }
  for (const c of new Set([...before.copies.keys(), ...after.copies.keys()])) {
    if (!seen.has(c)) compare(c, before.copies.get(c) ?? c, after.copies.get(c) ?? c);
    if (meter.add(WEIGHT.change)) yield;
  }
  const old = new Map(before.started.map((c) => [c.founder, c]));
  for (let k = 0; k < after.started.length; k++) {
    const c = after.started[k];
    const was = old.get(c.founder) ?? null;
    old.delete(c.founder);
    if (was && sameCluster(was, c)) after.started[k] = was;
    else changes.push([was, c]);
    if (meter.add(WEIGHT.change)) yield;
  }
  for (const c of old.values()) changes.push([c, null]);
  return changes;
}

/** A document's number and a family as one key (families are fewer than 32). */
function docKey(doc: number, family: number): number {
  return doc * 32 + family;
}

/** 2024-03-22, 2024-03, XXXX-03-22 → XXXX-03; a year has no month. */
function monthOf(date: string): string | null {
  return date.length >= 7 ? `XXXX${date.slice(4, 7)}` : null;
}

function sameCluster(a: Cluster, b: Cluster): boolean {
  return a.founder === b.founder && sameList(a.mentions, b.mentions) && sameList(a.all, b.all) && sameList(a.strong, b.strong)
    && sameList(a.docs, b.docs) && sameList(a.sentences, b.sentences) && sameList(a.lines, b.lines);
}

/** Equal for joining, offsets apart from `shift` (and lines from `lineShift`). */
function sameReport(a: CorpusEventMention, b: CorpusEventMention, shift: number, lineShift: number): boolean {
  return a.kind === b.kind && a.trigger === b.trigger && a.date === b.date && a.place === b.place && sameList(a.participants, b.participants)
    && sameList(a.agent, b.agent) && a.lemma === b.lemma && a.modality === b.modality && a.borrowed === b.borrowed && sameList(a.words ?? [], b.words ?? [])
    && b.start === a.start + shift && b.end === a.end + shift && b.sentence.start === a.sentence.start + shift
    && b.sentence.end === a.sentence.end + shift && b.line === a.line + lineShift;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * A lookup's new lists (document, entity → events), for the keys that `gone` left and `added`
 * (sorted) came to, built a few keys per step; the lookup itself is not changed.
 */
function* lookupChanges(
  map: Map<string, CorpusEvent[]>, gone: Set<CorpusEvent>, added: CorpusEvent[], oldIds: Map<CorpusEvent, string>,
  placed: (e: CorpusEvent) => string, keysOf: (e: CorpusEvent) => string[], meter: StepMeter,
): Generator<void, Map<string, CorpusEvent[]>> {
  const changed = new Map<string, { gone: CorpusEvent[]; added: CorpusEvent[] }>();
  for (const [events, side] of [[gone, 'gone'], [added, 'added']] as const) {
    for (const e of events) {
      const keys = keysOf(e);
      for (const key of keys) {
        let c = changed.get(key);
        if (!c) changed.set(key, (c = { gone: [], added: [] }));
        c[side].push(e);
      }
      // keysOf reads the event's mentions or participants.
      if (meter.add(WEIGHT.element * (e.mentions.length + 4 * keys.length))) yield;
    }
  }
  const out = new Map<string, CorpusEvent[]>();
  for (const [key, c] of changed) {
    const was = map.get(key);
    // A new key (every key, joining from scratch) takes the added events as they are: in order.
    out.set(key, was ? yield* replaceSorted(was, c.gone, c.added, oldIds, placed, meter) : c.added);
    if (meter.add(WEIGHT.cluster)) yield;
  }
  return out;
}

/** The documents reporting an event, once each (its mentions are in path order). */
function pathsOf(e: CorpusEvent): string[] {
  const paths: string[] = [];
  for (const m of e.mentions) if (paths[paths.length - 1] !== m.path) paths.push(m.path);
  return paths;
}

/** The entities taking part in an event and its place (never among the participants). */
function entitiesOf(e: CorpusEvent): string[] {
  return e.place ? [...e.participants, e.place] : e.participants;
}

/**
 * A sorted list of events without `gone` and with `added` (sorted), as a new list. Positions are
 * found by binary search (the key an event was placed by: its id before it was renumbered), so a
 * change costs a copy of the list, not a comparison per event.
 */
function* replaceSorted(
  list: CorpusEvent[], gone: CorpusEvent[], added: CorpusEvent[], oldIds: Map<CorpusEvent, string>, idOf: (e: CorpusEvent) => string, meter: StepMeter,
): Generator<void, CorpusEvent[]> {
  if (gone.length === 0 && added.length === 0) return list;
  if (list.length === 0) return added;
  const placed = (e: CorpusEvent) => oldIds.get(e) ?? e.id;
  // The first position whose event comes at or after (date, count, id).
  const lowerBound = (date: string | null, count: number, id: string) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const e = list[mid];
      const c = compareDates(e.date, date) || count - e.mentions.length || (placed(e) < id ? -1 : placed(e) > id ? 1 : 0);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A binary search costs some 16 comparisons.
  const search = WEIGHT.element * 16;
  const skip: number[] = [];
  for (const e of gone) {
    const at = lowerBound(e.date, e.mentions.length, placed(e));
    const found = list[at] === e ? at : list.indexOf(e);
    if (found >= 0) skip.push(found);
    if (meter.add(search)) yield;
  }
  skip.sort((a, b) => a - b);
  const at: number[] = [];
  for (const e of added) {
    at.push(lowerBound(e.date, e.mentions.length, idOf(e)));
    if (meter.add(search)) yield;
  }
  const out: CorpusEvent[] = [];
  let a = 0;
  let s = 0;
  for (let k = 0; k < list.length; k++) {
    while (a < added.length && at[a] <= k) out.push(added[a++]);
    if (skip[s] === k) s++;
    else out.push(list[k]);
    if ((k & 63) === 63 && meter.add(64 * WEIGHT.element / 4)) yield;
  }
  while (a < added.length) out.push(added[a++]);
  return out;
}
