// What the timeline webview draws, as plain data: the window the server answered (its events, or
// counts per lane and period when zoomed out; see corpusLens/timeline) and the axis ticks at each
// granularity. The webview only maps days to pixels. No `vscode` here (unit-tested in test/client/).
import type { TimelineWindow } from '../../protocol.js';

const DAY_MS = 86_400_000;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Above this many days on the axis, no day ticks are sent (month ticks serve). */
const MAX_DAY_TICK_DOMAIN = 1500;

export type LaneMode = 'participant' | 'document';

/** An event of the window (its lanes are in the lanes). */
export type TimelineEvent = Omit<TimelineWindow['events'][number], 'lanes'>;

export interface TimelineLane {
  key: string;
  label: string;
  /** Shown on hover: the entity type, or the file name. */
  detail: string;
  /** Its events in the window. */
  count: number;
  /** With events: indices into {@link TimelineModel.events}, in date order. */
  events: number[];
  /** With counts: how many events start in each period. */
  counts: number[];
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

/** What the webview draws of one window: see corpusLens/timeline (TimelineWindow). */
export interface TimelineModel {
  lanesMode: LaneMode;
  /** The days the axis covers (whole months, with a margin); null when no event is dated. */
  domain: { start: number; end: number } | null;
  /** The days this model holds the events (or counts) of. */
  window: { start: number; end: number } | null;
  /** Coarsest first. */
  tickLevels: TimelineTickLevel[];
  /** `events`: each drawn; `counts`: per lane and period. */
  detail: 'events' | 'counts';
  /** The window's events, in date order, each with `start` and `end`. */
  events: TimelineEvent[];
  lanes: TimelineLane[];
  /** Lanes of the window not drawn. */
  otherLanes: number;
  /** With counts: the periods the window is cut into. */
  periods: Array<{ start: number; end: number; label: string }>;
  inWindow: number;
  dated: number;
  undated: number;
  /** The first undated events, listed under the chart. */
  undatedEvents: Array<{ id: string; title: string; kind: string; detail: string }>;
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

/** The model of a window the server answered (corpusLens/timeline), with the axis ticks of its domain. */
export function timelineModel(answer: TimelineWindow, lanesMode: LaneMode): TimelineModel {
  const { domain } = answer;
  const tickLevels: TimelineTickLevel[] = domain
    ? [
        { unit: 'year', approxDays: 365.25, steps: TICK_STEPS.year, ticks: ticksFor(domain, 'year') },
        { unit: 'month', approxDays: 30.44, steps: TICK_STEPS.month, ticks: ticksFor(domain, 'month') },
        ...(domain.end - domain.start <= MAX_DAY_TICK_DOMAIN
          ? [{ unit: 'day' as const, approxDays: 1, steps: TICK_STEPS.day, ticks: ticksFor(domain, 'day') }]
          : []),
      ]
    : [];
  const events: TimelineEvent[] = answer.events.map(({ lanes: _, ...event }) => event);
  const lanes: TimelineLane[] = answer.lanes.map((lane, k) => ({ ...lane, events: [], counts: answer.counts[k] ?? [] }));
  answer.events.forEach((event, index) => {
    for (const k of event.lanes) lanes[k]?.events.push(index);
  });
  return {
    lanesMode, domain, window: answer.window, tickLevels, detail: answer.detail, events, lanes, otherLanes: answer.otherLanes,
    periods: answer.periods, inWindow: answer.inWindow, dated: answer.dated, undated: answer.undated, undatedEvents: answer.undatedEvents,
  };
}
