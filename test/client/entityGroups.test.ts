// The Entities view: grouping by type, row wording, and a mention shown in its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entityDescription, entityTooltip, groupEntitiesByType, snippetAround } from '../../src/client/views/entityGroups.js';
import type { EntityType } from '../../src/protocol.js';
import { entity } from './fixtures.js';

test('entities group by type in a fixed order, keeping the server order inside, empty types left out', () => {
  const groups = groupEntitiesByType([
    entity('place:afghanistan', 'PLACE'), entity('org:taliban', 'ORG'), entity('place:russia', 'PLACE'),
    entity('person:dmitry-zhirnov', 'PERSON'), entity('misc:doha-agreement', 'MISC'),
  ]);
  assert.deepEqual(groups.map((g) => [g.label, g.key, g.entities.map((e) => e.id)]), [
    ['Person', 'type:PERSON', ['person:dmitry-zhirnov']],
    ['Organisation', 'type:ORG', ['org:taliban']],
    ['Place', 'type:PLACE', ['place:afghanistan', 'place:russia']],
    ['Other', 'type:MISC', ['misc:doha-agreement']],
  ]);
});

test('a type this client does not know goes under Other', () => {
  const groups = groupEntitiesByType([entity('event:x', 'EVENT' as EntityType), entity('norp:afghan', 'NORP')]);
  assert.deepEqual(groups.map((g) => [g.label, g.entities.length]), [['Nationality/group', 1], ['Other', 1]]);
});

test('an entity row: mentions and documents, singular and plural', () => {
  assert.equal(entityDescription(entity('x', 'PERSON', { mentions: 12, documents: 3 })), '12 mentions · 3 documents');
  assert.equal(entityDescription(entity('x', 'PERSON', { mentions: 1, documents: 1 })), '1 mention · 1 document');
});

test('an entity tooltip lists its roles, or says there are none', () => {
  const zhirnov = entity('person:dmitry-zhirnov', 'PERSON', { name: 'Dmitry Zhirnov', roles: ['Russian Ambassador to Kabul', 'Ambassador'], mentions: 6, documents: 2 });
  assert.equal(entityTooltip(zhirnov), 'Dmitry Zhirnov · Person\n• Russian Ambassador to Kabul\n• Ambassador\n6 mentions · 2 documents');
  assert.match(entityTooltip(entity('place:kabul', 'PLACE')), /No role given in the corpus\./);
});

test('a snippet keeps the mention whole and marks where it is', () => {
  const line = 'On March 5, 2024, Russian Ambassador to Afghanistan Dmitry Zhirnov met in Kabul with Sirajuddin Haqqani, who is the head of the network.';
  const start = line.indexOf('Dmitry Zhirnov');
  const s = snippetAround(line, start, start + 'Dmitry Zhirnov'.length, 40);
  assert.equal(s.text.slice(s.highlight[0], s.highlight[1]), 'Dmitry Zhirnov');
  assert.ok(s.text.startsWith('…') && s.text.endsWith('…'), s.text);
  assert.equal(s.text.length, 42);
});

test('a snippet at either end of a line, or of a short line, has no ellipsis there', () => {
  const line = 'Kabul said so, and Moscow agreed with it the next day.';
  const atStart = snippetAround(line, 0, 5, 20);
  assert.equal(atStart.text, 'Kabul said so, and M…');
  assert.deepEqual(atStart.highlight, [0, 5]);
  const end = line.length - 'day.'.length;
  const atEnd = snippetAround(line, end, line.length, 20);
  assert.equal(atEnd.text.slice(atEnd.highlight[0], atEnd.highlight[1]), 'day.');
  assert.ok(!atEnd.text.endsWith('…'));
  assert.deepEqual(snippetAround('Kabul', 0, 5), { text: 'Kabul', highlight: [0, 5] });
});

test('a snippet survives offsets past the line and tabs in it', () => {
  const s = snippetAround('a\tb', 2, 99);
  assert.equal(s.text, 'a b');
  assert.deepEqual(s.highlight, [2, 3]);
  assert.deepEqual(snippetAround('', 3, 7), { text: '', highlight: [0, 0] });
});
