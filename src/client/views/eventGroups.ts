// The Events view's rows as plain data: their tree ids and wording (the grouping by year and month
// is the server's: corpusLens/eventTree). No `vscode` here (unit-tested in test/client/).
import type { EventMentionSummary, EventSummary } from '../../protocol.js';
import { fileNameOf, plural, shorten } from '../format.js';

/** An event with the tree id it gets: the server's id, made unique should the server repeat one. */
export interface EventEntry {
  key: string;
  event: EventSummary;
}

/** Tree ids for a page of events: `event:<id>`, with `#2`, `#3` … for an id repeated on the page. */
export function uniqueEventKeys(events: readonly EventSummary[]): EventEntry[] {
  const seen = new Map<string, number>();
  return events.map((event): EventEntry => {
    const n = (seen.get(event.id) ?? 0) + 1;
    seen.set(event.id, n);
    return { key: n === 1 ? `event:${event.id}` : `event:${event.id}#${n}`, event };
  });
}

/** "2024-03-05 · 2 documents, first: Kabul Times"; an undated event: "1 document: Kabul Times". */
export function eventDescription(event: EventSummary): string {
  const told = event.documents === 1 ? `1 document: ${shorten(firstTitle(event), 40)}` : `${event.documents} documents, first: ${shorten(firstTitle(event), 40)}`;
  return event.date ? `${event.date} · ${told}` : told;
}

/** The hover text of an event row: title, date, kind, who reports it and who first, participants, place. */
export function eventTooltip(event: EventSummary): string {
  const first = event.firstReport;
  const told = event.documents === 1 ? `Reported by 1 document: ${firstTitle(event)}`
    : `Reported by ${event.documents} documents, first by ${firstTitle(event)}${first.date ? ` (${first.date})` : ''}`;
  const lines = [event.title, `${event.date ?? 'Undated'} · ${event.kind}`, told];
  if (event.participants.length > 0) lines.push(`Participants: ${event.participants.map((p) => p.name).join(', ')}`);
  if (event.place) lines.push(`Place: ${event.place.name}`);
  return lines.join('\n');
}

/** The first report's document title, or its file name. */
const firstTitle = (event: EventSummary) => event.firstReport.title || fileNameOf(event.firstReport.uri);

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
