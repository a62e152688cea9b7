import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, loadDocument } from '../../src/core/index.js';

function check(bytes: number[] | Uint8Array, expected: { text: string | null; encoding: string; problem?: string }): void {
  const decoded = decodeText(Uint8Array.from(bytes));
  assert.equal(decoded.text, expected.text);
  assert.equal(decoded.encoding, expected.encoding);
  assert.deepEqual(decoded.problems.map((p) => p.code), expected.problem ? [expected.problem] : []);
}

const utf8 = (s: string) => [...Buffer.from(s, 'utf8')];

const cases: Array<[string, number[], { text: string | null; encoding: string; problem?: string }]> = [
  ['UTF-8', utf8('Taliban’s [1]'), { text: 'Taliban’s [1]', encoding: 'utf-8' }],
  ['a UTF-8 byte-order mark is dropped', [0xef, 0xbb, 0xbf, ...utf8('Kabul')], { text: 'Kabul', encoding: 'utf-8' }],
  ['UTF-16 LE with its mark', [0xff, 0xfe, 0x4b, 0x00, 0x61, 0x00], { text: 'Ka', encoding: 'utf-16le' }],
  ['UTF-16 BE with its mark', [0xfe, 0xff, 0x00, 0x4b, 0x00, 0x61], { text: 'Ka', encoding: 'utf-16be' }],
  ['Windows-1252 when not UTF-8', [0x93, 0x51, 0x94], { text: '“Q”', encoding: 'windows-1252', problem: 'file.encoding' }],
  ['binary: NUL bytes', [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00], { text: null, encoding: 'binary', problem: 'file.binary' }],
  ['empty', [], { text: '', encoding: 'utf-8' }],
];

for (const [name, bytes, expected] of cases) test(`decode: ${name}`, () => check(bytes, expected));

test('decode: a binary file loads as a skipped document with its reason', () => {
  const loaded = loadDocument(Uint8Array.from([0, 1, 2, 3, 0, 0, 7]), { path: 'x.txt' });
  assert.equal(loaded.skipped, true);
  assert.equal(loaded.analysis.footnotes.markers.length, 0);
  assert.match(loaded.fileProblems[0].message, /binary/);
});
