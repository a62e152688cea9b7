// The timeline a window at a time: day spans of dates, the axis, the first view, events when few
// enough to draw, counts per lane and period when not, the window's busiest lanes only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daySpanOf, TimelineIndex, type CorpusEvent, type LaneInfo, type TimelineQuery } from '../../src/core/index.js';
import { dayNumber } from '../../src/core/dates/calendar.js';
import { StepMeter } from '../../src/core/corpus/stepMeter.js';
import { TIMELINE_STEP_WEIGHT } from '../../src/core/views/timeline.js';
import { mulberry32 } from '../support/corpusGenerator.js';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};
const event = (id: string, date: string | null, participants: string[] = []) =>
  ({ id, date, kind: 'meeting', title: `Meeting ${id}`, participants, place: null, mentions: [{ path: `file:///c/${id}.txt` }] }) as unknown as CorpusEvent;
const lanesOf = (e: CorpusEvent, mode: 'participant' | 'document'): LaneInfo[] =>
  mode === 'document' ? [{ key: `document:${e.id}`, label: e.id, detail: `${e.id}.txt` }]
    : e.participants.length > 0 ? e.participants.map((p) => ({ key: `entity:${p}`, label: p, detail: 'PERSON' })) : [{ key: 'entity:none', label: 'No participant', detail: '' }];
const index = (events: CorpusEvent[]) => new TimelineIndex(events, lanesOf, (e) => `detail of ${e.id}`);
const ask = (over: Partial<TimelineQuery> = {}): TimelineQuery => ({ lanes: 'participant', maxEvents: 400, maxLanes: 40, ...over });

test('timeline: a date covers its day, month or year', () => {
  assert.deepEqual(daySpanOf('2024-03-05'), { start: day('2024-03-05'), end: day('2024-03-06') });
  assert.deepEqual(daySpanOf('2024-02'), { start: day('2024-02-01'), end: day('2024-03-01') });
  assert.deepEqual(daySpanOf('2024-12'), { start: day('2024-12-01'), end: day('2025-01-01') });
  assert.deepEqual(daySpanOf('2023'), { start: day('2023-01-01'), end: day('2024-01-01') });
  assert.deepEqual(daySpanOf('2024-02-30'), daySpanOf('2024-02'), 'an impossible day falls back to its month');
  assert.deepEqual(daySpanOf('2024-W10'), daySpanOf('2024'), 'a week falls back to its year');
  assert.equal(daySpanOf('XXXX-03-22'), null);
  assert.equal(daySpanOf(null), null);
});

test('timeline: the axis runs from the month before the first event to the month after the last', () => {
  assert.deepEqual(index([event('a', '2024-03-05')]).domain, { start: day('2024-02-01'), end: day('2024-05-01') });
  assert.deepEqual(index([event('a', '2024-01-10'), event('b', '2024-12')]).domain, { start: day('2023-12-01'), end: day('2025-02-01') });
  assert.equal(index([event('a', null)]).domain, null);
});

test('timeline: the first view leaves out a lone outlier that would squeeze the rest', () => {
  const events = [event('old', '1979-12-24'), ...Array.from({ length: 9 }, (_, i) => event(`e${i}`, `2024-03-${String(i + 1).padStart(2, '0')}`))];
  const answer = index(events).answer(ask());
  assert.deepEqual(answer.window, { start: day('2024-03-01') - 31, end: day('2024-03-10') + 31 });
  assert.deepEqual(answer.events.map((e) => e.id), events.slice(1).map((e) => e.id));
  // Spread out, or few: the whole span.
  const spread = index(['2020-01-01', '2021-06-01', '2022-01-01', '2023-06-01'].map((d, i) => event(`s${i}`, d)));
  assert.deepEqual(spread.answer(ask()).window, spread.domain);
});

test('timeline: few events in the window: each, with its lanes; the window\'s lanes busiest first', () => {
  const timeline = index([event('a', '2024-03-05', ['Zhirnov', 'Haqqani']), event('b', '2024-03-22', ['Haqqani']), event('c', '2024-03-23'), event('u', null)]);
  const answer = timeline.answer(ask());
  assert.equal(answer.detail, 'events');
  assert.deepEqual(answer.lanes.map((l) => [l.label, l.count]), [['Haqqani', 2], ['No participant', 1], ['Zhirnov', 1]]);
  assert.deepEqual(answer.events.map((e) => [e.id, e.lanes.map((k) => answer.lanes[k]!.label), e.start, e.end]), [
    ['a', ['Zhirnov', 'Haqqani'], day('2024-03-05'), day('2024-03-06')],
    ['b', ['Haqqani'], day('2024-03-22'), day('2024-03-23')],
    ['c', ['No participant'], day('2024-03-23'), day('2024-03-24')],
  ]);
  assert.deepEqual([answer.dated, answer.undated, answer.undatedEvents.map((e) => e.id)], [3, 1, ['u']]);
  // A window holding only b: one event; lanes beyond the limit are counted, not sent.
  const narrow = timeline.answer(ask({ window: { start: day('2024-03-20'), end: day('2024-03-23') }, maxLanes: 1 }));
  assert.deepEqual(narrow.events.map((e) => e.id), ['b']);
  assert.deepEqual([narrow.lanes.map((l) => l.label), narrow.otherLanes], [['Haqqani'], 0]);
  const one = timeline.answer(ask({ maxLanes: 1 }));
  assert.deepEqual([one.lanes.map((l) => l.label), one.otherLanes, one.events.map((e) => e.id)], [['Haqqani'], 2, ['a', 'b']]);
});

test('timeline: many events in the window: counts per lane and period, by day, month or year as the window fits', () => {
  const events: CorpusEvent[] = [];
  for (let m = 1; m <= 12; m++) for (let d = 1; d <= 10; d++) events.push(event(`${m}-${d}`, `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, [d % 2 ? 'Odd' : 'Even']));
  const timeline = index(events);
  const year = timeline.answer(ask({ window: { start: day('2024-01-01'), end: day('2025-01-01') }, maxEvents: 50 }));
  assert.equal(year.detail, 'counts');
  assert.equal(year.unit, 'month');
  assert.deepEqual(year.periods.slice(0, 2).map((p) => p.label), ['Jan 2024', 'Feb']);
  assert.deepEqual(year.lanes.map((l) => [l.label, l.count]), [['Even', 60], ['Odd', 60]]);
  assert.deepEqual(year.counts.map((row) => row.slice(0, 3)), [[5, 5, 5], [5, 5, 5]]);
  assert.deepEqual(year.events, []);
  const month = timeline.answer(ask({ window: { start: day('2024-03-01'), end: day('2024-04-01') }, maxEvents: 5 }));
  assert.equal(month.unit, 'day');
  assert.deepEqual([month.periods.length, month.counts[0]!.reduce((a, b) => a + b, 0) + month.counts[1]!.reduce((a, b) => a + b, 0)], [31, 10]);
  const wider = index([event('old', '2014-06-01'), ...events]);
  const decade = wider.answer(ask({ window: { start: day('2010-01-01'), end: day('2030-01-01') }, maxEvents: 5 }));
  assert.equal(decade.unit, 'year');
  assert.deepEqual(decade.window, wider.domain, 'a window beyond the axis is cut to it');
  assert.deepEqual([decade.periods[0]!.label, decade.periods.at(-1)!.label], ['2014', '2025']);
  // Around an event: closer until few enough to draw.
  const around = timeline.answer(ask({ around: '6-5', maxEvents: 15 }));
  assert.equal(around.detail, 'events');
  assert.ok(around.events.some((e) => e.id === '6-5'), 'the event is drawn');
});

test('timeline: the undated list is bounded; the rest are counted', () => {
  const answer = index(Array.from({ length: 250 }, (_, i) => event(`u${i}`, null))).answer(ask());
  assert.deepEqual([answer.undated, answer.undatedEvents.length, answer.window], [250, 100, null]);
});

// Random events: dates by day, month, year or odd (a week: its year); lanes with shared names and repeats.
function randomEvents(seed: number, count: number) {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  const dateOf = () => {
    const year = 2015 + Math.floor(random() ** 3 * 10);
    const r = random();
    return r < 0.7 ? `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}` : r < 0.85 ? `${year}-${pad(1 + Math.floor(random() * 12))}` : r < 0.95 ? String(year) : `${year}-W${pad(1 + Math.floor(random() * 50))}`;
  };
  const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
  const labelOf = (p: string) => `Person ${Number(p.slice(1)) % 20}`; // some lanes share a name
  const laneOf = (e: CorpusEvent, mode: 'participant' | 'document'): LaneInfo[] =>
    mode === 'document' ? e.mentions.map((m) => ({ key: `document:${m.path}`, label: m.path.slice(-6), detail: '' }))
      : e.participants.length > 0 ? e.participants.map((p) => ({ key: `entity:${p}`, label: labelOf(p), detail: 'PERSON' })) : [{ key: 'entity:none', label: 'No participant', detail: '' }];
  const events = Array.from({ length: count }, (_, i) => ({
    id: `e${i}`, date: random() < 0.05 ? null : dateOf(), kind: 'meeting', title: `Meeting ${i}`, place: null,
    participants: Array.from({ length: Math.floor(random() * 4) }, () => pick(people)), // repeats too
    mentions: Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({ path: `file:///c/${pick(['a', 'b', 'c', 'd', 'e'])}.txt` })),
  }) as unknown as CorpusEvent);
  return { random, pick, laneOf, events };
}

// The index against a direct scan of every event, on random events and windows: the same answer.
test('timeline: the indexed answer is a scan of every event, on random windows', () => {
  const { random, pick, laneOf, events } = randomEvents(14, 600);
  const timeline = new TimelineIndex(events, laneOf, (e) => `detail of ${e.id}`);
  const details = new Set<string>();
  for (let k = 0; k < 400; k++) {
    const start = timeline.domain!.start + Math.floor(random() * (timeline.domain!.end - timeline.domain!.start));
    const query: TimelineQuery = {
      lanes: random() < 0.3 ? 'document' : 'participant', maxEvents: pick([5, 30, 400]), maxLanes: pick([1, 3, 40]),
      ...(random() < 0.1 ? { around: pick(events).id } : random() < 0.1 ? {} : { window: { start, end: start + 1 + Math.floor(random() ** 2 * 4000) } }),
    };
    assert.deepEqual(timeline.answer(query), scanned(events, laneOf, query, timeline), JSON.stringify(query));
    details.add(`${query.lanes} ${timeline.answer(query).detail}`);
  }
  assert.deepEqual([...details].sort(), ['document counts', 'document events', 'participant counts', 'participant events'], 'both details, both lane modes');
});

/** The answer by reading every event: what the index must give (the axis and the first view are the index's, tested above). */
function scanned(events: CorpusEvent[], laneOf: typeof lanesOf, query: TimelineQuery, axis: TimelineIndex) {
  const dated = events.flatMap((event) => daySpanOf(event.date) ? [{ event, ...daySpanOf(event.date)! }] : []).sort((a, b) => a.start - b.start || a.end - b.end);
  const touching = (w: { start: number; end: number }) => dated.filter((d) => d.start < w.end && d.end > w.start);
  const { domain, window: first } = axis.answer({ lanes: 'participant', maxEvents: 1, maxLanes: 1 });
  let window = query.window ?? first;
  const around = dated.find((d) => d.event.id === query.around);
  if (around) {
    const middle = Math.floor((around.start + around.end) / 2);
    for (const margin of [366, 92, 31, 7]) {
      const days = around.end - around.start + margin;
      window = { start: middle - Math.floor(days / 2), end: middle + Math.ceil(days / 2) };
      if (touching(window).length <= query.maxEvents) break;
    }
  }
  if (window && domain) {
    const [start, end] = [Math.max(domain.start, window.start), Math.min(domain.end, window.end)];
    window = end > start ? { start, end } : domain;
  }
  const firstMet = new Map<string, number>();
  for (const d of dated) for (const info of laneOf(d.event, query.lanes)) if (!firstMet.has(info.key)) firstMet.set(info.key, firstMet.size);
  const shown = window ? touching(window) : [];
  const counts = new Map<string, { info: LaneInfo; count: number }>();
  for (const d of shown) for (const info of laneOf(d.event, query.lanes)) {
    const lane = counts.get(info.key) ?? { info, count: 0 };
    counts.set(info.key, { ...lane, count: lane.count + 1 });
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || (a.info.label < b.info.label ? -1 : a.info.label > b.info.label ? 1 : firstMet.get(a.info.key)! - firstMet.get(b.info.key)!));
  const kept = ranked.slice(0, query.maxLanes);
  const index = new Map(kept.map((lane, k) => [lane.info.key, k]));
  const undated = events.filter((e) => !daySpanOf(e.date));
  const answer = {
    domain, window, lanes: kept.map(({ info, count }) => ({ key: info.key, label: info.label, detail: info.detail, count })),
    otherLanes: ranked.length - kept.length, inWindow: shown.length, detail: 'events', events: [] as unknown[], unit: null as string | null, periods: [] as unknown[], counts: [] as number[][],
    dated: dated.length, undated: undated.length, undatedEvents: undated.slice(0, 100).map((e) => ({ id: e.id, title: e.title, kind: e.kind, detail: `detail of ${e.id}` })),
  };
  if (!window) return { ...answer, lanes: [], otherLanes: 0, inWindow: 0 };
  if (shown.length <= query.maxEvents) {
    answer.events = shown.flatMap((d) => {
      const on = laneOf(d.event, query.lanes).flatMap((info) => index.get(info.key) ?? []);
      return on.length ? [{ id: d.event.id, date: d.event.date, title: d.event.title, kind: d.event.kind, detail: `detail of ${d.event.id}`, start: d.start, end: d.end, lanes: on }] : [];
    });
    return answer;
  }
  const days = window.end - window.start;
  const unit = days <= 120 ? 'day' : days <= 6 * 366 ? 'month' : 'year';
  // The periods are the index's own (tested above); each event counts in the one holding its first day in the window.
  const periods = axis.answer({ ...query, window, around: undefined, maxEvents: 0 }).periods;
  const grid = kept.map(() => periods.map(() => 0));
  for (const d of shown) {
    const first = Math.max(d.start, window.start);
    const p = periods.findIndex((period) => period.start <= first && first < period.end);
    for (const info of laneOf(d.event, query.lanes)) if (index.has(info.key)) grid[index.get(info.key)!]![p]!++;
  }
  return { ...answer, detail: 'counts', unit, periods, counts: grid };
}

// Built a step at a time between requests (the server's catch-up), the index answers as built at
// once in the request, a request coming halfway finishes it, and no step takes more than a step's
// worth of work and the largest single item.
test('timeline: built in steps, the index answers as built at once, each step bounded', () => {
  const { random, pick, laneOf, events } = randomEvents(15, 3000);
  const detail = (e: CorpusEvent) => `detail of ${e.id}`;
  const atOnce = new TimelineIndex(events, laneOf, detail);
  const stepped = new TimelineIndex(events, laneOf, detail, ['participant', 'document'], new StepMeter(100));
  let steps = 1;
  while (!stepped.step()) steps++;
  // Lanes named again once built (a document's title changed): built ahead again, not left to a request.
  const refreshed = new TimelineIndex(events, laneOf, detail, ['participant', 'document'], new StepMeter(100));
  while (!refreshed.step());
  refreshed.refreshLanes('document');
  assert.equal(refreshed.complete, false, 'the lanes are to be built again');
  while (!refreshed.step());
  // A request before the build is done; and a document's lanes named again in the middle of it.
  const halfway = new TimelineIndex(events, laneOf, detail, ['participant', 'document'], new StepMeter(100));
  for (let k = 0; k < steps / 2; k++) halfway.step();
  halfway.refreshLanes('document');
  const check = (query: TimelineQuery) => {
    const expected = atOnce.answer(query);
    assert.deepEqual(stepped.answer(query), expected, JSON.stringify(query));
    assert.deepEqual(halfway.answer(query), expected, `halfway: ${JSON.stringify(query)}`);
    assert.deepEqual(refreshed.answer(query), expected, `named again: ${JSON.stringify(query)}`);
  };
  for (let k = 0; k < 200; k++) {
    const start = atOnce.domain!.start + Math.floor(random() * (atOnce.domain!.end - atOnce.domain!.start));
    check({
      lanes: random() < 0.3 ? 'document' : 'participant', maxEvents: pick([5, 30, 400]), maxLanes: pick([1, 3, 40]),
      ...(random() < 0.1 ? { around: pick(events).id } : random() < 0.1 ? {} : { window: { start, end: start + 1 + Math.floor(random() ** 2 * 4000) } }),
    });
  }
  // The largest items: an event with its lanes, a lane's days sorted, the axis's days sorted and listed.
  const w = TIMELINE_STEP_WEIGHT;
  const dated = events.filter((e) => daySpanOf(e.date)).length;
  const lanes = Math.max(...events.map((e) => Math.max(laneOf(e, 'participant').length, laneOf(e, 'document').length)));
  const item = Math.max(w.event + lanes * w.lane, w.lists + w.element * dated * Math.log2(dated + 1));
  assert.ok(stepped.meter.largest <= stepped.meter.size + item, `largest step ${stepped.meter.largest} (size ${stepped.meter.size}, largest item ${item})`);
  // The work is counted: an event placed, listed by id and filed on each mode's lanes at least.
  assert.ok(steps >= (4 * events.length * w.event) / stepped.meter.size, `${steps} steps for ${events.length} events`);
});
