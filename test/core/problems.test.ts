import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/index.js';
import { dedent } from '../fixture.js';

/** Each problem as "severity code `text under it`", in text order. */
function check(text: string, expected: string[]): void {
  const clean = dedent(text);
  const got = analyzeDocument(clean, { path: 'doc.txt' }).problems.map((p) => `${p.severity} ${p.code} \`${clean.slice(p.start, p.end)}\``);
  assert.deepEqual(got, expected);
}

const cases: Array<[string, string, string[]]> = [
  ['a clean document has none', `
    Claim.[1] Claim.[2] Again.[1]

    [1] One.
    [2] Two.
  `, []],
  ['a marker with no definition', `
    Claim.[1] Claim.[2]

    [1] One.
  `, ['warning footnote.undefined `[2]`']],
  ['a definition never cited is faded', `
    Claim.[1]

    [1] One.
    [2] Two.
  `, ['hint footnote.unused `[2] Two.`']],
  ['the same label defined twice', `
    Claim.[1]

    [1] One.
    [1] One again.
  `, ['error footnote.duplicate `[1]`']],
  ['markers out of order', `
    Claim.[2] Claim.[1]

    [1] One.
    [2] Two.
  `, ['information footnote.order `[2]`', 'information footnote.order `[1]`']],
  ['a skipped number', `
    Claim.[1] Claim.[3]

    [1] One.
    [3] Three.
  `, ['information footnote.order `[3]`']],
];

for (const [name, text, expected] of cases) test(`problems: ${name}`, () => check(text, expected));

test('problems: the unused definition is marked unnecessary, the duplicate points at the first', () => {
  const text = 'Claim.[1]\n\n[1] One.\n[1] Again.\n[2] Two.';
  const problems = analyzeDocument(text, { path: 'x.txt' }).problems;
  const duplicate = problems.find((p) => p.code === 'footnote.duplicate')!;
  assert.equal(text.slice(duplicate.related![0].start, duplicate.related![0].end), '[1]');
  assert.equal(duplicate.related![0].start, text.indexOf('[1] One.'));
  assert.equal(problems.find((p) => p.code === 'footnote.unused')!.unnecessary, true);
});
