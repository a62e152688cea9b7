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
  const reports: CorpusEventMention[] = [];
  for (const doc of inputs) {
    const byStart = new Map(doc.mentions.map((m) => [m.start, m.entity]));
    for (const e of doc.events) {
      const ids = [...new Set(e.participants.map((p) => byStart.get(p.start)).filter((x): x is string => !!x))];
      reports.push({
        path: doc.path, start: e.start, end: e.end, trigger: e.trigger, kind: e.kind, sentence: e.sentence, line: e.line,
        date: e.date ? completeYear(e.date.value, doc.dct) : null,
        participants: ids,
        place: e.place ? byStart.get(e.place.start) ?? null : null,
      });
    }
  }
  // Dated reports first, most precise first, so clusters form around firm dates.
  reports.sort((a, b) => precision(b.date) - precision(a.date) || (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
  const clusters: Cluster[] = [];
  // Clusters by the entities they involve: a report is compared only with clusters it shares one with.
  const byEntity = new Map<string, number[]>();
  const sameDocument = new Map<string, number[]>();
  for (const r of reports) {
    const strong = new Set(r.participants.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? '')));
    const all = new Set([...r.participants, ...(r.place ? [r.place] : [])]);
    let best = -1;
    let bestScore = 0;
    const pool = new Set(candidates(all, byEntity));
    for (const c of sameDocument.get(r.path) ?? []) pool.add(c);
    for (const c of pool) {
      const cluster = clusters[c];
      if (cluster.kind !== r.kind && !COMPATIBLE[cluster.kind]?.includes(r.kind)) continue;
      if (!datesAgree(cluster.date, r.date)) continue;
      let sharedStrong = 0;
      for (const id of strong) if (cluster.strong.has(id)) sharedStrong++;
      let shared = 0;
      for (const id of all) if (cluster.all.has(id)) shared++;
      // Without dates on both sides, a report joins only within its document: in the same paragraph
      // sharing a name, or elsewhere sharing two people or organisations.
      const undated = !cluster.date || !r.date;
      if (undated) {
        const sameParagraph = cluster.lines.has(`${r.path}\u0000${r.line}`);
        const sameDocumentStrong = cluster.paths.has(r.path) && sharedStrong >= 2;
        if (!(sameParagraph && shared > 0) && !sameDocumentStrong) continue;
      }
      // A shared person or organisation; or a shared place with the same day on both sides, or the
      // same kind in the same month.
      const dayPrecise = precision(cluster.date) >= 3 && precision(r.date) >= 3;
      const sameMonth = r.kind === cluster.kind && precision(r.date) >= 2 && precision(cluster.date) >= 2;
      // Compatible triggers of one sentence ("the attack … in which 144 were killed") are one happening.
      const sameSentence = (cluster.kind === r.kind || ONE_HAPPENING.has(`${cluster.kind}/${r.kind}`)) && cluster.sentences.has(`${r.path}\u0000${r.sentence.start}`);
      const score = sharedStrong * 2 + shared + (sameSentence ? 3 : 0);
      if ((sameSentence || undated || sharedStrong > 0 || (shared > 0 && (dayPrecise || sameMonth))) && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (best < 0) {
      best = clusters.length;
      clusters.push({ mentions: [r], kind: r.kind, date: r.date, strong, all, paths: new Set([r.path]), sentences: new Set([`${r.path}\u0000${r.sentence.start}`]), lines: new Set([`${r.path}\u0000${r.line}`]) });
      for (const id of all) push(byEntity, id, best);
      push(sameDocument, r.path, best);
    } else {
      const cluster = clusters[best];
      cluster.mentions.push(r);
      cluster.sentences.add(`${r.path}\u0000${r.sentence.start}`);
      cluster.lines.add(`${r.path}\u0000${r.line}`);
      if (!cluster.paths.has(r.path)) push(sameDocument, r.path, best);
      cluster.paths.add(r.path);
      if (precision(r.date) > precision(cluster.date)) cluster.date = r.date;
      for (const id of strong) cluster.strong.add(id);
      for (const id of all) {
        if (!cluster.all.has(id)) push(byEntity, id, best);
        cluster.all.add(id);
      }
    }
  }
  const used = new Map<string, number>();
  return clusters.map((c) => {
    const counts = new Map<string, number>();
    for (const m of c.mentions) for (const id of m.participants) counts.set(id, (counts.get(id) ?? 0) + 1);
    const participants = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
    const placeCounts = new Map<string, number>();
    for (const m of c.mentions) if (m.place) placeCounts.set(m.place, (placeCounts.get(m.place) ?? 0) + 1);
    const place = [...placeCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    if (place) participants.splice(participants.indexOf(place) >>> 0, participants.includes(place) ? 1 : 0);
    const mentions = [...c.mentions].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start));
    const base = `event:${c.kind}:${c.date ?? 'undated'}:${participants[0] ?? 'none'}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return { id: n > 1 ? `${base}:${n}` : base, kind: c.kind, date: c.date, title: titleOf(c.kind, participants, place, entities), participants, place, mentions };
  }).sort((a, b) => compareDates(a.date, b.date) || b.mentions.length - a.mentions.length || (a.id < b.id ? -1 : 1));
}

interface Cluster {
  mentions: CorpusEventMention[];
  kind: EventKind;
  date: string | null;
  strong: Set<string>;
  all: Set<string>;
  paths: Set<string>;
  /** `path\0sentence start` and `path\0line` of its reports, for the same-sentence and same-paragraph rules. */
  sentences: Set<string>;
  lines: Set<string>;
}

/** Compared with a report at most: enough for any real happening, bounded for a corpus of 10,000 articles. */
const MAX_CANDIDATES = 64;

/** Clusters sharing an entity with the report, rarest entities first, at most MAX_CANDIDATES. */
function candidates(ids: Set<string>, byEntity: Map<string, number[]>): number[] {
  const lists = [...ids].map((id) => byEntity.get(id) ?? []).sort((a, b) => a.length - b.length);
  const out = new Set<number>();
  for (const list of lists) {
    // Newest clusters first: reports come sorted, so recent clusters are the likely matches.
    for (let k = list.length - 1; k >= 0 && out.size < MAX_CANDIDATES; k--) out.add(list[k]);
    if (out.size >= MAX_CANDIDATES) break;
  }
  return [...out];
}

function push(map: Map<string, number[]>, key: string, value: number): void {
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

/**
 * A short title from the kind and who took part: "Dmitry Zhirnov meets Sirajuddin Haqqani in Kabul",
 * "Attack in Moscow (Islamic State)", "Arrest of Isroil Islomov".
 */
function titleOf(kind: EventKind, participants: string[], place: string | null, entities: Map<string, Entity>): string {
  const rank = (id: string) => ({ PERSON: 0, ORG: 1, MISC: 2 } as Record<string, number>)[entities.get(id)?.type ?? ''] ?? 9;
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
