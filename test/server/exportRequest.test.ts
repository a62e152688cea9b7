// `corpusLens/export` from the editor: one workspace folder's part of the corpus (paths relative to
// it, entities and events only as far as its documents hold them), the requests refused with a
// message and nothing written, what each format writes, and brat's care for the files in its way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { analyzeDocument } from '../../src/core/index.js';
import { EXPORT_WOULD_OVERWRITE, type ExportParams } from '../../src/protocol.js';
import { exportCorpus, folderExport, type ExportHost } from '../../src/server/exportRequest.js';
import { TestWorkspace, userAnnotation } from './workspace.js';

const ZHIRNOV = 'March 5, 2024\n\nEnvoy in Kabul\n\nEnvoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on Monday.\n';
const SADIQI = 'Talks with Karim Sadiqi ended in Herat without an agreement.\n';
const ELSEWHERE = 'Dmitry Zhirnov left Kandahar on Tuesday.\n';

/**
 * Two workspace folders. The first: the Zhirnov article (written with a byte-order mark), Sadiqi's
 * (the user says "Karim Sadiqi" is a person) and a binary file; the second: another article on Zhirnov.
 */
async function workspace(): Promise<TestWorkspace> {
  const w = await TestWorkspace.create(2);
  await w.add('news/zhirnov.txt', ZHIRNOV, { onDisk: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZHIRNOV)]) });
  await w.add('sadiqi.txt', SADIQI, { onDisk: true });
  await w.add('elsewhere.txt', ELSEWHERE, { folder: 1, onDisk: true });
  const binary = w.uri('scan.txt');
  w.corpus.update(binary, '', analyzeDocument('', { path: binary }), [{ start: 0, end: 0, severity: 'warning', code: 'file.binary', message: 'Looks binary.' }], true);
  w.corpus.setAnnotations(new Map([[w.uri('sadiqi.txt'), [userAnnotation('u1', 'sadiqi.txt', 'entity', SADIQI, 'Karim Sadiqi')]]]), []);
  return w;
}

test('export: a folder\'s part of the corpus, its paths relative to the folder, the user\'s decision marked', async () => {
  const w = await workspace();
  const { exp, texts, documents } = folderExport(w.corpus, w.roots[0]);
  assert.deepEqual(exp.documents.map((d) => `${d.path}: ${d.entities.map((m) => `${m.text} ${m.type} ${m.source}`).join(', ')}`), [
    'news/zhirnov.txt: Kabul PLACE auto, Dmitry Zhirnov PERSON auto, Sirajuddin Haqqani PERSON auto, Kabul PLACE auto',
    'sadiqi.txt: Karim Sadiqi PERSON user, Herat PLACE auto',
  ], 'the binary file is not exported');
  // Zhirnov has two mentions in the corpus, one of them in this folder.
  assert.deepEqual(exp.entities.map((e) => `${e.id} ${e.mentions} [${e.documents.join(', ')}]`).sort(), [
    'person:dmitry-zhirnov 1 [news/zhirnov.txt]',
    'person:karim-sadiqi 1 [sadiqi.txt]',
    'person:sirajuddin-haqqani 1 [news/zhirnov.txt]',
    'place:herat 1 [sadiqi.txt]',
    'place:kabul 2 [news/zhirnov.txt]',
  ]);
  assert.deepEqual(exp.events.map((e) => `${e.id} [${e.mentions.map((m) => m.path).join(', ')}]`), ['event:meeting:2024-03-04:person:dmitry-zhirnov [news/zhirnov.txt]']);
  assert.deepEqual(documents.map((d) => [d.uri, d.relative]), [[w.uri('news/zhirnov.txt'), 'news/zhirnov.txt'], [w.uri('sadiqi.txt'), 'sadiqi.txt']]);
  assert.deepEqual([...texts], [['news/zhirnov.txt', ZHIRNOV], ['sadiqi.txt', SADIQI]]);
  // The second folder's export: its own article only, Zhirnov with the one mention it holds.
  const other = folderExport(w.corpus, w.roots[1]).exp;
  assert.deepEqual(other.documents.map((d) => d.path), ['elsewhere.txt']);
  assert.deepEqual(other.entities.map((e) => `${e.id} ${e.mentions} [${e.documents.join(', ')}]`).sort(), ['person:dmitry-zhirnov 1 [elsewhere.txt]', 'place:kandahar 1 [elsewhere.txt]']);
});

/** The export server's side, over the workspace; `indexing` while the workspace is read. */
function host(w: TestWorkspace, logged: string[], indexing = false): ExportHost {
  return {
    corpus: w.corpus,
    roots: () => w.roots,
    indexing: () => indexing,
    // The corpus is the first folder's .txt files; the second folder's are not read.
    isCorpusDocument: (uri) => w.rootOf(uri)?.root === w.roots[0] && uri.endsWith('.txt'),
    log: (message) => logged.push(message),
  };
}

const fileUri = (file: string) => URI.file(file).toString();

/** Every file under a folder, relative, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

interface Refusal {
  params: (w: TestWorkspace, out: string) => Partial<ExportParams> & Record<string, unknown>;
  indexing?: boolean;
  code: number;
  message: RegExp;
}

/** A request refused: its code and message, and nothing written anywhere. */
async function checkRefused({ params, indexing, code, message }: Refusal): Promise<void> {
  const w = await workspace();
  const out = path.join(w.roots[1], 'out');
  await mkdir(path.join(out, 'a-folder'), { recursive: true });
  const before = await Promise.all([...w.roots, out].map(filesUnder));
  await assert.rejects(exportCorpus(host(w, [], indexing), params(w, out) as ExportParams), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
  assert.deepEqual(await Promise.all([...w.roots, out].map(filesUnder)), before);
}

const folder = (w: TestWorkspace) => fileUri(w.roots[0]);
const refusals: Array<[string, Refusal]> = [
  ['an unknown format', { params: (w, out) => ({ format: 'xml' as never, folder: folder(w), target: fileUri(path.join(out, 'x.xml')) }), code: ErrorCodes.InvalidParams, message: /^Unknown export format "xml"; use one of json, jsonl, conll, webanno, brat\.$/ }],
  ['no format', { params: (w, out) => ({ folder: folder(w), target: fileUri(path.join(out, 'x')) }), code: ErrorCodes.InvalidParams, message: /^Unknown export format "undefined"/ }],
  ['no folder', { params: (_w, out) => ({ format: 'json', target: fileUri(path.join(out, 'x.json')) }), code: ErrorCodes.InvalidParams, message: /^The export needs a folder URI\.$/ }],
  ['a target that is not a file: URI', { params: (w) => ({ format: 'json', folder: folder(w), target: 'https://example.com/x.json' }), code: ErrorCodes.InvalidParams, message: /^The target must be a file: URI \(got https:\)\.$/ }],
  ['a folder that is not a workspace folder', { params: (_w, out) => ({ format: 'json', folder: fileUri(out), target: fileUri(path.join(out, 'x.json')) }), code: ErrorCodes.InvalidParams, message: /out is not a workspace folder of this server\.$/ }],
  ['while indexing', { params: (w, out) => ({ format: 'json', folder: folder(w), target: fileUri(path.join(out, 'x.json')) }), indexing: true, code: ErrorCodes.InvalidRequest, message: /^Corpus Lens is still reading the workspace; export once indexing is done\.$/ }],
  ['a one-file format into a folder', { params: (w, out) => ({ format: 'json', folder: folder(w), target: fileUri(path.join(out, 'a-folder')) }), code: ErrorCodes.InvalidParams, message: /a-folder is a folder; JSON goes into one file\.$/ }],
  ['brat into a file', { params: (w) => ({ format: 'brat', folder: folder(w), target: fileUri(path.join(w.roots[0], 'sadiqi.txt')) }), code: ErrorCodes.InvalidParams, message: /sadiqi\.txt is a file; brat files go into a folder\.$/ }],
  ['brat copies where they would be corpus documents', { params: (w) => ({ format: 'brat', folder: folder(w), target: fileUri(path.join(w.roots[0], 'export')) }), code: ErrorCodes.InvalidParams, message: /would copy the \.txt files to where Corpus Lens reads corpus documents \(zhirnov\.txt and 1 more\); choose a folder outside the corpus/ }],
];

for (const [name, refusal] of refusals) test(`export refused: ${name}`, () => checkRefused(refusal));

test('export refused: a folder with no corpus documents', async () => {
  const w = await workspace();
  const empty = path.join(w.roots[1], 'empty');
  await mkdir(empty);
  const h = { ...host(w, []), roots: () => [...w.roots, empty] };
  await assert.rejects(exportCorpus(h, { format: 'json', folder: fileUri(empty), target: fileUri(path.join(empty, 'x.json')) }), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.deepEqual([e.code, e.message], [ErrorCodes.InvalidRequest, 'There are no corpus documents in empty to export.']);
    return true;
  });
  assert.deepEqual(await readdir(empty), []);
});

/** What a one-file format writes: the result, and a few facts read back from the file. */
async function checkWritten(format: ExportParams['format'], file: string, message: string, read: (text: string, w: TestWorkspace) => unknown, expected: unknown): Promise<void> {
  const w = await workspace();
  const target = path.join(w.roots[1], 'out', file);
  const result = await exportCorpus(host(w, []), { format, folder: folder(w), target: fileUri(target) });
  assert.deepEqual(result, { files: [fileUri(target)], message });
  assert.deepEqual(read(await readFile(target, 'utf8'), w), expected);
  assert.deepEqual(await readdir(path.dirname(target)), [file], 'no temporary file left behind');
}

const jsonLines = (text: string) => text.trimEnd().split('\n').map((l) => JSON.parse(l));
const written: Array<[ExportParams['format'], string, string, (text: string, w: TestWorkspace) => unknown, unknown]> = [
  ['json', 'corpus.json', 'Exported 2 documents as JSON to corpus.json.', (t) => {
    const exp = JSON.parse(t);
    return [exp.format, exp.documents.map((d: { path: string }) => d.path)];
  }, ['corpus-lens/1', ['news/zhirnov.txt', 'sadiqi.txt']]],
  ['jsonl', 'corpus.jsonl', 'Exported 2 documents as JSONL to corpus.jsonl.', (t) => jsonLines(t).map((l) => [l.id, l.spans.map((s: { label: string }) => s.label).join(' ')]), [
    ['news/zhirnov.txt', 'DATE PLACE PERSON PERSON PLACE DATE'],
    ['sadiqi.txt', 'PERSON PLACE'],
  ]],
  ['conll', 'corpus.conll', 'Exported 2 documents as CoNLL-2003 to corpus.conll.', (t) => [
    t.split('\n').filter((l) => l === '-DOCSTART- -X- -X- O').length,
    t.split('\n').filter((l) => / [BI]-PER$/.test(l)),
  ], [2, ['Dmitry -X- -X- B-PER', 'Zhirnov -X- -X- I-PER', 'Sirajuddin -X- -X- B-PER', 'Haqqani -X- -X- I-PER', 'Karim -X- -X- B-PER', 'Sadiqi -X- -X- I-PER']]],
  ['webanno', 'corpus.jsonld', 'Exported 2 documents as W3C Web Annotation to corpus.jsonld.', (t, w) => {
    const collection = JSON.parse(t);
    const sources = [...new Set(collection.first.items.map((a: { target: { source: string } }) => a.target.source))];
    return [collection.id === `${folder(w)}/#corpus-lens`, collection.label === `Corpus Lens annotations of ${path.basename(w.roots[0])}`, sources.map((s) => s === w.uri('news/zhirnov.txt') ? 'zhirnov' : s === w.uri('sadiqi.txt') ? 'sadiqi' : s)];
  }, [true, true, ['zhirnov', 'sadiqi']]],
];

for (const [format, file, message, read, expected] of written) test(`export written: ${format}`, () => checkWritten(format, file, message, read, expected));

test('export brat beside the .txt files: an .ann each and annotation.conf; again, refused with the files in the way; with force, written', async () => {
  const w = await workspace();
  const logged: string[] = [];
  const params: ExportParams = { format: 'brat', folder: folder(w), target: folder(w) };
  const result = await exportCorpus(host(w, logged), params);
  const files = ['news/zhirnov.ann', 'sadiqi.ann', 'annotation.conf'];
  assert.deepEqual(result, {
    files: files.map((f) => fileUri(path.join(w.roots[0], f))),
    message: `Exported 2 documents as brat standoff: 2 .ann files and annotation.conf beside the .txt files in ${path.basename(w.roots[0])}.`,
  });
  // The file's byte-order mark counts as a character in brat: the offsets are one further on.
  assert.match(await readFile(path.join(w.roots[0], 'news/zhirnov.ann'), 'utf8'), /^T\d+\tPERSON 38 52\tDmitry Zhirnov$/m);
  assert.match(await readFile(path.join(w.roots[0], 'sadiqi.ann'), 'utf8'), /^T\d+\tPERSON 11 23\tKarim Sadiqi\nA\d+\tSource T\d+ user$/m);

  await writeFile(path.join(w.roots[0], 'sadiqi.ann'), 'T1\tORG 0 5\tTalks\n');
  const stamps = await Promise.all(files.map((f) => stat(path.join(w.roots[0], f)).then((s) => s.mtimeMs)));
  await assert.rejects(exportCorpus(host(w, logged), params), (e: unknown) => {
    assert.ok(e instanceof ResponseError);
    assert.equal(e.code, EXPORT_WOULD_OVERWRITE);
    // An annotation.conf that is already right is not in the way; an .ann always is.
    assert.deepEqual(e.data, { existing: files.slice(0, 2).map((f) => fileUri(path.join(w.roots[0], f))) });
    assert.equal(e.message, `2 files already exist in ${path.basename(w.roots[0])} and would be overwritten: news/zhirnov.ann, sadiqi.ann. Nothing was written; export again with force to overwrite them.`);
    return true;
  });
  assert.deepEqual(await Promise.all(files.map((f) => stat(path.join(w.roots[0], f)).then((s) => s.mtimeMs))), stamps);
  assert.equal(await readFile(path.join(w.roots[0], 'sadiqi.ann'), 'utf8'), 'T1\tORG 0 5\tTalks\n');

  // Sadiqi's article edited in the editor and not saved: written from the editor's text, with a warning.
  const edited = `${SADIQI}Karim Sadiqi spoke later.\n`;
  await w.add('sadiqi.txt', edited);
  const forced = await exportCorpus(host(w, logged), { ...params, force: true });
  assert.match(forced.message, / 1 problem \(see the Corpus Lens output\)\.$/);
  assert.deepEqual(logged, ['export brat: : warning: sadiqi.txt differs from the text the server has (unsaved changes?): its .ann follows the editor\'s text; save the file so they agree']);
  assert.match(await readFile(path.join(w.roots[0], 'sadiqi.ann'), 'utf8'), /^T3\tPERSON 61 73\tKarim Sadiqi$/m);
});

test('export brat into another folder: the tree mirrored with a copy of each .txt as the file is, byte-order mark kept', async () => {
  const w = await workspace();
  const target = path.join(w.roots[1], 'brat');
  const result = await exportCorpus(host(w, []), { format: 'brat', folder: folder(w), target: fileUri(target) });
  assert.equal(result.message, `Exported 2 documents as brat standoff: 2 .ann files and annotation.conf to ${target}, with a copy of each .txt.`);
  assert.deepEqual(await filesUnder(target), ['annotation.conf', 'news/zhirnov.ann', 'news/zhirnov.txt', 'sadiqi.ann', 'sadiqi.txt']);
  assert.deepEqual(await readFile(path.join(target, 'news/zhirnov.txt')), await readFile(path.join(w.roots[0], 'news/zhirnov.txt')));
  assert.equal(await readFile(path.join(target, 'sadiqi.txt'), 'utf8'), SADIQI);
});

test('export cancelled: nothing written', async () => {
  const w = await workspace();
  const token = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose: () => undefined }) };
  for (const [format, target] of [['json', path.join(w.roots[1], 'out.json')], ['brat', path.join(w.roots[1], 'brat')]] as const) {
    assert.deepEqual(await exportCorpus(host(w, []), { format, folder: folder(w), target: fileUri(target) }, token), { files: [], message: 'Export cancelled; nothing was written.' });
  }
  assert.deepEqual(await filesUnder(w.roots[1]), ['elsewhere.txt']);
});
