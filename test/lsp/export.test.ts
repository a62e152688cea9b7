// Exporting from the editor (`corpusLens/export`) and the orphaned annotations (`corpusLens/orphans`),
// over the protocol against the built server. The editor's export is the CLI's, byte for byte, on
// the same folder (user annotations applied in both); brat refuses to overwrite an .ann without force.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession, positionOf, uriOf } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';

const CLI = path.resolve('dist/cli.js');
const S001 = '001_22225b4e410ffef9.txt';
const WOULD_OVERWRITE = 10_001;

let folder: string;
let out: string;
let client: LspSession;
const seed = (name: string) => path.join(folder, 'seeds', name);
const text = (name: string) => readFileSync(seed(name), 'utf8');
const seedNames = () => readdirSync(path.join(folder, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

before(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-export-out-'));
  ({ folder, client } = await startOnSeeds('export'));
  // A decision of the user, which every format must show: "Ufuq News" is a person.
  const start = positionOf(text(S001), 'Ufuq News');
  const end = positionOf(text(S001), 'Ufuq News', 1, 'Ufuq News'.length);
  // The model learns from it; every document it reaches is read again before the exports compare.
  const learned = client.waitFor('corpusLens/learned');
  await client.request('corpusLens/annotate', { uri: uriOf(seed(S001)), range: { start, end }, action: 'entity', type: 'PERSON' });
  await learned;
});

after(() => stopAndRemove(client, folder, out));

function exportTo(format: string, target: string, force?: boolean) {
  return client.request('corpusLens/export', { format, folder: uriOf(folder), target: uriOf(target), ...(force === undefined ? {} : { force }) });
}

/** What `corpus-lens export` writes for the same folder. */
function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'export', folder, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('lsp export: json is the CLI\'s corpus-lens/1 export, paths relative to the folder, the user\'s decision in it', async () => {
  const target = path.join(out, 'corpus.json');
  const result = await exportTo('json', target);
  assert.deepEqual(result.files, [uriOf(target)]);
  assert.match(result.message, /^Exported 5 documents as JSON to corpus\.json\./);
  const written = readFileSync(target, 'utf8');
  const exp = JSON.parse(written);
  assert.equal(exp.format, 'corpus-lens/1');
  assert.deepEqual(exp.documents.map((d: any) => d.path), seedNames().map((n) => `seeds/${n}`));
  const ufuq = exp.documents.find((d: any) => d.path === `seeds/${S001}`).entities.find((m: any) => m.text === 'Ufuq News');
  assert.deepEqual([ufuq.type, ufuq.source], ['PERSON', 'user']);
  assert.ok(exp.entities.every((e: any) => e.documents.every((p: string) => p.startsWith('seeds/'))));
  assert.ok(exp.events.every((e: any) => e.mentions.every((m: any) => m.path.startsWith('seeds/'))));
  assert.equal(written, cli('--format', 'json'));
  assert.deepEqual(readdirSync(out).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
});

test('lsp export: jsonl, conll and webanno are the CLI\'s, one file each', async () => {
  for (const [format, file] of [['jsonl', 'corpus.jsonl'], ['conll', 'corpus.conll'], ['webanno', 'corpus.jsonld']] as const) {
    const target = path.join(out, file);
    const result = await exportTo(format, target);
    assert.deepEqual(result.files, [uriOf(target)], format);
    assert.equal(readFileSync(target, 'utf8'), cli('--format', format), `${format} differs from the CLI's`);
  }
  const lines = readFileSync(path.join(out, 'corpus.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  const doc = lines.find((l) => l.id === `seeds/${S001}`);
  const span = doc.spans.find((s: any) => [...doc.text].slice(s.start, s.end).join('') === 'Ufuq News');
  assert.equal(span.label, 'PERSON');
  const conll = readFileSync(path.join(out, 'corpus.conll'), 'utf8');
  assert.equal(conll.split('\n').filter((l) => l === '-DOCSTART- -X- -X- O').length, 5);
  assert.match(conll, /^Ufuq -X- -X- B-PER\nNews -X- -X- I-PER$/m);
  const anno = JSON.parse(readFileSync(path.join(out, 'corpus.jsonld'), 'utf8'));
  assert.equal(anno.type, 'AnnotationCollection');
  assert.equal(anno.id, `${uriOf(folder)}/#corpus-lens`);
  assert.ok(anno.first.items.some((a: any) => a.target.source === uriOf(seed(S001))));
});

test('lsp export: brat writes an .ann beside each .txt and annotation.conf, and will not overwrite an .ann without force', async () => {
  const result = await exportTo('brat', folder);
  const anns = seedNames().map((n) => path.join(folder, 'seeds', n.replace(/\.txt$/, '.ann')));
  assert.deepEqual(result.files, [...anns, path.join(folder, 'annotation.conf')].map(uriOf));
  assert.match(result.message, /5 \.ann files and annotation\.conf beside the \.txt files/);
  // The same .ann files as the CLI's (written under another folder).
  const cliOut = path.join(out, 'brat-cli');
  cli('--format', 'brat', '--out', cliOut);
  for (const ann of anns) assert.equal(readFileSync(ann, 'utf8'), readFileSync(path.join(cliOut, 'seeds', path.basename(ann)), 'utf8'), path.basename(ann));
  assert.equal(readFileSync(path.join(folder, 'annotation.conf'), 'utf8'), readFileSync(path.join(cliOut, 'annotation.conf'), 'utf8'));
  assert.match(readFileSync(anns[1], 'utf8'), /^T\d+\tPERSON \d+ \d+\tUfuq News\nA\d+\tSource T\d+ user$/m);

  // Again: refused, with the files in the way, and nothing written.
  const before = anns.map((a) => statSync(a).mtimeMs);
  await assert.rejects(exportTo('brat', folder), (e: any) => {
    assert.equal(e.code, WOULD_OVERWRITE);
    assert.deepEqual(e.data.existing, anns.map(uriOf));
    assert.match(e.message, /^5 files already exist in .* and would be overwritten: seeds\/000_de029b9b870dac60\.ann, .*Nothing was written/);
    return true;
  });
  assert.deepEqual(anns.map((a) => statSync(a).mtimeMs), before);
  // With force it overwrites.
  const forced = await exportTo('brat', folder, true);
  assert.equal(forced.files.length, 6);
});

test('lsp export: brat into another folder mirrors the tree with a copy of each .txt; not where the copies would be corpus documents', async () => {
  const target = path.join(out, 'brat-editor');
  const result = await exportTo('brat', target);
  assert.equal(result.files.length, 11); // 5 .ann, 5 .txt, annotation.conf
  for (const name of seedNames()) {
    assert.equal(readFileSync(path.join(target, 'seeds', name), 'utf8'), text(name));
    assert.ok(existsSync(path.join(target, 'seeds', name.replace(/\.txt$/, '.ann'))));
  }
  // Inside the workspace, seeds/**/*.txt copies would be read as corpus documents: refused.
  const inside = path.join(folder, 'brat-out');
  await assert.rejects(exportTo('brat', inside), /would copy the \.txt files to where Corpus Lens reads corpus documents/);
  assert.ok(!existsSync(inside));
});

test('lsp export: an unknown format, a folder that is not a workspace folder, or a folder as a file target is refused', async () => {
  await assert.rejects(exportTo('xml', path.join(out, 'x.xml')), /Unknown export format "xml"/);
  await assert.rejects(
    client.request('corpusLens/export', { format: 'json', folder: uriOf(out), target: uriOf(path.join(out, 'y.json')) }),
    /is not a workspace folder of this server/,
  );
  mkdirSync(path.join(out, 'a-folder'), { recursive: true });
  await assert.rejects(exportTo('json', path.join(out, 'a-folder')), /is a folder; JSON goes into one file/);
});

test('lsp orphans: an annotation whose text was edited away is listed (the export follows the editor), and gone once deleted', async () => {
  const name = '003_6541379ee4ddf356.txt';
  const original = text(name);
  const uri = await client.open(seed(name));
  assert.deepEqual(await client.request('corpusLens/orphans', {}), []);
  const word = 'Kabul';
  const start = positionOf(original, word);
  const end = positionOf(original, word, 1, word.length);
  const made = await client.request('corpusLens/annotate', { uri, range: { start, end }, action: 'not-entity' });
  assert.deepEqual(await client.request('corpusLens/orphans', {}), []);
  // The editor removes every "Kabul": the annotation no longer fits.
  const edited = original.replaceAll(word, 'the capital');
  await client.change(uri, edited);
  await client.waitFor('corpusLens/indexChanged');
  const orphans = await client.request('corpusLens/orphans', {});
  assert.deepEqual(orphans, [{ uri, reason: 'text', id: made.id, kind: 'not-entity', exact: word, description: 'not an entity' }]);
  assert.deepEqual(await client.request('corpusLens/orphans', { uri: uriOf(seed(S001)) }), []);
  // The export follows the editor's text.
  const target = path.join(out, 'edited.jsonl');
  await exportTo('jsonl', target);
  const doc = readFileSync(target, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)).find((l) => l.id === `seeds/${name}`);
  assert.equal(doc.text, edited);
  // Deleting it (as the view's "Delete Annotation" does) empties the list.
  assert.equal(await client.request('corpusLens/removeAnnotation', { uri, id: made.id }), true);
  assert.deepEqual(await client.request('corpusLens/orphans', {}), []);
});
