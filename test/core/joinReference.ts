// The reference the incremental joiner is checked against (as linkReference.ts is the linker's):
// the whole corpus joined at once, in the plainest way, from the rules join.ts, incrementalJoin.ts
// and storyJoin.ts document. No scope tree, no index, no change sets: each scope's clusters are
// found by filtering every cluster of the family, each report's candidates by looking at every
// cluster of the scope, events across documents by union-find over every pair, cut by date.
//
// Taken from the core as black boxes: what a document's reports are (reportsOf, wordsOfHappenings),
// the dates undated reports borrow (StoryLender, run once over the whole corpus), how a group of
// reports is described as an event (describeEvent: title, roles), and the learned pairwise scorer
// (joinScorer). The grouping is written here.
import type { Entity } from '../../src/core/entities/link.js';
import { describeEvent, reportsOf, wordsOfHappenings, type CorpusEvent, type CorpusEventMention, type EventInput } from '../../src/core/events/join.js';
import { COMPATIBLE, compatible, FAMILY, type EventKind } from '../../src/core/events/kinds.js';
import { contradicts, joinModel, pairFeatures, probability, sketch } from '../../src/core/events/joinScorer.js';
import { StoryLender } from '../../src/core/events/stories.js';
import type { ReportChange } from '../../src/core/events/incrementalJoin.js';

export interface ReferenceEvents {
  events: CorpusEvent[];
  eventsIn(path: string): CorpusEvent[];
  eventsOf(entity: string): CorpusEvent[];
}

interface Report {
  r: CorpusEventMention;
  /** Its document's place in path order. */
  rank: number;
  family: number;
  /** 0 none, 1 year, 2 month, 3 day. */
  precision: number;
  /** 0 dated with a year, 1 a date without a year, 2 undated. */
  phase: number;
  strong: string[];
  all: string[];
}

interface Cluster {
  founder: Report;
  kind: EventKind;
  date: string | null;
  precision: number;
  mentions: CorpusEventMention[];
  strong: string[];
  all: string[];
  /** Documents (by rank), sentences and happenings (`rank|start`, `rank|line`) of its reports. */
  docs: number[];
  sentences: string[];
  lines: string[];
}

/** Participants too general to tie two reports on their own. */
const WEAK = new Set(['NORP', 'PLACE']);
/** Clusters sharing an entity that a report looks at, at most (join.ts). */
const MAX_CANDIDATES = 64;
/** storyJoin.ts: a key shared by more events ties nothing; documents further apart (days) tell other happenings. */
const CAP = 48;
const MAX_DAYS_APART = 30;

export function referenceJoin(inputs: EventInput[], entities: Map<string, Entity>): ReferenceEvents {
  const docs = [...inputs].sort((a, b) => (a.path < b.path ? -1 : 1));
  const rankOf = new Map(docs.map((d, k) => [d.path, k]));
  // Dates borrowed from other documents' stories, the whole corpus at once.
  const lent: ReportChange[] = [];
  const lender = new StoryLender();
  const changes = docs.map((d) => ({ path: d.path, reports: reportsOf(d), dct: d.dct, words: wordsOfHappenings(d) }));
  for (const step of lender.lendSteps(changes, entities, lent)) void step;
  const reports: Report[] = lent.flatMap((c) => (c.reports ?? []).map((r) => report(r, rankOf.get(c.path)!, entities)));

  // Dated scopes, per family: days, then months onto their days, then years onto theirs; then dates
  // without a year: a month of any year onto every cluster dated in that month, then "XXXX" onto all.
  let clusters: Cluster[] = [];
  const join = (list: Report[], onto: (c: Cluster) => boolean) => {
    const family = list[0].family;
    const input = clusters.filter((c) => c.founder.family === family && onto(c));
    const { copies, started } = joinScope(list, input);
    clusters = [...clusters.map((c) => copies.get(c) ?? c), ...started];
  };
  for (const family of new Set(reports.map((p) => p.family))) {
    const of = reports.filter((p) => p.family === family);
    for (const precision of [3, 2, 1]) {
      for (const [date, list] of groupBy(of.filter((p) => p.phase === 0 && p.precision === precision), (p) => p.r.date!)) {
        join(list, (c) => c.date === date || c.date!.startsWith(`${date}-`));
      }
    }
    const anyYear = of.filter((p) => p.phase === 1);
    for (const [month, list] of groupBy(anyYear.filter((p) => p.precision >= 2), (p) => p.r.date!.slice(0, 7))) {
      join(list, (c) => c.date!.length >= 7 && c.date!.slice(5, 7) === month.slice(5, 7));
    }
    const noMonth = anyYear.filter((p) => p.precision < 2);
    if (noMonth.length) join(noMonth, () => true);
  }

  // Undated reports join within their document, in two rounds: onto the document's clusters as the
  // dated scopes left them; then onto them with the names the other documents' undated reports
  // brought in the first round. The second round's joins are the events'.
  const undated = groupBy(reports.filter((p) => p.phase === 2), (p) => `${p.rank}|${p.family}`);
  const ofDocument = (list: Report[]) => clusters.filter((c) => c.founder.family === list[0].family && c.docs.includes(list[0].rank));
  const named = new Map<string, Map<Cluster, Cluster>>();
  for (const [key, list] of undated) named.set(key, joinScope(list, ofDocument(list)).copies);
  const later = new Map<Cluster, CorpusEventMention[]>();
  const started: Cluster[] = [];
  for (const [, list] of undated) {
    const input = ofDocument(list);
    const told = input.map((c) => {
      const view = { ...c, strong: [...c.strong], all: [...c.all] };
      for (const doc of c.docs) {
        if (doc === list[0].rank) continue;
        const after = named.get(`${doc}|${c.founder.family}`)?.get(c);
        if (!after) continue;
        for (const id of after.strong) if (!view.strong.includes(id)) view.strong.push(id);
        for (const id of after.all) if (!view.all.includes(id)) view.all.push(id);
      }
      return view;
    });
    const out = joinScope(list, told);
    told.forEach((view, k) => {
      const copy = out.copies.get(view);
      if (copy) later.set(input[k], [...(later.get(input[k]) ?? []), ...copy.mentions.slice(view.mentions.length)]);
    });
    started.push(...out.started);
  }

  // Events: described, numbered `base`, `base:2` … in the order of their first reports, sorted.
  const described = [...clusters, ...started].map((c) => ({ c, ...describeEvent(c, [...c.mentions, ...(later.get(c) ?? [])], entities) }));
  for (const [, list] of groupBy(described, (d) => d.base)) {
    list.sort((a, b) => clusterOrder(a.c, b.c)).forEach((d, k) => (d.event.id = k === 0 ? d.base : `${d.base}:${k + 1}`));
  }
  const base = described.map((d) => d.event).sort(eventOrder);
  return storyJoin(base, entities, new Map(docs.map((d) => [d.path, d.dct ? Date.parse(d.dct) : NaN])));
}

function report(r: CorpusEventMention, rank: number, entities: Map<string, Entity>): Report {
  const all = r.place && !r.participants.includes(r.place) ? [...r.participants, r.place] : r.participants;
  return {
    r, rank, family: FAMILY.get(r.kind)!, precision: r.date ? r.date.split('-').length : 0, phase: !r.date ? 2 : r.date.includes('X') ? 1 : 0,
    strong: r.participants.filter((id) => !WEAK.has(entities.get(id)?.type ?? '')), all,
  };
}

/** The order of one pass over the corpus: phase, most precise first, own dates before borrowed ones, then path and offset. */
function reportOrder(a: Report, b: Report): number {
  return a.phase - b.phase || b.precision - a.precision || (a.r.borrowed ? 1 : 0) - (b.r.borrowed ? 1 : 0) || a.rank - b.rank || a.r.start - b.r.start;
}

function clusterOrder(a: Cluster, b: Cluster): number {
  return reportOrder(a.founder, b.founder);
}

/**
 * A scope's reports, one at a time in report order, each joining the best cluster it may join
 * (among `input`, in cluster order, and those started before it) or starting one. Returns copies
 * of the input clusters reports joined, and the clusters started.
 */
function joinScope(reportsIn: Report[], input: Cluster[]): { copies: Map<Cluster, Cluster>; started: Cluster[] } {
  const sorted = [...input].sort(clusterOrder);
  const copyOf = new Map(sorted.map((c) => [{ ...c, mentions: [...c.mentions], strong: [...c.strong], all: [...c.all], docs: [...c.docs], sentences: [...c.sentences], lines: [...c.lines] }, c]));
  const clusters = [...copyOf.keys()];
  // When each cluster got each entity and each document in this scope: ties go to the cluster that
  // got the rarest shared entity last, then to the document's clusters in the order they got it.
  let clock = 0;
  const gotEntity = new Map<Cluster, Map<string, number>>();
  const gotDoc = new Map<Cluster, Map<number, number>>();
  const stamp = (c: Cluster, ids: string[], docs: number[]) => {
    if (!gotEntity.has(c)) gotEntity.set(c, new Map());
    if (!gotDoc.has(c)) gotDoc.set(c, new Map());
    for (const id of ids) if (!gotEntity.get(c)!.has(id)) gotEntity.get(c)!.set(id, clock++);
    for (const doc of docs) if (!gotDoc.get(c)!.has(doc)) gotDoc.get(c)!.set(doc, clock++);
  };
  for (const c of clusters) stamp(c, c.all, c.docs);
  for (const p of [...reportsIn].sort(reportOrder)) {
    const { r } = p;
    const sentence = `${p.rank}|${r.sentence.start}`;
    const line = `${p.rank}|${r.line}`;
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const c of candidates(p, clusters, gotEntity, gotDoc, sentence, line)) {
      if (c.kind !== r.kind && !COMPATIBLE[c.kind]?.includes(r.kind)) continue;
      if (!datesAgree(c.date, r.date)) continue;
      const sameHappening = c.lines.includes(line);
      // Within a document only the extractor's happenings join.
      if (!sameHappening && c.docs.includes(p.rank)) continue;
      const undated = !c.date || !r.date;
      if (undated && !sameHappening) continue;
      const sharedStrong = p.strong.filter((id) => c.strong.includes(id)).length;
      const shared = p.all.filter((id) => c.all.includes(id)).length;
      const dayPrecise = c.precision >= 3 && p.precision >= 3;
      const sameMonth = r.kind === c.kind && p.precision >= 2 && c.precision >= 2;
      if (!(sameHappening || sharedStrong > 0 || (shared > 0 && (dayPrecise || sameMonth)))) continue;
      const score = sharedStrong * 2 + shared + (sameHappening ? 3 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) {
      best = { founder: p, kind: r.kind, date: r.date, precision: p.precision, mentions: [], strong: [], all: [], docs: [], sentences: [], lines: [] };
      clusters.push(best);
    }
    best.mentions.push(r);
    for (const id of p.strong) if (!best.strong.includes(id)) best.strong.push(id);
    const ids = p.all.filter((id) => !best!.all.includes(id));
    best.all.push(...ids);
    if (!best.docs.includes(p.rank)) best.docs.push(p.rank);
    if (!best.sentences.includes(sentence)) best.sentences.push(sentence);
    if (!best.lines.includes(line)) best.lines.push(line);
    stamp(best, ids, [p.rank]);
  }
  const copies = new Map<Cluster, Cluster>();
  for (const c of clusters.slice(0, sorted.length)) if (c.mentions.length > copyOf.get(c)!.mentions.length) copies.set(copyOf.get(c)!, c);
  return { copies, started: clusters.slice(sorted.length) };
}

/**
 * The clusters a report looks at, in the order it looks (join.ts, ScopeIndex.pool): a dated report,
 * those sharing an entity (rarest entity first, the cluster that got it last first, 64 at most);
 * then, of its own document's, those it could join: sharing a name or its sentence when dated,
 * its happening or two people or organisations when not; in the order they got the document.
 */
function candidates(p: Report, clusters: Cluster[], gotEntity: Map<Cluster, Map<string, number>>, gotDoc: Map<Cluster, Map<number, number>>, sentence: string, line: string): Cluster[] {
  const pool = new Set<Cluster>();
  if (p.r.date) {
    const lists = p.all
      .map((id) => clusters.filter((c) => c.all.includes(id)).sort((a, b) => gotEntity.get(b)!.get(id)! - gotEntity.get(a)!.get(id)!))
      .filter((list) => list.length > 0)
      .sort((a, b) => a.length - b.length);
    for (const list of lists) for (const c of list) if (pool.size < MAX_CANDIDATES) pool.add(c);
  }
  const mine = clusters.filter((c) => c.docs.includes(p.rank)).filter((c) => p.r.date
    ? p.all.some((id) => c.all.includes(id)) || c.sentences.includes(sentence)
    : c.lines.includes(line) || p.strong.filter((id) => c.all.includes(id)).length >= 2);
  for (const c of mine.sort((a, b) => gotDoc.get(a)!.get(p.rank)! - gotDoc.get(b)!.get(p.rank)!)) pool.add(c);
  return [...pool];
}

/** Equal at the precision both give; X (no year) agrees with any digit. */
function datesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k] && a[k] !== 'X' && b[k] !== 'X') return false;
  return true;
}

/** Dated first in date order, then the most told, then by id. */
function eventOrder(a: CorpusEvent, b: CorpusEvent): number {
  const dates = a.date === b.date ? 0 : !a.date ? 1 : !b.date ? -1 : a.date < b.date ? -1 : 1;
  return dates || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Events that are not statements, linked across documents when one of the two is undated, they
 * share no document, they share a word or person or organisation that at most CAP undated events
 * share (and at most CAP dated ones, for a pair with a dated event), their documents are at most 30
 * days apart, their kinds compatible (either way round), their names do not contradict, and the
 * scorer says yes. Each connected group (union-find over every pair) is then cut: its links
 * strongest first, ties by the events' order, each uniting two parts whose dates all agree. A part
 * of two or more is one event, with the id and kind of its first and the most precise of its dates.
 */
function storyJoin(base: CorpusEvent[], entities: Map<string, Entity>, dctTime: Map<string, number>): ReferenceEvents {
  const lookups = (list: CorpusEvent[]) => ({
    eventsIn: (path: string) => list.filter((e) => e.mentions.some((m) => m.path === path)),
    eventsOf: (id: string) => list.filter((e) => e.participants.includes(id) || e.place === id),
  });
  const model = joinModel();
  const nodes = model ? base.filter((e) => FAMILY.get(e.kind) !== FAMILY.get('statement') && e.mentions.length > 0) : [];
  const sketches = nodes.map((e) => sketch(e, entities));
  const paths = nodes.map((e) => new Set(e.mentions.map((m) => m.path)));
  const keys = nodes.map((e, k) => new Set([...sketches[k].lemmas.map((l) => `${FAMILY.get(e.kind)}|w:${l}`), ...sketches[k].strong.map((id) => `${FAMILY.get(e.kind)}|e:${id}`)]));
  const count = (key: string, dated: boolean) => nodes.filter((e, k) => (e.date !== null) === dated && keys[k].has(key)).length;
  const timeOf = (k: number) => (paths[k].size === 1 ? dctTime.get([...paths[k]][0])! : NaN);
  const links: Array<{ i: number; j: number; p: number }> = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [x, y] = [nodes[i], nodes[j]];
      if (x.date !== null && y.date !== null) continue;
      if ([...paths[i]].some((p) => paths[j].has(p))) continue;
      const withDated = x.date !== null || y.date !== null;
      if (![...keys[i]].some((key) => keys[j].has(key) && count(key, false) <= CAP && (!withDated || count(key, true) <= CAP))) continue;
      if (Math.abs(timeOf(i) - timeOf(j)) > MAX_DAYS_APART * 86_400_000) continue;
      if (!(compatible(x.kind, y.kind) || compatible(y.kind, x.kind)) || contradicts(sketches[i], sketches[j])) continue;
      const p = probability(model!, pairFeatures(sketches[i], sketches[j]));
      if (p >= model!.threshold) links.push({ i, j, p });
    }
  }
  const group = nodes.map((_, k) => k);
  const find = (parent: number[], k: number): number => (parent[k] === k ? k : (parent[k] = find(parent, parent[k])));
  for (const { i, j } of links) group[find(group, i)] = find(group, j);
  const joinedOf = new Map<CorpusEvent, CorpusEvent>();
  for (const [, members] of groupBy(nodes.map((_, k) => k), (k) => String(find(group, k)))) {
    if (members.length < 2) continue;
    const rank = new Map(members.sort((a, b) => eventOrder(nodes[a], nodes[b])).map((k, r) => [k, r]));
    const ends = (l: { i: number; j: number }) => [Math.min(rank.get(l.i)!, rank.get(l.j)!), Math.max(rank.get(l.i)!, rank.get(l.j)!)];
    const inside = links.filter((l) => rank.has(l.i)).sort((a, b) => b.p - a.p || ends(a)[0] - ends(b)[0] || ends(a)[1] - ends(b)[1]);
    const part = new Map(members.map((k) => [k, k]));
    const dates = new Map(members.map((k) => [k, nodes[k].date ? [nodes[k].date!] : []]));
    const top = (k: number): number => (part.get(k) === k ? k : top(part.get(k)!));
    for (const l of inside) {
      const [a, b] = [top(l.i), top(l.j)];
      if (a === b || !dates.get(a)!.every((d) => dates.get(b)!.every((e) => datesAgree(d, e)))) continue;
      const [keep, gone] = rank.get(a)! < rank.get(b)! ? [a, b] : [b, a];
      part.set(gone, keep);
      dates.set(keep, [...dates.get(keep)!, ...dates.get(gone)!]);
    }
    for (const [, ks] of groupBy(members, (k) => String(top(k)))) {
      if (ks.length < 2) continue;
      const events = ks.map((k) => nodes[k]).sort(eventOrder);
      const precision = (d: string | null) => (d ? d.replace(/X/g, '').length : -1);
      const date = events.reduce<string | null>((best, e) => (precision(e.date) > precision(best) ? e.date : best), null);
      const { event } = describeEvent({ kind: events[0].kind, date }, events.flatMap((e) => e.mentions), entities);
      event.id = events[0].id;
      for (const e of events) joinedOf.set(e, event);
    }
  }
  const shown = (list: CorpusEvent[]) => [...new Set(list.map((e) => joinedOf.get(e) ?? e))];
  const events = [...base.filter((e) => !joinedOf.has(e)), ...new Set(joinedOf.values())].sort(eventOrder);
  const lookup = lookups(base);
  return { events, eventsIn: (path) => shown(lookup.eventsIn(path)), eventsOf: (id) => shown(lookup.eventsOf(id)) };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(item);
  }
  return out;
}
