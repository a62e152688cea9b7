// The Events view's grouping (year → month → event, undated last) and its row wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  datePartsOf, eventDescription, eventTooltip, firstMentionPerDocument, groupEventsByDate, mentionDescription, monthName,
  type DateGroup,
} from '../../src/client/views/eventGroups.js';
import { event, mention } from './fixtures.js';

/** The tree as text: one line per node, indented by depth, events by id. */
function outline(groups: DateGroup[]): string[] {
  return groups.flatMap((g) => [
    `${g.label}`,
    ...g.events.map((e) => `  ${e.event.id}`),
    ...(g.kind === 'year' ? g.months.flatMap((m) => [`  ${m.label}`, ...m.events.map((e) => `    ${e.event.id}`)]) : []),
  ]);
}

test('events group by year then month, year-only events first in their year, undated last', () => {
  const groups = groupEventsByDate([
    event('e1', '2024-03-22'), event('e2', null), event('e3', '2024-03-05'), event('e4', '2023'),
    event('e5', '2024'), event('e6', '2023-11'), event('e7', '2024-02-18'),
  ]);
  assert.deepEqual(outline(groups), [
    '2023', '  e4', '  November', '    e6',
    '2024', '  e5', '  February', '    e7', '  March', '    e3', '    e1',
    'Undated', '  e2',
  ]);
  assert.deepEqual(groups.map((g) => g.kind === 'year' ? g.count : g.events.length), [2, 4, 1]);
});

test('group keys are stable and say what they hold, so VS Code keeps them open across refreshes', () => {
  const groups = groupEventsByDate([event('e1', '2024-03-05'), event('e2', null)]);
  const year = groups[0]!;
  assert.equal(year.key, 'year:2024');
  assert.equal(year.kind === 'year' && year.months[0]!.key, 'month:2024-03');
  assert.equal(groups[1]!.key, 'undated');
  assert.deepEqual(groupEventsByDate([event('e1', '2024-03-05'), event('e2', null)]), groups);
});

test('an id the server repeats still gets a unique key', () => {
  const [undated] = groupEventsByDate([event('same', null), event('same', null), event('other', null)]);
  assert.deepEqual(undated!.events.map((e) => e.key), ['event:same', 'event:same#2', 'event:other']);
});

test('only undated events: one Undated group; none: no group', () => {
  assert.deepEqual(outline(groupEventsByDate([event('a', null), event('b', null)])), ['Undated', '  a', '  b']);
  assert.deepEqual(groupEventsByDate([]), []);
});

test('dates without a usable month fall back to the year; dates without a year are undated', () => {
  assert.deepEqual(datePartsOf('2024-03-05'), { year: '2024', month: '03' });
  assert.deepEqual(datePartsOf('2024-13'), { year: '2024', month: null });
  assert.deepEqual(datePartsOf('2024-W10'), { year: '2024', month: null });
  assert.deepEqual(datePartsOf('2024-SU'), { year: '2024', month: null });
  assert.equal(datePartsOf('XXXX-03-22'), null);
  assert.equal(datePartsOf(null), null);
  assert.deepEqual(outline(groupEventsByDate([event('w', '2024-W10'), event('x', 'XXXX-03')])), ['2024', '  w', 'Undated', '  x']);
});

test('month names', () => {
  assert.equal(monthName('01'), 'January');
  assert.equal(monthName('12'), 'December');
});

test('an event row: date as given and how many documents report it', () => {
  const two = [mention('file:///c/a.txt'), mention('file:///c/b.txt'), mention('file:///c/a.txt', 'Again.', 5)];
  assert.equal(eventDescription(event('e', '2024-03-05', { mentions: two })), '2024-03-05 · 2 documents');
  assert.equal(eventDescription(event('e', '2024-03')), '2024-03 · 1 document');
  assert.equal(eventDescription(event('e', null)), '1 document');
});

test('an event tooltip names date, kind, participants and place', () => {
  const tip = eventTooltip(event('e', '2024-03-05', {
    title: 'Zhirnov meets Haqqani in Kabul',
    participants: [{ id: 'person:dmitry-zhirnov', name: 'Dmitry Zhirnov', type: 'PERSON' }, { id: 'person:sirajuddin-haqqani', name: 'Sirajuddin Haqqani', type: 'PERSON' }],
    place: { id: 'place:kabul', name: 'Kabul', type: 'PLACE' },
  }));
  assert.equal(tip, 'Zhirnov meets Haqqani in Kabul\n2024-03-05 · meeting · reported by 1 document\nParticipants: Dmitry Zhirnov, Sirajuddin Haqqani\nPlace: Kabul');
});

test('one report per document: the first mention in each', () => {
  const a1 = mention('file:///c/a.txt', 'First.', 1);
  const b1 = mention('file:///c/b.txt', 'Other.', 2);
  const a2 = mention('file:///c/a.txt', 'Second.', 3);
  assert.deepEqual(firstMentionPerDocument(event('e', null, { mentions: [a1, b1, a2] })), [a1, b1]);
});

test('a report row shows the opening of its sentence', () => {
  assert.equal(mentionDescription(mention('file:///c/a.txt', 'Zhirnov met Haqqani.')), '“Zhirnov met Haqqani.”');
  const long = 'On March 5, 2024, weeks before the March 22, 2024 attack on the Crocus City Hall music venue in Moscow, in which';
  const d = mentionDescription(mention('file:///c/a.txt', long));
  assert.ok(d.length <= 72 && d.endsWith('…”') && long.startsWith(d.slice(1, -2)), d);
});
