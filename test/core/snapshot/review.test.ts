// The Review view's list: the names nobody has decided and the spans the model nearly read as
// names, least sure first across the corpus (then by document path and position), a page at a
// time; a decided name leaves the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, reviewPage, targetOf, type Annotation } from '../../../src/core/index.js';

/**
 * A document: its text, the model's confidence for the names the analysis finds (others: none, as
 * the rules give), and the spans the model nearly read as names (type, how sure it is they are none).
 */
type Doc = [text: string, confidence: Record<string, number>, possible?: Record<string, ['PERSON' | 'ORG' | 'PLACE', number]>];
/** A decision: in this document, this text is a name of this type, or not one. */
type Decision = [path: string, exact: string, type: 'PERSON' | 'ORG' | 'PLACE' | null];

const DOCS: Record<string, Doc> = {
  'b.txt': ['Envoy Karim Sadiqi met officials of the Varna Group in Herat on Monday.', { 'Karim Sadiqi': 0.5, 'Varna Group': 0.41, Herat: 0.95 }],
  'a.txt': ['Dmitry Orlov flew to Kabul, then to Herat.', { 'Dmitry Orlov': 0.41, Kabul: 0.5 }],
  'c.txt': ['Nothing named here at all.', {}],
};

function corpusOf(docs: Record<string, Doc>, decisions: Decision[] = []): Corpus {
  const corpus = new Corpus();
  for (const [path, [text, sure, possible = {}]] of Object.entries(docs)) {
    const analysis = analyzeDocument(text, { path });
    analysis.entities = analysis.entities.map((m) => (m.text in sure ? { ...m, confidence: sure[m.text] } : m));
    analysis.possibleNames = Object.entries(possible).map(([exact, [type, confidence]]) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length, type, confidence }));
    corpus.update(path, text, analysis);
  }
  const byPath = new Map<string, Annotation[]>();
  decisions.forEach(([path, exact, type], k) => {
    const text = (docs[path] ?? DOCS[path])[0];
    const start = text.indexOf(exact);
    const target = targetOf(text, start, start + exact.length);
    const base = { id: `d${k}`, document: path, source: 'user' as const, created: '2026-12-07T00:00:00.000Z', target };
    byPath.set(path, [...(byPath.get(path) ?? []), type ? { ...base, kind: 'entity', type, entity: null } : { ...base, kind: 'not-entity' }]);
  });
  corpus.setAnnotations(byPath, []);
  return corpus;
}

/** Names the last decisions changed: in this document, the first span of this text. */
type Changed = Array<[path: string, exact: string]>;

function changedNames(changed: Changed): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  for (const [path, exact] of changed) {
    const start = DOCS[path][0].indexOf(exact);
    names.set(path, (names.get(path) ?? new Set()).add(`${start}:${start + exact.length}`));
  }
  return names;
}

/** The page as "path text (confidence)" lines, a changed name's marked "*", a possible name's "?", and the total. */
function check(decisions: Decision[], offset: number, limit: number, expected: string[], total: number, changed: Changed = [], docs = DOCS): void {
  const page = reviewPage(corpusOf(docs, decisions).current, offset, limit, changedNames(changed));
  assert.deepEqual(page.entries.map((e) => `${e.changed ? '*' : ''}${e.path} ${e.mention.text}${e.mention.possible ? '?' : ''} (${e.mention.confidence ?? '-'})`), expected);
  assert.equal(page.total, total);
}

const ALL = ['a.txt Dmitry Orlov (0.41)', 'b.txt Varna Group (0.41)', 'a.txt Kabul (0.5)', 'b.txt Karim Sadiqi (0.5)', 'b.txt Herat (0.95)', 'a.txt Herat (-)'];

const HERATS: Changed = [['a.txt', 'Herat'], ['b.txt', 'Herat']];
const REST = ALL.filter((l) => !l.includes('Herat'));

const cases: Array<[string, Decision[], number, number, string[], number, Changed?]> = [
  ['least sure first; equally sure by document path; names without a confidence last', [], 0, 100, ALL, 6],
  ['a first page', [], 0, 2, ALL.slice(0, 2), 6],
  ['a later page', [], 2, 3, ALL.slice(2, 5), 6],
  ['past the end: nothing, the total still', [], 6, 10, [], 6],
  ['a name accepted as its type leaves the list', [['b.txt', 'Varna Group', 'ORG']], 0, 100, ALL.filter((l) => !l.includes('Varna')), 5],
  ['a name retyped leaves the list', [['a.txt', 'Kabul', 'ORG']], 0, 3, ['a.txt Dmitry Orlov (0.41)', 'b.txt Varna Group (0.41)', 'b.txt Karim Sadiqi (0.5)'], 5],
  ['a name that is not one leaves the list', [['a.txt', 'Dmitry Orlov', null]], 0, 1, ['b.txt Varna Group (0.41)'], 5],
  ['the names the last decisions changed first, in the review order, then the others', [], 0, 100, ['*b.txt Herat (0.95)', '*a.txt Herat (-)', ...REST], 6, HERATS],
  ['a page across the changed names and the others', [], 1, 2, ['*a.txt Herat (-)', REST[0]], 6, HERATS],
  ['a page past the changed names skips them among the others', [], 3, 10, REST.slice(1), 6, HERATS],
  ['a changed name decided since is not offered', [['a.txt', 'Herat', 'PLACE']], 0, 2, ['*b.txt Herat (0.95)', REST[0]], 5, HERATS],
  ['a changed span that no longer holds a name is passed over', [], 0, 1, [ALL[0]], 6, [['c.txt', 'Nothing'], ['a.txt', 'flew']]],
];

for (const [name, decisions, offset, limit, expected, total, changed] of cases) test(`review: ${name}`, () => check(decisions, offset, limit, expected, total, changed));

// Spans the model nearly read as names stand among the names, ordered by how sure it is they are none.
const NEAR: Record<string, Doc> = {
  'a.txt': ['Dmitry Orlov flew to Kabul, then to Herat.', { 'Dmitry Orlov': 0.41, Kabul: 0.5 }],
  // Written in lower case here so that the rules read no name there (the model's near names never overlap names).
  'd.txt': ['Staff of thornbury freight met at the depot.', {}, { 'thornbury freight': ['ORG', 0.45], depot: ['PLACE', 0.8] }],
};
const NEAR_ALL = ['a.txt Dmitry Orlov (0.41)', 'd.txt thornbury freight? (0.45)', 'a.txt Kabul (0.5)', 'd.txt depot? (0.8)', 'a.txt Herat (-)'];

const nearCases: Array<[string, Decision[], number, number, string[], number]> = [
  ['possible names among the names, in the review order', [], 0, 100, NEAR_ALL, 5],
  ['a page through them', [], 1, 2, NEAR_ALL.slice(1, 3), 5],
  ['a possible name marked as a name leaves the list', [['d.txt', 'thornbury freight', 'ORG']], 0, 100, NEAR_ALL.filter((l) => !l.includes('thornbury')), 4],
  ['a possible name said to be no name leaves the list', [['d.txt', 'depot', null]], 0, 100, NEAR_ALL.filter((l) => !l.includes('depot')), 4],
];

for (const [name, decisions, offset, limit, expected, total] of nearCases) test(`review: ${name}`, () => check(decisions, offset, limit, expected, total, [], NEAR));

test('review: each row carries the text around its name on its line', () => {
  const [first] = reviewPage(corpusOf(DOCS).current, 0, 1).entries;
  assert.deepEqual([first.before, first.mention.text, first.after], ['', 'Dmitry Orlov', ' flew to Kabul, then to Herat.']);
});

test('review: every page of a larger corpus is the slice of one sort in the review order', () => {
  const docs: Record<string, Doc> = {};
  for (let d = 0; d < 30; d++) docs[`d${String(d).padStart(2, '0')}.txt`] = ['Orlov met Sadiqi in Kabul and Herat.', { Orlov: ((d * 7) % 10) / 10, Sadiqi: ((d * 3) % 10) / 10, Kabul: 0.5 }];
  const snapshot = corpusOf(docs).current;
  const whole = reviewPage(snapshot, 0, 1000).entries.map((e) => [e.path, e.mention.start, e.mention.confidence ?? 1] as const);
  const sorted = [...whole].sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || a[1] - b[1]);
  assert.deepEqual(whole, sorted);
  const paged = [0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119].flatMap((o) => reviewPage(snapshot, o, 7).entries.map((e) => [e.path, e.mention.start, e.mention.confidence ?? 1] as const));
  assert.deepEqual(paged, whole);
  assert.equal(whole.length, reviewPage(snapshot, 0, 0).total);
});
