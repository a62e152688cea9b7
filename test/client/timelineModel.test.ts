// The timeline's model: date spans in days, the axis domain and ticks, lanes, undated events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimelineModel, dateOfDay, dayNumber, daySpanOf, domainOf, ticksFor } from '../../src/client/timeline/timelineModel.js';
import { event, mention } from './fixtures.js';

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

test('a date covers its day, month or year', () => {
  assert.deepEqual(daySpanOf('2024-03-05'), { start: day('2024-03-05'), end: day('2024-03-06') });
  assert.deepEqual(daySpanOf('2024-02'), { start: day('2024-02-01'), end: day('2024-03-01') });
  assert.deepEqual(daySpanOf('2024-12'), { start: day('2024-12-01'), end: day('2025-01-01') });
  assert.deepEqual(daySpanOf('2023'), { start: day('2023-01-01'), end: day('2024-01-01') });
  assert.deepEqual(daySpanOf('2024-02-30'), daySpanOf('2024-02'), 'an impossible day falls back to its month');
  assert.deepEqual(daySpanOf('2024-W10'), daySpanOf('2024'), 'a week falls back to its year');
  assert.equal(daySpanOf('XXXX-03-22'), null);
  assert.equal(daySpanOf(null), null);
  assert.equal(daySpanOf(''), null);
});

test('the axis runs from the month before the first event to the month after the last', () => {
  assert.deepEqual(domainOf([{ start: day('2024-03-05'), end: day('2024-03-06') }]), { start: day('2024-02-01'), end: day('2024-05-01') });
  assert.deepEqual(
    domainOf([{ start: day('2024-01-10'), end: day('2024-01-11') }, daySpanOf('2024-12')!]),
    { start: day('2023-12-01'), end: day('2025-02-01') },
  );
  assert.equal(domainOf([]), null);
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

test('the model: dated events in date order with their spans, undated ones apart', () => {
  const model = buildTimelineModel([event('late', '2024-03-22'), event('none', null), event('early', '2024-03'), event('mid', '2024-03-05')]);
  assert.deepEqual(model.events.map((e) => [e.id, e.start, e.end]), [
    ['early', day('2024-03-01'), day('2024-04-01')],
    ['mid', day('2024-03-05'), day('2024-03-06')],
    ['late', day('2024-03-22'), day('2024-03-23')],
  ]);
  assert.deepEqual(model.undated.map((e) => [e.id, e.start]), [['none', undefined]]);
  assert.deepEqual(model.domain, { start: day('2024-02-01'), end: day('2024-05-01') });
  assert.deepEqual(model.tickLevels.map((l) => [l.unit, l.ticks.length, l.steps[0]]), [['year', 0, 1], ['month', 3, 1], ['day', 90, 1]]);
  assert.deepEqual(model.tickLevels[1]!.steps, [1, 2, 3, 6], 'months thin to quarters and halves');
});

test('lanes per participant: an event in each of its participants’ lanes, busiest lane first, unknown participants last', () => {
  const zhirnov = { id: 'person:dmitry-zhirnov', name: 'Dmitry Zhirnov', type: 'PERSON' as const };
  const haqqani = { id: 'person:sirajuddin-haqqani', name: 'Sirajuddin Haqqani', type: 'PERSON' as const };
  const model = buildTimelineModel([
    event('a', '2024-03-05', { participants: [zhirnov, haqqani] }),
    event('b', '2024-03-22', { participants: [haqqani] }),
    event('c', '2024-03-23'),
    event('d', null, { participants: [zhirnov] }),
  ]);
  assert.deepEqual(model.lanes.participant.map((l) => [l.label, l.events.map((i) => model.events[i]!.id)]), [
    ['Sirajuddin Haqqani', ['a', 'b']],
    ['Dmitry Zhirnov', ['a']],
    ['No participant', ['c']],
  ]);
  assert.equal(model.lanes.participant[0]!.detail, 'PERSON');
});

test('lanes per document: an event once in each document reporting it', () => {
  const a = 'file:///c/seeds/a.txt';
  const b = 'file:///c/seeds/b.txt';
  const model = buildTimelineModel([
    event('x', '2024-03-05', { mentions: [mention(a), mention(b), mention(a)] }),
    event('y', '2024-03-06', { mentions: [mention(b)] }),
  ]);
  assert.deepEqual(model.lanes.document.map((l) => [l.label, l.detail, l.events]), [
    ['Title of b.txt', 'b.txt', [0, 1]],
    ['Title of a.txt', 'a.txt', [0]],
  ]);
});

test('no dated events: no domain, no ticks, no lanes, every event undated', () => {
  const model = buildTimelineModel([event('a', null), event('b', null)]);
  assert.equal(model.domain, null);
  assert.deepEqual(model.tickLevels, []);
  assert.deepEqual(model.lanes, { participant: [], document: [] });
  assert.equal(model.undated.length, 2);
});

test('a long span sends no day ticks', () => {
  const model = buildTimelineModel([event('a', '1979-12-24'), event('b', '2024-03-05')]);
  assert.deepEqual(model.tickLevels.map((l) => l.unit), ['year', 'month']);
  assert.equal(model.tickLevels[0]!.ticks[0]!.label, '1980');
});

test('an event line names kind, documents and the first participants', () => {
  const people = ['A', 'B', 'C', 'D', 'E'].map((n) => ({ id: `person:${n}`, name: n, type: 'PERSON' as const }));
  const [e] = buildTimelineModel([event('a', null, { kind: 'attack', participants: people })]).undated;
  assert.equal(e!.detail, 'Attack · 1 document · A, B, C +2');
});
