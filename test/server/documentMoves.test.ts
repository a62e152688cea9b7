// Annotations follow their documents: renames the editor reports (files, folders, to another
// workspace folder), moves only the file watcher sees (a delete and a create) recognised by the text
// or by the quotes of the annotations, and the documents left missing, with the candidates the user
// can point them at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { movedPath, STORE_PATH, type Annotation } from '../../src/core/index.js';
import { AnnotationFiles } from '../../src/server/annotationFiles.js';
import { DocumentMoves } from '../../src/server/documentMoves.js';
import { TestWorkspace, userAnnotation } from './workspace.js';

const ZHIRNOV = 'Envoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on Monday.\n';
const SADIQI = 'Talks with Karim Sadiqi ended in Herat without an agreement.\n';
const KANDAHAR = 'Officials in Kandahar said the road would reopen next week.\n';

/** The user's decisions: two on the Zhirnov article (a name and its review), one on Sadiqi's, one for the whole corpus. */
function decisions(zhirnov: string, sadiqi: string): Annotation[] {
  return [
    userAnnotation('z-name', zhirnov, 'entity', ZHIRNOV, 'Dmitry Zhirnov'),
    userAnnotation('z-reviewed', zhirnov, 'reviewed'),
    userAnnotation('s-name', sadiqi, 'not-entity', SADIQI, 'Karim Sadiqi'),
    { id: 'merge', document: '*', kind: 'merge', from: 'person:zhirnov', into: 'person:dmitry-zhirnov', source: 'user', created: '2024-01-01T00:00:00.000Z' },
  ];
}

/** A workspace of `folders` folders with the articles at these paths of the first and the decisions on them. */
async function workspace(paths: { zhirnov: string; sadiqi: string; others?: Record<string, string> }, folders = 1) {
  const w = await TestWorkspace.create(folders);
  await w.add(paths.zhirnov, ZHIRNOV);
  await w.add(paths.sadiqi, SADIQI);
  for (const [relative, text] of Object.entries(paths.others ?? {})) await w.add(relative, text);
  await w.writeStore(decisions(paths.zhirnov, paths.sadiqi));
  const stores = new AnnotationFiles();
  for (const root of w.roots) await stores.load(root);
  w.apply(stores);
  let storesChanged = 0;
  const logged: string[] = [];
  const moves = new DocumentMoves({
    corpus: w.corpus, stores, rootOf: (uri) => w.rootOf(uri),
    storesChanged: () => {
      storesChanged++;
      w.apply(stores);
    },
    log: (message) => logged.push(message),
  });
  /** Each store's annotations as "id document", read from the files. */
  const stored = async () => Promise.all(w.roots.map(async (root) => {
    const text = await readFile(path.join(root, STORE_PATH), 'utf8').catch(() => '{"annotations": []}');
    return (JSON.parse(text).annotations as Annotation[]).map((a) => `${a.id} ${a.document}`).sort();
  }));
  /** A file moved on disk as the watcher sees it: the old document removed (its text remembered), the new one added. */
  const watcherMove = async (from: string, to: string, { text, folder = 0 }: { text?: string; folder?: number } = {}) => {
    const old = w.uri(from);
    const before = w.corpus.inputs.document(old)!.text;
    w.corpus.remove(old);
    moves.removed(old, before);
    moves.addedDocument(await w.add(to, text ?? before, { folder }));
  };
  const renamed = async (from: string, to: string, folder = 0) => {
    const moved = await moves.renamed([{ oldUri: w.uri(from), newUri: w.uri(to, folder) }]);
    for (const d of w.corpus.documents().filter((d) => movedPath(w.rootOf(d.path)?.relative ?? '', from, to) !== null)) {
      w.corpus.remove(d.path);
      await w.add(movedPath(w.rootOf(d.path)!.relative, from, to)!, d.text, { folder });
    }
    return moved;
  };
  return { w, stores, moves, stored, watcherMove, renamed, counts: () => ({ storesChanged, logged: logged.length }) };
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

interface Case {
  /** Where the two articles start, and any other documents of the first folder. */
  start: { zhirnov: string; sadiqi: string; others?: Record<string, string> };
  folders?: number;
  /** What happens; returns what `renamed` or `point` returned, when it was called. */
  act: (ws: Workspace) => Promise<number | void>;
  moved?: number;
  /** Each folder's store afterwards, "id document" sorted. */
  stores: string[][];
  /** The store documents left missing, as "folder:document (annotation ids)". */
  missing: string[];
  storesChanged: number;
}

async function check(c: Case): Promise<void> {
  const ws = await workspace(c.start, c.folders);
  const moved = await c.act(ws);
  assert.equal(moved ?? undefined, c.moved);
  assert.deepEqual(await ws.stored(), c.stores);
  assert.deepEqual(ws.moves.missing().map((m) => `${ws.w.roots.indexOf(m.root)}:${m.document} (${m.annotations.map((a) => a.id).join(', ')})`), c.missing);
  assert.equal(ws.counts().storesChanged, c.storesChanged);
  // The corpus has the annotations where the store says.
  for (const a of (await ws.stores.load(ws.w.roots[0])).store!.annotations) {
    if (a.document !== '*') assert.ok(ws.w.corpus.annotations(ws.w.uri(a.document)).some((b) => b.id === a.id), `${a.id} applied at ${a.document}`);
  }
}

const START = { zhirnov: 'news/zhirnov.txt', sadiqi: 'news/sadiqi.txt' };
const UNMOVED = ['merge *', 's-name news/sadiqi.txt', 'z-name news/zhirnov.txt', 'z-reviewed news/zhirnov.txt'];

const cases: Array<[string, Case]> = [
  ['a file renamed in the editor: its annotations and review follow, the others stay', {
    start: START, act: (ws) => ws.renamed('news/zhirnov.txt', 'news/envoy.txt'), moved: 2,
    stores: [['merge *', 's-name news/sadiqi.txt', 'z-name news/envoy.txt', 'z-reviewed news/envoy.txt']], missing: [], storesChanged: 1,
  }],
  ['a folder renamed: every document under it, not the folder whose name starts the same', {
    start: { zhirnov: 'news/zhirnov.txt', sadiqi: 'newsroom/sadiqi.txt' }, act: (ws) => ws.renamed('news', 'archive/2024'), moved: 2,
    stores: [['merge *', 's-name newsroom/sadiqi.txt', 'z-name archive/2024/zhirnov.txt', 'z-reviewed archive/2024/zhirnov.txt']], missing: [], storesChanged: 1,
  }],
  ['a document without annotations renamed: nothing written', {
    start: { ...START, others: { 'news/kandahar.txt': KANDAHAR } }, act: (ws) => ws.renamed('news/kandahar.txt', 'news/roads.txt'), moved: 0,
    stores: [UNMOVED], missing: [], storesChanged: 0,
  }],
  ['renamed out of every workspace folder: nothing follows', {
    start: START, act: (ws) => ws.moves.renamed([{ oldUri: ws.w.uri('news/zhirnov.txt'), newUri: 'file:///elsewhere/zhirnov.txt' }]), moved: 0,
    stores: [UNMOVED], missing: [], storesChanged: 0,
  }],
  ['renamed into another workspace folder: taken from one store into the other; the corpus-wide decision stays', {
    start: START, folders: 2, act: (ws) => ws.renamed('news/zhirnov.txt', 'in/zhirnov.txt', 1), moved: 2,
    stores: [['merge *', 's-name news/sadiqi.txt'], ['z-name in/zhirnov.txt', 'z-reviewed in/zhirnov.txt']], missing: [], storesChanged: 1,
  }],
  ['git mv (a delete and a create, the same text): followed once the moves settle', {
    start: START, act: async (ws) => {
      await ws.watcherMove('news/zhirnov.txt', 'old/zhirnov.txt');
      await ws.moves.settle();
    },
    stores: [['merge *', 's-name news/sadiqi.txt', 'z-name old/zhirnov.txt', 'z-reviewed old/zhirnov.txt']], missing: [], storesChanged: 1,
  }],
  ['moved and edited: followed by the quote of its annotation', {
    start: START, act: async (ws) => {
      await ws.watcherMove('news/sadiqi.txt', 'old/sadiqi.txt', { text: `Herat, Monday.\n\n${SADIQI}` });
      await ws.moves.settle();
    },
    stores: [['merge *', 's-name old/sadiqi.txt', 'z-name news/zhirnov.txt', 'z-reviewed news/zhirnov.txt']], missing: [], storesChanged: 1,
  }],
  ['moved and edited where its quote is gone: missing, waiting for the user', {
    start: START, act: async (ws) => {
      await ws.watcherMove('news/sadiqi.txt', 'old/sadiqi.txt', { text: SADIQI.replace('Karim Sadiqi', 'the delegation') });
      await ws.moves.settle();
    },
    stores: [UNMOVED], missing: ['0:news/sadiqi.txt (s-name)'], storesChanged: 0,
  }],
  ['two copies with the same text: neither is chosen', {
    start: START, act: async (ws) => {
      await ws.watcherMove('news/zhirnov.txt', 'a/zhirnov.txt');
      ws.moves.addedDocument(await ws.w.add('b/zhirnov.txt', ZHIRNOV));
      await ws.moves.settle();
    },
    stores: [UNMOVED], missing: ['0:news/zhirnov.txt (z-reviewed, z-name)'], storesChanged: 0,
  }],
  ['moved while the server was not running: found among all documents after indexing', {
    start: { ...START, others: { 'archive/zhirnov.txt': ZHIRNOV } }, act: async (ws) => {
      ws.w.corpus.remove(ws.w.uri('news/zhirnov.txt'));
      await ws.moves.settle(true);
    },
    stores: [['merge *', 's-name news/sadiqi.txt', 'z-name archive/zhirnov.txt', 'z-reviewed archive/zhirnov.txt']], missing: [], storesChanged: 1,
  }],
  ['a document that has annotations of its own is no candidate', {
    start: { zhirnov: 'news/zhirnov.txt', sadiqi: 'news/zhirnov-copy.txt' }, act: async (ws) => {
      // The copy holds Sadiqi's decision (its store path), so it is not where Zhirnov's article went.
      ws.w.corpus.remove(ws.w.uri('news/zhirnov-copy.txt'));
      await ws.w.add('news/zhirnov-copy.txt', ZHIRNOV);
      ws.w.corpus.remove(ws.w.uri('news/zhirnov.txt'));
      await ws.moves.settle(true);
    },
    stores: [['merge *', 's-name news/zhirnov-copy.txt', 'z-name news/zhirnov.txt', 'z-reviewed news/zhirnov.txt']], missing: ['0:news/zhirnov.txt (z-reviewed, z-name)'], storesChanged: 0,
  }],
  ['pointed by the user at another document: moved, and the review remembers that document\'s opening', {
    start: { ...START, others: { 'news/kandahar.txt': KANDAHAR } }, act: async (ws) => {
      ws.w.corpus.remove(ws.w.uri('news/zhirnov.txt'));
      const moved = await ws.moves.point(ws.w.uri('news/zhirnov.txt'), ws.w.uri('news/kandahar.txt'));
      const reviewed = (await ws.stores.load(ws.w.roots[0])).store!.annotations.find((a) => a.id === 'z-reviewed');
      assert.deepEqual(reviewed && 'target' in reviewed && reviewed.target, { exact: KANDAHAR.trim(), prefix: '', suffix: '\n', start: 0, end: KANDAHAR.length - 1 });
      return moved;
    },
    moved: 2, stores: [['merge *', 's-name news/sadiqi.txt', 'z-name news/kandahar.txt', 'z-reviewed news/kandahar.txt']], missing: [], storesChanged: 1,
  }],
];

for (const [name, c] of cases) test(`document moves: ${name}`, () => check(c));

test('document moves: a missing document\'s candidates, those holding most of its quotes first, none that holds none', async () => {
  const ws = await workspace({ zhirnov: 'news/zhirnov.txt', sadiqi: 'news/sadiqi.txt', others: { 'news/kandahar.txt': KANDAHAR } });
  await ws.w.writeStore([...decisions('news/zhirnov.txt', 'news/sadiqi.txt'), userAnnotation('z-place', 'news/zhirnov.txt', 'not-entity', ZHIRNOV, 'Kabul')]);
  await ws.stores.load(ws.w.roots[0]);
  ws.w.apply(ws.stores);
  ws.w.corpus.remove(ws.w.uri('news/zhirnov.txt'));
  await ws.w.add('draft.txt', 'Draft: Sirajuddin Haqqani in Kabul on Monday.\n');
  await ws.w.add('copy.txt', ZHIRNOV);
  assert.deepEqual(ws.moves.candidatesFor(ws.w.uri('news/zhirnov.txt')), [
    { uri: ws.w.uri('copy.txt'), fits: 2, total: 2 },
    { uri: ws.w.uri('draft.txt'), fits: 1, total: 2 },
  ]);
});

test('document moves: every document is compared with a missing one once a session; after that, the documents that arrive', async () => {
  const ws = await workspace(START);
  ws.w.corpus.remove(ws.w.uri('news/zhirnov.txt'));
  await ws.moves.settle(true);
  await ws.w.add('late/zhirnov.txt', ZHIRNOV);
  await ws.moves.settle(true);
  assert.equal(ws.moves.missing().length, 1, 'not compared with all documents again');
  ws.moves.addedDocument(ws.w.uri('late/zhirnov.txt'));
  await ws.moves.settle();
  assert.deepEqual(ws.moves.missing(), []);
  assert.deepEqual(ws.counts(), { storesChanged: 1, logged: 1 });
});

test('document moves: a rename writes the store only when something moved', async () => {
  const ws = await workspace(START);
  const file = path.join(ws.w.roots[0], STORE_PATH);
  const before = await readFile(file, 'utf8');
  const stamp = (await stat(file)).mtimeMs;
  assert.equal(await ws.moves.renamed([{ oldUri: ws.w.uri('news/none.txt'), newUri: ws.w.uri('news/other.txt') }]), 0);
  assert.equal(await readFile(file, 'utf8'), before);
  assert.equal((await stat(file)).mtimeMs, stamp);
});
