// The diagnostics publisher over the protocol: a change of the annotation store reaches only the
// documents whose problems it changed, open or not (the server remembers what each shows).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, uriOf } from '../support/lspSession.js';

let folder: string;
let client: LspSession;
const S001 = '001_22225b4e410ffef9.txt';
const storeFile = () => path.join(folder, '.corpus-lens', 'annotations.json');

/** A decision whose text is nowhere in the document: it shows there as an orphaned annotation. */
const ORPHAN = { id: 'orphan1', document: `seeds/${S001}`, kind: 'not-entity', source: 'user', created: '2026-01-01T00:00:00.000Z', target: { exact: 'Words found nowhere', prefix: '', suffix: '', start: 0, end: 19 } };

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-published-'));
  cpSync('seeds', path.join(folder, 'seeds'), { recursive: true });
  mkdirSync(path.dirname(storeFile()), { recursive: true });
  writeFileSync(storeFile(), '{"version": 1, "annotations": []}\n');
  client = await LspSession.start(folder);
  // Every seed open: an open document used to get its diagnostics again on every store change.
  const seeds = readdirSync(path.join(folder, 'seeds')).filter((f) => f.endsWith('.txt'));
  for (const file of seeds) await client.diagnosticsFor(await client.open(path.join(folder, 'seeds', file)));
  // The index change after the last one: the spelling variants, unknown when the seeds were
  // published (their linking was behind), have gone out by then.
  await client.waitFor('corpusLens/indexChanged');
});

after(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Writes the store behind the editor and says so; the seeds sent diagnostics until the index change that follows. */
async function storeChanged(annotations: unknown[], indent?: number): Promise<string[]> {
  const seen = client.notifications.length;
  writeFileSync(storeFile(), JSON.stringify({ version: 1, annotations }, null, indent));
  const indexChanged = client.waitFor('corpusLens/indexChanged');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(storeFile()), type: 2 }] });
  await indexChanged;
  await client.settle();
  return client.notifications.slice(seen)
    .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri.includes('/seeds/'))
    .map((n) => `${path.basename(n.params.uri)}: ${n.params.diagnostics.map((d: { code: string }) => d.code).join(' ') || 'none'}`);
}

test('lsp diagnostics: a store change publishes only the documents whose problems it changed', async () => {
  const orphaned = await storeChanged([ORPHAN]);
  assert.equal(orphaned.length, 1, orphaned.join('\n'));
  assert.match(orphaned[0], new RegExp(`^${S001}: .*annotation\\.orphaned`));
  // The same decisions written again (another layout): nothing to publish.
  assert.deepEqual(await storeChanged([ORPHAN], 2), []);
  const cleared = await storeChanged([]);
  assert.equal(cleared.length, 1, cleared.join('\n'));
  assert.ok(cleared[0].startsWith(`${S001}: `) && !cleared[0].includes('annotation.orphaned'), cleared[0]);
});
