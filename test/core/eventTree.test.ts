// The Events view's tree, a level at a time: years with counts, a year's months and year-only
// events, a month's events, the undated last; pages of events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datePartsOf, EventTree, type CorpusEvent } from '../../src/core/index.js';

const event = (id: string, date: string | null) => ({ id, date, kind: 'meeting', title: id, participants: [], place: null, mentions: [] }) as unknown as CorpusEvent;

/** The whole tree, opened level by level, as text: one line per node, indented by depth. */
function outline(tree: EventTree, group?: string, depth = 0): string[] {
  const level = tree.level(group);
  const pad = '  '.repeat(depth);
  return [
    ...level.events.map((e) => `${pad}${e.id}`),
    ...level.groups.flatMap((g) => [`${pad}${g.label} (${g.count})`, ...outline(tree, g.key, depth + 1)]),
  ];
}

// Corpus.events() order: dated events in date order ("2024" before "2024-03" before "2024-03-05"), undated last.
const EVENTS = ['2023', '2023-11', '2024', '2024-02-18', '2024-03-05', '2024-03-22', null].map((date, k) => event(`e${k + 1}`, date));

test('event tree: years, then a year\'s year-only events and months, then a month\'s events; undated last', () => {
  assert.deepEqual(outline(new EventTree(EVENTS)), [
    '2023 (2)', '  e1', '  November (1)', '    e2',
    '2024 (4)', '  e3', '  February (1)', '    e4', '  March (2)', '    e5', '    e6',
    'Undated (1)', '  e7',
  ]);
});

test('event tree: the top holds only groups; keys open them', () => {
  const top = new EventTree(EVENTS).level(undefined);
  assert.deepEqual(top.events, []);
  assert.deepEqual(top.groups.map((g) => [g.key, g.kind]), [['2023', 'year'], ['2024', 'year'], ['undated', 'undated']]);
  assert.deepEqual(new EventTree(EVENTS).level('2024').groups.map((g) => [g.key, g.kind, g.label]), [['2024-02', 'month', 'February'], ['2024-03', 'month', 'March']]);
});

test('event tree: a group\'s events come a page at a time, with the total', () => {
  const many = Array.from({ length: 450 }, (_, k) => event(`m${k}`, '2024-03-05'));
  const tree = new EventTree(many);
  const first = tree.level('2024-03', 0, 200);
  assert.equal(first.total, 450);
  assert.deepEqual(first.events.map((e) => e.id), many.slice(0, 200).map((e) => e.id));
  assert.deepEqual(tree.level('2024-03', 400, 200).events.map((e) => e.id), many.slice(400).map((e) => e.id));
  assert.deepEqual(tree.level('1999').events, []);
  assert.deepEqual(tree.level('2024-07').events, []);
});

test('event tree: dates without a usable month fall back to the year; dates without a year are undated', () => {
  assert.deepEqual(datePartsOf('2024-03-05'), { year: '2024', month: '03' });
  assert.deepEqual(datePartsOf('2024-13'), { year: '2024', month: null });
  assert.deepEqual(datePartsOf('2024-W10'), { year: '2024', month: null });
  assert.deepEqual(datePartsOf('2024-SU'), { year: '2024', month: null });
  assert.equal(datePartsOf('XXXX-03-22'), null);
  assert.equal(datePartsOf(null), null);
  assert.deepEqual(outline(new EventTree([event('w', '2024-W10'), event('x', 'XXXX-03')])), ['2024 (1)', '  w', 'Undated (1)', '  x']);
  assert.deepEqual(outline(new EventTree([])), []);
});
