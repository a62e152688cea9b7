// The timeline's data, a window at a time: the events the window shows, one by one when there are
// few enough to draw, else how many each lane has in each period (year, month or day, as fits the
// window); the busiest lanes of the window only. Built once per list of events (the corpus gives a
// new list whenever its events change), so panning and zooming cost a binary search and the events
// of the window, never every event, and no answer grows with the corpus.
import { dayNumber, fromDayNumber } from './dates/calendar.js';
import type { CorpusEvent } from './events/join.js';
import { lastAtOrBefore } from './positions.js';
import type { Span } from './types.js';

export type LaneMode = 'participant' | 'document';

export interface TimelineQuery {
  lanes: LaneMode;
  /** The days asked for, [start, end); none: the first view (the bulk of the events), or the window around `around`. */
  window?: Span;
  /** An event id: the window around it (a year, or its span if longer). */
  around?: string;
  /** More events than this in the window: counts instead. */
  maxEvents: number;
  maxLanes: number;
}

export interface TimelineLane {
  key: string;
  label: string;
  /** The entity's type, or the document's file name. */
  detail: string;
  /** Its events in the window. */
  count: number;
}

export interface TimelineEvent {
  id: string;
  date: string;
  title: string;
  kind: string;
  /** "Meeting · 2 documents · Dmitry Zhirnov, Sirajuddin Haqqani". */
  detail: string;
  /** Days since 1970-01-01: first day, first day after. */
  start: number;
  end: number;
  /** The lanes (indices into `lanes`) it is drawn on. */
  lanes: number[];
}

export interface TimelinePeriod extends Span {
  label: string;
}

export interface TimelineAnswer {
  /** The days every dated event covers (whole months, a month's margin each side); null when none is dated. */
  domain: Span | null;
  /** The window answered (the first view chosen, when none was asked for). */
  window: Span | null;
  lanes: TimelineLane[];
  /** Lanes of the window not sent (beyond maxLanes). */
  otherLanes: number;
  /** Events in the window, on any lane. */
  inWindow: number;
  detail: 'events' | 'counts';
  events: TimelineEvent[];
  /** With counts: the window's periods, and for each lane the events starting in each. */
  unit: 'year' | 'month' | 'day' | null;
  periods: TimelinePeriod[];
  counts: number[][];
  dated: number;
  undated: number;
  /** The first undated events (UNDATED_SENT at most), in the list's order. */
  undatedEvents: Array<{ id: string; title: string; kind: string; detail: string }>;
}

/** Undated events listed under the chart, at most: the rest are in the Events view. */
export const UNDATED_SENT = 100;

/** A lane an event is on: its key, and what to show for it. */
export interface LaneInfo {
  key: string;
  label: string;
  detail: string;
}

interface Dated {
  event: CorpusEvent;
  start: number;
  end: number;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Windows up to this many days are counted by day, up to the next by month, longer ones by year. */
const DAYS_BY_DAY = 120;
const DAYS_BY_MONTH = 6 * 366;

/**
 * The days an ISO 8601 value covers: 2024-03-05 one day, 2024-03 the month, 2024 the year. A value
 * with a year but an unusable rest (2024-W10, 2024-13) covers its year; no year, null.
 */
export function daySpanOf(date: string | null): Span | null {
  const match = date ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] !== undefined ? Number(match[2]) : NaN;
  const day = match[3] !== undefined ? Number(match[3]) : NaN;
  if (month >= 1 && month <= 12) {
    const next = month === 12 ? dayNumber(year + 1, 1, 1) : dayNumber(year, month + 1, 1);
    const start = dayNumber(year, month, 1);
    if (day >= 1 && start + day - 1 < next) return { start: start + day - 1, end: start + day };
    return { start, end: next };
  }
  return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) };
}

export class TimelineIndex {
  /** Dated events by first day (then last, then the list's order). */
  private readonly dated: Dated[] = [];
  private readonly undated: CorpusEvent[] = [];
  private readonly longest: number;
  private readonly byId = new Map<string, Dated>();
  readonly domain: Span | null;
  private readonly first: Span | null;
  private readonly laneCache = new Map<CorpusEvent, LaneInfo[]>();

  /** `lanesOf` gives the lanes of an event in a lane mode, `detailOf` its line under the title (the caller knows names and titles). */
  constructor(events: readonly CorpusEvent[], private readonly lanesOf: (event: CorpusEvent, mode: LaneMode) => LaneInfo[], private readonly detailOf: (event: CorpusEvent) => string) {
    events.forEach((event) => {
      const span = daySpanOf(event.date);
      if (!span) return void this.undated.push(event);
      const dated = { event, ...span };
      this.dated.push(dated);
      this.byId.set(event.id, dated);
    });
    this.dated.sort((a, b) => a.start - b.start || a.end - b.end);
    this.longest = this.dated.reduce((n, d) => Math.max(n, d.end - d.start), 0);
    this.domain = domainOf(this.dated);
    this.first = this.domain && firstView(this.dated, this.domain);
  }

  answer(query: TimelineQuery): TimelineAnswer {
    const window = this.windowFor(query);
    const empty: TimelineAnswer = {
      domain: this.domain, window, lanes: [], otherLanes: 0, inWindow: 0, detail: 'events', events: [], unit: null, periods: [], counts: [],
      dated: this.dated.length, undated: this.undated.length,
      undatedEvents: this.undated.slice(0, UNDATED_SENT).map((e) => ({ id: e.id, title: e.title, kind: e.kind, detail: this.detailOf(e) })),
    };
    if (!window) return empty;
    const shown = this.within(window);
    // The window's lanes, busiest first.
    const counts = new Map<string, { info: LaneInfo; count: number }>();
    const lanesOf = (d: Dated) => this.lanes(d.event, query.lanes);
    for (const d of shown) {
      for (const info of lanesOf(d)) {
        const lane = counts.get(info.key);
        if (lane) lane.count++;
        else counts.set(info.key, { info, count: 1 });
      }
    }
    const ranked = [...counts.values()].sort((a, b) => b.count - a.count || (a.info.label < b.info.label ? -1 : a.info.label > b.info.label ? 1 : 0));
    const kept = ranked.slice(0, Math.max(0, query.maxLanes));
    const index = new Map(kept.map((lane, k) => [lane.info.key, k]));
    const lanes = kept.map(({ info, count }) => ({ key: info.key, label: info.label, detail: info.detail, count }));
    const base = { ...empty, lanes, otherLanes: ranked.length - kept.length, inWindow: shown.length };
    if (shown.length <= query.maxEvents) {
      const events = shown.flatMap((d) => {
        const on = lanesOf(d).flatMap((info) => index.get(info.key) ?? []);
        return on.length === 0 ? [] : [{ id: d.event.id, date: d.event.date!, title: d.event.title, kind: d.event.kind, detail: this.detailOf(d.event), start: d.start, end: d.end, lanes: on }];
      });
      return { ...base, events };
    }
    const unit = window.end - window.start <= DAYS_BY_DAY ? 'day' : window.end - window.start <= DAYS_BY_MONTH ? 'month' : 'year';
    const periods = periodsOf(window, unit);
    const grid = lanes.map(() => periods.map(() => 0));
    for (const d of shown) {
      const p = lastAtOrBefore(periods.length, (k) => periods[k].start, Math.max(d.start, window.start));
      for (const info of lanesOf(d)) {
        const k = index.get(info.key);
        if (k !== undefined) grid[k][p]++;
      }
    }
    return { ...base, detail: 'counts', unit, periods, counts: grid };
  }

  /** The event's dated span, if it is on the timeline. */
  spanOf(id: string): Span | null {
    const d = this.byId.get(id);
    return d ? { start: d.start, end: d.end } : null;
  }

  private windowFor(query: TimelineQuery): Span | null {
    if (!this.domain) return null;
    let window = query.window ?? this.first!;
    const around = query.around !== undefined ? this.byId.get(query.around) : undefined;
    if (around) {
      // A year around it, or closer until the window is few enough events to draw it among them.
      const middle = Math.floor((around.start + around.end) / 2);
      for (const margin of [366, 92, 31, 7]) {
        const days = around.end - around.start + margin;
        window = { start: middle - Math.floor(days / 2), end: middle + Math.ceil(days / 2) };
        if (this.within(window).length <= query.maxEvents) break;
      }
    }
    const start = Math.max(this.domain.start, Math.floor(window.start));
    const end = Math.min(this.domain.end, Math.ceil(window.end));
    return end > start ? { start, end } : { start: this.domain.start, end: this.domain.end };
  }

  /** Dated events touching the window, in order. */
  private within(window: Span): Dated[] {
    // The first that could reach the window: none starts more than `longest` days before its end.
    let lo = 0;
    let hi = this.dated.length;
    const from = window.start - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.dated[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Dated[] = [];
    for (let k = lo; k < this.dated.length && this.dated[k].start < window.end; k++) if (this.dated[k].end > window.start) out.push(this.dated[k]);
    return out;
  }

  private lanes(event: CorpusEvent, mode: LaneMode): LaneInfo[] {
    // Cached for the participant mode only: it is the one drawn first, and a document's lanes are cheap.
    if (mode !== 'participant') return this.lanesOf(event, mode);
    let lanes = this.laneCache.get(event);
    if (!lanes) this.laneCache.set(event, (lanes = this.lanesOf(event, mode)));
    return lanes;
  }
}

/** The axis: from the first month touched (less one) to the end of the last month touched (plus one). */
function domainOf(dated: readonly Dated[]): Span | null {
  if (dated.length === 0) return null;
  const first = fromDayNumber(dated[0].start);
  const last = fromDayNumber(dated.reduce((n, d) => Math.max(n, d.end), -Infinity) - 1);
  return { start: monthStart(first.year, first.month - 1), end: monthStart(last.year, last.month + 2) };
}

/** The first day of a month, months counted past December or before January. */
function monthStart(year: number, month: number): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return dayNumber(y, m, 1);
}

/**
 * The first view: the whole domain, unless a few outlying events, cut off from the rest by a gap of
 * more than half the domain, squeeze the others (a 1979 invasion recalled in 2024 news): then the
 * others (three quarters of the events at least), with a month's margin.
 */
function firstView(dated: readonly Dated[], domain: Span): Span {
  if (dated.length < 3) return domain;
  let cut = -1;
  let widest = 0;
  let reach = dated[0].end;
  for (let i = 1; i < dated.length; i++) {
    if (dated[i].start - reach > widest) {
      widest = dated[i].start - reach;
      cut = i;
    }
    reach = Math.max(reach, dated[i].end);
  }
  if (cut < 0 || widest <= (domain.end - domain.start) / 2) return domain;
  const kept = dated.length - cut >= cut ? dated.slice(cut) : dated.slice(0, cut);
  if (kept.length < dated.length * 0.75) return domain;
  const from = Math.max(domain.start, kept[0].start - 31);
  const to = Math.min(domain.end, kept.reduce((n, d) => Math.max(n, d.end), -Infinity) + 31);
  return { start: from, end: to };
}

/** The window cut into whole years, months or days (the first and last cut by the window). */
function periodsOf(window: Span, unit: 'year' | 'month' | 'day'): TimelinePeriod[] {
  const periods: TimelinePeriod[] = [];
  if (unit === 'day') {
    for (let day = window.start; day < window.end; day++) {
      const d = fromDayNumber(day);
      periods.push({ start: day, end: day + 1, label: d.day === 1 ? `${d.day} ${MONTH_ABBR[d.month - 1]}` : String(d.day) });
    }
    return periods;
  }
  const first = fromDayNumber(window.start);
  let year = first.year;
  let month = unit === 'year' ? 1 : first.month;
  for (let start = window.start; start < window.end;) {
    const next = unit === 'year' ? dayNumber(year + 1, 1, 1) : monthStart(year, month + 1);
    periods.push({ start, end: Math.min(next, window.end), label: unit === 'year' ? String(year) : `${MONTH_ABBR[month - 1]}${month === 1 ? ` ${year}` : ''}` });
    start = next;
    if (unit === 'year') year++;
    else if (++month > 12) {
      month = 1;
      year++;
    }
  }
  return periods;
}
