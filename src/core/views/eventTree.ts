// The Events view's tree, a level at a time: years with their counts, then a year's months (and the
// events dated only to the year), then a month's events, the events without a year in a last group;
// events a page at a time. Built once per list of events (the corpus gives a new list whenever its
// events change), so opening a group costs a lookup and a slice, not a pass over every event.
import type { CorpusEvent } from '../events/join.js';

export interface EventGroup {
  key: string;
  kind: 'year' | 'month' | 'undated';
  label: string;
  count: number;
}

export interface EventLevel {
  groups: EventGroup[];
  /** The group's own events on the page asked for, in the list's order. */
  events: CorpusEvent[];
  /** How many events the group holds directly. */
  total: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Year {
  group: EventGroup;
  /** Events dated to the year only. */
  events: CorpusEvent[];
  months: Map<string, { group: EventGroup; events: CorpusEvent[] }>;
}

/** Year, and month when the date gives one (01–12), of an ISO 8601 value; null when it has no year. */
export function datePartsOf(date: string | null): { year: string; month: string | null } | null {
  const match = date ? /^(\d{4})(?:-(\d{2})(?=$|-))?/.exec(date) : null;
  if (!match) return null;
  const month = match[2] !== undefined && Number(match[2]) >= 1 && Number(match[2]) <= 12 ? match[2] : null;
  return { year: match[1]!, month };
}

export class EventTree {
  private readonly years = new Map<string, Year>();
  private readonly undated: CorpusEvent[] = [];

  /** `events`: dated ones in date order (as Corpus.events() gives them), undated anywhere. */
  constructor(events: readonly CorpusEvent[]) {
    for (const event of events) {
      const parts = datePartsOf(event.date);
      if (!parts) {
        this.undated.push(event);
        continue;
      }
      let year = this.years.get(parts.year);
      if (!year) this.years.set(parts.year, (year = { group: { key: parts.year, kind: 'year', label: parts.year, count: 0 }, events: [], months: new Map() }));
      year.group.count++;
      if (parts.month === null) {
        year.events.push(event);
        continue;
      }
      const key = `${parts.year}-${parts.month}`;
      let month = year.months.get(key);
      if (!month) year.months.set(key, (month = { group: { key, kind: 'month', label: MONTHS[Number(parts.month) - 1]!, count: 0 }, events: [] }));
      month.group.count++;
      month.events.push(event);
    }
  }

  /** The groups and events under `group` (undefined: the top); events from `offset`, `limit` at most. An unknown group is empty. */
  level(group: string | undefined, offset = 0, limit = Infinity): EventLevel {
    const page = (events: CorpusEvent[]): EventLevel => ({ groups: [], events: events.slice(offset, offset + limit), total: events.length });
    if (group === undefined) {
      const groups = [...this.years.values()].map((y) => y.group).sort((a, b) => (a.key < b.key ? -1 : 1));
      if (this.undated.length > 0) groups.push({ key: 'undated', kind: 'undated', label: 'Undated', count: this.undated.length });
      return { groups, events: [], total: 0 };
    }
    if (group === 'undated') return page(this.undated);
    const year = this.years.get(group.slice(0, 4));
    if (!year) return page([]);
    if (group.length === 4) {
      const months = [...year.months.values()].map((m) => m.group).sort((a, b) => (a.key < b.key ? -1 : 1));
      return { ...page(year.events), groups: months };
    }
    return page(year.months.get(group)?.events ?? []);
  }
}
