// Prose features over the protocol, on a seed: folding ranges (the notes block), selection ranges
// (a name, its sentence, its paragraph, …), footnote-label completion after "[", and semantic
// tokens by range (only the lines asked for).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspSession, positionOf, textAt, type Range } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

const SEED = '000_de029b9b870dac60.txt';
let folder: string;
let client: LspSession;
let uri: string;
let text: string;

before(async () => {
  ({ folder, client } = await startOnSeeds('prose'));
  text = readFileSync(path.join(folder, 'seeds', SEED), 'utf8');
  uri = await client.open(path.join(folder, 'seeds', SEED), text);
});

after(() => stopAndRemove(client, folder));

test('lsp prose: the notes block folds, as a region', async () => {
  const folds = await client.request<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', { textDocument: { uri } });
  const notes = folds.find((f) => f.kind === 'region');
  assert.ok(notes, `folds: ${JSON.stringify(folds)}`);
  const lines = text.split(/\r?\n/);
  assert.match(lines[notes.startLine]!, /^\s*(Notes:?|\[1\])/);
  assert.match(lines[notes.endLine]!, /^\[\d+\] /);
  assert.equal(notes.endLine, lines.map((l, i) => (/^\[\d+\] /.test(l) ? i : -1)).reduce((a, b) => Math.max(a, b)));
});

test('lsp prose: a selection grows from a name to its sentence, its paragraph, the body, the document', async () => {
  type Selection = { range: Range; parent?: Selection };
  const [selection] = await client.request<Selection[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [positionOf(text, 'Dmitry Zhirnov', 1, 3)] });
  const chain: string[] = [];
  for (let s: Selection | undefined = selection; s; s = s.parent) chain.push(textAt(text, s.range));
  assert.equal(chain[0], 'Dmitry Zhirnov');
  assert.match(chain[1]!, /^At a recent a meeting held between .* in the coming months\.$/);
  assert.ok(chain[2]!.includes(chain[1]!) && chain[2] !== chain[1], 'then the paragraph');
  assert.equal(chain[chain.length - 1], text.replace(/\r\n/g, '\n'));
  for (let i = 1; i < chain.length; i++) assert.ok(chain[i]!.includes(chain[i - 1]!), `${i}: each holds the one before`);
});

test('lsp prose: after "[" in the body, the footnote labels with their notes, and the next number', async () => {
  const at = text.indexOf('in the coming months.') + 'in the coming months.'.length;
  const edited = `${text.slice(0, at)}[]${text.slice(at)}`;
  await client.change(uri, edited);
  const cursor = positionOf(edited, '[]', 1, 1);
  const items = await client.request<Array<{ label: string; documentation?: { value: string }; textEdit: { range: Range; newText: string } }>>('textDocument/completion', { textDocument: { uri }, position: cursor, context: { triggerKind: 2, triggerCharacter: '[' } });
  const labels = items.map((i) => i.label);
  assert.equal(labels[0], '[1]');
  assert.equal(labels[labels.length - 1], `[${labels.length}]`, `the next number last: ${labels.join(' ')}`);
  assert.equal(items[0]!.documentation?.value, '(Afghanistan), March 6, 2024.');
  assert.equal(textAt(edited, items[0]!.textEdit.range), '[]', 'replaces the "[" and the "]" the editor closed it with');
  await client.change(uri, text);
});

test('lsp prose: semantic tokens by range: only the lines asked for, the same tokens as the whole document\'s there', async () => {
  const decode = (data: number[]) => {
    const tokens: Array<{ line: number; char: number; length: number; type: number }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push({ line, char, length: data[i + 2]!, type: data[i + 3]! });
    }
    return tokens;
  };
  const full = decode((await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
  const range = { start: { line: 8, character: 0 }, end: { line: 11, character: 10_000 } };
  const part = decode((await client.request<{ data: number[] }>('textDocument/semanticTokens/range', { textDocument: { uri }, range })).data);
  assert.ok(part.length > 0 && part.length < full.length, `${part.length} of ${full.length} tokens`);
  assert.deepEqual(part, full.filter((t) => t.line >= 8 && t.line <= 11));
});
