// The Events view's row ids and wording (the grouping is the server's: test/core/eventTree.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventDescription, eventTooltip, firstMentionPerDocument, mentionDescription, uniqueEventKeys } from '../../src/client/views/eventGroups.js';
import { event, mention } from './fixtures.js';

test('an id the server repeats on a page still gets a unique key', () => {
  assert.deepEqual(uniqueEventKeys([event('same', null), event('same', null), event('other', null)]).map((e) => e.key), ['event:same', 'event:same#2', 'event:other']);
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
