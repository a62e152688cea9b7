// References over stdio: a name mentioned a thousand times, asked with a partialResultToken, comes in
// chunks (the first small, so the editor can show it at once), then an empty answer; the chunks are
// exactly the references asked without one, in the same order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ProgressType } from 'vscode-jsonrpc/node';
import { LspSession, positionOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

let folder: string;
let client: LspSession;

before(async () => ({ folder, client } = await startOnSeeds('references')));

after(() => stopAndRemove(client, folder));

test('lsp references: many references come as partial results, the first few hundred at once', async () => {
  const text = 'Officials met in Kabul on Monday.\n'.repeat(900);
  const uri = await client.open(path.join(folder, 'seeds', 'kabul.txt'), text);
  await client.diagnosticsFor(uri);
  const params = { textDocument: { uri }, position: positionOf(text, 'Kabul', 1, 1), context: { includeDeclaration: true } };
  const whole = await client.request('textDocument/references', params);
  assert.ok(whole.length > 900, `${whole.length} references`);
  const token = 'refs-1';
  const chunks: any[][] = [];
  const listening = client.connection.onProgress(new ProgressType<any[]>(), token, (chunk) => {
    chunks.push(chunk);
  });
  const rest = await client.request('textDocument/references', { ...params, partialResultToken: token });
  listening.dispose();
  assert.deepEqual(rest, []);
  assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
  assert.ok(chunks[0]!.length <= 200, `first chunk of ${chunks[0]!.length}`);
  assert.deepEqual(chunks.flat(), whole);
});
