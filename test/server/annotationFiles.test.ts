// The annotation store on disk: what a folder's store reads as (missing, valid, broken), what a
// change does to it (written atomically, merged with what is on disk now, refused on a broken
// store with the file left as it was), and the checks the server makes between writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { serializeStore, STORE_PATH, targetOf, type Annotation } from '../../src/core/index.js';
import { AnnotationFiles, StoreError } from '../../src/server/annotationFiles.js';
import { temporaryFolder } from './workspace.js';

const TEXT = 'Talks with Karim Sadiqi ended in Herat.';

function annotation(id: string, words = 'Karim Sadiqi'): Annotation {
  const start = TEXT.indexOf(words);
  return { id, document: 'a.txt', kind: 'entity', type: 'PERSON', entity: null, target: targetOf(TEXT, start, start + words.length), source: 'user', created: '2024-01-01T00:00:00.000Z' };
}

const storeText = (...ids: string[]) => serializeStore({ version: 1, annotations: ids.map((id) => annotation(id)) });

/** A workspace folder whose store file holds `disk` (nothing: no file; a folder: a directory where the file should be). */
async function folderWith(disk: string | null | { folder: true }): Promise<{ root: string; file: string }> {
  const root = await temporaryFolder();
  const file = path.join(root, STORE_PATH);
  if (disk !== null) await mkdir(typeof disk === 'string' ? path.dirname(file) : file, { recursive: true });
  if (typeof disk === 'string') await writeFile(file, disk);
  return { root, file };
}

const idsIn = (text: string): string[] => JSON.parse(text).annotations.map((a: Annotation) => a.id);

interface Expected {
  /** The ids read, or null when the store cannot be used; the codes of its problems. */
  read: string[] | null;
  problems: string[];
  /** After adding annotation "new": the ids in the file, or the error the change is refused with (the file then as it was). */
  afterAdding: string[] | RegExp;
}

async function check(disk: string | null | { folder: true }, expected: Expected): Promise<void> {
  const { root, file } = await folderWith(disk);
  const files = new AnnotationFiles();
  const state = await files.load(root);
  assert.deepEqual(state.store?.annotations.map((a) => a.id) ?? null, expected.read);
  assert.deepEqual(state.problems.map((p) => p.code), expected.problems);
  assert.deepEqual(files.roots(), [state]);
  const change = files.change(root, (list) => [...list, annotation('new', 'Herat')]);
  if (expected.afterAdding instanceof RegExp) {
    await assert.rejects(change, (e: Error) => e instanceof StoreError && expected.afterAdding instanceof RegExp && expected.afterAdding.test(e.message));
    if (typeof disk === 'string') assert.equal(await readFile(file, 'utf8'), disk, 'a broken store is left as it was');
    else assert.ok((await stat(file)).isDirectory());
    return;
  }
  const changed = await change;
  const written = await readFile(file, 'utf8');
  assert.deepEqual(idsIn(written), expected.afterAdding);
  assert.equal(changed.text, written);
  assert.deepEqual(changed.problems.map((p) => p.code), expected.problems, 'the store\'s warnings stay');
  assert.deepEqual(await readdir(path.dirname(file)), ['annotations.json'], 'no temporary file left behind');
}

const cases: Array<[string, string | null | { folder: true }, Expected]> = [
  ['no store yet: empty, created on the first change', null, { read: [], problems: [], afterAdding: ['new'] }],
  ['a store: its annotations, the new one added in order', storeText('b', 'a'), { read: ['a', 'b'], problems: [], afterAdding: ['a', 'b', 'new'] }],
  ['one annotation unusable: not applied, and kept in the file through a change', storeText('a').replace('"type":"PERSON"', '"type":"ANIMAL"'), { read: [], problems: ['store.invalid'], afterAdding: ['new', 'a'] }],
  ['not JSON (a merge conflict): refused, left as it was', `<<<<<<< HEAD\n${storeText('a')}=======\n${storeText('b')}>>>>>>> theirs\n`, {
    read: null, problems: ['store.invalid'], afterAdding: /^The annotation store .*annotations\.json cannot be read \(The annotation store is not valid JSON \(invalid symbol\)\..*\); fix it before annotating, nothing was changed\.$/,
  }],
  ['another version: refused, left as it was', storeText('a').replace('"version": 1', '"version": 2'), {
    read: null, problems: ['store.invalid'], afterAdding: /cannot be read \(The annotation store has version 2; this Corpus Lens reads version 1\. It was left untouched\.\); fix it before annotating, nothing was changed\.$/,
  }],
  ['a folder where the file should be: unreadable, refused', { folder: true }, {
    read: null, problems: ['store.unreadable'], afterAdding: /cannot be read \(The annotation store could not be read: Error: EISDIR.*\); fix it before annotating, nothing was changed\.$/,
  }],
];

for (const [name, disk, expected] of cases) test(`annotation files: ${name}`, () => check(disk, expected));

test('annotation files: a change applies to the store as it is on disk now, so a change made behind the editor is kept', async () => {
  const { root, file } = await folderWith(storeText('a'));
  const files = new AnnotationFiles();
  await files.load(root);
  await writeFile(file, storeText('a', 'pulled'));
  await files.change(root, (list) => [...list, annotation('mine', 'Herat')]);
  assert.deepEqual(idsIn(await readFile(file, 'utf8')), ['a', 'pulled', 'mine']);
});

test('annotation files: an edit that returns the same list writes nothing', async () => {
  const hand = `{"version": 1, "annotations": [${JSON.stringify(annotation('a'))}]}`;
  const { root, file } = await folderWith(hand);
  const files = new AnnotationFiles();
  const state = await files.change(root, (list) => list);
  assert.equal(await readFile(file, 'utf8'), hand, 'the hand-written layout is kept');
  assert.equal(state.text, hand);
});

test('annotation files: changes at once run one after another, and none is lost; a failed one does not stop the next', async () => {
  const { root, file } = await folderWith(null);
  const files = new AnnotationFiles();
  const ids = Array.from({ length: 12 }, (_, k) => `k${String(k).padStart(2, '0')}`);
  const failing = files.change(root, () => {
    throw new Error('edit failed');
  });
  const changes = ids.map((id) => files.change(root, (list) => [...list, annotation(id)]));
  await assert.rejects(failing, /edit failed/);
  await Promise.all(changes);
  assert.deepEqual(idsIn(await readFile(file, 'utf8')), ids);
});

test('annotation files: changed on disk only when the file was written by someone else since it was read', async () => {
  const { root, file } = await folderWith(storeText('a'));
  const files = new AnnotationFiles();
  assert.equal(await files.changedOnDisk(root), false, 'a folder never read');
  await files.load(root);
  assert.equal(await files.changedOnDisk(root), false, 'just read');
  await files.change(root, (list) => [...list, annotation('b')]);
  assert.equal(await files.changedOnDisk(root), false, 'written here');
  await writeFile(file, storeText('a', 'b', 'c', 'pulled'));
  assert.equal(await files.changedOnDisk(root), true, 'written behind the editor');
  await files.load(root);
  assert.equal(await files.changedOnDisk(root), false, 'read again');
  files.forget(root);
  assert.deepEqual(files.roots(), []);
  assert.equal(await files.changedOnDisk(root), false, 'a folder forgotten');
});

test('annotation files: a killed writer\'s temporary files are removed once a minute old, nothing else is', async () => {
  const { root, file } = await folderWith(storeText('a'));
  const dir = path.dirname(file);
  const old = new Date(Date.now() - 120_000);
  const names = ['annotations.json.1.abc.tmp', 'annotations.json.2.def.tmp', 'other.json.3.ghi.tmp', 'annotations.json.bak'];
  for (const name of names) await writeFile(path.join(dir, name), 'x');
  for (const name of [names[0], names[2], names[3]]) await utimes(path.join(dir, name), old, old);
  await new AnnotationFiles().load(root);
  assert.deepEqual((await readdir(dir)).sort(), ['annotations.json', 'annotations.json.2.def.tmp', 'annotations.json.bak', 'other.json.3.ghi.tmp']);
});
