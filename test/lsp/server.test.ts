// The built server over stdio, on a copy of the seeds, as an editor talks to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf, textAt, uriOf, type Diagnostic } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

let folder: string;
let client: LspSession;
const SEED = '000_de029b9b870dac60.txt';
const seedPath = (file = SEED) => path.join(folder, 'seeds', file);
const seedText = () => readFileSync(seedPath(), 'utf8');

before(async () => ({ folder, client } = await startOnSeeds('lsp')));

after(() => stopAndRemove(client, folder));

test('lsp: every seed is indexed at start, open or not, with progress shown', async () => {
  const docs = await client.request('corpusLens/documents', {});
  assert.deepEqual(docs.map((d: any) => path.basename(new URL(d.uri).pathname)), readdirNames());
  assert.deepEqual(docs.map((d: any) => [d.footnoteMarkers, d.footnoteDefinitions]), [[10, 10], [1, 1], [0, 0], [0, 0], [0, 0]]);
  assert.equal(docs[0].dct, '2024-03-11');
  const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params.value.kind);
  assert.equal(progress[0], 'begin', JSON.stringify(client.notifications.map((n) => n.method)));
  assert.equal(progress[progress.length - 1], 'end');
  // Diagnostics only where there are some: a closed document without problems needs no message.
  assert.deepEqual(docs.map((d: any) => client.diagnostics.get(d.uri)?.map((x) => x.code) ?? 'none'), [['entity.spelling'], 'none', 'none', 'none', 'none']);
});

function readdirNames(): string[] {
  return ['000_de029b9b870dac60.txt', '001_22225b4e410ffef9.txt', '002_a35ec57432909395.txt', '003_6541379ee4ddf356.txt', '004_9a176b0d230b8e6b.txt'];
}

/** Hover at the n-th occurrence of a needle (cursor `offset` characters into it): the markdown, or null. */
async function hoverText(file: string, needle: string, occurrence = 1, offset = 1): Promise<string | null> {
  const text = readFileSync(seedPath(file), 'utf8');
  const hover = await client.hover(uriOf(seedPath(file)), positionOf(text, needle, occurrence, offset));
  return hover?.contents?.value ?? null;
}

const hoverCases: Array<[string, string, number, RegExp | null]> = [
  ['a marker shows its definition', 'discussed in the meeting by both sides."[1]', 1, /\*\*Footnote \[1\]\*\*\n\n\\\(Afghanistan\\\), March 6, 2024\\\./],
  ['the tenth marker', 'this calendar year.[10]', 1, /\*\*Footnote \[10\]\*\*\n\n\\\(UK\\\), March 5, 2024/],
  ['a definition label counts its citations', '[1] (Afghanistan)', 1, /\*\*Footnote \[1\]\*\* · cited once in the text/],
  ['an editorial bracket has no hover', '[N]umerous', 1, null],
];

for (const [name, needle, occurrence, expected] of hoverCases) {
  test(`lsp hover: ${name}`, async () => {
    const offset = needle.startsWith('[') ? 1 : needle.lastIndexOf('[') + 1;
    const value = await hoverText(SEED, needle, occurrence, offset);
    if (expected === null) assert.equal(value, null);
    else assert.match(value ?? '', expected);
  });
}

test('lsp: definition jumps from a marker to its definition line', async () => {
  const text = seedText();
  const uri = uriOf(path.join(folder, 'seeds', SEED));
  const at = positionOf(text, 'both sides."[1]', 1, 'both sides."['.length);
  const [loc] = await client.request('textDocument/definition', { textDocument: { uri }, position: at });
  assert.equal(loc.uri, uri);
  assert.equal(textAt(text, loc.range), '[1] (Afghanistan), March 6, 2024.');
});

test('lsp: references from a definition list its markers; highlights pair them', async () => {
  const file = path.join(folder, 'seeds', SEED);
  const text = seedText();
  const uri = uriOf(file);
  const def = positionOf(text, '[4] (Afghanistan)', 1, 1);
  const refs = await client.request('textDocument/references', { textDocument: { uri }, position: def, context: { includeDeclaration: false } });
  assert.deepEqual(refs.map((r: any) => textAt(text, r.range)), ['[4]']);
  const highlights = await client.request('textDocument/documentHighlight', { textDocument: { uri }, position: def });
  assert.deepEqual(highlights.map((h: any) => [textAt(text, h.range), h.kind]), [['[4]', 2], ['[4]', 3]]);
});

test('lsp: the outline has the title, body, notes and each footnote', async () => {
  const uri = uriOf(path.join(folder, 'seeds', SEED));
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s: any) => s.name), ['In Meetings In Kabul, Russia And Afghanistan Agree To Forge \'Enhanced Security Cooperation\' Between The Two Countries', 'Body', 'Notes', 'Entities']);
  assert.deepEqual(symbols[2].children.map((c: any) => c.name), ['[1]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]', '[8]', '[9]', '[10]']);
});

const PROBLEM_DOC = 'Claim.[1] Claim.[3] Claim.[2]\n\n[1] One.\n[1] One again.\n[2] Two.\n[4] Never cited.\n';

test('lsp: footnote diagnostics for an open document, with severities and tags', async () => {
  const file = path.join(folder, 'seeds', 'problems.txt');
  const uri = await client.open(file, PROBLEM_DOC);
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
  const summary = diagnostics.map((d: Diagnostic) => [d.code, d.severity, textAt(PROBLEM_DOC, d.range)]);
  assert.deepEqual(summary, [
    ['footnote.undefined', 2, '[3]'],
    ['footnote.order', 3, '[3]'],
    ['footnote.order', 3, '[2]'],
    ['footnote.duplicate', 1, '[1]'],
    ['footnote.unused', 4, '[4] Never cited.'],
  ]);
  assert.deepEqual(diagnostics.find((d) => d.code === 'footnote.unused')!.tags, [1]);
});

test('lsp: the quick fix adds the missing definition, and the warning goes away', async () => {
  const file = path.join(folder, 'seeds', 'fixme.txt');
  const text = 'Claim.[1] Claim.[2]\n\n[1] One.\n';
  const uri = await client.open(file, text);
  const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'footnote.undefined'));
  const undefinedMarker = diagnostics.find((d) => d.code === 'footnote.undefined')!;
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: undefinedMarker.range, context: { diagnostics: [undefinedMarker] } });
  const fix = actions.find((a: any) => a.title.startsWith('Add a definition for footnote [2]'));
  assert.ok(fix, JSON.stringify(actions));
  const [edit] = fix.edit.changes[uri];
  const lines = text.split('\n');
  const offset = lines.slice(0, edit.range.start.line).reduce((n: number, l: string) => n + l.length + 1, 0) + edit.range.start.character;
  const fixed = text.slice(0, offset) + edit.newText + text.slice(offset);
  assert.equal(fixed, 'Claim.[1] Claim.[2]\n\n[1] One.\n\n[2] \n');
  await client.change(uri, fixed.replace('[2] \n', '[2] Two.\n'));
  await client.diagnosticsFor(uri, (d) => d.length === 0);
});

test('lsp: rename on a marker renumbers the marker and its definition; a taken label is refused', async () => {
  const file = path.join(folder, 'seeds', 'rename.txt');
  const text = 'Claim.[1] Again.[1] Other.[2]\n\n[1] One.\n[2] Two.\n';
  const uri = await client.open(file, text);
  const position = positionOf(text, '[1]', 2, 1);
  const prepared = await client.request('textDocument/prepareRename', { textDocument: { uri }, position });
  assert.deepEqual([textAt(text, prepared.range), prepared.placeholder], ['1', '1']);
  const edit = await client.request('textDocument/rename', { textDocument: { uri }, position, newName: '7' });
  assert.deepEqual(edit.changes[uri].map((e: any) => [e.range.start.line, e.range.start.character, e.newText]), [[0, 7, '7'], [0, 17, '7'], [2, 1, '7']]);
  await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: '2' }), /Footnote \[2\] already exists/);
});

test('lsp: unknown documents and bad parameters get empty answers or errors, and the server lives on', async () => {
  const unknown = { textDocument: { uri: 'file:///nowhere/x.txt' }, position: { line: 0, character: 0 } };
  assert.equal(await client.request('textDocument/hover', unknown), null);
  assert.deepEqual(await client.request('textDocument/definition', unknown), []);
  assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: unknown.textDocument }), []);
  await client.request('textDocument/hover', { textDocument: { uri: 42 }, position: null }).catch(() => undefined);
  const text = seedText();
  const alive = await client.hover(uriOf(path.join(folder, 'seeds', SEED)), positionOf(text, '[2] (Russia)', 1, 1));
  assert.match(alive.contents.value, /Footnote \[2\]/);
});

test('lsp: files created, changed and deleted on disk keep the index current', async () => {
  const file = path.join(folder, 'seeds', 'new-article.txt');
  const uri = uriOf(file);
  writeFileSync(file, 'A New Headline\n\nBody.[1]\n');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  const created = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'footnote.undefined'));
  assert.equal(created.length, 1);
  writeFileSync(file, 'A New Headline\n\nBody.[1]\n\n[1] Now defined.\n');
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
  await client.diagnosticsFor(uri, (d) => d.length === 0);
  rmSync(file);
  await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  await client.waitFor('corpusLens/indexChanged', () => true);
  const docs = await client.request('corpusLens/documents', {});
  assert.ok(!docs.some((d: any) => d.uri === uri));
});

test('lsp: a malformed corpus.json is reported with its position and the rest goes on', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-json-'));
  writeFileSync(path.join(dir, 'corpus.json'), '{"documents": {"a.txt": {"date": "yesterday"}}}');
  writeFileSync(path.join(dir, 'a.txt'), 'Body.[1]\n\n[1] Source.\n');
  const other = await LspSession.start(dir);
  try {
    const diagnostics = await other.diagnosticsFor(uriOf(path.join(dir, 'corpus.json')), (d) => d.length > 0);
    assert.match(diagnostics[0].message, /"date" must be a calendar date/);
    assert.deepEqual(diagnostics[0].range.start, { line: 0, character: 33 });
    const docs = await other.request('corpusLens/documents', {});
    assert.deepEqual(docs.map((d: any) => [d.footnoteMarkers, d.dct]), [[1, null]]);
  } finally {
    await other.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lsp: document text in a hover is escaped: no links, commands or HTML from the corpus', async () => {
  const file = path.join(folder, 'seeds', 'hostile.txt');
  const text = 'Claim.[1] Also [click](command:workbench.action.terminal.new) and <img src=x onerror=alert(1)> by Evil Corp.\n\n[1] [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold**\n';
  const uri = await client.open(file, text);
  await client.diagnosticsFor(uri);
  const hover = await client.hover(uri, positionOf(text, 'Claim.[1]', 1, 'Claim.['.length));
  const value: string = hover.contents.value;
  // Only escaped forms may remain: every markdown or HTML character from the text has a backslash.
  assert.doesNotMatch(value, /(^|[^\\])\]\(command/);
  assert.doesNotMatch(value, /(^|[^\\])<img/);
  assert.doesNotMatch(value, /(^|[^\\])\*\*bold/);
  assert.match(value, /\\\[click\\\]\\\(command\\:workbench\\\.action\\\.terminal\\\.new\\\)/);
});
