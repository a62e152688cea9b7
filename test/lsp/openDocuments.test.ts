// Large documents opened in the editor, over stdio: one over the size limit is not analysed and says
// so (raising the limit analyses it); one under it is analysed on a worker thread, so requests on the
// other documents are answered first, with progress that can cancel it. The tests check the order of
// messages, never how long anything took.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf } from '../support/lspSession.js';

const SEED = '000_de029b9b870dac60.txt';
/** The seeds one after another until the text reaches `bytes` (ASCII mostly; a few curly quotes). */
function seedsRepeated(bytes: number): string {
  const seeds = readdirSync('seeds').sort().map((f) => readFileSync(path.join('seeds', f), 'utf8'));
  const parts: string[] = [];
  for (let size = 0, k = 0; size < bytes; k++) {
    parts.push(seeds[k % seeds.length]);
    size += Buffer.byteLength(seeds[k % seeds.length]) + 2;
  }
  return parts.join('\n\n');
}

let folder: string;
let seedText: string;
const seedFile = () => path.join(folder, 'seeds', SEED);

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-open-'));
  cpSync('seeds', path.join(folder, 'seeds'), { recursive: true });
  seedText = readFileSync(seedFile(), 'utf8');
});

after(() => rmSync(folder, { recursive: true, force: true }));

async function withServer(settings: Record<string, unknown>, use: (client: LspSession) => Promise<void>): Promise<void> {
  const client = await LspSession.start(folder, settings);
  try {
    await use(client);
  } finally {
    await client.stop();
  }
}

test('lsp open documents: a document over the size limit opened in the editor is not analysed; raising the limit analyses it', async () => {
  await withServer({ files: { maxSizeMB: 1 } }, async (client) => {
    const text = seedsRepeated(1.5 * 1024 * 1024);
    const uri = await client.open(path.join(folder, 'seeds', 'dump.txt'), text);
    const [problem] = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.equal(problem.code, 'file.tooLarge');
    assert.match(problem.message, /over the 1\.0 MB limit \(setting corpusLens\.files\.maxSizeMB\), so it was not analysed\. Raise the limit to analyse it\./);
    const [summary] = await client.request('corpusLens/documents', { uris: [uri] });
    assert.equal(summary.skipped, true);
    client.settings = { files: { maxSizeMB: 2 } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'file.tooLarge'));
    const [analysed] = await client.request('corpusLens/documents', { uris: [uri] });
    assert.equal(analysed.skipped, false);
    const name = await client.hover(uri, positionOf(text, 'Zhirnov', 1, 2));
    assert.match(name?.contents?.value ?? '', /\*\*Dmitry Zhirnov\*\* · person/, 'the document was analysed');
  });
});

test('lsp open documents: a large document is analysed off the main thread: a hover on another document is answered before its diagnostics', async () => {
  await withServer({}, async (client) => {
    const seedUri = await client.open(seedFile(), seedText);
    const text = seedsRepeated(3 * 1024 * 1024);
    const uri = await client.open(path.join(folder, 'seeds', 'dump.txt'), text);
    const hover = await client.hover(seedUri, positionOf(seedText, 'Zhirnov', 1, 2));
    const hoverAnswered = client.notifications.length;
    assert.match(hover?.contents?.value ?? '', /\*\*Dmitry Zhirnov\*\* · person/);
    await client.diagnosticsFor(uri);
    const diagnosticsAt = client.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri);
    assert.ok(diagnosticsAt >= hoverAnswered, `the large document's diagnostics (message ${diagnosticsAt}) came after the hover's answer (after message ${hoverAnswered})`);
    // Its own features once analysed: a name in it (from its passage, until it is linked with the corpus).
    const own = await client.hover(uri, positionOf(text, 'Zhirnov', 3, 2));
    assert.match(own?.contents?.value ?? '', /\*\*Dmitry Zhirnov\*\* · person/);
    // Progress was shown while it was read, by passage, and ended.
    const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params.value);
    const begin = progress.findIndex((v) => v.kind === 'begin' && /^Corpus Lens: analysing dump\.txt$/.test(v.title));
    assert.ok(begin >= 0, 'progress began');
    assert.ok(progress.slice(begin).some((v) => v.kind === 'report' && /^\d+\/\d+ passages$/.test(v.message)), 'progress by passage');
    assert.ok(progress.slice(begin).some((v) => v.kind === 'end'), 'progress ended');
  });
});

test('lsp open documents: cancelling the progress stops the analysis, and the document says so', async () => {
  await withServer({}, async (client) => {
    const text = seedsRepeated(3 * 1024 * 1024);
    const uri = await client.open(path.join(folder, 'seeds', 'dump.txt'), text);
    const begin = await client.waitFor('$/progress', (p) => p.value.kind === 'begin' && /analysing dump\.txt/.test(p.value.title), { includePast: true });
    await client.notify('window/workDoneProgress/cancel', { token: begin.token });
    const [problem] = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.equal(problem.code, 'file.analysisCancelled');
    // An edit analyses it again.
    await client.change(uri, `${text}\nOne more line.`);
    await client.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'file.analysisCancelled'));
  });
});
