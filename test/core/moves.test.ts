// Annotations following their documents: store paths rewritten on a rename, and moves recognised
// by content (the same text, or every quote with its context), never guessed when two could fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findMoves, missingDocumentProblems, movedPath, moveDocuments, openingOf, rankCandidates, serializeStore, targetOf, type Annotation,
} from '../../src/core/index.js';

const created = '2026-11-21T08:00:00.000Z';
const KABUL = 'Talks in Kabul\n\nOn March 5 the envoy Karim Sadiqi met Zhirnov in Kabul; the talks went on.';
const HERAT = 'Talks in Herat\n\nOn March 9 the envoy Karim Sadiqi flew to Herat and met no one.';

function mark(document: string, text: string, exact: string, id: string): Annotation {
  const start = text.indexOf(exact);
  return { id, document, source: 'user', created, kind: 'entity', type: 'PERSON', entity: null, target: targetOf(text, start, start + exact.length) };
}

function reviewed(document: string, text: string, id: string): Annotation {
  const opening = openingOf(text);
  return { id, document, source: 'user', created, kind: 'reviewed', target: targetOf(text, opening.start, opening.end) };
}

const paths: Array<[string, string, string, string, string | null]> = [
  ['the file itself', 'seeds/a.txt', 'seeds/a.txt', 'seeds/b.txt', 'seeds/b.txt'],
  ['a file under a renamed folder', 'seeds/kabul/a.txt', 'seeds/kabul', 'news/2024', 'news/2024/a.txt'],
  ['a folder whose name only starts the same: untouched', 'seeds/kabul-2/a.txt', 'seeds/kabul', 'news', null],
  ['another file: untouched', 'seeds/c.txt', 'seeds/a.txt', 'seeds/b.txt', null],
];

for (const [name, document, from, to, expected] of paths) test(`moves path: ${name}`, () => assert.equal(movedPath(document, from, to), expected));

test('moves store: every annotation of the document moves, corpus-wide ones stay, the others are the same objects', () => {
  const list: Annotation[] = [mark('seeds/a.txt', KABUL, 'Karim Sadiqi', 'a1'), reviewed('seeds/a.txt', KABUL, 'a2'), mark('seeds/c.txt', HERAT, 'Herat', 'a3'),
    { id: 'a4', document: '*', source: 'user', created, kind: 'not-entity-everywhere', text: 'Talks' }];
  const { annotations, moved } = moveDocuments(list, 'seeds', 'news');
  assert.equal(moved, 3);
  assert.deepEqual(annotations.map((a) => a.document), ['news/a.txt', 'news/a.txt', 'news/c.txt', '*']);
  assert.equal(annotations[3], list[3]);
  assert.equal(serializeStore({ version: 1, annotations: moveDocuments(list, 'elsewhere', 'x').annotations }), serializeStore({ version: 1, annotations: list }));
});

test('moves opening: the first non-blank line, cut to 80 characters', () => {
  const span = (text: string) => text.slice(openingOf(text).start, openingOf(text).end);
  assert.equal(span('\n\n  Talks in Kabul  \nbody'), 'Talks in Kabul');
  assert.equal(span('x'.repeat(200)).length, 80);
  assert.deepEqual(openingOf(' \n '), { start: 0, end: 0 });
});

/** Missing documents (with their annotations, and the text when it is known) against candidates: the sure moves. */
const matches: Array<[string, Array<{ id: string; annotations: Annotation[]; text?: string }>, Array<{ id: string; text: string }>, Array<{ from: string; to: string }>]> = [
  ['the same text, known from the removal', [{ id: 'old', annotations: [reviewed('old', KABUL, 'r')], text: KABUL }], [{ id: 'herat', text: HERAT }, { id: 'new', text: KABUL }], [{ from: 'old', to: 'new' }]],
  ['edited after the move: every quote with its context fits', [{ id: 'old', annotations: [mark('old', KABUL, 'Karim Sadiqi', 'a'), reviewed('old', KABUL, 'r')] }], [{ id: 'new', text: `${KABUL}\nA line added.` }, { id: 'herat', text: HERAT }], [{ from: 'old', to: 'new' }]],
  ['a quote without its context: not sure, no move', [{ id: 'old', annotations: [mark('old', KABUL, 'Karim Sadiqi', 'a')] }], [{ id: 'herat', text: HERAT }], []],
  ['two identical candidates: the user decides', [{ id: 'old', annotations: [], text: KABUL }], [{ id: 'a', text: KABUL }, { id: 'b', text: KABUL }], []],
  ['two missing documents claim one candidate: the user decides', [{ id: 'old1', annotations: [], text: KABUL }, { id: 'old2', annotations: [reviewed('old2', KABUL, 'r')] }], [{ id: 'new', text: KABUL }], []],
  ['no text known and nothing quoted: no move', [{ id: 'old', annotations: [] }], [{ id: 'new', text: KABUL }], []],
];

for (const [name, missing, candidates, expected] of matches) test(`moves find: ${name}`, () => assert.deepEqual(findMoves(missing, candidates), expected));

test('moves rank: the candidates holding most of the quotes first, none that holds none', () => {
  const annotations = [mark('old', KABUL, 'Karim Sadiqi', 'a'), reviewed('old', KABUL, 'r')];
  const retitled = `Other title${KABUL.slice(KABUL.indexOf('\n'))}`;
  assert.deepEqual(rankCandidates(annotations, [{ id: 'herat', text: HERAT }, { id: 'retitled', text: retitled }, { id: 'same', text: KABUL }]), [
    { id: 'same', fits: 2, total: 2 }, { id: 'retitled', fits: 1, total: 2 },
  ]);
});

test('moves problems: one warning per missing document, on the line of its first annotation in the store', () => {
  const annotations = [reviewed('seeds/a.txt', KABUL, 'r1'), mark('seeds/a.txt', KABUL, 'Karim Sadiqi', 'a1')];
  const text = serializeStore({ version: 1, annotations });
  const [problem] = missingDocumentProblems(text, [{ document: 'seeds/a.txt', annotations }], () => 'Point them at the right file.');
  assert.equal(text.slice(problem.start, problem.end).trim().startsWith('{"id":"r1"'), true);
  assert.equal(problem.code, 'annotation.documentMissing');
  assert.match(problem.message, /^1 annotation and the reviewed state of seeds\/a\.txt, which is not in the corpus .* are kept here but not applied\. Point them at the right file\.$/);
});
