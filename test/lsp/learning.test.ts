// Learning from decisions over the protocol: a decision on one document changes how the same
// unknown name reads in another document nobody decided on, the hover says it was learned, the
// Review view offers the names it changed first, the learned file beside the store is written and can be deleted, the setting turns learning off and
// Forget What Was Learned takes it back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from '../support/lspSession.js';

let folder: string;
let client: LspSession;
const DECIDED = 'Shares of Kestrel Varn fell after the airline cut its fares, Kestrel Varn said.\n';
const ELSEWHERE = 'Fares at Kestrel Varn rose on Monday.\n';
const file = (name: string) => path.join(folder, 'seeds', name);
const learnedFile = () => path.join(folder, '.corpus-lens', 'learned.json');

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'corpus-lens-learning-'));
  mkdirSync(path.join(folder, 'seeds'));
  writeFileSync(file('decided.txt'), DECIDED);
  writeFileSync(file('elsewhere.txt'), ELSEWHERE);
  client = await LspSession.start(folder);
});

after(async () => {
  await client?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** The hover card on "Kestrel Varn" in the document nobody decided on. */
async function elsewhere(): Promise<string> {
  const hover = await client.hover(uriOf(file('elsewhere.txt')), positionOf(ELSEWHERE, 'Kestrel Varn', 1, 2));
  return hover?.contents.value ?? '';
}

test('lsp learning: a decision on one document changes the same unknown name in another, and the card says why', async () => {
  assert.match(await elsewhere(), /^\*\*Kestrel Varn\*\* · place/);
  const uri = uriOf(file('decided.txt'));
  const start = positionOf(DECIDED, 'Kestrel Varn');
  const learned = client.waitFor('corpusLens/learned');
  await client.request('corpusLens/annotate', { uri, range: { start, end: { line: start.line, character: start.character + 12 } }, action: 'entity', type: 'ORG' });
  const result = await learned;
  assert.deepEqual([result.decisions, result.documents >= 1, result.labels >= 1], [1, true, true]);
  const card = await client.eventually('the other document to follow', async () => {
    const text = await elsewhere();
    return /· organisation/.test(text) ? text : undefined;
  });
  assert.match(card, /learned here from 1 decision/);
  // The Review view offers first what the decision changed: the name in the other document and the one not decided beside it.
  const review = await client.request('corpusLens/review', { offset: 0, limit: 100 });
  const first = review.items.filter((i: any) => i.changed);
  const line = (i: any) => `${path.basename(i.uri)} ${i.range.start.character} ${i.text} ${i.type}`;
  assert.deepEqual(first.map(line).sort(), [`decided.txt ${positionOf(DECIDED, 'Kestrel Varn', 2).character} Kestrel Varn ORG`, 'elsewhere.txt 9 Kestrel Varn ORG']);
  assert.deepEqual(review.items.slice(0, first.length), first, 'the changed names come first');
  const written = JSON.parse(readFileSync(learnedFile(), 'utf8'));
  assert.deepEqual([written.format, written.decisions, Object.keys(written.rows).length > 0], ['corpus-lens-learned/1', 1, true]);
  // The CLI reads the same folder as the editor shows it: every document's names (one per entity), learned reading included.
  const exported = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'export', folder], { encoding: 'utf8' });
  assert.equal(exported.status, 0, exported.stderr);
  for (const doc of JSON.parse(exported.stdout).documents) {
    const shown = await client.request('corpusLens/entities', { uri: uriOf(path.join(folder, doc.path)) });
    assert.deepEqual([...new Set(doc.entities.map((e: any) => `${e.type}:${e.text}`))].sort(), shown.map((e: any) => `${e.type}:${e.name}`).sort(), doc.path);
  }
});

test('lsp learning: the setting turns learning off and on again', async () => {
  client.settings = { learning: { enabled: false } };
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.eventually('the shipped reading back', async () => (/· place/.test(await elsewhere()) ? true : undefined));
  client.settings = {};
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  await client.eventually('the learned reading back', async () => (/· organisation/.test(await elsewhere()) ? true : undefined));
});

test('lsp learning: Forget What Was Learned reads names by the shipped model again; the decision itself stays', async () => {
  const message = await client.request('corpusLens/forgetLearned', null);
  assert.match(message, /Forgot what was learned from 1 decision/);
  await client.eventually('the shipped reading back', async () => (/· place/.test(await elsewhere()) ? true : undefined));
  const decided = await client.hover(uriOf(file('decided.txt')), positionOf(DECIDED, 'Kestrel Varn', 1, 2));
  assert.match(decided.contents.value, /· organisation/);
  const written = JSON.parse(readFileSync(learnedFile(), 'utf8'));
  assert.deepEqual([written.decisions, Object.keys(written.rows).length, typeof written.since], [0, 0, 'string']);
  assert.ok(existsSync(learnedFile()));
});
