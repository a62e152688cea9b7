import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { dedent, parseFixture } from '../fixture.js';

type Query = 'definition' | 'references' | 'references+declaration' | 'highlights';

/** $0 is the cursor; ⟦…⟧ marks every span the query must answer, and nothing else. */
function check(query: Query, marked: string): void {
  const { text, spans, cursor } = parseFixture(dedent(marked));
  const corpus = new Corpus();
  corpus.update('doc.txt', text, analyzeDocument(text, { path: 'doc.txt' }));
  const answer = {
    definition: () => corpus.definitionAt('doc.txt', cursor!),
    references: () => corpus.referencesAt('doc.txt', cursor!, false),
    'references+declaration': () => corpus.referencesAt('doc.txt', cursor!, true),
    highlights: () => corpus.highlightsAt('doc.txt', cursor!),
  }[query]();
  assert.deepEqual(answer.map((s) => text.slice(s.start, s.end)), spans.map((s) => s.text));
  assert.deepEqual(answer.map((s) => s.start), spans.map((s) => s.start));
}

const cases: Array<[string, Query, string]> = [
  ['definition from a marker', 'definition', `
    A claim.[$01] Another.[2]

    ⟦[1] (Afghanistan), March 6, 2024.⟧
    [2] (Russia), March 5, 2024.
  `],
  ['definition with the cursor just after the marker', 'definition', `
    A claim.[1]$0 Another.[2]

    ⟦[1] One.⟧
    [2] Two.
  `],
  ['definition in a run of markers picks the one under the cursor', 'definition', `
    A claim.[1]$0[2]

    [1] One.
    ⟦[2] Two.⟧
  `],
  ['no definition away from a marker', 'definition', `
    A cl$0aim.[1]

    [1] One.
  `],
  ['definition from a definition label is the label itself', 'definition', `
    A claim.[1]

    ⟦[$01]⟧ One.
  `],
  ['references from a definition list its markers', 'references', `
    A.⟦[1]⟧ B.[2] C.⟦[1]⟧

    [$01] One.
    [2] Two.
  `],
  ['references with the declaration', 'references+declaration', `
    A.⟦[1]⟧ B.[2] C.⟦[$01]⟧

    ⟦[1]⟧ One.
    [2] Two.
  `],
  ['highlights pair markers and definition', 'highlights', `
    A.⟦[$02]⟧ B.[1]

    [1] One.
    ⟦[2]⟧ Two.
  `],
  ['editorial brackets answer nothing', 'highlights', `
    "[$0N]umerous groups."[1]

    [1] One.
  `],
];

for (const [name, query, fixture] of cases) test(`queries: ${name}`, () => check(query, fixture));

test('queries: hover on a marker carries the definition text; on a definition, the citations', () => {
  const { text, cursor } = parseFixture('Claim.[$01] Again.[1]\n\n[1] (UK), March 5, 2024.');
  const corpus = new Corpus();
  corpus.update('d', text, analyzeDocument(text, { path: 'd' }));
  const marker = corpus.hoverAt('d', cursor!);
  assert.equal(marker?.kind === 'footnote-marker' && marker.definitions[0].text, '(UK), March 5, 2024.');
  const definition = corpus.hoverAt('d', text.lastIndexOf('[1]') + 1);
  assert.equal(definition?.kind === 'footnote-definition' && definition.citations, 2);
  assert.equal(corpus.hoverAt('d', 2), null);
  assert.equal(corpus.hoverAt('unknown', 0), null);
});

test('queries: a card from one document alone names only what that document says', () => {
  const other = 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5, 2024.';
  const { text, cursor } = parseFixture('Zhir$0nov spoke in Moscow with Lavrov. Zhirnov left on March 6, 2024.');
  const corpus = new Corpus();
  corpus.update('a', other, analyzeDocument(other, { path: 'a' }));
  corpus.update('b', text, analyzeDocument(text, { path: 'b' }));
  const card = corpus.documentHoverAt('b', cursor!);
  assert.ok(card?.kind === 'entity' && card.documentOnly);
  assert.deepEqual([card.entity.name, card.entity.mentions.length, card.entity.documents, card.events], ['Zhirnov', 2, ['b'], []]);
  assert.deepEqual(card.cooccurring.map((c) => c.entity.name), ['Lavrov', 'Moscow']);
  // The corpus-wide card knows the full name from the other document.
  const wide = corpus.hoverAt('b', cursor!);
  assert.ok(wide?.kind === 'entity' && !wide.documentOnly);
  assert.deepEqual([wide.entity.name, wide.entity.documents], ['Dmitry Zhirnov', ['a', 'b']]);
  const date = corpus.documentHoverAt('b', text.indexOf('March 6') + 1);
  assert.ok(date?.kind === 'date' && date.documentOnly);
  assert.deepEqual([date.timex.value, date.events, date.documents], ['2024-03-06', [], []]);
});

test('queries: the outline has title, body, notes, each footnote, and the entities', () => {
  const text = 'March 1, 2024\n\nA Headline Here\n\nBody about Kabul and Kabul.[1]\n\n[1] Source.';
  const corpus = new Corpus();
  corpus.update('d', text, analyzeDocument(text, { path: 'd' }));
  const outline = corpus.outline('d');
  assert.deepEqual(outline.map((i) => [i.kind, i.name]), [['title', 'A Headline Here'], ['body', 'Body'], ['notes', 'Notes'], ['entities', 'Entities']]);
  assert.deepEqual(outline[2].children.map((c) => [c.name, c.detail]), [['[1]', 'Source.']]);
  assert.deepEqual(outline[3].children.map((c) => [c.name, c.detail, c.entityType]), [['Kabul', '2 mentions', 'PLACE']]);
  assert.equal(text.slice(outline[1].span.start, outline[1].span.end), 'Body about Kabul and Kabul.[1]');
});
