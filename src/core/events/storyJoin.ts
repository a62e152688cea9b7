// Events of different documents that tell one happening, joined. The scopes of join.ts join an
// undated report only within its document (or through the date another document lends it:
// stories.ts); what is left undated is compared here, across documents, with every other event of a
// compatible kind (dated ones too, so that a report without a date takes its happening's date) by the
// learned pairwise scorer (joinScorer.ts). Two events are linked when they share a word or a person or
// organisation that few events share (blocking: no pair outside a shared key is scored), at least one
// of them is undated, and the scorer says yes. Within each connected group of links, the links are
// taken strongest first and one joins two parts only when their dates agree: two dated happenings that
// disagree stay two, however many undated reports resemble both. What a group becomes depends on its
// events alone, so the events are the same whatever order documents came in, and a change joins again
// only the groups it reaches.
import type { Entity } from '../entities/link.js';
import { compatible, FAMILY } from './kinds.js';
import { compareEvents, compareEventsAs, datesAgree, describeEvent, retitle, type CorpusEvent } from './join.js';
import { contradicts, joinModel, pairFeatures, probability, sketch, type EventSketch, type JoinModel } from './joinScorer.js';
import { mergeSorted, StepMeter } from '../corpus/stepMeter.js';

/**
 * A key shared by more undated events than this ties nothing (a common word), nor does it tie an
 * undated event to dated ones when more dated events than this share it: bounded work per event, no
 * quadratic blow-up.
 */
export const CAP = 48;

/** Two documents dated further apart than this tell different happenings, however alike their words (a nameless "attack" a year later is another attack). */
export const MAX_DAYS_APART = 30;
const DAY_MS = 86_400_000;

interface Node {
  event: CorpusEvent;
  /** The documents that tell it (one, for an undated event). */
  paths: string[];
  /** Its document's date (ms), NaN when unknown or told in several. */
  dctTime: number;
  family: number;
  sketch: EventSketch;
  /** Its blocking keys as filed: `u` (undated) or `d` (dated), then the key. */
  keys: string[];
  component: Component | null;
}

interface Component {
  members: Node[];
  /** The event the members are shown as (members.length > 1). */
  event: CorpusEvent;
}

/** What updateSteps found: the joins that no longer hold, and those made (commit() shows them). */
export interface StoryChanges {
  dropped: Set<Component>;
  made: Component[];
}

/**
 * The work of updateSteps, in the joiner's step units (JOIN_STEP_WEIGHT: about a report prepared
 * and placed): an event filed or unfiled (its sketch, beside its mentions and keys), a key looked
 * at, a pair of events scored, a joined event described (beside each of its mentions).
 */
export const STORY_STEP_WEIGHT = { node: 4, key: 1, pair: 1, event: 10, mention: 2 };
const W = STORY_STEP_WEIGHT;

const STATEMENT = FAMILY.get('statement');

export class StoryJoin {
  private readonly nodes = new Map<CorpusEvent, Node>();
  private readonly index = new Map<string, Set<Node>>();
  /** Each joined member's component. */
  private readonly joinedOf = new Map<CorpusEvent, Component>();
  private readonly components = new Set<Component>();
  private base: CorpusEvent[] = [];
  private list: CorpusEvent[] = [];
  /** The joined events in the joiner's order, null when components changed since. */
  private sorted: CorpusEvent[] | null = [];
  private dirty = false;

  /**
   * The joiner's events now (`list`, sorted as it sorts them), and what changed since the last
   * update: the events that left the list (or were placed again) and those placed. `renamed`:
   * entities whose name changed; `dctTimeOf`: a document's date (ms, NaN when unknown).
   */
  update(list: CorpusEvent[], gone: readonly CorpusEvent[], added: readonly CorpusEvent[], entities: Map<string, Entity>, renamed: readonly string[] = [], dctTimeOf: (path: string) => number = () => NaN): void {
    const steps = this.updateSteps(gone, added, entities, dctTimeOf, new StepMeter(Infinity));
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.commit(step.value, list, entities, renamed);
  }

  /**
   * update() a step at a time (the meter's): the events gone and added are filed and the joins they
   * reach found again, while events() and shown() answer as before; commit() then puts what was
   * found in place at once. `idOf`: the id each event will have once placed (a joined event takes
   * its first member's). No other update may start until commit().
   */
  *updateSteps(gone: readonly CorpusEvent[], added: readonly CorpusEvent[], entities: Map<string, Entity>, dctTimeOf: (path: string) => number, meter: StepMeter, idOf: (e: CorpusEvent) => string = (e) => e.id): Generator<void, StoryChanges> {
    const model = joinModel();
    const changes: StoryChanges = { dropped: new Set(), made: [] };
    const roots = new Set<Node>();
    const sizes = new Map<string, number>();
    const touchKey = (key: string) => {
      if (!sizes.has(key)) sizes.set(key, this.index.get(key)?.size ?? 0);
    };
    for (const event of gone) {
      const node = this.nodes.get(event);
      if (!node) continue;
      for (const key of node.keys) {
        touchKey(key);
        this.index.get(key)!.delete(node);
      }
      this.nodes.delete(event);
      if (node.component) this.drop(node.component, roots, changes);
      if (meter.add(W.node + node.keys.length)) yield;
    }
    if (model) for (const event of added) {
      if (this.nodes.has(event) || !joinable(event)) continue;
      const s = sketch(event, entities);
      const family = FAMILY.get(event.kind)!;
      const paths = [...new Set(event.mentions.map((m) => m.path))];
      const node: Node = { event, paths, dctTime: paths.length === 1 ? dctTimeOf(paths[0]) : NaN, family, sketch: s, keys: blockingKeys(s, family).map((k) => (event.date === null ? 'u' : 'd') + k), component: null };
      this.nodes.set(event, node);
      for (const key of node.keys) {
        touchKey(key);
        let set = this.index.get(key);
        if (!set) this.index.set(key, (set = new Set()));
        set.add(node);
      }
      roots.add(node);
      if (meter.add(W.node + event.mentions.length + node.keys.length)) yield;
    }
    for (const [key, before] of sizes) {
      const after = this.index.get(key)?.size ?? 0;
      if (after === 0) this.index.delete(key);
      // A key that ties again, or no longer: the events filed under it, dated or not, link otherwise.
      if ((before <= CAP) !== (after <= CAP)) for (const filed of ['u', 'd']) for (const node of this.index.get(filed + key.slice(1)) ?? []) {
        roots.add(node);
        if (node.component) this.drop(node.component, roots, changes);
        if (meter.add(1)) yield;
      }
      if (meter.add(W.key)) yield;
    }
    if (model && roots.size) yield* this.regroup(roots, model, entities, meter, idOf, changes);
    return changes;
  }

  /** Puts in place what updateSteps found, at once; `list`: the joiner's events now, placed. */
  commit(changes: StoryChanges, list: CorpusEvent[], entities: Map<string, Entity>, renamed: readonly string[] = []): void {
    if (list !== this.base) this.dirty = true;
    this.base = list;
    for (const c of changes.dropped) {
      this.components.delete(c);
      for (const m of c.members) if (this.joinedOf.get(m.event) === c) this.joinedOf.delete(m.event);
    }
    for (const c of changes.made) {
      this.components.add(c);
      for (const m of c.members) this.joinedOf.set(m.event, c);
    }
    if (changes.dropped.size || changes.made.length) {
      this.sorted = null;
      this.dirty = true;
    }
    if (renamed.length && this.components.size) {
      for (const c of this.components) if (renamed.some((id) => c.event.participants.includes(id) || c.event.place === id)) c.event.title = retitle(c.event, entities);
    }
  }

  /** The joiner's events, with joined ones as one. */
  events(): CorpusEvent[] {
    if (this.dirty) {
      this.dirty = false;
      this.sorted ??= [...this.components].map((c) => c.event).sort(compareEvents);
      this.list = this.sorted.length ? mergeSorted(this.base.filter((e) => !this.joinedOf.has(e)), this.sorted, compareEvents) : this.base;
    }
    return this.list;
  }

  /** A lookup's events (the joiner's eventsIn or eventsOf), with joined ones as one. */
  shown(events: CorpusEvent[]): CorpusEvent[] {
    if (this.joinedOf.size === 0 || !events.some((e) => this.joinedOf.has(e))) return events;
    return [...new Set(events.map((e) => this.joinedOf.get(e)?.event ?? e))];
  }

  /** A join no longer holds: its members are found again (commit() takes it out of what is shown). */
  private drop(c: Component, roots: Set<Node>, changes: StoryChanges): void {
    changes.dropped.add(c);
    for (const m of c.members) {
      m.component = null;
      if (this.nodes.get(m.event) === m) roots.add(m);
    }
  }

  /** The components through `roots`, found again (a component reached that was whole before is dropped and found again too). */
  private *regroup(roots: Set<Node>, model: JoinModel, entities: Map<string, Entity>, meter: StepMeter, idOf: (e: CorpusEvent) => string, changes: StoryChanges): Generator<void, void> {
    const done = new Set<Node>();
    // Events whose neighbours were found: each pair is scored once, from the side reached first (a
    // pair they linked brought its other side into their group; the rest were not linked).
    const expanded = new Set<Node>();
    const order = compareEventsAs(idOf);
    for (const root of roots) {
      if (done.has(root) || this.nodes.get(root.event) !== root) continue;
      const members: Node[] = [root];
      const links: Link[] = [];
      done.add(root);
      for (let k = 0; k < members.length; k++) {
        const x = members[k];
        const found = yield* this.neighbours(x, model, meter, expanded);
        expanded.add(x);
        for (const { node: y, p } of found) {
          links.push({ x, y, p });
          if (done.has(y)) continue;
          if (y.component) this.drop(y.component, roots, changes);
          done.add(y);
          members.push(y);
        }
      }
      for (const part of partsOf(members, links, order)) {
        part.sort((a, b) => order(a.event, b.event));
        const mentions = part.flatMap((m) => m.event.mentions);
        const { event } = describeEvent({ kind: part[0].event.kind, date: mostPrecise(part) }, mentions, entities);
        event.id = idOf(part[0].event);
        const c: Component = { members: part, event };
        changes.made.push(c);
        for (const m of part) m.component = c;
        if (meter.add(W.event + mentions.length * W.mention)) yield;
      }
    }
  }

  /**
   * Events of other documents `x` is linked to, with the scorer's probability: sharing a key few
   * share, one of them undated, and joined by the scorer (a step may end after each key). Those in
   * `scored` found their own neighbours already, `x` among them when linked: a pair is the same
   * from either side (which keys tie it, pairable, pairFeatures).
   */
  private *neighbours(x: Node, model: JoinModel, meter: StepMeter, scored: ReadonlySet<Node>): Generator<void, Array<{ node: Node; p: number }>> {
    const seen = new Set<Node>();
    const out: Array<{ node: Node; p: number }> = [];
    for (const filed of x.keys) {
      const key = filed.slice(1);
      const undated = this.index.get(`u${key}`);
      const dated = this.index.get(`d${key}`);
      // Every pair has an undated event: a common word among undated events ties nothing, and among dated ones ties no undated event to them.
      const tied = (dated?.size ?? 0) <= CAP;
      const sets = !undated || undated.size > CAP ? [] : x.event.date === null ? (tied ? [undated, dated] : [undated]) : tied ? [undated] : [];
      let looked = 0;
      for (const set of sets) {
        for (const y of set ?? []) {
          looked++;
          if (y === x || seen.has(y)) continue;
          seen.add(y);
          if (scored.has(y) || !pairable(x, y)) continue;
          const p = probability(model, pairFeatures(x.sketch, y.sketch));
          if (p >= model.threshold) out.push({ node: y, p });
        }
      }
      if (meter.add(W.key + looked * W.pair)) yield;
    }
    return out;
  }
}

interface Link {
  x: Node;
  y: Node;
  p: number;
}

/**
 * A connected group of linked events cut into the events they make: links strongest first (ties in
 * the events' order), each joining two parts only when every date of one agrees with every date of
 * the other. Parts of one event are left out.
 */
function partsOf(members: Node[], links: Link[], order: (a: CorpusEvent, b: CorpusEvent) => number): Node[][] {
  if (members.length < 2) return [];
  const rank = new Map<Node, number>([...members].sort((a, b) => order(a.event, b.event)).map((n, k) => [n, k]));
  const parent = new Map<Node, Node>(members.map((n) => [n, n]));
  const dates = new Map<Node, string[]>(members.map((n) => [n, n.event.date ? [n.event.date] : []]));
  const find = (n: Node): Node => {
    while (parent.get(n) !== n) n = parent.get(n)!;
    return n;
  };
  // Ties by the ranks of their ends, the lower first; read in the comparator, which allocates nothing.
  const low = (l: Link) => Math.min(rank.get(l.x)!, rank.get(l.y)!);
  const high = (l: Link) => Math.max(rank.get(l.x)!, rank.get(l.y)!);
  links.sort((a, b) => b.p - a.p || low(a) - low(b) || high(a) - high(b));
  for (const { x, y } of links) {
    const [rx, ry] = [find(x), find(y)];
    if (rx === ry) continue;
    const [dx, dy] = [dates.get(rx)!, dates.get(ry)!];
    if (!dx.every((a) => dy.every((b) => datesAgree(a, b)))) continue;
    const [keep, gone] = rank.get(rx)! < rank.get(ry)! ? [rx, ry] : [ry, rx];
    parent.set(gone, keep);
    dates.set(keep, [...dx, ...dy]);
  }
  const parts = new Map<Node, Node[]>();
  for (const n of members) {
    const r = find(n);
    const part = parts.get(r);
    if (part) part.push(n);
    else parts.set(r, [n]);
  }
  return [...parts.values()].filter((p) => p.length > 1);
}

/** The most precise of the members' dates (they agree), or null. */
function mostPrecise(part: Node[]): string | null {
  let best: string | null = null;
  const known = (d: string) => d.replace(/X/g, '').length;
  for (const { event } of part) if (event.date && (!best || known(event.date) > known(best))) best = event.date;
  return best;
}

/** What a pair is scored by besides the sketches. */
export interface Pairable {
  event: CorpusEvent;
  /** The documents that tell it. */
  paths: string[];
  /** Its document's date (ms), NaN when unknown or told in several. */
  dctTime: number;
  sketch: EventSketch;
}

/**
 * Whether the scorer may join two events, the same either way round: one of them undated (dated
 * ones are the scopes' to join), no document in common (the rules join within a document),
 * documents not far apart in time, kinds that may join (one's kind compatible with the other's:
 * an invasion takes an attack, kinds.ts), and no people or organisations that rule it out.
 */
export function pairable(x: Pairable, y: Pairable): boolean {
  return (x.event.date === null || y.event.date === null) && !x.paths.some((p) => y.paths.includes(p)) && !apartInTime(x, y)
    && (compatible(x.event.kind, y.event.kind) || compatible(y.event.kind, x.event.kind)) && !contradicts(x.sketch, y.sketch);
}

/** Both documents dated, and further apart than MAX_DAYS_APART. */
function apartInTime(x: Pairable, y: Pairable): boolean {
  return Math.abs(x.dctTime - y.dctTime) > MAX_DAYS_APART * DAY_MS;
}

/** What an event is looked up by: its words and its people and organisations, within its family of kinds. */
export function blockingKeys(s: EventSketch, family: number): string[] {
  return [...new Set([...s.lemmas.map((l) => `${family}|w:${l}`), ...s.strong.map((id) => `${family}|e:${id}`)])];
}

/** Not a statement (people say many things; their statements join by date and speaker). */
export function joinable(e: CorpusEvent): boolean {
  return FAMILY.get(e.kind) !== STATEMENT && e.mentions.length > 0;
}
