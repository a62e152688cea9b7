// The tokenizer reads ASCII by character code and leaves the rest to its regular expression: the
// spans it reads must be exactly the expression's matches, on any text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TOKEN, tokenSpans } from '../../src/core/entities/tokenize.js';
import { splitLines } from '../../src/core/document/lines.js';

function check(line: string): void {
  const expected = [...line.matchAll(new RegExp(TOKEN.source, TOKEN.flags))].map((m): [number, number] => [m.index, m.index + m[0].length]);
  assert.deepEqual(tokenSpans(line), expected, JSON.stringify(line));
}

const CASES = [
  '', ' ', 'Kabul met Haqqani.', 'U.S. and U.N. troops', 'J. Smith', 'A.b', 'US-led', "don't", 'O’Brien’s', "Taliban's",
  'Ufuqnews.com said', 'x.comedy', '2.5 million', '1,000', '9/11', '12:30', '2024.', 'a2b3', '3rd', 'Zürich', 'x²', '²3',
  'a\u00a0b', 'a\u2003b', '\uFEFFx', '🙂 hi', '\uD800x', 'e\u0301', 'tab\there', '\u0000\u001f', '“quoted”', '[1]', '…',
  'Kabul.', 'Kabul. Then', 'Kabul.com', 'Kabul.x', 'Kabul.Com', 'word”', 'word“x', 'word‘x’', 'a–b', 'a—b', 'a…', 'a’s', 'a.1',
];

for (const line of CASES) test(`token scanner: ${JSON.stringify(line)}`, () => check(line));

const PIECES = ['U.', 'S.', 'a', 'Z', 'é', 'É', '’', "'", '.', ',', ':', '/', '-', ' ', '\u00a0', '0', '9', '²', 'com', '.com', 's', '🙂', '\u0301', '\t', '“', '”', '‘', '–', '—', '…', '.c', '.org', 'Kabul'];

test('token scanner: the expression\'s matches on any text', () => {
  const text = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));
  fc.assert(fc.property(text, check), { numRuns: 3000, seed: 20261121 });
});

// The tokenizer reads each line inside the whole text: the same spans as in the line alone.
function checkInText(text: string): void {
  for (const line of splitLines(text)) {
    const alone = tokenSpans(line.text).map(([a, b]): [number, number] => [line.start + a, line.start + b]);
    assert.deepEqual(tokenSpans(text, line.start, line.end), alone, JSON.stringify(text));
  }
}

for (const text of ['Kabul\nmet', 'Kabul.\r\nThen', 'x.com\n.org', 'U.S.\nA.', '\u00a0\nKabul', '’\n’s', 'a\rb\n\nc', '2.\n5', 'word”\n']) {
  test(`token scanner: lines inside the text ${JSON.stringify(text)}`, () => checkInText(text));
}

test('token scanner: lines inside any text read as the lines alone', () => {
  const text = fc.array(fc.constantFrom(...PIECES, '\n', '\r', '\r\n'), { maxLength: 40 }).map((p) => p.join(''));
  fc.assert(fc.property(text, checkInText), { numRuns: 3000, seed: 20261121 });
});
