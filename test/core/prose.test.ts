// Prose in the editor: folding, selection that grows by sentence then paragraph, and footnote
// labels completed after "[". Fixtures mark the cursor with $0 and the expected spans with ⟦…⟧.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, footnoteLabelCompletions, foldingRanges, selectionChain } from '../../src/core/index.js';
import { dedent, parseFixture } from '../fixture.js';

const ARTICLE = dedent(`
  Talks In Kabul

  The envoy met the minister on March 5. They spoke of security."[1] Both sides agreed.
  A second line of the same paragraph, hard-wrapped.

  One more paragraph, on a line of its own.[2]

  Notes:
  [1] Ufuqnews.com (Afghanistan), March 6, 2024.
  [2] TASS (Russia), March 7, 2024.
`);

test('prose folding: the notes block, and each paragraph of several lines; a one-line paragraph does not fold', () => {
  const analysis = analyzeDocument(ARTICLE, { path: 'a.txt' });
  assert.deepEqual(foldingRanges(ARTICLE, analysis.footnotes), [
    { startLine: 2, endLine: 3, kind: 'paragraph' },
    { startLine: 7, endLine: 9, kind: 'notes' },
  ]);
});

/** The selection's growth from the cursor: each ⟦…⟧ of the fixture, innermost first, then the whole text. */
function checkChain(marked: string, names: Array<{ start: number; end: number }> = []): void {
  const { text, spans, cursor } = parseFixture(marked);
  const analysis = analyzeDocument(text, { path: 'a.txt' });
  // As the server gives them: the names, and the notes' definitions.
  const units = [...names, ...analysis.footnotes.definitions];
  const chain = selectionChain(text, cursor!, analysis.sections, units).map((s) => text.slice(s.start, s.end));
  const expected = spans.sort((a, b) => a.end - a.start - (b.end - b.start)).map((s) => s.text);
  assert.deepEqual(chain, [...expected, text]);
}

const chains: Array<[string, string]> = [
  ['a word in the second sentence: the sentence with its quote and marker, the paragraph, the body', `Talks In Kabul

⟦⟦The envoy met the minister on March 5. ⟦They sp$0oke of security."[1]⟧ Both sides agreed.
A second line of the same paragraph.⟧

One more.⟧`],
  ['the sentence after a marker starts at its first word', `Talks In Kabul

⟦⟦They spoke."[1] ⟦Both si$0des agreed.⟧⟧

One more.⟧`],
  ['in the notes: the note\'s text, the note with its label, the notes block', `Talks In Kabul

The envoy met the minister.[1]

⟦Notes:
⟦[1] ⟦Ufuqnews.com (Afgh$0anistan), March 6, 2024.⟧⟧⟧`],
];

for (const [name, marked] of chains) test(`prose selection: ${name}`, () => checkChain(marked));

test('prose selection: CRLF line ends, a paragraph of two lines', () => {
  checkChain('Talks In Kabul\r\n\r\n⟦⟦⟦They met$0 today.⟧ Both agreed.\r\nA second line.⟧\r\n\r\nMore.⟧');
});

test('prose selection: a name first, when the cursor is on one', () => {
  const marked = `Talks In Kabul\n\n⟦The envoy ⟦Karim Sa$0diqi⟧ met the minister.⟧`;
  const { text } = parseFixture(marked);
  const at = text.indexOf('Karim Sadiqi');
  checkChain(marked, [{ start: at, end: at + 'Karim Sadiqi'.length }]);
});

const completions: Array<[string, string, string[] | null]> = [
  ['after "[" in the body: the notes there are, then the next number', 'Talks\n\nThey spoke.[1] Both agreed.[$0]\n\nNotes:\n[1] TASS, March 7, 2024.\n', ['1', '2']],
  ['digits typed: the same, replacing them', 'Talks\n\nThey spoke.[1] Both agreed.[1$0\n\n[1] TASS, March 7, 2024.\n', ['1', '2']],
  ['at a line start in the notes: labels cited without a note', 'Talks\n\nThey spoke.[1] Both agreed.[2]\n\nNotes:\n[1] TASS, March 7, 2024.\n[$0', ['2']],
  ['after "[" inside a note: nothing', 'Talks\n\nThey spoke.[1]\n\nNotes:\n[1] TASS, see [$0', null],
  ['no "[" before the cursor: nothing', 'Talks\n\nThey spoke.$0', null],
];

for (const [name, marked, expected] of completions) {
  test(`prose completion: ${name}`, () => {
    const { text, cursor } = parseFixture(marked);
    const result = footnoteLabelCompletions(text, cursor!, analyzeDocument(text, { path: 'a.txt' }).footnotes);
    assert.deepEqual(result?.items.map((i) => i.label) ?? null, expected);
    if (result) {
      const replaced = text.slice(result.replace.start, result.replace.end);
      assert.match(replaced, /^\[\d*\]?$/, `replaces ${JSON.stringify(replaced)}`);
    }
  });
}

test('prose completion: a note offered in the body shows its text', () => {
  const { text, cursor } = parseFixture('Talks\n\nThey spoke.[1] Again.[$0]\n\n[1] TASS (Russia), March 7, 2024.\n');
  const result = footnoteLabelCompletions(text, cursor!, analyzeDocument(text, { path: 'a.txt' }).footnotes)!;
  assert.deepEqual(result.items[0], { label: '1', detail: 'TASS (Russia), March 7, 2024.', kind: 'cited' });
  assert.equal(text.slice(result.replace.start, result.replace.end), '[]');
});
