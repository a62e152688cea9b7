// The Events view's shape, as plain data: events grouped by year, then month, with undated events
// in a final group; the wording of each row. No `vscode` here (unit-tested in test/client/).
import type { EventMentionSummary, EventSummary } from '../../protocol.js';
import { plural, shorten } from '../format.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An event with the tree id it gets: the server's id, made unique should the server repeat one. */
export interface EventEntry {
  key: string;
  event: EventSummary;
}

export interface MonthGroup {
  kind: 'month';
  /** `month:2024-03`: stable across refreshes, so VS Code keeps the group open. */
  key: string;
  /** "March". */
  label: string;
  events: EventEntry[];
}

export interface YearGroup {
  kind: 'year';
  key: string;
  /** "2024". */
  label: string;
  /** Events dated only to the year (listed before the months). */
  events: EventEntry[];
  months: MonthGroup[];
  /** Every event in the year. */
  count: number;
}

export interface UndatedGroup {
  kind: 'undated';
  key: 'undated';
  label: 'Undated';
  events: EventEntry[];
}

export type DateGroup = YearGroup | UndatedGroup;

/** Year, and month when the date gives one (01–12), of an ISO 8601 value; null when it has no year. */
export function datePartsOf(date: string | null): { year: string; month: string | null } | null {
  const match = date ? /^(\d{4})(?:-(\d{2})(?=$|-))?/.exec(date) : null;
  if (!match) return null;
  const month = match[2] !== undefined && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? match[2] : null;
  return { year: match[1]!, month };
}

/** "March" for "03". */
export function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/**
 * Year → month → event, in date order (the year-only events of a year first), then an "Undated"
 * group holding the undated events and any whose date has no year. Events keep the server's order
 * within a group. Empty groups are left out.
 */
export function groupEventsByDate(events: readonly EventSummary[]): DateGroup[] {
  const years = new Map<string, YearGroup>();
  const undated: EventEntry[] = [];
  const seen = new Map<string, number>();
  const entries = events.map((event): EventEntry => {
    const n = (seen.get(event.id) ?? 0) + 1;
    seen.set(event.id, n);
    return { key: n === 1 ? `event:${event.id}` : `event:${event.id}#${n}`, event };
  });
  // A stable sort on the date string: ISO values at one precision sort as text, and "2024" sorts
  // before "2024-03", which sorts before "2024-03-05".
  const dated = entries
    .map((entry, index) => ({ entry, index, parts: datePartsOf(entry.event.date) }))
    .filter((x) => {
      if (x.parts === null) undated.push(x.entry);
      return x.parts !== null;
    })
    .sort((a, b) => (a.entry.event.date! < b.entry.event.date! ? -1 : a.entry.event.date! > b.entry.event.date! ? 1 : a.index - b.index));
  for (const { entry, parts } of dated) {
    const { year, month } = parts!;
    let group = years.get(year);
    if (!group) years.set(year, (group = { kind: 'year', key: `year:${year}`, label: year, events: [], months: [], count: 0 }));
    group.count++;
    if (month === null) {
      group.events.push(entry);
      continue;
    }
    let monthGroup = group.months.find((m) => m.key === `month:${year}-${month}`);
    if (!monthGroup) group.months.push((monthGroup = { kind: 'month', key: `month:${year}-${month}`, label: monthName(month), events: [] }));
    monthGroup.events.push(entry);
  }
  const groups: DateGroup[] = [...years.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
  if (undated.length > 0) groups.push({ kind: 'undated', key: 'undated', label: 'Undated', events: undated });
  return groups;
}

/** "2024-03-05 · 2 documents"; an undated event: "1 document". */
export function eventDescription(event: EventSummary): string {
  const documents = plural(event.documents, 'document');
  return event.date ? `${event.date} · ${documents}` : documents;
}

/** The hover text of an event row: title, date, kind, participants, place, documents. */
export function eventTooltip(event: EventSummary): string {
  const lines = [event.title, `${event.date ?? 'Undated'} · ${event.kind} · reported by ${plural(event.documents, 'document')}`];
  if (event.participants.length > 0) lines.push(`Participants: ${event.participants.map((p) => p.name).join(', ')}`);
  if (event.place) lines.push(`Place: ${event.place.name}`);
  return lines.join('\n');
}

/** The first mention in each document reporting the event, in the server's order. */
export function firstMentionPerDocument(event: EventSummary): EventMentionSummary[] {
  const seen = new Set<string>();
  return event.mentions.filter((m) => !seen.has(m.uri) && (seen.add(m.uri), true));
}

/** The row under an event for one report: the document's title, the sentence's opening as description. */
export function mentionDescription(mention: EventMentionSummary): string {
  return `“${shorten(mention.sentence, 70)}”`;
}

/** "12 events" under a year or month row. */
export function groupDescription(count: number): string {
  return plural(count, 'event');
}
