import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitionAt } from '../../../src/core/index.js';
import { corpusOf, shown } from './corpusOf.js';

/** $0 is the cursor; ⟦…⟧ marks every location go-to-definition must answer, and nothing else. */
function check(docs: Record<string, string>): void {
  const { corpus, texts, cursor, spans } = corpusOf(docs);
  assert.deepEqual(shown(texts, definitionAt(corpus.snapshot(), cursor.path, cursor.offset)), shown(texts, spans));
}

const cases: Array<[string, Record<string, string>]> = [
  ['from a marker, its definition', { 'doc.txt': `
    A claim.[$01] Another.[2]

    ⟦[1] (Afghanistan), March 6, 2024.⟧
    [2] (Russia), March 5, 2024.
  ` }],
  ['with the cursor just after the marker', { 'doc.txt': `
    A claim.[1]$0 Another.[2]

    ⟦[1] One.⟧
    [2] Two.
  ` }],
  ['in a run of markers, the one under the cursor', { 'doc.txt': `
    A claim.[1]$0[2]

    [1] One.
    ⟦[2] Two.⟧
  ` }],
  ['nothing away from a marker or a name', { 'doc.txt': `
    A cl$0aim.[1]

    [1] One.
  ` }],
  ['from a definition label, the label itself', { 'doc.txt': `
    A claim.[1]

    ⟦[$01]⟧ One.
  ` }],
  ['from a name, its entity\'s defining mention in another document', {
    'a.txt': '⟦Dmitry Zhirnov⟧ met Sirajuddin Haqqani in Kabul.',
    'b.txt': 'Later Zhir$0nov left Kabul.',
  }],
  ['an unknown document has none', {}],
];

for (const [name, docs] of cases) test(`definition: ${name}`, () => check(docs));
