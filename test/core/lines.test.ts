// Lines and words read by character code must be those the regular expressions give: the lines
// of /\r\n|\r|\n/ with their offsets, the words of split(/\s+/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hasMoreWordsThan, splitLines } from '../../src/core/document/lines.js';

function check(text: string): void {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push([start, m.index]);
    start = m.index + m[0].length;
  }
  lines.push([start, text.length]);
  assert.deepEqual(splitLines(text), lines.map(([s, e], index) => ({ index, start: s, end: e, text: text.slice(s, e) })), JSON.stringify(text));
  const words = text.trim() === '' ? 0 : text.trim().split(/\s+/).length;
  for (let n = 0; n <= words + 1; n++) assert.equal(hasMoreWordsThan(text, n), words > n, `${JSON.stringify(text)}: more than ${n} words`);
}

const CASES = ['', '\n', 'a', 'a\nb', 'a\r\nb', 'a\rb', 'a\n\r\nb\r', '\r\n\r\n', ' a  b\t', '\u00a0a\u2003b\ufeff', 'a\u0085b', 'a\u180eb', 'one two three', '  '];

for (const text of CASES) test(`lines and words: ${JSON.stringify(text)}`, () => check(text));

const PIECES = ['a', 'bc', ' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u200b', 'é', '.'];

test('lines and words: any text', () => {
  const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join('')), fc.string({ maxLength: 30 }));
  fc.assert(fc.property(text, check), { numRuns: 3000, seed: 20261207 });
});
