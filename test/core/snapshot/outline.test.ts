import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outline, type OutlineItem } from '../../../src/core/index.js';
import { corpusOf } from './corpusOf.js';

/** The outline as indented lines "kind name · detail `text of its span`". */
function lines(items: OutlineItem[], text: string, depth = 0): string[] {
  return items.flatMap((i) => [
    `${'  '.repeat(depth)}${i.kind} ${i.name}${i.detail ? ` · ${i.detail}` : ''}${i.entityType ? ` (${i.entityType})` : ''} \`${text.slice(i.span.start, i.span.end).split('\n')[0]}\``,
    ...lines(i.children, text, depth + 1),
  ]);
}

function check(text: string, expected: string[]): void {
  const { corpus, texts } = corpusOf({ d: text });
  assert.deepEqual(lines(outline(corpus.snapshot(), 'd'), texts.get('d')!), expected);
}

const cases: Array<[string, string, string[]]> = [
  ['title, body, notes with each footnote, and the entities', 'March 1, 2024\n\nA Headline Here\n\nBody about Kabul and Kabul.[1]\n\n[1] Source.', [
    'title A Headline Here · 2024-03-01 `A Headline Here`',
    'body Body · 1 footnote markers `Body about Kabul and Kabul.[1]`',
    'notes Notes · 1 footnotes `[1] Source.`',
    '  footnote [1] · Source. `[1] Source.`',
    'entities Entities · 1 entities `Kabul and Kabul`',
    '  entity Kabul · 2 mentions (PLACE) `Kabul`',
  ]],
  ['one mention is "1 mention"; entities in order of first mention', 'Sirajuddin Haqqani met the envoy in Kabul. Haqqani left.', [
    'body Body `Sirajuddin Haqqani met the envoy in Kabul. Haqqani left.`',
    'entities Entities · 2 entities `Sirajuddin Haqqani met the envoy in Kabul. Haqqani`',
    '  entity Sirajuddin Haqqani · 2 mentions (PERSON) `Sirajuddin Haqqani`',
    '  entity Kabul · 1 mention (PLACE) `Kabul`',
  ]],
];

for (const [name, text, expected] of cases) test(`outline: ${name}`, () => check(text, expected));

test('outline: an unknown document has none', () => {
  assert.deepEqual(outline(corpusOf({}).corpus.snapshot(), 'nowhere'), []);
});
