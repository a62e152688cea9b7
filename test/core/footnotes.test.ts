import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFootnotes } from '../../src/core/index.js';
import { dedent, parseFixture } from '../fixture.js';

/**
 * ⟦…⟧ marks every span the recogniser must find: markers in the body and whole definitions
 * (label included) in the notes. Nothing unmarked may be found.
 */
function check(marked: string): void {
  const { text, spans } = parseFixture(dedent(marked));
  const found = findFootnotes(text);
  const got = [
    ...found.markers.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end) })),
    ...found.definitions.map((d) => ({ start: d.start, end: d.end, text: text.slice(d.start, d.end) })),
  ].sort((a, b) => a.start - b.start);
  assert.deepEqual(got, spans);
}

const cases: Array<[string, string]> = [
  ['after punctuation and closing quotes', `
    The situation was discussed by both sides."⟦[1]⟧ More in Afghanistan.⟦[2]⟧ And “so”⟦[3]⟧ on.

    ⟦[1] (Afghanistan), March 6, 2024.⟧

    ⟦[2] (Russia), March 5, 2024.⟧

    ⟦[3] (UK), March 5, 2024.⟧
  `],
  ['several in a row, and after a word', `
    A claim.⟦[1]⟧⟦[2]⟧ Another claim⟦[3]⟧ and one after a space ⟦[4]⟧.
    ⟦[1] One.⟧
    ⟦[2] Two.⟧
    ⟦[3] Three.⟧
    ⟦[4] Four.⟧
  `],
  ['editorial brackets and bracketed non-numbers are not footnotes', `
    Shoigu stated: "[N]umerous groups pose the main threat."⟦[1]⟧ Write to [email protected] or [sic].

    ⟦[1] (Afghanistan), April 29, 2023.⟧
  `],
  ['a bracket inside a word is editorial', `
    The [1]st and [2]0 are not notes, but this is.⟦[1]⟧

    ⟦[1] Source.⟧
    [12]th is not a definition either.
  `],
  ['a number inside a definition line is not a marker', `
    Text.⟦[1]⟧

    ⟦[1] See also [2] in the earlier report.⟧
  `],
  ['a year in brackets is not a marker unless defined', `
    The treaty [2003] was signed.⟦[1]⟧

    ⟦[1] Archive.⟧
  `],
  ['a notes heading and a trailer after the notes', `
    Body text.⟦[1]⟧ More.⟦[2]⟧

    Notes:
    ⟦[1] First source.⟧
    ⟦[2] Second source.⟧

    Share this Report:
  `],
  ['a definition continues on the lines directly under it', `
    Body.⟦[1]⟧ Body.⟦[2]⟧

    ⟦[1] A long source
    that wraps.⟧
    ⟦[2] Short.⟧
  `],
  ['a bracketed number at a line start far above the notes is a marker', `
    ⟦[1]⟧ Opening line that starts with a marker.
    Paragraph one.
    Paragraph two.
    Paragraph three.

    ⟦[1] Source.⟧
  `],
  ['no notes block: markers only', `
    A claim.⟦[1]⟧ Another.⟦[2]⟧
  `],
  ['empty text', ''],
];

for (const [name, fixture] of cases) test(`footnotes: ${name}`, () => check(fixture));

test('footnotes: CRLF line endings keep offsets into the original text', () => {
  const text = 'Claim.[1]\r\n\r\n[1] Source, 2024.\r\n';
  const found = findFootnotes(text);
  assert.equal(text.slice(found.markers[0].start, found.markers[0].end), '[1]');
  assert.equal(text.slice(found.definitions[0].start, found.definitions[0].end), '[1] Source, 2024.');
  assert.equal(found.definitions[0].text, 'Source, 2024.');
});

test('footnotes: definition text and label spans', () => {
  const text = 'Claim.[7]\n\n  [7]   (UK), March 5, 2024.  ';
  const [d] = findFootnotes(text).definitions;
  assert.equal(d.label, '7');
  assert.equal(text.slice(d.labelSpan.start, d.labelSpan.end), '[7]');
  assert.equal(d.text, '(UK), March 5, 2024.');
  assert.equal(text.slice(d.textSpan.start, d.textSpan.end), d.text);
});
