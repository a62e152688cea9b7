// Annotating over the protocol: decisions are stored as plain JSON at the workspace root, applied
// at once, undone, merged with changes made behind the editor, and a broken store is left alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

let folder: string;
let client: LspSession;
const S001 = '001_22225b4e410ffef9.txt';
const seed = (name: string) => path.join(folder, 'seeds', name);
const text = (name: string) => readFileSync(seed(name), 'utf8');
const storeFile = () => path.join(folder, '.corpus-lens', 'annotations.json');

before(async () => ({ folder, client } = await startOnSeeds('annotate')));

after(() => stopAndRemove(client, folder));

/** Range of the n-th occurrence of a needle in a seed. */
function rangeOf(file: string, needle: string, occurrence = 1) {
  const start = positionOf(text(file), needle, occurrence);
  const end = positionOf(text(file), needle, occurrence, needle.length);
  return { start, end };
}

async function mentionTexts(file: string): Promise<string[]> {
  const entities = await client.request('corpusLens/entities', { uri: uriOf(seed(file)) });
  return entities.map((e: any) => e.name);
}

test('lsp annotate: "not an entity" removes a name at once and is stored as plain JSON', async () => {
  const uri = uriOf(seed(S001));
  assert.ok((await mentionTexts(S001)).includes('Ufuq News'));
  const result = await client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Ufuq News'), action: 'not-entity' });
  assert.match(result.message, /“Ufuq News” is not an entity here/);
  assert.ok(!(await mentionTexts(S001)).includes('Ufuq News'));
  const stored = JSON.parse(readFileSync(storeFile(), 'utf8'));
  assert.equal(stored.version, 1);
  assert.deepEqual(stored.annotations.map((a: any) => [a.document, a.kind, a.target.exact, a.source]), [[`seeds/${S001}`, 'not-entity', 'Ufuq News', 'user']]);
  // Undo takes it back, and the name returns.
  assert.equal(await client.request('corpusLens/removeAnnotation', { uri, id: result.id }), true);
  assert.ok((await mentionTexts(S001)).includes('Ufuq News'));
  assert.deepEqual(JSON.parse(readFileSync(storeFile(), 'utf8')).annotations, []);
});

test('lsp annotate: a person the recogniser missed is added, with its type everywhere', async () => {
  const uri = uriOf(seed(S001));
  await client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Ufuq News'), action: 'entity', type: 'PERSON' });
  const entities = await client.request('corpusLens/entities', { uri });
  assert.equal(entities.find((e: any) => e.name === 'Ufuq News').type, 'PERSON');
  const hover = await client.hover(uri, positionOf(text(S001), 'Ufuq News', 1, 2));
  assert.match(hover.contents.value, /^\*\*Ufuq News\*\* · person/);
});

test('lsp annotate: a change made to the store behind the editor is picked up and kept', async () => {
  const uri = uriOf(seed(S001));
  const stored = JSON.parse(readFileSync(storeFile(), 'utf8'));
  stored.annotations.push({ id: 'pulled1', document: `seeds/${S001}`, kind: 'not-entity', source: 'user', created: '2026-01-01T00:00:00.000Z', target: { exact: 'Hamid Ahmedi', prefix: '', suffix: '', start: text(S001).indexOf('Hamid Ahmedi'), end: text(S001).indexOf('Hamid Ahmedi') + 12 } });
  writeFileSync(storeFile(), JSON.stringify(stored, null, 2));
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(storeFile()), type: 2 }] });
  await client.eventually('the pulled decision to apply', async () => ((await mentionTexts(S001)).includes('Hamid Ahmedi') ? undefined : true));
  // A new decision keeps the pulled one: the store is re-read before every write.
  await client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Moscow'), action: 'not-entity-everywhere' });
  const ids = JSON.parse(readFileSync(storeFile(), 'utf8')).annotations.map((a: any) => a.id);
  assert.ok(ids.includes('pulled1'));
  assert.equal(ids.length, 3);
  assert.ok(!(await mentionTexts('000_de029b9b870dac60.txt')).includes('Moscow'));
});

test('lsp annotate: a change behind the editor that no watcher reports is picked up all the same', async () => {
  const uri = uriOf(seed(S001));
  const stored = JSON.parse(readFileSync(storeFile(), 'utf8'));
  const at = text(S001).indexOf('Central Asia');
  stored.annotations.push({ id: 'unwatched', document: `seeds/${S001}`, kind: 'not-entity', source: 'user', created: '2026-01-01T00:00:00.000Z', target: { exact: 'Central Asia', prefix: '', suffix: '', start: at, end: at + 12 } });
  writeFileSync(storeFile(), JSON.stringify(stored, null, 2));
  // No workspace/didChangeWatchedFiles: the server notices the store's new size and time by itself.
  const position = positionOf(text(S001), 'Central Asia', 1, 2);
  assert.ok(await client.request('corpusLens/entityAt', { uri, position }));
  await client.eventually('the unreported decision to apply', async () => ((await client.request('corpusLens/entityAt', { uri, position })) ? undefined : true));
});

test('lsp annotate: a broken store is reported with its position, left untouched, and annotating is refused', async () => {
  const uri = uriOf(seed(S001));
  const broken = '{"version": 1, "annotations": [ {"id": "x",} ]}';
  writeFileSync(storeFile(), broken);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(storeFile()), type: 2 }] });
  const diagnostics = await client.diagnosticsFor(uriOf(storeFile()), (d) => d.length > 0);
  assert.match(diagnostics[0].message, /not valid JSON/);
  assert.deepEqual(diagnostics[0].range.start, { line: 0, character: broken.indexOf("}") });
  // The automatic annotations come back (the broken store applies nothing, and teaches nothing once
  // the learning has followed it).
  await client.eventually('the names the store no longer decides to come back', async () => ((await mentionTexts(S001)).includes('Hamid Ahmedi') ? true : undefined));
  await assert.rejects(client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Kabul'), action: 'not-entity' }), /cannot be read.*nothing was changed/);
  assert.equal(readFileSync(storeFile(), 'utf8'), broken);
  assert.ok(!existsSync(`${storeFile()}.tmp`));
});

test('lsp annotate: merge two entities, split a mention off, and rename an entity', async () => {
  const uri = uriOf(seed(S001));
  writeFileSync(storeFile(), '{"version": 1, "annotations": []}\n');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(storeFile()), type: 2 }] });
  await client.waitFor('corpusLens/indexChanged', () => true);
  const entities = await client.request('corpusLens/entities', {});
  const id = (name: string) => entities.find((e: any) => e.name === name).id;
  // Merge "Ufuq News" into "Hamid Ahmedi" (silly, but any two entities will do).
  await client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Ufuq News'), action: 'merge', entity: id('Hamid Ahmedi') });
  const at = await client.request('corpusLens/entityAt', { uri, position: positionOf(text(S001), 'Ufuq News', 1, 2) });
  assert.equal(at.id, id('Hamid Ahmedi'));
  // Split the second "Ahmedi" off: it is an entity of its own now.
  const second = positionOf(text(S001), 'Ahmedi wrote', 1, 1);
  await client.request('corpusLens/annotate', { uri, range: { start: second, end: second }, action: 'split' });
  const split = await client.request('corpusLens/entityAt', { uri, position: second });
  assert.notEqual(split.id, id('Hamid Ahmedi'));
  // Rename: the hover shows the new name and the description.
  await client.request('corpusLens/annotate', { uri, range: rangeOf(S001, 'Hamid Ahmedi'), action: 'entity-name', value: 'Hamid Ahmadi', description: 'a columnist of Ufuq News' });
  const hover = await client.hover(uri, positionOf(text(S001), 'Hamid Ahmedi', 1, 2));
  assert.match(hover.contents.value, /^\*\*Hamid Ahmadi\*\* · person/);
  assert.match(hover.contents.value, /a columnist of Ufuq News/);
  const kinds = JSON.parse(readFileSync(storeFile(), 'utf8')).annotations.map((a: any) => a.kind).sort();
  assert.deepEqual(kinds, ['entity', 'entity-name', 'merge']);
});

test('lsp annotate: the light bulb on a name offers the annotating commands', async () => {
  const uri = uriOf(seed(S001));
  const at = positionOf(text(S001), 'Sirajuddin Haqqani', 1, 2);
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
  const titles = actions.map((a: any) => a.title);
  assert.ok(titles.includes('Corpus Lens: annotate as an organisation'), titles.join(' | '));
  assert.ok(!titles.includes('Corpus Lens: annotate as a person'), 'not the type it already has');
  assert.ok(titles.includes('Corpus Lens: “Sirajuddin Haqqani” is not an entity here'));
  assert.equal(actions.find((a: any) => a.title.endsWith('not an entity here')).command.command, 'corpusLens.annotate.notEntity');
});
