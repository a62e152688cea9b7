import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspaceSymbols } from '../../../src/core/index.js';
import { corpusOf, shown } from './corpusOf.js';

/** ⟦…⟧ marks the defining mention of every entity the query must find, in the order found. */
function check(docs: Record<string, string>, query: string, names: string[], limit?: number): void {
  const { corpus, texts, spans } = corpusOf(docs);
  const found = workspaceSymbols(corpus.snapshot(), query, limit);
  assert.deepEqual(found.map((s) => s.entity.name), names);
  assert.deepEqual(shown(texts, found.map((s) => s.location)).sort(), shown(texts, spans).sort());
}

const DOCS = {
  a: '⟦Dmitry Zhirnov⟧ met ⟦Sirajuddin Haqqani⟧ in ⟦Kabul⟧.',
  b: 'Zhirnov left Kabul. Haqqani stayed.',
};

const cases: Array<[string, Record<string, string>, string, string[], number?]> = [
  ['an empty query lists every entity, most mentioned first, then by id', DOCS, '', ['Dmitry Zhirnov', 'Sirajuddin Haqqani', 'Kabul']],
  ['letters in order, case-insensitive, spaces ignored', { a: '⟦Dmitry Zhirnov⟧ met Sirajuddin Haqqani in Kabul.' }, 'dm zh', ['Dmitry Zhirnov']],
  ['an alias matches too', { a: '⟦Dmitry Zhirnov⟧ met Haqqani.', b: 'Zhirnov left.' }, 'zhirnov', ['Dmitry Zhirnov']],
  ['nothing when no name fits', { a: 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.' }, 'xyz', []],
  ['at most the limit', { a: '⟦Dmitry Zhirnov⟧ met Sirajuddin Haqqani in Kabul.', b: 'Zhirnov left.' }, '', ['Dmitry Zhirnov'], 1],
];

for (const [name, docs, query, names, limit] of cases) test(`symbols: ${name}`, () => check(docs, query, names, limit));
