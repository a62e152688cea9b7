// The timeline a window at a time: day spans of dates, the axis, the first view, events when few
// enough to draw, counts per lane and period when not, the window's busiest lanes only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daySpanOf, TimelineIndex, type CorpusEvent, type LaneInfo, type TimelineQuery } from '../../src/core/index.js';
import { dayNumber } from '../../src/core/dates/calendar.js';

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
