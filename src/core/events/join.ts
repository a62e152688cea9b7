// Joining event mentions across documents: one event per real-world happening. Two reports join
// when their kinds agree, their dates agree at the precision each gives, and they share a
// participant or the place. Nothing here knows any particular happening.
import type { Entity, LinkedMention } from '../entities/link.js';
import { COMPATIBLE, type EventKind, type EventMention } from './extract.js';
import type { Span } from '../types.js';

export interface CorpusEventMention extends Span {
  path: string;
  trigger: string;
  kind: EventKind;
  sentence: Span;
  line: number;
  /** The report's own date value, if its sentence gives one. */
  date: string | null;
  /** Entity ids of its participants, and of its place. */
  participants: string[];
  place: string | null;
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
  place: string | null;
  mentions: CorpusEventMention[];
}

export interface EventInput {
  path: string;
  /** The document's own date, to complete a date without a year. */
  dct: string | null;
  events: EventMention[];
  /** The document's linked entity mentions, to map participants to entities. */
  mentions: LinkedMention[];
}

/** Kinds that, in one sentence, are one happening told twice ("the attack … killed 144"). */
const ONE_HAPPENING = new Set(['attack/killing', 'killing/attack']);
/** Participants that are too general to tie two reports together on their own. */
const WEAK_TYPES = new Set(['NORP', 'PLACE']);

export function joinEvents(inputs: EventInput[], entities: Map<string, Entity>): CorpusEvent[] {
  const reports: Array<{ r: CorpusEventMention; doc: number }> = [];
  for (const [doc, input] of inputs.entries()) for (const r of reportsOf(input)) reports.push({ r, doc });
  // Dated reports first, most precise first, so clusters form around firm dates.
  const prepared = reports.map(({ r, doc }) => prepare(r, doc, entities)).sort((a, b) => b.precision - a.precision || (a.r.path < b.r.path ? -1 : a.r.path > b.r.path ? 1 : a.r.start - b.r.start));
  const clusters: Cluster[] = [];
  // Clusters are filed for dates with unknown parts only when some report has one (documents without a date).
  const index = new ClusterIndex(prepared.some((p) => p.r.date?.includes('X')));
  for (const report of prepared) {
    const { r, strong, all } = report;
    let best = -1;
    let bestScore = 0;
    for (const c of index.pool(report)) {
      const cluster = clusters[c];
      if (cluster.kind !== r.kind && !COMPATIBLE[cluster.kind]?.includes(r.kind)) continue;
      if (!datesAgree(cluster.date, r.date)) continue;
      let sharedStrong = 0;
      for (const id of strong) if (cluster.strong.includes(id)) sharedStrong++;
      let shared = 0;
      for (const id of all) if (cluster.all.includes(id)) shared++;
      // Without dates on both sides, a report joins only within its document: in the same paragraph
      // sharing a name, or elsewhere sharing two people or organisations.
      const undated = !cluster.date || !r.date;
      if (undated) {
        const sameParagraph = cluster.lines.includes(report.lineKey);
        const sameDocumentStrong = cluster.docs.includes(report.doc) && sharedStrong >= 2;
        if (!(sameParagraph && shared > 0) && !sameDocumentStrong) continue;
      }
      // A shared person or organisation; or a shared place with the same day on both sides, or the
      // same kind in the same month.
      const dayPrecise = cluster.precision >= 3 && report.precision >= 3;
      const sameMonth = r.kind === cluster.kind && report.precision >= 2 && cluster.precision >= 2;
      // Compatible triggers of one sentence ("the attack … in which 144 were killed") are one happening.
      const sameSentence = (cluster.kind === r.kind || ONE_HAPPENING.has(`${cluster.kind}/${r.kind}`)) && cluster.sentences.includes(report.sentenceKey);
      const score = sharedStrong * 2 + shared + (sameSentence ? 3 : 0);
      if ((sameSentence || undated || sharedStrong > 0 || (shared > 0 && (dayPrecise || sameMonth))) && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ mentions: [r], kind: r.kind, family: report.family, date: r.date, precision: report.precision, strong: [...strong], all: [...all], docs: [report.doc], sentences: [report.sentenceKey], lines: [report.lineKey] });
      index.add(best, clusters[best], all, report.doc);
    } else {
      const cluster = clusters[best];
      cluster.mentions.push(r);
      if (!cluster.sentences.includes(report.sentenceKey)) cluster.sentences.push(report.sentenceKey);
      if (!cluster.lines.includes(report.lineKey)) cluster.lines.push(report.lineKey);
      if (!cluster.docs.includes(report.doc)) {
        index.addDocument(best, cluster, report.doc);
        cluster.docs.push(report.doc);
      }
      for (const id of strong) if (!cluster.strong.includes(id)) cluster.strong.push(id);
      const added = all.filter((id) => !cluster.all.includes(id));
      for (const id of added) cluster.all.push(id);
      index.addEntities(best, cluster, added);
    }
  }
  const used = new Map<string, number>();
  const event = (c: Cluster, participants: string[], place: string | null, mentions: CorpusEventMention[]): CorpusEvent => {
    const base = `event:${c.kind}:${c.date ?? 'undated'}:${participants[0] ?? 'none'}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n > 1 ? `${base}:${n}` : base, kind: c.kind, date: c.date, title: titleOf(c.kind, participants, place, entities), participants, place, mentions };
  };
  return clusters.map((c) => {
    if (c.mentions.length === 1) {
      const [r] = c.mentions;
      const participants = [...r.participants].sort().filter((id) => id !== r.place);
      return event(c, participants, r.place, c.mentions);
    }
    const counts = new Map<string, number>();
    for (const m of c.mentions) for (const id of m.participants) counts.set(id, (counts.get(id) ?? 0) + 1);
    const participants = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    const placeCounts = new Map<string, number>();
    for (const m of c.mentions) if (m.place) placeCounts.set(m.place, (placeCounts.get(m.place) ?? 0) + 1);
    const place = [...placeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    if (place) participants.splice(participants.indexOf(place) >>> 0, participants.includes(place) ? 1 : 0);
    return event(c, participants, place, [...c.mentions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start)));
  }).sort((a, b) => compareDates(a.date, b.date) || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
}

/** A document's event mentions as reports: participants and place as entity ids, dates completed. */
export function reportsOf(input: EventInput): CorpusEventMention[] {
  const byStart = new Map(input.mentions.map((m) => [m.start, m.entity]));
  return input.events.map((e) => ({
    path: input.path, start: e.start, end: e.end, trigger: e.trigger, kind: e.kind, sentence: e.sentence, line: e.line,
    date: e.date ? completeYear(e.date.value, input.dct) : null,
    participants: [...new Set(e.participants.map((p) => byStart.get(p.start)).filter((x): x is string => !!x))],
    place: e.place ? byStart.get(e.place.start) ?? null : null,
  }));
}

/**
 * What joining reads of a document's reports, without offsets: two documents with the same
 * fingerprint join the same way (sentences and paragraphs are compared only for equality, so
 * their order numbers stand in for their offsets).
 */
export function reportsFingerprint(reports: CorpusEventMention[]): string {
  const sentences = new Map<number, number>();
  return JSON.stringify(reports.map((r) => {
    if (!sentences.has(r.sentence.start)) sentences.set(r.sentence.start, sentences.size);
    return [r.kind, r.date, r.participants, r.place, sentences.get(r.sentence.start), r.line];
  }));
}

interface Cluster {
  mentions: CorpusEventMention[];
  kind: EventKind;
  family: number;
  /** Fixed when the cluster forms: reports come most precise first, so none that joins is more precise. */
  date: string | null;
  precision: number;
  /** Entity ids (few per happening: arrays beat sets here). */
  strong: string[];
  all: string[];
  /** Its reports' documents, sentences and paragraphs (see `place`), for the same-document, -sentence and -paragraph rules. */
  docs: number[];
  sentences: number[];
  lines: number[];
}

/** A report with what comparing it needs, computed once. */
interface Prepared {
  r: CorpusEventMention;
  doc: number;
  family: number;
  precision: number;
  strong: string[];
  all: string[];
  sentenceKey: number;
  lineKey: number;
}

function prepare(r: CorpusEventMention, doc: number, entities: Map<string, Entity>): Prepared {
  const all = r.place && !r.participants.includes(r.place) ? [...r.participants, r.place] : r.participants;
  return {
    r, doc, family: FAMILY.get(r.kind)!, precision: precision(r.date), all,
    strong: r.participants.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? '')),
    sentenceKey: place(doc, r.sentence.start),
    lineKey: place(doc, r.line),
  };
}

/** A number for (document, offset or line): sets and comparisons of numbers, not of composed strings. */
function place(doc: number, at: number): number {
  return doc * 2 ** 32 + at;
}

/** Compared with a report at most: enough for any real happening, bounded for a corpus of 10,000 articles. */
const MAX_CANDIDATES = 64;

/**
 * Which clusters a report can join: those of its document, and those sharing an entity whose date
 * agrees with the report's. Clusters are filed under each entity and each prefix of their date
 * (2024, 2024-03, 2024-03-22), so a report dated 2024-03 looks up exactly the clusters of March 2024;
 * a date with unknown parts ("XXXX-03-22") is compared with every cluster sharing an entity.
 * An undated report joins only within its document (see the rules above), so it looks nowhere else.
 */
class ClusterIndex {
  private readonly byEntityDate = new Map<number, number[]>();
  private readonly byEntity = new Map<number, number[]>();
  private readonly partialDates = new Map<number, number[]>();
  private readonly byDocument = new Map<number, number[]>();
  /** Entity ids and date prefixes as small numbers: index keys are numbers, not composed strings. */
  private readonly entityNumbers = new Map<string, number>();
  private readonly dateNumbers = new Map<string, number>();

  constructor(private readonly partialReports: boolean) {}

  pool(report: Prepared): Iterable<number> {
    const { r, family } = report;
    const pool = new Set<number>();
    if (r.date) {
      const lists: number[][] = [];
      const partial = r.date.includes('X');
      const date = partial ? 0 : this.dateNumbers.get(r.date);
      for (const id of report.all) {
        const entity = this.entityNumbers.get(id);
        if (entity === undefined) continue;
        const list = partial ? this.byEntity.get(key(entity, family)) : date === undefined ? undefined : this.byEntityDate.get(key(key(entity, family), date));
        if (list) lists.push(list);
        const other = !partial && this.partialDates.get(key(entity, family));
        if (other) lists.push(other);
      }
      // Rarest entities first, newest clusters first: reports come sorted, so recent clusters are the likely matches.
      lists.sort((a, b) => a.length - b.length);
      for (const list of lists) {
        for (let k = list.length - 1; k >= 0 && pool.size < MAX_CANDIDATES; k--) pool.add(list[k]);
        if (pool.size >= MAX_CANDIDATES) break;
      }
    }
    for (const c of this.byDocument.get(key(report.doc, family)) ?? []) pool.add(c);
    return pool;
  }

  add(c: number, cluster: Cluster, ids: Iterable<string>, doc: number): void {
    this.addEntities(c, cluster, ids);
    this.addDocument(c, cluster, doc);
  }

  addDocument(c: number, cluster: Cluster, doc: number): void {
    push(this.byDocument, key(doc, cluster.family), c);
  }

  addEntities(c: number, cluster: Cluster, ids: Iterable<string>): void {
    const date = cluster.date;
    const prefixes = date && !date.includes('X') ? datePrefixes(date).map((p) => numberOf(this.dateNumbers, p)) : [];
    for (const id of ids) {
      const entity = key(numberOf(this.entityNumbers, id), cluster.family);
      if (this.partialReports) push(this.byEntity, entity, c);
      if (date?.includes('X')) push(this.partialDates, entity, c);
      for (const p of prefixes) push(this.byEntityDate, key(entity, p), c);
    }
  }
}

/** Two small numbers as one index key (the second below 2^20). */
function key(a: number, b: number): number {
  return a * 2 ** 20 + b;
}

/** 2024-03-22 → 2024, 2024-03, 2024-03-22. */
function datePrefixes(date: string): string[] {
  const out: string[] = [];
  for (let end = date.indexOf('-'); end >= 0; end = date.indexOf('-', end + 1)) out.push(date.slice(0, end));
  out.push(date);
  return out;
}

function numberOf(numbers: Map<string, number>, s: string): number {
  let n = numbers.get(s);
  if (n === undefined) numbers.set(s, (n = numbers.size));
  return n;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
function datesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k] && a[k] !== 'X' && b[k] !== 'X') return false;
  return true;
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

const KIND_NOUN: Record<EventKind, string> = {
  meeting: 'Meeting', visit: 'Visit', attack: 'Attack', killing: 'Killing', arrest: 'Arrest', statement: 'Statement',
  decision: 'Decision', agreement: 'Agreement', invasion: 'Invasion', withdrawal: 'Withdrawal', election: 'Election',
  sanction: 'Sanctions', recognition: 'Recognition',
};

/** Who a title names first: people, then organisations, then other names. */
const TITLE_RANK: Record<string, number> = { PERSON: 0, ORG: 1, MISC: 2 };

/**
 * A short title from the kind and who took part: "Dmitry Zhirnov meets Sirajuddin Haqqani in Kabul",
 * "Attack in Moscow (Islamic State)", "Arrest of Isroil Islomov".
 */
function titleOf(kind: EventKind, participants: string[], place: string | null, entities: Map<string, Entity>): string {
  const rank = (id: string) => TITLE_RANK[entities.get(id)?.type ?? ''] ?? 9;
  const named = participants.filter((id) => id !== place && rank(id) < 9).sort((a, b) => rank(a) - rank(b)).map((id) => entities.get(id)?.name ?? id);
  const where = place ? ` in ${entities.get(place)?.name ?? place}` : '';
  const [a, b] = named;
  switch (kind) {
    case 'meeting':
      return a && b ? `${a} meets ${b}${where}` : `${KIND_NOUN[kind]}${a ? ` of ${a}` : ''}${where}`;
    case 'visit':
      return a ? `${a} visits${place ? ` ${entities.get(place)?.name ?? place}` : b ? ` ${b}` : ''}` : `Visit${where}`;
    case 'arrest':
    case 'killing':
      return `${KIND_NOUN[kind]}${a ? ` of ${named.slice(0, 2).join(' and ')}` : ''}${where}`;
    case 'attack':
    case 'invasion':
      return `${KIND_NOUN[kind]}${where}${a ? ` (${named.slice(0, 2).join(', ')})` : ''}`;
    default:
      return `${KIND_NOUN[kind]}${a ? ` by ${named.slice(0, 2).join(' and ')}` : ''}${where}`;
  }
}

/** Kinds that may join (COMPATIBLE, closed under itself): clusters are filed by family, so a report meets only kinds it could join. */
const FAMILY = new Map<EventKind, number>();
for (const kind of Object.keys(KIND_NOUN) as EventKind[]) {
  if (FAMILY.has(kind)) continue;
  const family = FAMILY.size;
  const todo = [kind];
  while (todo.length) {
    const k = todo.pop()!;
    if (FAMILY.has(k)) continue;
    FAMILY.set(k, family);
    todo.push(...(COMPATIBLE[k] ?? []));
  }
}
