// Annotations follow their documents: renames and moves of files and folders reported by the editor
// (workspace/didRenameFiles), moves seen only by the file watcher (git mv: a delete and a create, in
// one batch or two), and moves made while the server was not running. A store document that cannot
// be followed is an orphan, with the documents that could be it, until the user points it there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

const S001 = '001_22225b4e410ffef9.txt';
const CREATED = 1;
const DELETED = 3;

let folder: string;
let out: string;
let client: LspSession;
const file = (relative: string) => path.join(folder, ...relative.split('/'));
const storeFile = () => path.join(folder, '.corpus-lens', 'annotations.json');
const stored = (): Array<{ document: string; kind: string }> => JSON.parse(readFileSync(storeFile(), 'utf8')).annotations;

before(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-renames-out-'));
  ({ folder, client } = await startOnSeeds('renames'));
  // The user's decisions on one article: "Ufuq News" is a person, and the article is reviewed.
  const uri = uriOf(file(`seeds/${S001}`));
  const text = readFileSync(file(`seeds/${S001}`), 'utf8');
  const range = { start: positionOf(text, 'Ufuq News'), end: positionOf(text, 'Ufuq News', 1, 'Ufuq News'.length) };
  await client.request('corpusLens/annotate', { uri, range, action: 'entity', type: 'PERSON' });
  await client.request('corpusLens/annotate', { uri, range: { start: range.start, end: range.start }, action: 'reviewed' });
});

after(() => stopAndRemove(client, folder, out));

/** What the user sees of the decisions on the article at `relative`, or undefined while it is not so. */
async function decisionsAt(relative: string): Promise<true | undefined> {
  const uri = uriOf(file(relative));
  const [doc] = await client.request('corpusLens/documents', { uris: [uri] });
  const entities = await client.request('corpusLens/entities', { uri });
  const orphans = await client.request('corpusLens/orphans', {});
  const person = entities.some((e: any) => e.name === 'Ufuq News' && e.type === 'PERSON');
  const documents = [...new Set(stored().map((a) => a.document))];
  return doc?.reviewed && doc.userAnnotations === 2 && person && orphans.length === 0 && documents.length === 1 && documents[0] === relative ? true : undefined;
}

/** The decisions follow the article to `relative`: shown, stored under its new path, and exported. */
async function checkFollowed(relative: string): Promise<void> {
  await client.eventually(`the decisions to follow ${relative}`, () => decisionsAt(relative));
  const target = path.join(out, 'corpus.jsonl');
  await client.request('corpusLens/export', { format: 'jsonl', folder: uriOf(folder), target: uriOf(target) });
  const line = readFileSync(target, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)).find((l) => l.id === relative);
  assert.ok(line, `the export has ${relative}`);
  const ufuq = line.spans.find((s: any) => [...line.text].slice(s.start, s.end).join('') === 'Ufuq News');
  assert.equal(ufuq?.label, 'PERSON');
}

/** Moves on disk, then tells the server as the editor would (a rename) or as the watcher would (a delete and a create). */
async function move(from: string, to: string, tell: 'rename' | 'watcher' | 'watcher, two batches'): Promise<void> {
  mkdirSync(path.dirname(file(to)), { recursive: true });
  renameSync(file(from), file(to));
  const [oldUri, newUri] = [uriOf(file(from)), uriOf(file(to))];
  if (tell === 'rename') await client.notify('workspace/didRenameFiles', { files: [{ oldUri, newUri }] });
  else if (tell === 'watcher') await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: oldUri, type: DELETED }, { uri: newUri, type: CREATED }] });
  else {
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: newUri, type: CREATED }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: oldUri, type: DELETED }] });
  }
}

const moves: Array<[string, string, string, 'rename' | 'watcher' | 'watcher, two batches']> = [
  ['a file renamed in the editor', `seeds/${S001}`, 'seeds/ufuq.txt', 'rename'],
  ['a file moved into a new folder in the editor', 'seeds/ufuq.txt', 'seeds/kabul/ufuq.txt', 'rename'],
  ['its folder renamed in the editor', 'seeds/kabul', 'seeds/afghanistan', 'rename'],
  ['its folder moved in the editor', 'seeds/afghanistan', 'seeds/2024/afghanistan', 'rename'],
  ['git mv of the file (the watcher: delete and create)', 'seeds/2024/afghanistan/ufuq.txt', 'seeds/ufuq-news.txt', 'watcher'],
  ['git mv of the file, create and delete in two batches', 'seeds/ufuq-news.txt', 'seeds/2024/ufuq.txt', 'watcher, two batches'],
  ['git mv of its folder (the watcher reports the folder only)', 'seeds/2024', 'seeds/archive', 'watcher'],
];

for (const [name, from, to, tell] of moves) {
  test(`lsp renames: ${name} keeps its annotations and reviewed state`, async () => {
    await move(from, to, tell);
    await checkFollowed(from.endsWith('.txt') ? to : `${to}/ufuq.txt`);
  });
}

test('lsp renames: git mv of a file open in the editor (it stays open, deleted on disk) keeps its annotations and reviewed state', async () => {
  const from = 'seeds/archive/ufuq.txt';
  const uri = await client.open(file(from));
  await move(from, 'seeds/archive/ufuq-open.txt', 'watcher');
  await checkFollowed('seeds/archive/ufuq-open.txt');
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  // Open, deleted and written back (a branch switched away and back): gone from the corpus, then back with its decisions.
  const other = await client.open(file('seeds/archive/ufuq-open.txt'));
  const text = readFileSync(file('seeds/archive/ufuq-open.txt'));
  rmSync(file('seeds/archive/ufuq-open.txt'));
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: other, type: DELETED }] });
  await client.eventually('the deleted document to leave the corpus', async () => ((await client.request('corpusLens/documents', { uris: [other] })).length === 0 ? true : undefined));
  writeFileSync(file('seeds/archive/ufuq-open.txt'), text);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: other, type: CREATED }] });
  await checkFollowed('seeds/archive/ufuq-open.txt');
  await client.notify('textDocument/didClose', { textDocument: { uri: other } });
  await move('seeds/archive/ufuq-open.txt', from, 'rename');
  await checkFollowed(from);
});

test('lsp renames: a rename beside a new identical copy: the editor\'s rename decides where the annotations go, not the content', async () => {
  const [from, to, copy] = ['seeds/archive/ufuq.txt', 'seeds/archive/renamed.txt', 'seeds/archive/copy.txt'].map(file);
  cpSync(from, copy);
  renameSync(from, to);
  await client.notify('workspace/didRenameFiles', { files: [{ oldUri: uriOf(from), newUri: uriOf(to) }] });
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: CREATED }, { uri: uriOf(from), type: DELETED }, { uri: uriOf(to), type: CREATED }] });
  await checkFollowed('seeds/archive/renamed.txt');
  rmSync(copy);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(copy), type: DELETED }] });
  await move('seeds/archive/renamed.txt', 'seeds/archive/ufuq.txt', 'rename');
  await checkFollowed('seeds/archive/ufuq.txt');
});

test('lsp renames: a document that is gone is an orphan, in the view and on the store file, until pointed at the right file', async () => {
  // Moved out of the corpus (no longer under seeds/): nothing can follow it.
  await move('seeds/archive/ufuq.txt', 'elsewhere/ufuq.txt', 'watcher');
  const gone = uriOf(file('seeds/archive/ufuq.txt'));
  const orphans = await client.eventually('the orphans', async () => {
    const list = await client.request('corpusLens/orphans', {});
    return list.length === 2 ? list : undefined;
  });
  assert.deepEqual(orphans.map((o: any) => [o.uri, o.reason, o.kind, o.exact]), [[gone, 'document', 'reviewed', ''], [gone, 'document', 'entity', 'Ufuq News']]);
  const problems = await client.diagnosticsFor(uriOf(storeFile()), (d) => d.length > 0);
  assert.deepEqual(problems.map((d) => d.code), ['annotation.documentMissing']);
  assert.match(problems[0].message, /^1 annotation and the reviewed state of seeds\/archive\/ufuq\.txt, which is not in the corpus .* are kept here but not applied\./);
  // Back under seeds/ with a new title: only one of its two quotes fits, so the user decides.
  const text = readFileSync(file('elsewhere/ufuq.txt'), 'utf8');
  writeFileSync(file(`seeds/${S001}`), `Afghan Media On A Meeting In Kabul${text.slice(text.indexOf('\n'))}`);
  rmSync(file('elsewhere'), { recursive: true });
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file(`seeds/${S001}`)), type: CREATED }] });
  const candidates = await client.eventually('the candidates', async () => {
    const list = await client.request('corpusLens/moveCandidates', { uri: gone });
    return list.length > 0 ? list : undefined;
  });
  assert.deepEqual(candidates, [{ uri: uriOf(file(`seeds/${S001}`)), fits: 1, total: 2 }], 'documents that hold none of its texts are not offered');
  assert.equal((await client.request('corpusLens/orphans', {})).length, 2, 'not moved without the user');
  assert.equal(await client.request('corpusLens/moveAnnotations', { from: gone, to: uriOf(file(`seeds/${S001}`)) }), 2);
  await checkFollowed(`seeds/${S001}`);
  assert.deepEqual(await client.diagnosticsFor(uriOf(storeFile()), (d) => d.length === 0), []);
});

test('lsp renames: pointing annotations at a document outside the corpus is refused', async () => {
  await assert.rejects(client.request('corpusLens/moveAnnotations', { from: uriOf(file(`seeds/${S001}`)), to: uriOf(path.join(out, 'x.txt')) }), /corpus document inside the workspace/);
});

test('lsp renames: a document moved while the server was not running is found again by its annotations\' texts', async () => {
  await client.stop();
  // Edited as well as moved: the text differs, the quotes and their context are there.
  writeFileSync(file('seeds/moved-while-closed.txt'), `${readFileSync(file(`seeds/${S001}`), 'utf8')}\nA line added after the move.\n`);
  rmSync(file(`seeds/${S001}`));
  client = await LspSession.start(folder);
  await checkFollowed('seeds/moved-while-closed.txt');
});
