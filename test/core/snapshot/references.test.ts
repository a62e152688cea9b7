import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referencesAt } from '../../../src/core/index.js';
import { corpusOf, shown } from './corpusOf.js';

/** $0 is the cursor; ⟦…⟧ marks every reference the query must answer, in order, and nothing else. */
function check(docs: Record<string, string>, includeDeclaration: boolean): void {
  const { corpus, texts, cursor, spans } = corpusOf(docs);
  assert.deepEqual(shown(texts, referencesAt(corpus.snapshot(), cursor.path, cursor.offset, includeDeclaration)), shown(texts, spans));
}

const cases: Array<[string, Record<string, string>, boolean]> = [
  ['from a definition, its markers', { 'doc.txt': `
    A.⟦[1]⟧ B.[2] C.⟦[1]⟧

    [$01] One.
    [2] Two.
  ` }, false],
  ['with the declaration, the definition label too', { 'doc.txt': `
    A.⟦[1]⟧ B.[2] C.⟦[$01]⟧

    ⟦[1]⟧ One.
    [2] Two.
  ` }, true],
  ['a name\'s mentions across documents, without its definition', {
    'a.txt': 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.',
    'b.txt': 'Later ⟦Zhir$0nov⟧ left Kabul.',
  }, false],
  ['a name\'s mentions with its definition', {
    'a.txt': '⟦Dmitry Zhirnov⟧ met Sirajuddin Haqqani in Kabul.',
    'b.txt': 'Later ⟦Zhir$0nov⟧ left Kabul.',
  }, true],
  ['nothing on plain text', { 'doc.txt': 'Pl$0ain words.[1]\n\n[1] One.' }, true],
];

for (const [name, docs, declaration] of cases) test(`references: ${name}`, () => check(docs, declaration));
