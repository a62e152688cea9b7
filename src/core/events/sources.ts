// Who tells an event: how many documents report it, and which of them told it first. A reader
// weighs a happening by its sources and goes to the first report for the earliest account.
import type { CorpusEvent } from './join.js';

export interface EventSources {
  /** Documents reporting the event. */
  documents: number;
  /** The document that told it first, and that document's own date (null when it has none). */
  first: { path: string; date: string | null };
}

/**
 * The first report is the one of the earliest document by its own date (publication, dateline or
 * file name): a date at month or year precision counts from its first day, a document without a date
 * comes after every dated one, and documents of the same day keep the corpus's order (the order of
 * the event's mentions).
 */
export function eventSources(event: Pick<CorpusEvent, 'mentions'>, dateOf: (path: string) => string | null): EventSources {
  const seen = new Set<string>();
  let first: EventSources['first'] | null = null;
  for (const m of event.mentions) {
    if (seen.has(m.path)) continue;
    seen.add(m.path);
    const date = dateOf(m.path);
    if (!first || (date !== null && (first.date === null || startOf(date) < startOf(first.date)))) first = { path: m.path, date };
  }
  return { documents: seen.size, first: first ?? { path: '', date: null } };
}

/** "2024-03" → "2024-03-01", so that a month sorts with the days it starts. */
function startOf(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}
