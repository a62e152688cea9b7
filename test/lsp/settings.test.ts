// Settings apply at once: the editor is asked to refresh inlay hints and CodeLens, diagnostics are
// published again, and the corpus is indexed again only when the file rules change. The file rules
// are resource settings: each workspace folder of a multi-root workspace reads its own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, uriOf } from '../support/lspSession.js';

const S001 = '001_22225b4e410ffef9.txt';
let folder: string;
let second: string;
let client: LspSession;
let uri: string;
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

before(async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'corpus-lens-settings-'));
  folder = path.join(scratch, 'news');
  second = path.join(scratch, 'archive');
  cpSync('seeds', path.join(folder, 'seeds'), { recursive: true });
  // The second folder's articles are in articles/, which only its own files.include names.
  mkdirSync(path.join(second, 'articles'), { recursive: true });
  writeFileSync(path.join(second, 'articles', 'brief.txt'), readFileSync(path.join('seeds', S001), 'utf8'));
  client = await LspSession.start(folder, {}, { moreFolders: [second], waitForIndex: false });
  client.folderSettings[uriOf(second)] = { files: { include: ['articles/*.txt'] } };
  await client.waitFor('corpusLens/indexChanged', (p) => !p.indexing);
  uri = await client.open(path.join(folder, 'seeds', S001));
});

after(async () => {
  await client?.stop();
  rmSync(path.dirname(folder), { recursive: true, force: true });
});

/** Changes the settings as the editor does; resolves with the refresh request the server sends, and how long it took. */
async function change(settings: Record<string, unknown>, refresh: string): Promise<{ ms: number; progressSince: () => boolean }> {
  const seen = client.notifications.length;
  client.settings = settings;
  const start = performance.now();
  const refreshed = client.waitFor(refresh);
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await refreshed;
  const ms = performance.now() - start;
  return { ms, progressSince: () => client.notifications.slice(seen).some((n) => n.method === '$/progress' || (n.method === 'corpusLens/indexChanged' && n.params.indexing)) };
}

const toggles: Array<[string, Record<string, unknown>, string, string]> = [
  ['inlay hints', { inlayHints: { dates: false } }, 'workspace/inlayHint/refresh', 'textDocument/inlayHint'],
  ['CodeLens', { codeLens: { enabled: false } }, 'workspace/codeLens/refresh', 'textDocument/codeLens'],
];

for (const [name, off, refresh, request] of toggles) {
  test(`lsp settings: turning ${name} off applies at once (the editor is asked to refresh) without indexing again`, async () => {
    const ask = () => client.request<unknown[]>(request, { textDocument: { uri }, range: whole });
    assert.ok((await ask()).length > 0, `${name} are shown at first`);
    const { ms, progressSince } = await change(off, refresh);
    assert.deepEqual(await ask(), []);
    assert.ok(ms < 1000, `the refresh came after ${ms.toFixed(0)} ms`);
    const back = await change({}, refresh);
    assert.ok((await ask()).length > 0, `${name} are back`);
    assert.equal(progressSince() || back.progressSince(), false, 'no indexing');
  });
}

test('lsp settings: a diagnostics setting republishes the documents whose diagnostics it changes, without indexing again', async () => {
  // An unsaved draft with footnote problems beside the seed, which has none.
  const draft = await client.open(path.join(folder, 'draft.txt'), 'Claim.[2]\n\n[1] One.\n');
  assert.ok((await client.diagnosticsFor(draft, (d) => d.length > 0)).length > 0);
  await client.settle();
  const seen = client.notifications.length;
  client.settings = { diagnostics: { enabled: false } };
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(draft, (d) => d.length === 0);
  client.settings = {};
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(draft, (d) => d.length > 0);
  await client.waitFor('workspace/inlayHint/refresh');
  await client.settle();
  const since = client.notifications.slice(seen);
  assert.ok(!since.some((n) => n.method === '$/progress'));
  assert.ok(!since.some((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri), 'the seed, whose diagnostics did not change, got none');
  await client.notify('textDocument/didClose', { textDocument: { uri: draft } });
  await client.diagnosticsFor(draft, (d) => d.length === 0);
});

test('lsp settings: each workspace folder reads its own file rules', async () => {
  const docs: Array<{ uri: string }> = await client.request('corpusLens/documents', {});
  const names = docs.map((d) => path.relative(path.dirname(folder), new URL(d.uri).pathname)).sort();
  assert.ok(names.includes(path.join('archive', 'articles', 'brief.txt')), `the second folder's own include: ${names.join(', ')}`);
  assert.equal(names.filter((n) => n.startsWith('news')).length, 5);
});

test('lsp settings: a change of the file rules indexes again, and only then', async () => {
  mkdirSync(path.join(folder, 'more'), { recursive: true });
  writeFileSync(path.join(folder, 'more', 'note.txt'), 'A Short Note\n\nKarim Sadiqi met the envoy in Herat.\n');
  const indexed = client.waitFor('corpusLens/indexChanged', (p) => !p.indexing && p.documents === 7);
  client.settings = { files: { include: ['**/seeds/**/*.txt', 'more/*.txt'] } };
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await indexed;
  const docs: Array<{ uri: string }> = await client.request('corpusLens/documents', {});
  assert.ok(docs.some((d) => d.uri === uriOf(path.join(folder, 'more', 'note.txt'))));
});
