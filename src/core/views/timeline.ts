// The timeline's data, a window at a time: the events the window shows, one by one when there are
// few enough to draw, else how many each lane has in each period (year, month or day, as fits the
// window); the busiest lanes of the window only. Built once per list of events (the corpus gives a
// new list whenever its events change), with each lane's events counted by day (daySpans.ts): a
// window costs binary searches per lane and period when zoomed out, and the events it draws when
// zoomed in, never every event in it, and no answer grows with the corpus.
import { dayNumber, fromDayNumber } from '../dates/calendar.js';
import type { CorpusEvent } from '../events/join.js';
import { SpanCounts, SpanList } from './daySpans.js';
import { StepMeter } from '../corpus/stepMeter.js';
import type { Span } from '../types.js';

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

/** The lanes of one mode: each lane's events counted by day, and each event's lanes. */
interface LaneSet {
  infos: LaneInfo[];
  counts: SpanCounts[];
  /** Event k (in the index's order) is on lanes ids[from[k]] … ids[from[k + 1] - 1]. */
  from: Int32Array;
  ids: Int32Array;
}

/** The events on the axis: the dated by first day (then last, then the list's order), with their days. */
interface Axis {
  dated: CorpusEvent[];
  starts: Int32Array;
  ends: Int32Array;
  undated: CorpusEvent[];
  all: SpanCounts;
  spans: SpanList;
  domain: Span | null;
  first: Span | null;
}

/**
 * What a step of building takes (see StepMeter), in units of about an event placed by its date:
 * some 2,000, a few milliseconds. The weights (measured roughly, 50,000 events): an event placed, a
 * lane of an event filed, a lane's lists of days made, an element of a list sorted or copied.
 */
const TIMELINE_STEP = 2000;
export const TIMELINE_STEP_WEIGHT = { event: 1, lane: 1, lists: 20, element: 0.1 };
const W = TIMELINE_STEP_WEIGHT;

/**
 * Built a step at a time (step(), between requests, once the events are joined: 50,000 events take
 * most of a second) or, when a request comes first, at once then: answers are the same either way.
 */
export class TimelineIndex {
  private axis: Axis | null = null;
  private readonly laneSets = new Map<LaneMode, LaneSet>();
  private byId: Map<string, number> | null = null;
  /** The build under way: the axis, then the lanes of the modes built ahead. */
  private building: Generator<void, void> | null;

  /**
   * `lanesOf` gives the lanes of an event in a lane mode, `detailOf` its line under the title (the
   * caller knows names and titles); `ahead`: the lane modes step() builds (the others are built on
   * first use); `meter` counts the steps' work.
   */
  constructor(private readonly events: readonly CorpusEvent[], private readonly lanesOf: (event: CorpusEvent, mode: LaneMode) => LaneInfo[], private readonly detailOf: (event: CorpusEvent) => string,
    private readonly ahead: readonly LaneMode[] = ['participant'], readonly meter = new StepMeter(TIMELINE_STEP)) {
    this.building = this.build();
  }

  /** Builds a step further; true once built (the axis and the lanes built ahead). */
  step(): boolean {
    if (this.building?.next().done) {
      this.building = null;
      this.meter.end();
    }
    return this.complete;
  }

  /** The axis and the lanes built ahead are built: step() has nothing left to do. */
  get complete(): boolean {
    return this.building === null;
  }

  get domain(): Span | null {
    return this.built().domain;
  }

  answer(query: TimelineQuery): TimelineAnswer {
    const { dated, starts, ends, undated, all, spans, domain } = this.built();
    const window = this.windowFor(query);
    const empty: TimelineAnswer = {
      domain, window, lanes: [], otherLanes: 0, inWindow: 0, detail: 'events', events: [], unit: null, periods: [], counts: [],
      dated: dated.length, undated: undated.length,
      undatedEvents: undated.slice(0, UNDATED_SENT).map((e) => ({ id: e.id, title: e.title, kind: e.kind, detail: this.detailOf(e) })),
    };
    if (!window) return empty;
    const set = this.laneSet(query.lanes);
    const inWindow = all.touching(window);
    // Few enough to draw: the window's events, found by binary search, give the lanes' counts; else
    // each lane's counts (two searches a lane), whatever the number of events in the window.
    const shown = inWindow <= query.maxEvents ? spans.touching(window) : null;
    const counted: Array<{ id: number; count: number }> = [];
    let inLanes: number;
    if (shown) {
      const count = new Map<number, number>();
      for (const k of shown) for (let m = set.from[k]; m < set.from[k + 1]; m++) count.set(set.ids[m], (count.get(set.ids[m]) ?? 0) + 1);
      for (const [id, n] of count) counted.push({ id, count: n });
      inLanes = counted.length;
    } else {
      const count = Int32Array.from(set.counts, (lane) => lane.touching(window));
      // Only lanes as busy as the last one kept can be kept: those are ranked, the rest counted.
      const busy = count.filter((n) => n > 0).sort();
      inLanes = busy.length;
      const least = query.maxLanes > 0 && busy.length > 0 ? busy[Math.max(0, busy.length - query.maxLanes)] : Infinity;
      count.forEach((n, id) => {
        if (n >= least) counted.push({ id, count: n });
      });
    }
    // The window's lanes, busiest first (then by name, then as first met on the axis).
    const label = (id: number) => set.infos[id].label;
    const kept = counted.sort((a, b) => b.count - a.count || (label(a.id) < label(b.id) ? -1 : label(a.id) > label(b.id) ? 1 : a.id - b.id)).slice(0, Math.max(0, query.maxLanes));
    const index = new Map(kept.map((lane, k) => [lane.id, k]));
    const lanes = kept.map(({ id, count }) => ({ key: set.infos[id].key, label: set.infos[id].label, detail: set.infos[id].detail, count }));
    const base = { ...empty, lanes, otherLanes: inLanes - kept.length, inWindow };
    if (shown) {
      const events = shown.flatMap((k) => {
        const on: number[] = [];
        for (let m = set.from[k]; m < set.from[k + 1]; m++) {
          const lane = index.get(set.ids[m]);
          if (lane !== undefined) on.push(lane);
        }
        const event = dated[k];
        return on.length === 0 ? [] : [{ id: event.id, date: event.date!, title: event.title, kind: event.kind, detail: this.detailOf(event), start: starts[k], end: ends[k], lanes: on }];
      });
      return { ...base, events };
    }
    const unit = window.end - window.start <= DAYS_BY_DAY ? 'day' : window.end - window.start <= DAYS_BY_MONTH ? 'month' : 'year';
    const periods = periodsOf(window, unit);
    const grid = kept.map(({ id }) => set.counts[id].perPeriod(window, periods));
    return { ...base, detail: 'counts', unit, periods, counts: grid };
  }

  /** The event's dated span, if it is on the timeline. */
  spanOf(id: string): Span | null {
    const { starts, ends } = this.built();
    const k = this.placeOf(id);
    return k !== undefined ? { start: starts[k], end: ends[k] } : null;
  }

  /** Lanes of a mode are made again on next use, or by step() if built ahead (their names changed: a document's title). */
  refreshLanes(mode: LaneMode): void {
    this.laneSets.delete(mode);
    // A build under way may be making them with the old names: it starts again from what is built
    // (and a finished one goes on to make them again, if built ahead).
    this.building = this.build();
  }

  private *build(): Generator<void, void> {
    if (!this.axis) this.axis = yield* this.axisSteps();
    for (const mode of this.ahead) if (!this.laneSets.has(mode)) this.laneSets.set(mode, yield* this.laneSteps(mode));
  }

  /** The axis, built (at once if step() has not yet). */
  private built(): Axis {
    while (!this.axis) this.step();
    return this.axis;
  }

  private windowFor(query: TimelineQuery): Span | null {
    const { domain, first, starts, ends, all } = this.built();
    if (!domain) return null;
    let window = query.window ?? first!;
    const around = query.around !== undefined ? this.placeOf(query.around) : undefined;
    if (around !== undefined) {
      // A year around it, or closer until the window is few enough events to draw it among them.
      const [from, to] = [starts[around], ends[around]];
      const middle = Math.floor((from + to) / 2);
      for (const margin of [366, 92, 31, 7]) {
        const days = to - from + margin;
        window = { start: middle - Math.floor(days / 2), end: middle + Math.ceil(days / 2) };
        if (all.touching(window) <= query.maxEvents) break;
      }
    }
    const start = Math.max(domain.start, Math.floor(window.start));
    const end = Math.min(domain.end, Math.ceil(window.end));
    return end > start ? { start, end } : { start: domain.start, end: domain.end };
  }

  /** The events placed by their days, a step at a time. */
  private *axisSteps(): Generator<void, Axis> {
    const { events, meter } = this;
    // Each event's days, by its place in the list; a date is read once (thousands of events share one).
    const spanStarts = new Int32Array(events.length);
    const spanEnds = new Int32Array(events.length);
    const placed: number[] = [];
    const undated: CorpusEvent[] = [];
    const spanOfDate = new Map<string, Span | null>();
    for (let i = 0; i < events.length; i++) {
      const date = events[i].date;
      let span = date === null ? null : spanOfDate.get(date);
      if (span === undefined) spanOfDate.set(date!, (span = daySpanOf(date)));
      if (span) {
        placed.push(i);
        spanStarts[i] = span.start;
        spanEnds[i] = span.end;
      } else undated.push(events[i]);
      if (meter.add(W.event)) yield;
    }
    // Sorted natively: one item, some milliseconds at 170,000.
    const order = bySpan(placed, spanStarts, spanEnds);
    if (meter.add(W.element * order.length * Math.log2(order.length + 1))) yield;
    const dated: CorpusEvent[] = new Array(order.length);
    const starts = new Int32Array(order.length);
    const ends = new Int32Array(order.length);
    for (let k = 0; k < order.length; k++) {
      dated[k] = events[order[k]];
      starts[k] = spanStarts[order[k]];
      ends[k] = spanEnds[order[k]];
      if (meter.add(W.event)) yield;
    }
    const all = new SpanCounts(starts, ends.slice().sort(), true);
    if (meter.add(W.element * dated.length * Math.log2(dated.length + 1))) yield;
    const spans = yield* SpanList.build(starts, ends, () => meter.add(W.element));
    const domain = domainOf(starts, ends);
    return { dated, starts, ends, undated, all, spans, domain, first: domain && firstView(starts, ends, domain) };
  }

  /** Each event's lanes in a mode, and each lane's events counted by day: once per index and mode. */
  private laneSet(mode: LaneMode): LaneSet {
    // Built ahead: the build is finished as far as this mode; else the mode is built now.
    while (!this.laneSets.has(mode) && !this.step());
    let set = this.laneSets.get(mode);
    if (!set) {
      const steps = this.laneSteps(mode);
      let next = steps.next();
      while (!next.done) next = steps.next();
      this.meter.end();
      this.laneSets.set(mode, (set = next.value));
    }
    return set;
  }

  private *laneSteps(mode: LaneMode): Generator<void, LaneSet> {
    const { dated, starts, ends } = this.built();
    const meter = this.meter;
    const infos: LaneInfo[] = [];
    const idOf = new Map<string, number>();
    const from = new Int32Array(dated.length + 1);
    let ids = new Int32Array(dated.length + 16);
    let sizes = new Int32Array(256);
    let filed = 0;
    for (let k = 0; k < dated.length; k++) {
      from[k] = filed;
      const lanes = this.lanesOf(dated[k], mode);
      for (const info of lanes) {
        let id = idOf.get(info.key);
        if (id === undefined) {
          idOf.set(info.key, (id = infos.length));
          infos.push(info);
          if (id === sizes.length) sizes = grown(sizes);
        }
        if (filed === ids.length) ids = grown(ids);
        ids[filed++] = id;
        sizes[id]++;
      }
      if (meter.add(W.event + W.lane * lanes.length)) yield;
    }
    from[dated.length] = filed;
    // Every lane's days in one list, lane after lane: filed in the axis's order, a lane's starts are sorted.
    const at = new Int32Array(infos.length + 1);
    for (let id = 0; id < infos.length; id++) at[id + 1] = at[id] + sizes[id];
    const next = at.slice(0, infos.length);
    const laneStarts = new Int32Array(filed);
    const laneEnds = new Int32Array(filed);
    for (let k = 0; k < dated.length; k++) {
      for (let m = from[k]; m < from[k + 1]; m++) {
        const p = next[ids[m]]++;
        laneStarts[p] = starts[k];
        laneEnds[p] = ends[k];
      }
      if (meter.add(W.event + W.lane * (from[k + 1] - from[k]))) yield;
    }
    const counts: SpanCounts[] = [];
    for (let id = 0; id < infos.length; id++) {
      const n = sizes[id];
      counts.push(new SpanCounts(laneStarts.subarray(at[id], at[id + 1]), laneEnds.subarray(at[id], at[id + 1]).sort(), true));
      if (meter.add(W.lists + W.element * n * Math.log2(n + 1))) yield;
    }
    return { infos, counts, from, ids: ids.slice(0, filed) };
  }

  /** An event's place on the axis, by id (made on first use: a window around an event, its span). */
  private placeOf(id: string): number | undefined {
    const { dated } = this.built();
    if (!this.byId) {
      this.byId = new Map();
      for (let k = 0; k < dated.length; k++) this.byId.set(dated[k].id, k);
    }
    return this.byId.get(id);
  }
}

/** A list twice as long, the same values first. */
function grown<T extends ArrayBufferLike>(list: Int32Array<T>): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(list.length * 2);
  longer.set(list);
  return longer;
}

/**
 * The places given, ordered by first day, then last, then place: a native sort of numbers, each a
 * place's days and the place packed in one (exact below 2^53), else a sort by comparison.
 */
function bySpan(places: readonly number[], starts: Int32Array, ends: Int32Array): Int32Array {
  const order = Int32Array.from(places);
  if (order.length === 0) return order;
  let [firstStart, lastStart, shortest, longest] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const i of places) {
    firstStart = Math.min(firstStart, starts[i]);
    lastStart = Math.max(lastStart, starts[i]);
    shortest = Math.min(shortest, ends[i] - starts[i]);
    longest = Math.max(longest, ends[i] - starts[i]);
  }
  const n = starts.length;
  const lengths = longest - shortest + 1;
  if ((lastStart - firstStart + 1) * lengths * n >= 2 ** 53) return order.sort((a, b) => starts[a] - starts[b] || ends[a] - ends[b] || a - b);
  const keys = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    keys[k] = ((starts[i] - firstStart) * lengths + (ends[i] - starts[i] - shortest)) * n + i;
  }
  keys.sort();
  for (let k = 0; k < keys.length; k++) order[k] = keys[k] % n;
  return order;
}

/** The axis: from the first month touched (less one) to the end of the last month touched (plus one). */
function domainOf(starts: Int32Array, ends: Int32Array): Span | null {
  if (starts.length === 0) return null;
  const first = fromDayNumber(starts[0]);
  const last = fromDayNumber(ends.reduce((n, end) => Math.max(n, end), -Infinity) - 1);
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
function firstView(starts: Int32Array, ends: Int32Array, domain: Span): Span {
  const n = starts.length;
  if (n < 3) return domain;
  let cut = -1;
  let widest = 0;
  let reach = ends[0];
  for (let i = 1; i < n; i++) {
    if (starts[i] - reach > widest) {
      widest = starts[i] - reach;
      cut = i;
    }
    reach = Math.max(reach, ends[i]);
  }
  if (cut < 0 || widest <= (domain.end - domain.start) / 2) return domain;
  const [from, to] = n - cut >= cut ? [cut, n] : [0, cut];
  if (to - from < n * 0.75) return domain;
  return { start: Math.max(domain.start, starts[from] - 31), end: Math.min(domain.end, ends.subarray(from, to).reduce((m, end) => Math.max(m, end), -Infinity) + 31) };
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
