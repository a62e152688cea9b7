// The Events view's row ids and wording (the grouping is the server's: test/core/eventTree.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventDescription, eventTooltip, firstMentionPerDocument, mentionDescription, uniqueEventKeys } from '../../src/client/views/eventGroups.js';
import { event, mention } from './fixtures.js';

test('an id the server repeats on a page still gets a unique key', () => {
  assert.deepEqual(uniqueEventKeys([event('same', null), event('same', null), event('other', null)]).map((e) => e.key), ['event:same', 'event:same#2', 'event:other']);
});

test('an event row: date as given, how many documents report it and which first', () => {
  const two = [mention('file:///c/a.txt'), mention('file:///c/b.txt'), mention('file:///c/a.txt', 'Again.', 5)];
  const firstB = { uri: 'file:///c/b.txt', title: 'Kabul Times', date: '2024-03-04' };
  const cases: Array<[string, Parameters<typeof event>[2] & object, string | null, string]> = [
    ['two documents', { mentions: two, firstReport: firstB }, '2024-03-05', '2024-03-05 · 2 documents, first: Kabul Times'],
    ['one document', {}, '2024-03', '2024-03 · 1 document: Title of a.txt'],
    ['undated', {}, null, '1 document: Title of a.txt'],
    ['a document without a title', { firstReport: { uri: 'file:///c/My%20Notes.txt', title: '', date: null } }, null, '1 document: My Notes.txt'],
    ['a long title', { mentions: two, firstReport: { ...firstB, title: 'Russia removes the Taliban from its list of terrorist organisations' } }, null, '2 documents, first: Russia removes the Taliban from its…'],
  ];
  for (const [what, over, date, expected] of cases) assert.equal(eventDescription(event('e', date, over)), expected, what);
});

test('an event tooltip names date, kind, the documents and the first, participants and place', () => {
  const tip = eventTooltip(event('e', '2024-03-05', {
    title: 'Zhirnov meets Haqqani in Kabul',
    participants: [{ id: 'person:dmitry-zhirnov', name: 'Dmitry Zhirnov', type: 'PERSON' }, { id: 'person:sirajuddin-haqqani', name: 'Sirajuddin Haqqani', type: 'PERSON' }],
    place: { id: 'place:kabul', name: 'Kabul', type: 'PLACE' },
  }));
  assert.equal(tip, 'Zhirnov meets Haqqani in Kabul\n2024-03-05 · meeting\nReported by 1 document: Title of a.txt\nParticipants: Dmitry Zhirnov, Sirajuddin Haqqani\nPlace: Kabul');
  const two = event('e', null, { mentions: [mention('file:///c/a.txt'), mention('file:///c/b.txt')], firstReport: { uri: 'file:///c/b.txt', title: 'Kabul Times', date: '2024-03-04' } });
  assert.equal(eventTooltip(two), 'Meeting e\nUndated · meeting\nReported by 2 documents, first by Kabul Times (2024-03-04)');
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
