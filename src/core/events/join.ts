// Joining event mentions across documents: one event per real-world happening. Two reports join
// when their kinds agree, their dates agree at the precision each gives, and they share a
// participant or the place. Nothing here knows any particular happening.
import type { Entity, LinkedMention } from '../entities/link.js';
import type { EventMention } from './extract.js';
import { COMPATIBLE, FAMILY, type EventKind } from './kinds.js';
import { titleOf } from './title.js';
import type { Span } from '../types.js';

export interface CorpusEventMention extends Span {
  path: string;
  trigger: string;
  kind: EventKind;
  sentence: Span;
  /**
   * The happening it tells within its document (EventMention.happening): reports of one happening
   * share it, and the same-paragraph rule below reads it, so that they join as the extractor found.
   */
  line: number;
  /** The date its document gives the happening, if any. */
  date: string | null;
  /** Entity ids of its participants (agent, then patient), and of its place. */
  participants: string[];
  agent: string[];
  patient: string[];
  place: string | null;
  /** The verb or noun that told it, for the title. */
  lemma: string;
  modality: 'actual' | 'planned';
  /** The content words and the numbers of its sentence (each once), when the text was given: what storyJoin.ts compares wording by. */
  words?: readonly string[];
  /** Its date is the one another document gives the story it tells (stories.ts), not its own. */
  borrowed?: true;
}

export interface CorpusEvent {
  /** Stable within a corpus state: `event:<kind>:<date or undated>:<first participant>:<n>`. */
  id: string;
  kind: EventKind;
  /** The most precise date the reports agree on, or null. */
  date: string | null;
  title: string;
  /** Entity ids, most often named first. */
  participants: string[];
  /** Who did it and to whom, by entity id, most often named first. */
  roles: { agent: string[]; patient: string[] };
  place: string | null;
  /** The word the title tells it with. */
  lemma: string;
  /** 'planned' when every report tells it as to come. */
  modality: 'actual' | 'planned';
  mentions: CorpusEventMention[];
}

export interface EventInput {
  path: string;
  /** The document's own date, to complete a date without a year. */
  dct: string | null;
  events: EventMention[];
  /** The document's linked entity mentions, to map participants to entities. */
  mentions: LinkedMention[];
  /** The document's text, for the words its happenings are told in. */
  text?: string;
}

/** Participants that are too general to tie two reports together on their own. */
const WEAK_TYPES = new Set(['NORP', 'PLACE']);

// Joining is done in scopes, so that a change joins again only the scopes it touches (see
// incrementalJoin.ts). A report can only join a cluster whose date agrees with its own, so, per
// family of kinds that may join: reports dated to the day join within their day; then those dated
// to the month, onto the clusters of their month; then those dated to the year, onto the clusters
// of their year. Reports whose date has no year (documents without a date of their own) come next:
// "XXXX-03-22" and "XXXX-03" onto the clusters of March of any year, then "XXXX" ("this year")
// onto every cluster of the family. Undated reports come last, and join only within their document.
// Within a scope, reports come most precise first, then by path and offset, as in one pass over
// the corpus; a cluster's order is its first report's.

/** A document as joining sees it. */
export interface JoinDocument {
  /** A number for the same-document rules and index keys. */
  n: number;
  /** Its place in path order: the order reports and clusters are met in. */
  rank: number;
}

/** A report with what comparing it needs, computed once when it enters. */
export interface Prepared {
  r: CorpusEventMention;
  doc: JoinDocument;
  family: number;
  precision: number;
  /** 0 dated with a year, 1 a date without a year, 2 undated: the phase it joins in. */
  phase: number;
  /** 1 when its date is borrowed: among reports of one date, those dated by their own document come first and found the event. */
  borrowed: number;
  strong: string[];
  all: string[];
  /** Numbers equal for reports of the same sentence, and of the same paragraph (line). */
  sentenceKey: number;
  lineKey: number;
}

export interface Cluster {
  /** Its first report: its kind, family and date are this report's, its order in the corpus too. */
  founder: Prepared;
  mentions: CorpusEventMention[];
  kind: EventKind;
  family: number;
  /** Fixed when the cluster forms: reports come most precise first, so none that joins is more precise. */
  date: string | null;
  precision: number;
  /** Entity ids (few per happening: arrays beat sets here). */
  strong: string[];
  all: string[];
  /** Its reports' documents, sentences and paragraphs, for the same-document, -sentence and -paragraph rules. */
  docs: number[];
  sentences: number[];
  lines: number[];
}

export function prepare(r: CorpusEventMention, doc: JoinDocument, sentenceKey: number, lineKey: number, entities: Map<string, Entity>): Prepared {
  const all = r.place && !r.participants.includes(r.place) ? r.participants.concat(r.place) : r.participants;
  return {
    r, doc, family: FAMILY.get(r.kind)!, precision: precision(r.date), phase: !r.date ? 2 : r.date.includes('X') ? 1 : 0, borrowed: r.borrowed ? 1 : 0, all,
    strong: strongOf(r.participants, entities),
    sentenceKey, lineKey,
  };
}

/** People, organisations and other names among the participants (the list itself when that is all of them: fewer arrays to keep). */
function strongOf(participants: string[], entities: Map<string, Entity>): string[] {
  const strong = participants.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? ''));
  return strong.length === participants.length ? participants : exact(strong);
}

/**
 * A copy of exactly its length. A list made by filter or push, or by spreading two, keeps room to
 * spare (a short one up to 17 slots, near three times its memory): the joiner keeps some of them
 * for every report, cluster and event, hundreds of thousands at 10,000 documents.
 */
export function exact<T>(list: T[]): T[] {
  return list.slice();
}

/** The order of one pass over the corpus: phase, most precise first, own dates before borrowed ones, then path and offset. */
export function reportOrder(a: Prepared, b: Prepared): number {
  return a.phase - b.phase || b.precision - a.precision || a.borrowed - b.borrowed || a.doc.rank - b.doc.rank || a.r.start - b.r.start;
}

export function clusterOrder(a: Cluster, b: Cluster): number {
  return reportOrder(a.founder, b.founder);
}

/** Compared with a report at most: enough for any real happening, bounded for a corpus of 10,000 articles. */
const MAX_CANDIDATES = 64;

/**
 * Joins one scope's reports (in report order) onto the clusters earlier scopes left (in cluster
 * order): each report joins the best cluster it may join, or starts one. Within a scope the family
 * is one and every cluster's date agrees with the scope's, so candidates are found by entity and by
 * document alone. A cluster of `input` is copied before it changes: the caller's stay as they were.
 * Returns `input`'s clusters (copies where reports joined them), then the clusters started here.
 */
export function joinScope(reports: Prepared[], input: Cluster[]): Cluster[] {
  const steps = joinScopeSteps(reports, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Reports joined by joinScopeSteps between two steps: a scope of thousands (a long document's year) joins in steps. */
const JOIN_STEP = 50;
/** Clusters indexed between two steps of joinScopeSteps. */
const FILE_STEP = 500;

/** joinScope, a step at a time: the caller's clusters are never changed, so it may stop between steps. */
export function* joinScopeSteps(reports: Prepared[], input: Cluster[]): Generator<void, Cluster[]> {
  const clusters = [...input];
  const copied = new Set<number>();
  const index = new ScopeIndex(reports);
  for (const [c, cluster] of input.entries()) {
    index.file(c, cluster, cluster.all, cluster.docs, cluster.sentences, cluster.lines);
    // A long document's year holds thousands of clusters: indexed in steps too.
    if ((c + 1) % FILE_STEP === 0) yield;
  }
  let n = 0;
  for (const report of reports) {
    if (++n % JOIN_STEP === 0) yield;
    const { r, strong, all } = report;
    let best = -1;
    let bestScore = 0;
    for (const c of index.pool(report)) {
      const cluster = clusters[c];
      if (cluster.kind !== r.kind && !COMPATIBLE[cluster.kind]?.includes(r.kind)) continue;
      if (!datesAgree(cluster.date, r.date)) continue;
      let sharedStrong = 0;
      for (const id of strong) if (cluster.strong.includes(id)) sharedStrong++;
      const undated = !cluster.date || !r.date;
      // Within a document the extractor has decided which mentions tell one happening (their `line`):
      // they join whatever their names, and no other report of that document joins them.
      const sameHappening = cluster.lines.includes(report.lineKey);
      if (!sameHappening && cluster.docs.includes(report.doc.n)) continue;
      // A shared person or organisation; or a shared place with the same day on both sides, or the
      // same kind in the same month.
      const dayPrecise = cluster.precision >= 3 && report.precision >= 3;
      const sameMonth = r.kind === cluster.kind && report.precision >= 2 && cluster.precision >= 2;
      if (!sameHappening && !undated && sharedStrong === 0 && !dayPrecise && !sameMonth) continue; // cannot join: spare counting the rest
      let shared = 0;
      for (const id of all) if (cluster.all.includes(id)) shared++;
      // Without dates on both sides, a report joins only its own happening (undated reports of other
      // documents reach it through the date their story lends them: stories.ts).
      if (undated && !sameHappening) continue;
      const score = sharedStrong * 2 + shared + (sameHappening ? 3 : 0);
      if ((sameHappening || sharedStrong > 0 || (shared > 0 && (dayPrecise || sameMonth))) && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({
        founder: report, mentions: [r], kind: r.kind, family: report.family, date: r.date, precision: report.precision,
        strong: [...strong], all: [...all], docs: [report.doc.n], sentences: [report.sentenceKey], lines: [report.lineKey],
      });
      copied.add(best);
      index.file(best, clusters[best], all, [report.doc.n], [report.sentenceKey], [report.lineKey]);
      continue;
    }
    if (!copied.has(best)) {
      const c = clusters[best];
      clusters[best] = { ...c, mentions: [...c.mentions], strong: [...c.strong], all: [...c.all], docs: [...c.docs], sentences: [...c.sentences], lines: [...c.lines] };
      copied.add(best);
    }
    const cluster = clusters[best];
    cluster.mentions.push(r);
    const sentence = cluster.sentences.includes(report.sentenceKey) ? [] : [report.sentenceKey];
    const line = cluster.lines.includes(report.lineKey) ? [] : [report.lineKey];
    const doc = cluster.docs.includes(report.doc.n) ? [] : [report.doc.n];
    const ids = all.filter((id) => !cluster.all.includes(id));
    for (const id of strong) if (!cluster.strong.includes(id)) cluster.strong.push(id);
    cluster.sentences.push(...sentence);
    cluster.lines.push(...line);
    cluster.docs.push(...doc);
    cluster.all.push(...ids);
    index.file(best, cluster, ids, doc, sentence, line);
  }
  // The clusters reports joined here grew by push: kept at their length (see exact).
  for (const c of copied) {
    const cluster = clusters[c];
    if (cluster.mentions.length > 1) Object.assign(cluster, {
      mentions: exact(cluster.mentions), strong: exact(cluster.strong), all: exact(cluster.all),
      docs: exact(cluster.docs), sentences: exact(cluster.sentences), lines: exact(cluster.lines),
    });
  }
  return clusters;
}

/**
 * A scope's clusters by what its reports look them up by: entity; and, within a document, entity,
 * sentence and paragraph. Lists are in the order the clusters got the entity or document (the
 * newest last), and only the entities and documents of the scope's reports are filed.
 */
class ScopeIndex {
  private readonly byEntity = new Map<string, number[]>();
  /** Document → entity → clusters. */
  private readonly byDocEntity = new Map<number, Map<string, number[]>>();
  /** Sentence and paragraph keys (drawn from one counter: never equal) → clusters. */
  private readonly byKey = new Map<number, number[]>();
  /** A cluster's place among its document's, by `c * 2^32 + doc`; and how many each document has. */
  private readonly placeInDoc = new Map<number, number>();
  private readonly docSize = new Map<number, number>();
  private readonly ids = new Set<string>();
  private readonly keys = new Set<number>();
  private readonly poolSet = new Set<number>();
  private readonly ofDocument = new Set<number>();
  private readonly lists: number[][] = [];

  constructor(reports: Prepared[]) {
    for (const p of reports) {
      for (const id of p.all) this.ids.add(id);
      if (!this.byDocEntity.has(p.doc.n)) this.byDocEntity.set(p.doc.n, new Map());
      this.keys.add(p.sentenceKey).add(p.lineKey);
    }
  }

  /** Files a cluster's new entities, documents, sentences and paragraphs (`cluster` already has them). */
  file(c: number, cluster: Cluster, ids: readonly string[], docs: readonly number[], sentences: readonly number[], lines: readonly number[]): void {
    for (const id of ids) if (this.ids.has(id)) push(this.byEntity, id, c);
    for (const doc of docs) {
      const byEntity = this.byDocEntity.get(doc);
      if (!byEntity) continue;
      const size = this.docSize.get(doc) ?? 0;
      this.placeInDoc.set(c * 2 ** 32 + doc, size);
      this.docSize.set(doc, size + 1);
      for (const id of cluster.all) if (this.ids.has(id) && !ids.includes(id)) push(byEntity, id, c);
    }
    for (const id of ids) {
      if (!this.ids.has(id)) continue;
      for (const doc of cluster.docs) {
        const byEntity = this.byDocEntity.get(doc);
        if (byEntity) push(byEntity, id, c);
      }
    }
    for (const key of sentences) if (this.keys.has(key)) push(this.byKey, key, c);
    for (const key of lines) if (this.keys.has(key)) push(this.byKey, key, c);
  }

  /**
   * Which clusters a report can join, in the order it looks at them: those sharing an entity
   * (rarest entities first, newest clusters first, MAX_CANDIDATES at most), then those of its
   * document in the document's order. Of its document's, only those that can pass the rules above
   * are looked at: a dated report joins one sharing a name or its sentence; an undated report one
   * in its paragraph or sharing two people or organisations (and only its document's).
   */
  pool(report: Prepared): Iterable<number> {
    const doc = report.doc.n;
    // One set of each, cleared per report: the caller is done with the last pool when it asks again.
    const { poolSet: pool, ofDocument, lists } = this;
    pool.clear();
    ofDocument.clear();
    lists.length = 0;
    if (report.r.date) {
      for (const id of report.all) {
        const list = this.byEntity.get(id);
        if (list) lists.push(list);
      }
      lists.sort((a, b) => a.length - b.length);
      for (const list of lists) {
        for (let k = list.length - 1; k >= 0 && pool.size < MAX_CANDIDATES; k--) pool.add(list[k]);
        if (pool.size >= MAX_CANDIDATES) break;
      }
      const byEntity = this.byDocEntity.get(doc)!;
      for (const id of report.all) for (const c of byEntity.get(id) ?? []) ofDocument.add(c);
      for (const c of this.byKey.get(report.sentenceKey) ?? []) ofDocument.add(c);
    } else {
      for (const c of this.byKey.get(report.lineKey) ?? []) ofDocument.add(c);
      const once = new Set<number>();
      const byEntity = this.byDocEntity.get(doc)!;
      for (const id of report.strong) for (const c of byEntity.get(id) ?? []) if (once.has(c)) ofDocument.add(c); else once.add(c);
    }
    if (ofDocument.size === 1) for (const c of ofDocument) pool.add(c);
    else if (ofDocument.size > 1) {
      const place = (c: number) => this.placeInDoc.get(c * 2 ** 32 + doc)!;
      for (const c of [...ofDocument].sort((a, b) => place(a) - place(b))) pool.add(c);
    }
    return pool;
  }
}

/** The last segment of a path or URI. */
function fileName(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

/** The event a cluster is, but its id: `mentions` are the cluster's and those that joined it later (undated, within their documents). */
export function describeEvent(c: Pick<Cluster, 'kind' | 'date'>, mentions: CorpusEventMention[], entities: Map<string, Entity>): { base: string; event: CorpusEvent } {
  if (mentions.length > 1) mentions = [...mentions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  // Each document's happening counts once, however many mentions tell it there.
  const told = new Map<string, CorpusEventMention>();
  for (const m of mentions) if (!told.has(`${m.path}|${m.line}`)) told.set(`${m.path}|${m.line}`, m);
  const reports = [...told.values()];
  const place = mostNamed(reports.map((m) => (m.place ? [m.place] : [])))[0] ?? null;
  let agent = exact(mostNamed(reports.map((m) => m.agent)).filter((id) => id !== place));
  let patient = exact(mostNamed(reports.map((m) => m.patient)).filter((id) => id !== place && !agent.includes(id)));
  if (SYMMETRIC.has(c.kind) && agent.length > 1) {
    // A meeting's sides: the one most often told as its doer, and the others.
    patient = agent.slice(1).concat(patient);
    agent = agent.slice(0, 1);
  }
  const others = mostNamed(reports.map((m) => m.participants)).filter((id) => id !== place && !agent.includes(id) && !patient.includes(id));
  const participants = agent.concat(patient, others);
  const lemma = mostNamed(reports.map((m) => (m.kind === c.kind ? [m.lemma] : [])))[0] ?? reports[0].lemma;
  const modality = reports.every((m) => m.modality === 'planned') ? 'planned' : 'actual';
  // Events that name nobody are many ("Fire", "Attack"): told apart by their place or first document's
  // file name (not its path: the editor's paths are URIs, the CLI's relative), so that no id is shared by thousands.
  const base = `event:${c.kind}:${c.date ?? 'undated'}:${participants[0] ?? place ?? `none@${fileName(mentions[0].path)}`}`;
  const roles = { agent, patient };
  const title = titleOf({ kind: c.kind, lemma, agent, patient, place, modality }, entities);
  return { base, event: { id: base, kind: c.kind, date: c.date, title, participants, roles, place, lemma, modality, mentions } };
}

/** Kinds told between two sides, either way round. */
const SYMMETRIC = new Set<EventKind>(['meeting', 'agreement']);

/** The ids the reports name, most often first (first named first among equals). */
function mostNamed(lists: string[][]): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const id of new Set(list)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** The title of an event again, after an entity's name changed. */
export function retitle(e: CorpusEvent, entities: Map<string, Entity>): string {
  return titleOf({ kind: e.kind, lemma: e.lemma, agent: e.roles.agent, patient: e.roles.patient, place: e.place, modality: e.modality }, entities);
}

/** The order of events: dated first, in date order, then those told most often. */
export function compareEvents(a: CorpusEvent, b: CorpusEvent): number {
  return compareDates(a.date, b.date) || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** compareEvents with the ids the events will have once placed (`idOf`), before they are. */
export function compareEventsAs(idOf: (e: CorpusEvent) => string): (a: CorpusEvent, b: CorpusEvent) => number {
  return (a, b) => {
    const x = idOf(a);
    const y = idOf(b);
    return compareDates(a.date, b.date) || b.mentions.length - a.mentions.length || (x < y ? -1 : x > y ? 1 : 0);
  };
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A document's event mentions as reports: participants and place as entity ids, dates completed. */
export function reportsOf(input: EventInput): CorpusEventMention[] {
  const byStart = new Map(input.mentions.map((m) => [m.start, m.entity]));
  const ids = (names: EventMention['participants']) => [...new Set(names.map((p) => byStart.get(p.start)).filter((x): x is string => !!x))];
  const wordsOf = sentenceWords(input.text);
  return input.events.map((e) => {
    const agent = ids(e.agent);
    const patient = exact(ids(e.patient).filter((id) => !agent.includes(id)));
    const report: CorpusEventMention = {
      path: input.path, start: e.start, end: e.end, trigger: e.trigger, kind: e.kind, sentence: e.sentence, line: e.happening,
      date: e.date ? completeYear(e.date.value, input.dct) : null,
      participants: agent.concat(patient), agent, patient,
      place: e.place ? byStart.get(e.place.start) ?? null : null,
      lemma: e.lemma, modality: e.modality,
    };
    if (wordsOf) report.words = wordsOf(e.sentence);
    return report;
  });
}

/** A sentence's content words (lower case) and numbers, each once, at most MAX_WORDS; one list per sentence of the text. */
function sentenceWords(text: string | undefined): ((sentence: Span) => readonly string[]) | null {
  if (!text) return null;
  const done = new Map<number, readonly string[]>();
  return (sentence) => {
    let words = done.get(sentence.start);
    if (!words) {
      const set = new Set<string>();
      for (const w of text.slice(sentence.start, sentence.end).toLowerCase().match(/[a-z]{3,}|\d[\d,.]*\d|\d/g) ?? []) {
        if (!STOP.has(w) && set.size < MAX_WORDS) set.add(interned(w));
      }
      done.set(sentence.start, (words = [...set]));
    }
    return words;
  };
}

const internedWords = new Map<string, string>();

/**
 * One string per word: each document's reports and happenings keep their sentences' words, a
 * string each, read out of a lower-cased copy of the sentence (a long word a slice of it, holding
 * the whole copy); 10,000 documents repeat a vocabulary of some tens of thousands of words.
 */
function interned(word: string): string {
  const known = internedWords.get(word);
  if (known !== undefined) return known;
  // Cleared as normalise's cache is: an editing session's new words cannot grow it without end.
  if (internedWords.size >= 200_000) internedWords.clear();
  internedWords.set(word, word);
  return word;
}

/** Words too common to tell two stories apart. */
const STOP = new Set(['the', 'and', 'that', 'for', 'with', 'was', 'were', 'has', 'have', 'had', 'this', 'from', 'his', 'her', 'its', 'their', 'they', 'which', 'who', 'are', 'been', 'also', 'said', 'not', 'but', 'after', 'into', 'about', 'than', 'more', 'will', 'would', 'there', 'these', 'those', 'when', 'other', 'such', 'some', 'what', 'said', 'says', 'two', 'one']);
const MAX_WORDS = 40;

/** Per happening of the document (its `line`), the content words of the sentences that tell it (lower case, each once, sorted): what stories.ts compares. */
export function wordsOfHappenings(input: EventInput): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  if (!input.text) return out;
  const sentences = new Map<number, Set<number>>();
  for (const e of input.events) {
    // A happening that names nobody ties no story (stories.ts looks lenders up by names): no words needed.
    if (e.participants.length === 0) continue;
    let set = sentences.get(e.happening);
    if (!set) sentences.set(e.happening, (set = new Set()));
    set.add(e.sentence.start * 2 ** 20 + Math.min(e.sentence.end - e.sentence.start, 2 ** 20 - 1));
  }
  for (const [happening, spans] of sentences) {
    const words = new Set<string>();
    for (const key of spans) {
      const start = Math.floor(key / 2 ** 20);
      for (const w of input.text.slice(start, start + (key % 2 ** 20)).toLowerCase().match(/[a-z]{3,}/g) ?? []) {
        if (!STOP.has(w) && words.size < MAX_WORDS) words.add(interned(w));
      }
    }
    out.set(happening, [...words].sort());
  }
  return out;
}

/** "XXXX-03-22" in a document dated 2024-11-25 is 2024-03-22 (news reports the past). */
function completeYear(value: string, dct: string | null): string {
  if (!value.startsWith('XXXX') || !dct) return value;
  const year = Number(dct.slice(0, 4));
  const candidate = `${year}${value.slice(4)}`;
  return candidate.slice(0, 10) <= dct.slice(0, candidate.length) ? candidate : `${year - 1}${value.slice(4)}`;
}

/** 0 none, 1 year, 2 month, 3 day. */
function precision(date: string | null): number {
  if (!date) return 0;
  return date.split('-').length;
}

/** Equal at the precision both give: 2024-03 agrees with 2024-03-22, not with 2024-04-01. */
export function datesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k] && a[k] !== 'X' && b[k] !== 'X') return false;
  return true;
}

export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}
