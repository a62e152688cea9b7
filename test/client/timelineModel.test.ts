// The timeline's model of a window the server answered: ticks of its domain, lanes with their events or counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOfDay, dayNumber, ticksFor, timelineModel } from '../../src/client/timeline/timelineModel.js';
import type { TimelineWindow } from '../../src/protocol.js';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

test('day numbers count from 1970-01-01 and go back to dates', () => {
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.equal(dayNumber(1970, 1, 2), 1);
  assert.equal(day('2024-03-01') - day('2024-02-01'), 29);
  assert.deepEqual(dateOfDay(day('2024-02-29')), { year: 2024, month: 2, day: 29 });
  assert.deepEqual(dateOfDay(dayNumber(1969, 12, 31)), { year: 1969, month: 12, day: 31 });
});

test('ticks: years, months and days inside the domain, January labelled with its year', () => {
  const domain = { start: day('2023-11-01'), end: day('2024-03-01') };
  assert.deepEqual(ticksFor(domain, 'year'), [{ day: day('2024-01-01'), label: '2024', n: 2024 }]);
  assert.deepEqual(ticksFor(domain, 'month').map((t) => t.n % 12), [10, 11, 0, 1]);
  assert.deepEqual(ticksFor(domain, 'month').map((t) => t.label), ['Nov', 'Dec', 'Jan 2024', 'Feb']);
  assert.equal(ticksFor(domain, 'month')[0]!.day, domain.start);
  const days = ticksFor({ start: day('2024-02-28'), end: day('2024-03-03') }, 'day');
  assert.deepEqual(days.map((t) => t.label), ['28', '29', '1 Mar', '2']);
  assert.deepEqual(ticksFor({ start: day('2024-01-01'), end: day('2026-01-01') }, 'year').map((t) => t.label), ['2024', '2025']);
});

const answer = (over: Partial<TimelineWindow> = {}): TimelineWindow => ({
  domain: { start: day('2024-02-01'), end: day('2024-05-01') }, window: { start: day('2024-02-01'), end: day('2024-05-01') },
  lanes: [], otherLanes: 0, inWindow: 0, detail: 'events', events: [], unit: null, periods: [], counts: [], dated: 0, undated: 0, undatedEvents: [], joining: false, ...over,
});

test('the model: ticks of the domain at each granularity, months thinning to quarters and halves', () => {
  const model = timelineModel(answer(), 'participant');
  assert.deepEqual(model.tickLevels.map((l) => [l.unit, l.ticks.length, l.steps[0]]), [['year', 0, 1], ['month', 3, 1], ['day', 90, 1]]);
  assert.deepEqual(model.tickLevels[1]!.steps, [1, 2, 3, 6]);
  assert.deepEqual(timelineModel(answer({ domain: null, window: null }), 'participant').tickLevels, []);
  const long = timelineModel(answer({ domain: { start: day('1979-12-01'), end: day('2024-05-01') } }), 'participant');
  assert.deepEqual(long.tickLevels.map((l) => l.unit), ['year', 'month'], 'a long span sends no day ticks');
});

test('the model: each lane with the events drawn on it, or its counts per period', () => {
  const e = (id: string, lanes: number[]) => ({ id, date: '2024-03-05', title: id, kind: 'meeting', detail: '', start: day('2024-03-05'), end: day('2024-03-06'), lanes });
  const lanes = [{ key: 'entity:h', label: 'Haqqani', detail: 'PERSON', count: 2 }, { key: 'entity:z', label: 'Zhirnov', detail: 'PERSON', count: 1 }];
  const model = timelineModel(answer({ lanes, events: [e('a', [0, 1]), e('b', [0])], detail: 'events' }), 'participant');
  assert.deepEqual(model.lanes.map((l) => [l.label, l.events.map((i) => model.events[i]!.id)]), [['Haqqani', ['a', 'b']], ['Zhirnov', ['a']]]);
  assert.ok(!('lanes' in model.events[0]!), 'events keep their lanes in the lanes');
  const counted = timelineModel(answer({ lanes, detail: 'counts', unit: 'month', periods: [{ start: 0, end: 31, label: 'Mar' }], counts: [[2], [1]] }), 'document');
  assert.deepEqual([counted.lanesMode, counted.lanes.map((l) => l.counts)], ['document', [[2], [1]]]);
});
