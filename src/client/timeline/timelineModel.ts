// What the timeline webview draws, computed on the extension side as plain data: each dated
// event's span in days, the lanes (per participant, per document), the axis ticks at each
// granularity, and the undated events listed apart. The webview only maps days to pixels.
// No `vscode` here (unit-tested in test/client/).
import type { EventSummary } from '../../protocol.js';
import { fileNameOf, plural } from '../format.js';

const DAY_MS = 86_400_000;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Above this many days on the axis, no day ticks are sent (month ticks serve). */
const MAX_DAY_TICK_DOMAIN = 1500;

export type LaneMode = 'participant' | 'document';

export interface TimelineEvent {
  /** The server's event id. */
  id: string;
  date: string | null;
  title: string;
  kind: string;
  /** "Meeting · 2 documents · Dmitry Zhirnov, Sirajuddin Haqqani". */
  detail: string;
  /** Days since 1970-01-01 (UTC), first day included; absent when undated. */
  start?: number;
  /** First day after the span. */
  end?: number;
}

export interface TimelineLane {
  key: string;
  label: string;
  /** Shown on hover: the entity type, or the file name. */
  detail: string;
  /** Indices into {@link TimelineModel.events}, in date order. */
  events: number[];
}

export interface TimelineTick {
  day: number;
  label: string;
  /** The tick's count in its unit (the year; months since year 0; the day number): when ticks are thinned to every k-th, those with `n % k === 0` stay, so they fall on round values. */
  n: number;
}

export interface TimelineTickLevel {
  unit: 'year' | 'month' | 'day';
  /** Roughly how many days between two ticks: the webview picks the finest level that fits. */
  approxDays: number;
  /** Round thinnings of this level, smallest first: every 1st, 3rd, 6th month (quarters, halves)... */
  steps: number[];
  ticks: TimelineTick[];
}

const TICK_STEPS: Record<TimelineTickLevel['unit'], number[]> = {
  year: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  month: [1, 2, 3, 6],
  day: [1, 2],
};

export interface TimelineModel {
  /** Dated events, in date order, each with `start` and `end`. */
  events: TimelineEvent[];
  /** Events without a usable date, in the server's order. */
  undated: TimelineEvent[];
  lanes: Record<LaneMode, TimelineLane[]>;
  /** The days the axis covers (whole months, with a margin); null when no event is dated. */
  domain: { start: number; end: number } | null;
  /** Coarsest first. */
  tickLevels: TimelineTickLevel[];
}

/** Days since 1970-01-01 of a UTC calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The calendar date of a day number. */
export function dateOfDay(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The days an ISO 8601 value covers: 2024-03-05 one day, 2024-03 the month, 2024 the year. A
 * value with a year but an unusable rest (2024-W10, 2024-13) covers its year; no year, null.
 */
export function daySpanOf(date: string | null): { start: number; end: number } | null {
  const match = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] !== undefined ? Number(match[2]) : NaN;
  const day = match[3] !== undefined ? Number(match[3]) : NaN;
  if (month >= 1 && month <= 12) {
    const lastDay = dateOfDay(dayNumber(year, month + 1, 1) - 1).day;
    if (day >= 1 && day <= lastDay) {
      const start = dayNumber(year, month, day);
      return { start, end: start + 1 };
    }
    return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
  }
  return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) };
}

/** The axis: from the first month touched (less one) to the end of the last month touched (plus one). */
export function domainOf(spans: ReadonlyArray<{ start: number; end: number }>): { start: number; end: number } | null {
  if (spans.length === 0) return null;
  const first = dateOfDay(Math.min(...spans.map((s) => s.start)));
  const last = dateOfDay(Math.max(...spans.map((s) => s.end)) - 1);
  return { start: dayNumber(first.year, first.month - 1, 1), end: dayNumber(last.year, last.month + 2, 1) };
}

/** Ticks for the axis at one granularity: the first day of each year, month, or every day, inside the domain. */
export function ticksFor(domain: { start: number; end: number }, unit: TimelineTickLevel['unit']): TimelineTick[] {
  const ticks: TimelineTick[] = [];
  if (unit === 'day') {
    for (let day = domain.start; day < domain.end; day++) {
      const d = dateOfDay(day);
      ticks.push({ day, label: d.day === 1 ? `${d.day} ${MONTH_ABBR[d.month - 1]}` : String(d.day), n: day });
    }
    return ticks;
  }
  const first = dateOfDay(domain.start);
  let { year, month } = first;
  // Start at the first tick at or after the domain's start.
  if (unit === 'year' && (month !== 1 || first.day !== 1)) year++;
  if (unit === 'month' && first.day !== 1) month++;
  if (unit === 'year') month = 1;
  for (;;) {
    const day = dayNumber(year, month, 1);
    if (day >= domain.end) break;
    const d = dateOfDay(day);
    ticks.push({
      day,
      label: unit === 'year' ? String(d.year) : d.month === 1 ? `${MONTH_ABBR[0]} ${d.year}` : MONTH_ABBR[d.month - 1]!,
      n: unit === 'year' ? d.year : d.year * 12 + d.month - 1,
    });
    if (unit === 'year') year++;
    else month++;
  }
  return ticks;
}

/** A short line under an event: its kind, how many documents report it, its first participants. */
function detailOf(event: EventSummary): string {
  const kind = event.kind ? event.kind[0]!.toUpperCase() + event.kind.slice(1) : 'Event';
  const who = event.participants.slice(0, 3).map((p) => p.name);
  const more = event.participants.length > 3 ? ` +${event.participants.length - 3}` : '';
  return [kind, plural(event.documents, 'document'), who.length > 0 ? `${who.join(', ')}${more}` : null].filter(Boolean).join(' · ');
}

/** Lanes from a key function, busiest first, then by label; events without a key go to `orphan`. */
function lanesBy(
  events: readonly EventSummary[],
  keysOf: (e: EventSummary) => Array<{ key: string; label: string; detail: string }>,
  orphan: { key: string; label: string; detail: string },
): TimelineLane[] {
  const lanes = new Map<string, TimelineLane>();
  events.forEach((event, index) => {
    const keys = keysOf(event);
    for (const k of keys.length > 0 ? keys : [orphan]) {
      let lane = lanes.get(k.key);
      if (!lane) lanes.set(k.key, (lane = { ...k, events: [] }));
      if (lane.events[lane.events.length - 1] !== index) lane.events.push(index);
    }
  });
  return [...lanes.values()].sort((a, b) => {
    if ((a.key === orphan.key) !== (b.key === orphan.key)) return a.key === orphan.key ? 1 : -1;
    return b.events.length - a.events.length || a.label.localeCompare(b.label);
  });
}

/** Everything the webview draws, from the `corpusLens/events` answer. */
export function buildTimelineModel(summaries: readonly EventSummary[]): TimelineModel {
  const dated: Array<{ summary: EventSummary; event: TimelineEvent; order: number }> = [];
  const undated: TimelineEvent[] = [];
  summaries.forEach((summary, order) => {
    const event: TimelineEvent = { id: summary.id, date: summary.date, title: summary.title, kind: summary.kind, detail: detailOf(summary) };
    const span = daySpanOf(summary.date);
    if (span) dated.push({ summary, event: { ...event, ...span }, order });
    else undated.push(event);
  });
  dated.sort((a, b) => a.event.start! - b.event.start! || a.event.end! - b.event.end! || a.order - b.order);
  const datedSummaries = dated.map((d) => d.summary);
  const participantLanes = lanesBy(
    datedSummaries,
    (e) => e.participants.map((p) => ({ key: `entity:${p.id}`, label: p.name, detail: p.type })),
    { key: 'entity:none', label: 'No participant', detail: 'Events whose participants were not recognised' },
  );
  const documentLanes = lanesBy(
    datedSummaries,
    (e) => {
      const seen = new Set<string>();
      return e.mentions
        .filter((m) => !seen.has(m.uri) && (seen.add(m.uri), true))
        .map((m) => ({ key: `document:${m.uri}`, label: m.documentTitle || fileNameOf(m.uri), detail: fileNameOf(m.uri) }));
    },
    { key: 'document:none', label: 'No document', detail: 'Events with no report the server could place' },
  );
  const domain = domainOf(dated.map((d) => ({ start: d.event.start!, end: d.event.end! })));
  const tickLevels: TimelineTickLevel[] = domain
    ? [
        { unit: 'year', approxDays: 365.25, steps: TICK_STEPS.year, ticks: ticksFor(domain, 'year') },
        { unit: 'month', approxDays: 30.44, steps: TICK_STEPS.month, ticks: ticksFor(domain, 'month') },
        ...(domain.end - domain.start <= MAX_DAY_TICK_DOMAIN
          ? [{ unit: 'day' as const, approxDays: 1, steps: TICK_STEPS.day, ticks: ticksFor(domain, 'day') }]
          : []),
      ]
    : [];
  return {
    events: dated.map((d) => d.event),
    undated,
    lanes: { participant: participantLanes, document: documentLanes },
    domain,
    tickLevels,
  };
}
