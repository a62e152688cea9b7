// The built CLI (dist/cli.js), run as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, cpSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve('dist/cli.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

test('cli: export of the seeds holds every document and exactly their footnotes', () => {
  const r = run('export', 'seeds', '--format', 'json');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.format, 'corpus-lens/1');
  assert.deepEqual(out.documents.map((d: { path: string }) => d.path), [
    '000_de029b9b870dac60.txt', '001_22225b4e410ffef9.txt', '002_a35ec57432909395.txt', '003_6541379ee4ddf356.txt', '004_9a176b0d230b8e6b.txt',
  ]);
  const counts = out.documents.map((d: any) => [d.footnoteMarkers.length, d.footnoteDefinitions.length]);
  assert.deepEqual(counts, [[10, 10], [1, 1], [0, 0], [0, 0], [0, 0]]);
  for (const doc of out.documents) {
    const text = readFileSync(path.join('seeds', doc.path), 'utf8');
    for (const m of doc.footnoteMarkers) assert.equal(text.slice(m.start, m.end), `[${m.label}]`);
    for (const d of doc.footnoteDefinitions) {
      assert.ok(text.slice(d.start, d.end).startsWith(`[${d.label}]`));
      assert.ok(text.slice(d.start, d.end).endsWith(d.text));
    }
    for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);
    for (const t of doc.timex) assert.equal(text.slice(t.start, t.end), t.text);
  }
  assert.equal(out.documents[0].footnoteDefinitions[0].text, '(Afghanistan), March 6, 2024.');
  assert.ok(out.documents[0].timex.some((t: { text: string; value: string }) => t.text === 'late-December 2023' && t.value === '2023-12'));
  assert.deepEqual([out.documents[0].dct, out.documents[0].dctSource], ['2024-03-11', 'header']);
  const ids = new Set(out.entities.map((e: { id: string }) => e.id));
  for (const doc of out.documents) for (const e of doc.entities) assert.ok(ids.has(e.entity), e.entity);
  const haqqani = out.entities.find((e: { name: string }) => e.name === 'Sirajuddin Haqqani');
  assert.deepEqual([haqqani.type, haqqani.documents], ['PERSON', ['000_de029b9b870dac60.txt', '001_22225b4e410ffef9.txt']]);
  for (const event of out.events) {
    assert.match(event.id, /^event:/);
    for (const id of event.participants) assert.ok(ids.has(id), id);
    for (const m of event.mentions) assert.ok(m.start < m.end && out.documents.some((d: { path: string }) => d.path === m.path));
  }
  assert.ok(out.events.length > 0);
  // The shipped model typed most names: each of those says how sure it is.
  const sure = out.documents.flatMap((d: any) => d.entities).filter((e: any) => e.confidence !== undefined);
  assert.ok(sure.length > 100 && sure.every((e: any) => e.confidence > 0 && e.confidence <= 1 && e.source === 'auto'), `${sure.length} with a confidence`);
});

test('cli: without its name model the CLI warns once and the rules answer', () => {
  const r = spawnSync(process.execPath, [CLI, 'export', 'seeds', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, CORPUS_LENS_NAME_MODEL: path.join(tmpdir(), 'no-such-model') } });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: The name model could not be read .*no-such-model.*rules alone/);
  const names = JSON.parse(r.stdout).documents.flatMap((d: any) => d.entities);
  assert.ok(names.length > 100 && names.every((e: any) => e.confidence === undefined));
});

test('cli: export --out writes the file', () => {
  const dir = tempCorpus({ 'a.txt': 'Claim.[1]\n\n[1] Source.\n' });
  const out = path.join(dir, 'export.json');
  const r = run('export', dir, '--format', 'json', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).documents[0].footnoteMarkers.length, 1);
});

test('cli: report names each document, its date and source, and footnote problems', () => {
  const r = run('report', 'seeds');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Corpus seeds: 5 documents/);
  assert.match(r.stdout, /000_de029b9b870dac60\.txt\n\s+title: In Meetings In Kabul/);
  assert.match(r.stdout, /date: {2}2024-03-11 \(from its dateline\)/);
  assert.match(r.stdout, /footnotes: 10 markers, 10 definitions, 0 problems/);
  assert.match(r.stdout, /Main entities \(of \d+\)\n\s+Afghanistan\s+PLACE\s+\d+ mentions in 5 documents/);
});

test('cli: corpus.json gives dates, and a malformed one is reported with its position', () => {
  const good = tempCorpus({ 'corpus.json': '{"documents": {"a.txt": {"date": "2024-05-01", "title": "Meta Title"}}}', 'a.txt': 'Body.' });
  const doc = JSON.parse(run('export', good).stdout).documents[0];
  assert.deepEqual([doc.dct, doc.dctSource, doc.title], ['2024-05-01', 'metadata', 'Meta Title']);
  const bad = tempCorpus({ 'corpus.json': '{"documents": {"a.txt": {"date": "May 1"}}}', 'a.txt': 'Body.' });
  const r = run('export', bad);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /corpus\.json:1:34: error: "date" must be a calendar date written YYYY-MM-DD/);
  assert.equal(JSON.parse(r.stdout).documents[0].dct, null);
});

test('cli: a binary file is reported and the rest is still exported', () => {
  const dir = tempCorpus({ 'a.txt': 'Claim.[1]\n\n[1] Source.', 'b.txt': Uint8Array.from([0, 1, 2, 0, 255]) });
  const r = run('export', dir);
  assert.match(r.stderr, /b\.txt: This file looks binary/);
  assert.deepEqual(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path), ['a.txt']);
});

test('cli: a file over --max-size-mb is skipped with a message naming the option, and the rest is exported', () => {
  const dir = tempCorpus({ 'a.txt': 'Claim.[1]\n\n[1] Source.\n', 'big.txt': 'Kabul met Haqqani in March. '.repeat(100) });
  const r = run('export', dir, '--max-size-mb', '0.002');
  assert.equal(r.code, 0);
  assert.match(r.stderr, /big\.txt: This file is 0\.0 MB, over the 0\.0 MB limit \(option --max-size-mb\), so it was not analysed\. Raise the limit to analyse it\./);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.documents.map((d: { path: string }) => d.path), ['a.txt']);
});

test('cli: a file that cannot be read makes the exit code non-zero, and the rest is exported', () => {
  const dir = tempCorpus({ 'a.txt': 'Body.' });
  symlinkSync(path.join(dir, 'missing-target.txt'), path.join(dir, 'b.txt'));
  const r = run('export', dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /b\.txt: This file could not be read: ENOENT/);
  assert.deepEqual(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path), ['a.txt']);
});

test('cli: check lists problems like a compiler and fails on errors', () => {
  const dir = tempCorpus({ 'a.txt': 'Claim.[1] Claim.[2]\n\n[1] One.\n[1] Again.\n' });
  const r = run('check', dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^a\.txt:1:17: warning: Footnote \[2\] has no definition in the notes\. \[footnote\.undefined\]$/m);
  assert.match(r.stdout, /^a\.txt:4:1: error: Footnote \[1\] is defined more than once\. \[footnote\.duplicate\]$/m);
  assert.equal(run('check', 'seeds').code, 0);
});

test('cli: usage errors go to stderr with exit code 2', () => {
  for (const args of [['export'], ['export', 'seeds', '--format', 'xml'], ['frobnicate', 'seeds'], ['report', 'no/such/dir']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^corpus-lens: /);
    assert.equal(r.stdout, '');
  }
  assert.equal(run('--help').code, 0);
});

test('cli: documents in sub-folders keep "/" paths', () => {
  const dir = tempCorpus({});
  cpSync('seeds', path.join(dir, 'sub', 'deeper'), { recursive: true });
  const paths = JSON.parse(run('export', dir).stdout).documents.map((d: { path: string }) => d.path);
  assert.equal(paths[0], 'sub/deeper/000_de029b9b870dac60.txt');
});

// ---------------------------------------------------------------------------------------------
// Export formats and brat import

/** Python's text[start:end] (code points), as brat, spaCy and doccano slice. */
const py = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

/** A .txt with a UTF-8 byte-order mark, CRLF line ends and characters outside the BMP. */
const ODD_FILE = '\uFEFFMarch 5, 2024\r\n\r\nThe minister Sirajuddin Haqqani 😀 met Russian Ambassador Dmitry Zhirnov in Kabul on March 5, 2024.\r\nLater, 🇦🇫 Dmitry Zhirnov visited Moscow.\r\n';

function seedsAndOddFile(): string {
  const dir = tempCorpus({ 'odd/crlf-emoji.txt': ODD_FILE });
  cpSync('seeds', path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

function filesUnder(dir: string, ext: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(ext)).map((f) => f.split(path.sep).join('/')).sort();
}

test('cli: export --format brat writes a standoff .ann beside each .txt, offsets counted as brat reads the file, and overwrites nothing without --force', () => {
  const dir = seedsAndOddFile();
  const exported = JSON.parse(run('export', dir).stdout);
  const r = run('export', dir, '--format', 'brat');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /wrote 6 \.ann files and annotation\.conf to /);
  assert.deepEqual(filesUnder(dir, '.ann'), filesUnder(dir, '.txt').map((f) => f.replace(/\.txt$/, '.ann')));
  assert.match(readFileSync(path.join(dir, 'annotation.conf'), 'utf8'), /^\[entities\]\nPERSON\n/m);
  for (const doc of exported.documents) {
    const raw = readFileSync(path.join(dir, doc.path), 'utf8'); // as brat reads it: BOM and CRLF kept
    const ann = readFileSync(path.join(dir, doc.path.replace(/\.txt$/, '.ann')), 'utf8');
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.equal(tLines.length, doc.entities.length + doc.timex.length, doc.path);
    for (const line of tLines) {
      const m = /^T\d+\t(\S+) (\d+) (\d+)\t(.*)$/.exec(line);
      assert.ok(m, line);
      assert.equal(py(raw, Number(m[2]), Number(m[3])), m[4], `${doc.path}: ${line}`);
    }
    for (const line of ann.split('\n').filter((l) => l && !l.startsWith('T'))) assert.match(line, /^(A\d+\tSource T\d+ (auto|user)|N\d+\tReference T\d+ CorpusLens:\S+\t.+|#\d+\tAnnotatorNotes T\d+\t.+)$/, line);
  }
  const odd = readFileSync(path.join(dir, 'odd/crlf-emoji.ann'), 'utf8');
  // "Moscow" after a BOM, two CRLFs, 😀 and 🇦🇫: UTF-16 offset 128 in the text, code point 126 in the file.
  const moscow = exported.documents.find((d: { path: string }) => d.path === 'odd/crlf-emoji.txt').entities.find((e: { text: string }) => e.text === 'Moscow');
  assert.equal(moscow.start, ODD_FILE.indexOf('Moscow') - 1);
  assert.match(odd, new RegExp(`^T\\d+\\tPLACE ${ODD_FILE.indexOf('Moscow') - 3} ${ODD_FILE.indexOf('Moscow') + 3}\\tMoscow$`, 'm'));

  // A second export refuses, says why, and writes nothing.
  const annFile = path.join(dir, 'seeds/000_de029b9b870dac60.ann');
  writeFileSync(annFile, 'T1\tPERSON 0 5\tMarch\n');
  const again = run('export', dir, '--format', 'brat');
  assert.equal(again.code, 1);
  assert.match(again.stderr, /6 files already exist and would be overwritten:\n( {2}.*\.ann\n){6}corpus-lens: nothing was written/);
  assert.match(again.stderr, /^ {2}.*seeds\/000_de029b9b870dac60\.ann$/m);
  assert.match(again.stderr, /nothing was written\. Pass --force to overwrite them/);
  assert.equal(readFileSync(annFile, 'utf8'), 'T1\tPERSON 0 5\tMarch\n');
  const forced = run('export', dir, '--format', 'brat', '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(annFile, 'utf8'), /^T1\tDATE 0 14\tMarch 11, 2024$/m);
});

test('cli: export --format brat --out DIR2 mirrors the tree with each .txt beside its .ann, and leaves DIR alone', () => {
  const dir = tempCorpus({ 'a.txt': 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.\n', 'sub/deeper/b.txt': 'Vladimir Putin spoke in Moscow on March 22, 2024.\n' });
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-brat-')), 'collection');
  const r = run('export', dir, '--format', 'brat', '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(filesUnder(dir, '.ann'), []);
  assert.deepEqual((readdirSync(out, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).filter((f) => f.includes('.')).sort(), ['a.ann', 'a.txt', 'annotation.conf', 'sub/deeper/b.ann', 'sub/deeper/b.txt']);
  assert.deepEqual(readFileSync(path.join(out, 'sub/deeper/b.txt')), readFileSync(path.join(dir, 'sub/deeper/b.txt')));
  assert.match(readFileSync(path.join(out, 'sub/deeper/b.ann'), 'utf8'), /^T\d+\tPERSON 0 14\tVladimir Putin$/m);
  assert.equal(run('export', dir, '--format', 'brat', '--out', out).code, 1);
});

interface StoreItem { id: string; document: string; kind: string; type: string; entity: string | null; target: { exact: string; prefix: string; suffix: string; start: number; end: number }; source: string; created: string }

test('cli: brat out and back in: the store holds exactly the exported entity annotations, as user annotations', () => {
  const dir = seedsAndOddFile();
  const before = JSON.parse(run('export', dir).stdout);
  assert.ok(before.documents.every((d: { entities: Array<{ source: string }> }) => d.entities.every((e) => e.source === 'auto')));
  assert.equal(run('export', dir, '--format', 'brat').code, 0);
  const r = run('import', dir, '--format', 'brat');
  assert.equal(r.code, 0, r.stderr);
  const storeFile = path.join(dir, '.corpus-lens/annotations.json');
  const text = readFileSync(storeFile, 'utf8');
  const store = JSON.parse(text) as { version: number; annotations: StoreItem[] };
  assert.equal(store.version, 1);
  const expected = before.documents.flatMap((d: { path: string; entities: Array<{ start: number; end: number; text: string; type: string; entity: string }> }) =>
    d.entities.map((e) => [d.path, e.start, e.end, e.type, e.entity, e.text].join('|')));
  assert.deepEqual(store.annotations.map((a) => [a.document, a.target.start, a.target.end, a.type, a.entity, a.target.exact].join('|')), expected);
  assert.match(r.stderr, new RegExp(`imported ${expected.length} entity annotations from 6 \\.ann files .* \\(${expected.length} new, 0 updated, 0 already there\\); \\d+ temporal expressions left out`));
  for (const a of store.annotations) {
    assert.deepEqual([a.kind, a.source], ['entity', 'user']);
    assert.match(a.created, /^\d{4}-\d\d-\d\dT/);
    const docText = readFileSync(path.join(dir, a.document), 'utf8').replace(/^\uFEFF/, '');
    assert.equal(docText.slice(a.target.start, a.target.end), a.target.exact);
    assert.ok(docText.slice(0, a.target.start).endsWith(a.target.prefix) && docText.slice(a.target.end).startsWith(a.target.suffix));
  }
  assert.equal(new Set(store.annotations.map((a) => a.id)).size, store.annotations.length);
  // One annotation per line, sorted by document then start.
  const lines = text.split('\n').filter((l) => l.startsWith('    {'));
  assert.equal(lines.length, store.annotations.length);
  const order = store.annotations.map((a) => `${a.document}\u0000${String(a.target.start).padStart(8, '0')}`);
  assert.deepEqual(order, [...order].sort());
  // Importing again changes nothing.
  const again = run('import', dir, '--format', 'brat');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /\(0 new, 0 updated, \d+ already there\)/);
  assert.equal(readFileSync(storeFile, 'utf8'), text);
  // The corpus now applies them: the JSON export marks them as the user's.
  const after = JSON.parse(run('export', dir).stdout);
  const sources = new Set(after.documents.flatMap((d: { entities: Array<{ source: string }> }) => d.entities.map((e) => e.source)));
  assert.deepEqual([...sources], ['user']);
});

test('cli: import keeps what the store holds, and a malformed store is reported with its position and left untouched', () => {
  const dir = tempCorpus({ 'a.txt': 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.\n' });
  assert.equal(run('export', dir, '--format', 'brat').code, 0);
  mkdirSync(path.join(dir, '.corpus-lens'));
  const storeFile = path.join(dir, '.corpus-lens/annotations.json');
  writeFileSync(storeFile, '{\n  "version": 1,\n  "annotations": [\n    {"id":"r1","document":"a.txt","kind":"reviewed","source":"user","created":"2024-01-01T00:00:00.000Z"}\n  ]\n}\n');
  const r = run('import', dir, '--format', 'brat');
  assert.equal(r.code, 0, r.stderr);
  const items = JSON.parse(readFileSync(storeFile, 'utf8')).annotations as StoreItem[];
  assert.deepEqual(items.map((a) => a.kind), ['reviewed', 'entity', 'entity', 'entity']);

  const malformed = '{\n  "version": 1,\n  "annotations": [\n    {"id":"r1" "document":"a.txt"}\n  ]\n}\n';
  writeFileSync(storeFile, malformed);
  const bad = run('import', dir, '--format', 'brat');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /annotations\.json:4:16: error: The annotation store is not valid JSON/);
  assert.match(bad.stderr, /left untouched and nothing was imported/);
  assert.equal(readFileSync(storeFile, 'utf8'), malformed);
  assert.deepEqual(readdirSync(path.join(dir, '.corpus-lens')), ['annotations.json'], 'no temporary file left behind');
  // The export goes on with the recogniser's annotations, says why, and exits 1.
  const exported = run('export', dir);
  assert.equal(exported.code, 1);
  assert.match(exported.stderr, /annotations\.json:4:16: error:/);
  assert.equal(JSON.parse(exported.stdout).documents[0].entities[0].source, 'auto');
});

test('cli: import --from DIR2 reads the .ann files there; an .ann line it cannot use is reported with file and line', () => {
  const dir = tempCorpus({ 'a.txt': 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.\n', 'b.txt': 'Nothing to see.\n' });
  const out = mkdtempSync(path.join(tmpdir(), 'corpus-lens-brat-'));
  assert.equal(run('export', dir, '--format', 'brat', '--out', out).code, 0);
  const annFile = path.join(out, 'a.ann');
  const lines = readFileSync(annFile, 'utf8').trimEnd().split('\n');
  // A person's edit in brat: a new name (with its entity), and a line with the wrong text.
  writeFileSync(annFile, `${[...lines, 'T90\tORG 19 37\tSirajuddin Haqqanj', 'T91\tMISC 41 46\tKabul', 'N90\tReference T91 CorpusLens:misc:kabul-thing\tKabul thing'].join('\n')}\n`);
  writeFileSync(path.join(out, 'stray.ann'), '');
  const r = run('import', dir, '--format', 'brat', '--from', out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`a\\.ann:${lines.length + 1}:1: error: T90: its text "Sirajuddin Haqqanj" does not match the document's "Sirajuddin Haqqani"`));
  assert.match(r.stderr, /stray\.ann: warning: there is no .*stray\.txt; not imported/);
  const items = JSON.parse(readFileSync(path.join(dir, '.corpus-lens/annotations.json'), 'utf8')).annotations as StoreItem[];
  assert.deepEqual(items.map((a) => `${a.type} ${a.target.exact} ${a.entity}`), ['PERSON Dmitry Zhirnov person:dmitry-zhirnov', 'PERSON Sirajuddin Haqqani person:sirajuddin-haqqani', 'PLACE Kabul place:kabul', 'MISC Kabul misc:kabul-thing']);
  assert.deepEqual(filesUnder(dir, '.ann'), []);
  // No .ann at all: said plainly, nothing written.
  const empty = tempCorpus({ 'a.txt': 'Kabul.\n' });
  const none = run('import', empty, '--format', 'brat');
  assert.equal(none.code, 1);
  assert.match(none.stderr, /no \.ann file found/);
});

test('cli: jsonl, conll and webanno exports of the seeds', () => {
  const json = JSON.parse(run('export', 'seeds').stdout);
  const jsonl = run('export', 'seeds', '--format', 'jsonl');
  assert.equal(jsonl.code, 0, jsonl.stderr);
  const docs = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(docs.map((d) => d.id), json.documents.map((d: { path: string }) => d.path));
  for (const d of docs) {
    assert.equal(d.text, readFileSync(path.join('seeds', d.id), 'utf8'));
    for (const s of d.spans) assert.ok(py(d.text, s.start, s.end).length > 0);
    assert.equal(d.spans.length, d.label.length);
  }
  const conll = run('export', 'seeds', '--format', 'conll');
  assert.equal(conll.code, 0, conll.stderr);
  assert.equal(conll.stdout.match(/^-DOCSTART- -X- -X- O$/gm)?.length, 5);
  assert.match(conll.stdout, /^Sirajuddin -X- -X- B-PER\nHaqqani -X- -X- I-PER$/m);
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'corpus-lens-')), 'anno.jsonld');
  const web = run('export', 'seeds', '--format', 'webanno', '--out', out);
  assert.equal(web.code, 0, web.stderr);
  const collection = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual([collection['@context'], collection.type, collection.first.type], ['http://www.w3.org/ns/anno.jsonld', 'AnnotationCollection', 'AnnotationPage']);
  const mentions = json.documents.reduce((n: number, d: { entities: unknown[]; timex: unknown[] }) => n + d.entities.length + d.timex.length, 0);
  assert.equal(collection.total, mentions);
  const item = collection.first.items[0];
  assert.match(item.target.source, /^file:\/\/\/.*\/seeds\/000_de029b9b870dac60\.txt$/);
});

test('cli: usage errors for the export formats and import', () => {
  for (const args of [['import', 'seeds'], ['import', 'seeds', '--format', 'json'], ['export', 'seeds', '--force'], ['export', 'seeds', '--from', 'x'], ['import', 'seeds', '--format', 'brat', '--force']]) {
    const r = run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^corpus-lens: /);
  }
  assert.match(run('export', 'seeds', '--format', 'xml').stderr, /use one of json, brat, conll, jsonl, webanno/);
});

test('cli: check names the store\'s documents that moved and where they are; --fix points them there, keeping what it cannot read; export warns', () => {
  const article = readFileSync(path.join('seeds', '001_22225b4e410ffef9.txt'), 'utf8');
  const at = article.indexOf('Ufuq News');
  const target = { exact: 'Ufuq News', prefix: article.slice(at - 32, at), suffix: article.slice(at + 9, at + 41), start: at, end: at + 9 };
  const store = { version: 1, annotations: [
    { id: 'a1', document: 'old/ufuq.txt', source: 'user', created: '2026-01-01T00:00:00.000Z', kind: 'entity', type: 'PERSON', entity: null, target },
    { id: 'a2', document: 'deleted.txt', source: 'user', created: '2026-01-01T00:00:00.000Z', kind: 'reviewed' },
    // A kind this version does not know (a newer one wrote it): set aside, and kept by --fix.
    { id: 'a3', document: 'other.txt', source: 'user', created: '2026-01-01T00:00:00.000Z', kind: 'sentiment', value: 'neutral' },
  ] };
  // The article was moved (git mv) to new/ufuq.txt without the store.
  const dir = tempCorpus({ 'new/ufuq.txt': article, 'other.txt': 'Another article.\n', '.corpus-lens/annotations.json': JSON.stringify(store, null, 2) });
  const check = run('check', dir);
  assert.equal(check.code, 0, check.stderr);
  const lines = check.stdout.split('\n').filter((l) => l.includes('annotation.documentMissing'));
  assert.equal(lines.length, 2, check.stdout);
  assert.match(lines[0]!, /annotations\.json:\d+:1: warning: 1 annotation of old\/ufuq\.txt, which is not in the corpus .* new\/ufuq\.txt holds them: `corpus-lens check .* --fix` points them there\./);
  assert.match(lines[1]!, /The reviewed state of deleted\.txt, .* is kept here but not applied\. Point them at the right document/);
  const exported = run('export', dir, '--format', 'jsonl');
  assert.match(exported.stderr, /1 annotation of old\/ufuq\.txt, which is not in the corpus/);
  const fixed = run('check', dir, '--fix');
  assert.match(fixed.stdout, /moved the annotations of old\/ufuq\.txt to new\/ufuq\.txt/);
  assert.doesNotMatch(fixed.stdout, /old\/ufuq\.txt, which is not in the corpus/);
  assert.match(fixed.stdout, /deleted\.txt, which is not in the corpus/);
  const after = JSON.parse(readFileSync(path.join(dir, '.corpus-lens', 'annotations.json'), 'utf8'));
  assert.deepEqual(after.annotations.map((a: { id: string; document: string }) => [a.id, a.document]), [['a2', 'deleted.txt'], ['a1', 'new/ufuq.txt'], ['a3', 'other.txt']]);
  assert.deepEqual(after.annotations[2], store.annotations[2]);
  const line = run('export', dir, '--format', 'jsonl').stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.id === 'new/ufuq.txt');
  assert.equal(line.spans.find((s: { start: number; end: number }) => [...line.text].slice(s.start, s.end).join('') === 'Ufuq News')?.label, 'PERSON');
  assert.equal(run('export', dir, '--fix').code, 2);
});

test('cli: export applies what the store teaches the name model, as the editor does, with or without the learned file', () => {
  const decided = 'Shares of Kestrel Varn fell after the airline cut its fares, Kestrel Varn said.\n';
  const start = decided.indexOf('Kestrel Varn');
  const store = { version: 1, annotations: [{ id: 'k1', document: 'decided.txt', source: 'user', created: '2026-01-01T00:00:00.000Z', kind: 'entity', type: 'ORG', entity: null, target: { exact: 'Kestrel Varn', prefix: 'Shares of ', suffix: ' fell after the airline cut its ', start, end: start + 12 } }] };
  const dir = tempCorpus({ 'decided.txt': decided, 'elsewhere.txt': 'Fares at Kestrel Varn rose on Monday.\n', '.corpus-lens/annotations.json': JSON.stringify(store) });
  const learnedFile = path.join(dir, '.corpus-lens', 'learned.json');
  /** How the document nobody decided on reads the name. */
  const elsewhere = (...args: string[]) => {
    const r = run('export', dir, ...args);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout).documents.find((d: { path: string }) => d.path === 'elsewhere.txt');
    return doc.entities.map((e: { text: string; type: string }) => `${e.type}:${e.text}`);
  };
  assert.deepEqual(elsewhere(), ['ORG:Kestrel Varn'], 'learned from the store (no learned file)');
  assert.deepEqual(elsewhere('--no-learning'), ['PLACE:Kestrel Varn'], 'the shipped model alone');
  assert.ok(!readdirSync(path.join(dir, '.corpus-lens')).includes('learned.json'), 'the export writes nothing');
  const cases: Array<[string, string]> = [
    ['a damaged learned file is learned again', '{"format": "corpus-lens-learned/1", "rows": '],
    ['a learned file of other decisions is learned again', JSON.stringify({ format: 'corpus-lens-learned/1', model: '0', decisions: 0, taught: '0:0', since: null, rows: {} })],
  ];
  for (const [name, text] of cases) {
    writeFileSync(learnedFile, text);
    assert.deepEqual(elsewhere(), ['ORG:Kestrel Varn'], name);
  }
});
