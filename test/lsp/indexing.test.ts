// Indexing a thousand documents on the worker threads, over stdio: the document open in the editor
// is answered while indexing runs, and cancelling from the progress stops indexing early.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf } from '../support/lspSession.js';

const COPIES = 200;
const SEEDS = readdirSync('seeds');
const TOTAL = COPIES * SEEDS.length;
let folder: string;

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-indexing-'));
  mkdirSync(path.join(folder, 'seeds'));
  for (let i = 0; i < COPIES; i++) for (const seed of SEEDS) copyFileSync(path.join('seeds', seed), path.join(folder, 'seeds', `${i}_${seed}`));
});

after(() => rmSync(folder, { recursive: true, force: true }));

async function withServer(use: (client: LspSession) => Promise<void>): Promise<void> {
  // One worker: on a machine with many cores indexing must still outlast the hover and the cancel.
  const client = await LspSession.start(folder, { indexing: { workers: 1 } }, { waitForIndex: false });
  try {
    await use(client);
  } finally {
    await client.stop();
  }
}

const indexingEnded = (client: LspSession) => client.notifications.some((n) => n.method === 'corpusLens/indexChanged' && !n.params.indexing);

test('lsp indexing: a document opened while indexing runs is answered at once', async () => {
  await withServer(async (client) => {
    const file = path.join(folder, 'seeds', `${COPIES - 1}_${SEEDS[0]}`);
    const text = readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    const needle = 'discussed in the meeting by both sides."[1]';
    const hover = await client.hover(uri, positionOf(text, needle, 1, needle.length - 2));
    assert.match(hover?.contents?.value ?? '', /\*\*Footnote \[1\]\*\*/);
    // A name, once indexing is under way: the card from this document alone, without linking the
    // documents indexed so far.
    await client.waitFor('$/progress', (p) => p.value.kind === 'report' && p.value.percentage >= 1, { includePast: true });
    const name = await client.hover(uri, positionOf(text, 'Zhirnov', 1, 2));
    assert.match(name?.contents?.value ?? '', /\*\*Dmitry Zhirnov\*\* · person[\s\S]*From this document only: the corpus is being indexed/);
    assert.ok(!indexingEnded(client), 'the hovers came back before indexing ended');
    // 1,000 documents: on a busy machine indexing them takes longer than the usual wait.
    const end = await client.waitFor('corpusLens/indexChanged', (p) => !p.indexing, { deadlineMs: 60_000 });
    assert.equal(end.documents, TOTAL);
    // Progress once per whole percent, and once more at the end: not a message every few documents.
    const reports = client.notifications.filter((n) => n.method === '$/progress' && n.params.value.kind === 'report').map((n) => n.params.value.message);
    assert.ok(reports.length <= 101, `${reports.length} progress reports`);
    assert.equal(reports[reports.length - 1], `${TOTAL}/${TOTAL} documents`);
  });
});

test('lsp indexing: cancelling from the progress stops indexing early, with a warning', async () => {
  await withServer(async (client) => {
    const report = await client.waitFor('$/progress', (p) => p.value.kind === 'report' && /^\d+\/\d+ documents/.test(p.value.message));
    await client.notify('window/workDoneProgress/cancel', { token: report.token });
    const end = await client.waitFor('corpusLens/indexChanged', (p) => !p.indexing);
    assert.ok(end.documents < TOTAL, `${end.documents} of ${TOTAL} documents indexed`);
    await client.waitFor('window/showMessageRequest', (p) => /indexing was cancelled/.test(p.message), { includePast: true });
    // The server still answers, and its workers can be used again.
    assert.ok(Array.isArray(await client.request('corpusLens/documents', { uris: [] })));
  });
});

test('lsp indexing: a workspace folder that is itself named seeds is a corpus (npm run demo opens seeds/)', async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'corpus-lens-seeds-root-'));
  const root = path.join(parent, 'seeds');
  mkdirSync(root);
  for (const seed of SEEDS) copyFileSync(path.join('seeds', seed), path.join(root, seed));
  const client = await LspSession.start(root);
  try {
    const documents = await client.request('corpusLens/documents', {});
    assert.equal(documents.length, SEEDS.length);
  } finally {
    await client.stop();
    rmSync(parent, { recursive: true, force: true });
  }
});
