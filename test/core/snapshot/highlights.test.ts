import { test } from 'node:test';
import assert from 'node:assert/strict';
import { highlightsAt } from '../../../src/core/index.js';
import { corpusOf } from './corpusOf.js';

/** $0 is the cursor; ⟦…⟧ marks every highlight in order; `kinds` says read or write for each. */
function check(docs: Record<string, string>, kinds: Array<'read' | 'write'>): void {
  const { corpus, texts, cursor, spans } = corpusOf(docs);
  const text = texts.get(cursor.path)!;
  const got = highlightsAt(corpus.snapshot(), cursor.path, cursor.offset).map((h) => `${h.kind} \`${text.slice(h.start, h.end)}\``);
  assert.deepEqual(got, spans.filter((s) => s.path === cursor.path).map((s, k) => `${kinds[k]} \`${text.slice(s.start, s.end)}\``));
}

const cases: Array<[string, Record<string, string>, Array<'read' | 'write'>]> = [
  ['a footnote\'s markers, and its definition label as written', { 'doc.txt': `
    A.⟦[$02]⟧ B.[1]

    [1] One.
    ⟦[2]⟧ Two.
  ` }, ['read', 'write']],
  ['editorial brackets answer nothing', { 'doc.txt': `
    "[$0N]umerous groups."[1]

    [1] One.
  ` }, []],
  ['a name\'s mentions in this document; the defining one as written', {
    'doc.txt': '⟦Sirajuddin Haqqani⟧ met the envoy. Later ⟦Haq$0qani⟧ left.',
  }, ['write', 'read']],
  ['only this document\'s mentions, the definition elsewhere', {
    'a.txt': 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.',
    'b.txt': 'Later ⟦Zhir$0nov⟧ left. ⟦Zhirnov⟧ returned.',
  }, ['read', 'read']],
];

for (const [name, docs, kinds] of cases) test(`highlights: ${name}`, () => check(docs, kinds));
