import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, type HoverInfo } from '../../../src/core/index.js';
import { corpusOf } from './corpusOf.js';

/** The card's data in one line; its whole text is snapshot-tested in test/server/hoverCards.test.ts. */
function summary(info: HoverInfo | null, text: string): string | null {
  if (!info) return null;
  const at = `\`${text.slice(info.span.start, info.span.end)}\``;
  const only = (o?: string) => (o ? ` (this ${o === 'indexing' ? 'document' : 'passage'} only)` : '');
  switch (info.kind) {
    case 'footnote-marker':
      return `marker ${at} → ${info.definitions.map((d) => d.text).join(' | ') || 'no definition'}`;
    case 'footnote-definition':
      return `definition ${at} cited ${info.citations}`;
    case 'date':
      return `date ${at} = ${info.timex.value}${info.weekday ? ` ${info.weekday}` : ''}; also in [${info.documents.map((d) => d.path).join(', ')}]; ${info.events.length} events${only(info.documentOnly)}`;
    case 'entity':
      return `${info.entity.type} ${at} = ${info.entity.name} in [${info.entity.documents.join(', ')}]; with [${info.cooccurring.map((c) => `${c.entity.name} ${c.count}`).join(', ')}]; by ${info.why.by}${only(info.documentOnly)}`;
  }
}

/** $0 is the cursor. */
function check(docs: Record<string, string>, expected: string | null, options: { indexing?: boolean } = {}): void {
  const { corpus, texts, cursor } = corpusOf(docs);
  assert.equal(summary(hoverAt(corpus.snapshot(), cursor.path, cursor.offset, options), texts.get(cursor.path) ?? ''), expected);
}

const ZHIRNOV = 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5, 2024.';

const cases: Array<[string, Record<string, string>, string | null, { indexing?: boolean }?]> = [
  ['a marker carries its definition\'s text', { d: 'Claim.[$01] Again.[1]\n\n[1] (UK), March 5, 2024.' }, 'marker `[1]` → (UK), March 5, 2024.'],
  ['a marker with no definition says so', { d: 'Claim.[$02]\n\n[1] One.' }, 'marker `[2]` → no definition'],
  ['a definition label counts its citations', { d: 'Claim.[1] Again.[1]\n\n[$01] One.' }, 'definition `[1]` cited 2'],
  ['plain text has no card', { d: 'Cl$0aim.[1]\n\n[1] One.' }, null],
  ['an unknown document has no card', {}, null],
  ['a name: its entity across the corpus, what it is named with', {
    a: ZHIRNOV, b: 'Zhir$0nov spoke in Moscow with Lavrov.',
  }, 'PERSON `Zhirnov` = Dmitry Zhirnov in [a, b]; with [Lavrov 1, Sirajuddin Haqqani 1, Kabul 1, Moscow 1]; by rules'],
  ['a date: its weekday and the other documents naming it', {
    a: ZHIRNOV, b: 'Talks ended on March $05, 2024.',
  }, 'date `March 5, 2024` = 2024-03-05 Tuesday; also in [a]; 1 events'],
  ['while indexing, a name from its document alone', {
    a: ZHIRNOV, b: 'Envoy Dmitry Zhir$0nov spoke in Moscow with Lavrov.',
  }, 'PERSON `Dmitry Zhirnov` = Dmitry Zhirnov in [b]; with [Lavrov 1, Moscow 1]; by rules (this document only)', { indexing: true }],
  ['while indexing, a date from its document alone', {
    a: ZHIRNOV, b: 'Talks ended on March $05, 2024.',
  }, 'date `March 5, 2024` = 2024-03-05 Tuesday; also in []; 0 events (this document only)', { indexing: true }],
  ['while indexing, a footnote card is the same', { d: 'Claim.[$01]\n\n[1] One.' }, 'marker `[1]` → One.', { indexing: true }],
];

for (const [name, docs, expected, options] of cases) test(`hover: ${name}`, () => check(docs, expected, options));

test('hover: once linked, indexing no longer limits the card to its document', () => {
  const { corpus, cursor } = corpusOf({ a: ZHIRNOV, b: 'Zhir$0nov spoke.' });
  corpus.linked();
  const info = hoverAt(corpus.snapshot(), cursor.path, cursor.offset, { indexing: true });
  assert.ok(info?.kind === 'entity' && !info.documentOnly && info.entity.name === 'Dmitry Zhirnov');
});
