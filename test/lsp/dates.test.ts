// Dates over the protocol: hover with the value, weekday and how it was resolved; inlay hints after
// relative and partial dates; a semantic token type for dates.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

let folder: string;
let client: LspSession;
const seed = (name: string) => path.join(folder, 'seeds', name);
const text = (name: string) => readFileSync(seed(name), 'utf8');
const S001 = '001_22225b4e410ffef9.txt';
const S000 = '000_de029b9b870dac60.txt';

before(async () => ({ folder, client } = await startOnSeeds('dates')));

after(() => stopAndRemove(client, folder));

const hoverCases: Array<[string, string, string, RegExp[]]> = [
  ['an anaphoric date says what it was resolved from', S001, 'the next day', [/^\*\*2024\\-03\\-06\*\* \(Wednesday\) · date/, /the day after 2024\\-03\\-05, the date mentioned before it/]],
  ['a full date shows its weekday and the events of that day', S000, 'March 5, 2024, Sirajuddin', [/^\*\*2024\\-03\\-05\*\* \(Tuesday\) · date/, /Events then:\n(- 2024-03-05 · .*\n)*- 2024-03-05 · (Dmitry Zhirnov meets Sirajuddin Haqqani|Sirajuddin Haqqani meets Dmitry Zhirnov) in Kabul \(2 documents, first in \[000\\_de029b9b870dac60\\\.txt\]\(file:\/\/[^)]+#L\d+,\d+\), 2024-03-11\)/]],
];

for (const [name, file, needle, patterns] of hoverCases) {
  test(`lsp dates hover: ${name}`, async () => {
    const hover = await client.hover(uriOf(seed(file)), positionOf(text(file), needle, 1, 2));
    const value: string = hover?.contents?.value ?? '';
    for (const p of patterns) assert.match(value, p);
  });
}

test('lsp dates: inlay hints show resolved values after relative dates only', async () => {
  const lines = text(S001).split('\n');
  const hints = await client.request('textDocument/inlayHint', { textDocument: { uri: uriOf(seed(S001)) }, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
  const shown = hints.map((h: any) => `${lines[h.position.line].slice(Math.max(0, h.position.character - 12), h.position.character)}${h.label}`);
  assert.ok(shown.includes('the next day = 2024-03-06'), shown.join(' | '));
  assert.ok(!shown.some((s: string) => s.includes('March 5, 2024 =')), 'no hint after a full date');
});

test('lsp dates: a date without a year says where the document date came from', async () => {
  const file = '002_a35ec57432909395.txt';
  const hover = await client.hover(uriOf(seed(file)), positionOf(text(file), 'March 22', 1, 2));
  assert.match(hover.contents.value, /^\*\*2024\\-03\\-22\*\* \(Friday\) · date/);
  assert.match(hover.contents.value, /year from the document date 2024\\-11\\-25\\: the most recent March 22 up to it, taken from its dateline/);
});
