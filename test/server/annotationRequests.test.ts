// An "annotate" request to the annotation stored, or the message the user sees instead; and which
// stored annotations the new one replaces. The text is selected with ⟦…⟧, or the cursor is at $0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targetOf, type Annotation } from '../../src/core/index.js';
import { annotationFor, describeAnnotation } from '../../src/server/annotationRequests.js';
import type { AnnotateParams } from '../../src/protocol.js';
import { corpusOf } from '../core/snapshot/corpusOf.js';

const PATH = 'a.txt';

/** Annotations already stored on the document, by the words they are on. */
function stored(text: string): Annotation[] {
  const on = (words: string) => targetOf(text, text.indexOf(words), text.indexOf(words) + words.length);
  const base = { document: PATH, source: 'user' as const, created: '2024-01-01T00:00:00.000Z' };
  return [
    { ...base, id: 'on-name', kind: 'not-entity', target: on('Haidari') },
    { ...base, id: 'on-kabul', kind: 'entity', type: 'PLACE', entity: null, target: on('Kabul') },
    { ...base, id: 'on-date', kind: 'date', value: '2024-03-04', target: on('March 5') },
    { ...base, id: 'reviewed', kind: 'reviewed', target: on('Ali') },
    { ...base, id: 'elsewhere', document: 'b.txt', kind: 'not-entity', target: on('Haidari') },
  ];
}

/** `expected`: the new annotation in words and the ids of those it replaces, or the error. */
function check(marked: string, params: Partial<AnnotateParams>, expected: string): void {
  const { corpus, texts, cursor, spans } = corpusOf({ [PATH]: marked });
  const text = texts.get(PATH)!;
  const [start, end] = spans.length > 0 ? [spans[0].start, spans[0].end] : [cursor.offset, cursor.offset];
  const request = { uri: PATH, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, action: 'entity', ...params } as AnnotateParams;
  const made = annotationFor(corpus.current, request, PATH, text, start, end);
  // A split mention's entity is named after the new annotation's id, which is new each time.
  const got = 'error' in made ? made.error : `${describeAnnotation(made.annotation).replace(made.annotation.id, 'ID')} · replaces ${stored(text).filter(made.replaces).map((a) => a.id).join(', ') || 'nothing'}`;
  assert.equal(got, expected, `${params.action}: ${marked}`);
}

const TEXT = 'Ali Haidari met officials in Kabul on March 5, 2024.';
const at = (words: string, cursor = false) => (cursor ? TEXT.replace(words, `$0${words}`) : TEXT.replace(words, `⟦${words}⟧`));

test('annotate: each action on a selection or under the cursor, and what it replaces', () => {
  const cases: Array<[string, Partial<AnnotateParams>, string]> = [
    [at('Ali Haidari'), { action: 'entity', type: 'PERSON' }, '“Ali Haidari” is a person · replaces on-name'],
    [at(' officials '), { action: 'entity', type: 'ORG', entity: 'org:officials' }, '“officials” is an organisation, linked to org:officials · replaces nothing'],
    [at('Kabul', true), { action: 'entity' }, '“Kabul” is a place · replaces on-kabul'],
    [at('met'), { action: 'entity' }, 'Say which kind of entity this is.'],
    [at('Kabul'), { action: 'not-entity' }, '“Kabul” is not an entity here · replaces on-kabul'],
    [at('met', true), { action: 'not-entity' }, 'Select the text to annotate, or put the cursor on a name.'],
    [at('Haidari'), { action: 'not-entity-everywhere' }, '“Haidari” is never an entity · replaces nothing'],
    [at('March 5, 2024', true), { action: 'date', value: ' 2024-03-05 ' }, '“March 5, 2024” is 2024-03-05 · replaces on-date'],
    [at('officials'), { action: 'date', value: 'next week' }, '"next week" is not a TIMEX3 value (e.g. 2024-03-22, 2024-03, XXXX-03-22, P2Y, PAST_REF).'],
    [at('met', true), { action: 'date', value: '2024' }, 'Put the cursor on a date, or select the text of one.'],
    [at('met', true), { action: 'reviewed' }, 'a.txt is marked as reviewed · replaces reviewed'],
    [at('Ali Haidari', true), { action: 'entity-name', value: ' Ali Ahmad Haidari ' }, 'person:ali-haidari is now called “Ali Ahmad Haidari” · replaces nothing'],
    [at('Ali Haidari', true), { action: 'entity-name', value: ' ' }, 'Give the entity a name.'],
    [at('met', true), { action: 'merge', entity: 'person:ali' }, 'Put the cursor on a name of the entity.'],
    [at('Ali Haidari', true), { action: 'merge', entity: 'person:ali-haidari' }, 'Choose another entity to merge into.'],
    [at('Ali Haidari', true), { action: 'merge', entity: 'person:haidari' }, 'person:ali-haidari is merged into person:haidari · replaces nothing'],
    [at('Kabul', true), { action: 'split' }, '“Kabul” is a place, linked to place:kabul-ID · replaces on-kabul'],
    [at('met'), { action: 'bogus' as AnnotateParams['action'] }, 'Unknown action "bogus".'],
  ];
  for (const [marked, params, expected] of cases) check(marked, params, expected);
});
