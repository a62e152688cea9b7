import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentCounts, documentLens, resolvedDates } from '../../../src/core/index.js';
import { corpusOf } from './corpusOf.js';

const DOCS = {
  'a.txt': 'March 5, 2024\n\nEnvoy in Kabul\n\nDmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5, 2024.[1] The next day he left.\n\n[1] Source.',
  'b.txt': 'Zhirnov spoke.',
};

const counts: Array<[string, string, string]> = [
  ['names, dates and events counted in a document', 'a.txt', 'entities 3 · dates 3 · events 1 · reviewed false · userAnnotations 0'],
  ['a short one', 'b.txt', 'entities 1 · dates 0 · events 1 · reviewed false · userAnnotations 0'],
  ['an unknown document counts nothing', 'z.txt', 'entities 0 · dates 0 · events 0 · reviewed false · userAnnotations 0'],
];
for (const [name, path, expected] of counts) {
  test(`summaries: counts ${name}`, () => {
    const { corpus } = corpusOf(DOCS);
    assert.equal(Object.entries(documentCounts(corpus.snapshot(), path)).map(([k, v]) => `${k} ${v}`).join(' · '), expected);
  });
}

const lenses: Array<[string, string, string | null]> = [
  ['counts events, entities and footnotes above the title', 'a.txt', '1 event · 3 entities · 1 footnote'],
  ['one entity is "1 entity"', 'b.txt', '1 event · 1 entity · 0 footnotes'],
  ['an unknown document has none', 'z.txt', null],
];
for (const [name, path, title] of lenses) {
  test(`summaries: lens ${name}`, () => {
    const { corpus, texts } = corpusOf(DOCS);
    const lens = documentLens(corpus.snapshot(), path);
    assert.equal(lens?.title ?? null, title);
    if (lens && path === 'a.txt') assert.equal(texts.get(path)!.slice(lens.at, lens.at + 14), 'Envoy in Kabul');
  });
}

test('summaries: the dates resolved from context in a range, not those written in full', () => {
  const { corpus, texts } = corpusOf(DOCS);
  const text = texts.get('a.txt')!;
  const got = resolvedDates(corpus.snapshot(), 'a.txt', 0, text.length).map((t) => `${text.slice(t.start, t.end)} = ${t.value}`);
  assert.deepEqual(got, ['The next day = 2024-03-06']);
  assert.deepEqual(resolvedDates(corpus.snapshot(), 'a.txt', 0, 10), []);
});

test('summaries: the count of entities follows a merge made after it was first asked', () => {
  const { corpus } = corpusOf(DOCS);
  const before = documentCounts(corpus.snapshot(), 'a.txt').entities;
  const people = [...new Set(corpus.snapshot().mentions('a.txt').map((m) => m.entity))].filter((id) => id.startsWith('person:'));
  assert.equal(people.length, 2);
  corpus.setAnnotations(new Map(), [], [{ id: 'm1', document: '*', source: 'user', created: '2026-12-06T00:00:00.000Z', kind: 'merge', from: people[0], into: people[1] }]);
  assert.deepEqual([before, documentCounts(corpus.snapshot(), 'a.txt').entities], [3, 2]);
});
