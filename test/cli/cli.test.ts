// The built CLI (dist/cli.js), run as a user runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync, symlinkSync } from 'node:fs';
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
