// Bad input over the protocol: files the server cannot or should not analyse, cancelled requests,
// changes out of order. Each gets an answer or a clear message; the server lives on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, uriOf } from '../support/lspSession.js';

let folder: string;
let client: LspSession;
const seeds = () => path.join(folder, 'seeds');

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-robust-'));
  cpSync('seeds', seeds(), { recursive: true });
  writeFileSync(path.join(seeds(), 'big.txt'), 'Kabul met Haqqani in March. '.repeat(80_000)); // 2.2 MB
  writeFileSync(path.join(seeds(), 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
  writeFileSync(path.join(seeds(), 'latin1.txt'), Buffer.from('Caf\xe9 in Kabul.', 'latin1'));
  symlinkSync(path.join(seeds(), 'gone.txt'), path.join(seeds(), 'dangling.txt'));
  client = await LspSession.start(folder, { files: { maxSizeMB: 1 } });
});

after(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const fileCases: Array<[string, string, RegExp]> = [
  ['a file over the size limit is skipped with a clear message', 'big.txt', /is 2\.1 MB, over the 1\.0 MB limit \(setting corpusLens\.files\.maxSizeMB\), so it was not analysed/],
  ['a binary file named .txt is not analysed', 'binary.txt', /looks binary/],
  ['a file that is not UTF-8 is read as Windows-1252, with a warning', 'latin1.txt', /not valid UTF-8; it was read as Windows-1252/],
  ['a file that vanished (a dangling link) is reported as unreadable', 'dangling.txt', /could not be read: ENOENT/],
];

for (const [name, file, message] of fileCases) {
  test(`lsp robustness: ${name}`, async () => {
    const diagnostics = await client.diagnosticsFor(uriOf(path.join(seeds(), file)), (d) => d.length > 0);
    assert.match(diagnostics[0].message, message);
  });
}

test('lsp robustness: the rest of the corpus works beside them', async () => {
  const docs = await client.request('corpusLens/documents', {});
  const seed = docs.find((d: any) => d.uri.endsWith('000_de029b9b870dac60.txt'));
  assert.equal(seed.footnoteMarkers, 10);
  assert.equal(docs.find((d: any) => d.uri.endsWith('big.txt')).skipped, true);
});

test('lsp robustness: a cancelled request is answered (cancelled or empty), and the next one works', async () => {
  const uri = uriOf(path.join(seeds(), '000_de029b9b870dac60.txt'));
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 441 } }, source.token);
  source.cancel();
  const answer = await pending.then((v) => ({ v }), (e) => ({ e }));
  assert.ok('v' in answer || /cancel/i.test(String((answer as { e: unknown }).e)));
  const hover = await client.hover(uri, { line: 9, character: 441 });
  assert.match(hover.contents.value, /Footnote \[1\]/);
});

test('lsp robustness: changes out of order and after close do not take the server down', async () => {
  const file = path.join(seeds(), 'edited.txt');
  const uri = await client.open(file, 'Claim.[1]\n\n[1] Source.\n');
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: 'Newer.[2]\n' }] });
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 50, character: 9 } }, text: 'x' }] });
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 11 }, contentChanges: [{ text: 'After close.' }] });
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(path.join(seeds(), '000_de029b9b870dac60.txt')) } });
  assert.ok(symbols.length > 0, 'the server still answers');
});
