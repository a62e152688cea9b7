// Which files the workspace index takes as corpus documents, which it skips and why, and how it
// keeps them current as files change: each folder by its own rules, corpus.json followed (and its
// titles given to the documents under it, the nearest one's winning), the size limit, documents open
// in the editor left to the editor. Real files in a scratch folder, read on this thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Corpus } from '../../src/core/index.js';
import { loadFile } from '../../src/server/loadFile.js';
import { DEFAULT_SETTINGS, type FileSettings } from '../../src/server/settings.js';
import { WorkspaceIndex } from '../../src/server/workspaceIndex.js';

/** Files by path in the scratch folder: their text (a title line, then a sentence) made from the name, or given. */
type Files = Array<string | [string, string]>;

type Step =
  /** Indexes these folders (relative to the scratch folder, '' for itself), each with its rules over the defaults. */
  | { index: Array<[string, Partial<FileSettings>?]>; analysed: number; reports: Array<[number, number]> }
  | { write: Files } | { delete: string }
  /** The watcher reports a file or folder created, changed or deleted; answers whether a full index is due. */
  | { changed: string; deleted?: boolean; full: boolean }
  | { open: string } | { close: string }
  /** Every document in the corpus: its title, or why it was skipped. */
  | { corpus: Record<string, string> }
  /** What the index told its host since the last `told`, sorted. */
  | { told: string[] };

const text = (file: string) => `${path.basename(file, path.extname(file))} title\n\nThe envoy met the minister.\n`;

async function check(files: Files, steps: Step[]): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'corpus-lens-index-'));
  const uri = (rel: string) => URI.file(path.join(scratch, rel)).toString();
  const rel = (u: string) => path.relative(scratch, URI.parse(u).fsPath).split(path.sep).join('/');
  const write = (list: Files) => {
    for (const entry of list) {
      const [file, content] = typeof entry === 'string' ? [entry, text(entry)] : entry;
      mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
      writeFileSync(path.join(scratch, file), content);
    }
  };
  const corpus = new Corpus();
  const open = new Set<string>();
  let told: string[] = [];
  const index = new WorkspaceIndex({
    corpus,
    isOpen: (u) => open.has(u),
    documentChanged: (u) => told.push(`changed ${rel(u)}`),
    documentRemoved: (u, t) => told.push(`removed ${rel(u)}${t ? '' : ' (no text)'}`),
    openDocumentBack: (u) => told.push(`back ${rel(u)}`),
    // The problems themselves are parseCorpusJson's (tested in the core): here, how many.
    fileProblems: (u, _, problems) => told.push(`problems of ${rel(u)}: ${problems.length}`),
    log: (m) => told.push(`log ${m.replaceAll(scratch, '<scratch>')}`),
  }, { load: (task) => loadFile(task) });
  try {
    write(files);
    for (const step of steps) {
      const where = JSON.stringify(step);
      if ('index' in step) {
        const reports: Array<[number, number]> = [];
        const folders = step.index.map(([folder, rules]) => ({ path: path.join(scratch, folder), files: { ...DEFAULT_SETTINGS.files, ...rules } }));
        const analysed = await index.indexFolders(folders, { report: (done, total) => reports.push([done, total]), signal: new AbortController().signal });
        assert.deepEqual({ analysed, reports }, { analysed: step.analysed, reports: step.reports }, where);
      } else if ('write' in step) write(step.write);
      else if ('delete' in step) rmSync(path.join(scratch, step.delete), { recursive: true });
      else if ('changed' in step) assert.equal(await index.fileChanged(uri(step.changed), step.deleted ?? false), step.full, where);
      else if ('open' in step) open.add(uri(step.open));
      else if ('close' in step) open.delete(uri(step.close));
      else if ('corpus' in step) {
        const documents = Object.fromEntries(corpus.documents().map((d) => [rel(d.path), d.skipped ? `skipped: ${d.fileProblems.map((p) => p.code).join(', ')}` : d.analysis.displayTitle]));
        assert.deepEqual(documents, step.corpus, where);
      } else {
        assert.deepEqual(told.sort(), step.told, where);
        told = [];
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const corpusJson = (documents: Record<string, string>) => JSON.stringify({ documents: Object.fromEntries(Object.entries(documents).map(([file, title]) => [file, { title }])) });

const cases: Array<[string, Files, Step[]]> = [
  ['the default rules: .txt files under a seeds folder, whatever the case of the extension; not other files, nor node_modules or .git', [
    'seeds/a.txt', 'seeds/deep/B.TXT', 'seeds/notes.md', 'seeds/node_modules/pkg/readme.txt', 'seeds/.git/msg.txt', 'other/c.txt',
  ], [
    { index: [['']], analysed: 2, reports: [[1, 2], [2, 2]] },
    { corpus: { 'seeds/a.txt': 'a title', 'seeds/deep/B.TXT': 'B title' } },
    { told: ['changed seeds/a.txt', 'changed seeds/deep/B.TXT'] },
  ]],
  ['a corpus.json makes every .txt under its folder a document, with its titles; the nearest corpus.json wins', [
    ['news/corpus.json', corpusJson({ 'a.txt': 'A, by news', 'sub/b.txt': 'B, by news' })], ['news/sub/corpus.json', corpusJson({ 'b.txt': 'B, by sub' })],
    'news/a.txt', 'news/sub/b.txt', 'news/sub/c.txt', 'elsewhere/d.txt',
  ], [
    { index: [['']], analysed: 3, reports: [[1, 3], [2, 3], [3, 3]] },
    { corpus: { 'news/a.txt': 'A, by news', 'news/sub/b.txt': 'B, by sub', 'news/sub/c.txt': 'c title' } },
    { told: ['changed news/a.txt', 'changed news/sub/b.txt', 'changed news/sub/c.txt', 'problems of news/corpus.json: 0', 'problems of news/sub/corpus.json: 0'] },
  ]],
  ['corpus.json not followed: the globs alone take documents, and the corpus.json still gives their titles', [
    ['news/corpus.json', corpusJson({ 'a.txt': 'A, by news' })], 'news/a.txt', 'news/b.txt',
  ], [
    { index: [['', { followCorpusJson: false, include: ['**/a.txt'] }]], analysed: 1, reports: [[1, 1]] },
    { corpus: { 'news/a.txt': 'A, by news' } },
  ]],
  ['a broken corpus.json: its problem told, its folder\'s documents still taken', [
    ['news/corpus.json', '{"documents": {'], 'news/a.txt',
  ], [
    { index: [['']], analysed: 1, reports: [[1, 1]] },
    { corpus: { 'news/a.txt': 'a title' } },
    { told: ['changed news/a.txt', 'problems of news/corpus.json: 3'] },
  ]],
  ['a file over its folder\'s size limit: a document skipped, saying why; the other folder\'s limit is its own', [
    ['small/seeds/big.txt', `Big\n\n${'word '.repeat(400)}`], ['large/seeds/big.txt', `Big\n\n${'word '.repeat(400)}`],
  ], [
    { index: [['small', { maxSizeMB: 0.001 }], ['large']], analysed: 2, reports: [[1, 2], [2, 2]] },
    { corpus: { 'small/seeds/big.txt': 'skipped: file.tooLarge', 'large/seeds/big.txt': 'Big' } },
  ]],
  ['no documents: the count of none reported once', ['readme.md'], [
    { index: [['']], analysed: 0, reports: [[0, 0]] }, { corpus: {} }, { told: [] },
  ]],
  ['a document open in the editor is the editor\'s: not read from disk, and kept when the rules no longer take it', ['seeds/a.txt', 'seeds/b.txt'], [
    { index: [['']], analysed: 2, reports: [[1, 2], [2, 2]] }, { told: ['changed seeds/a.txt', 'changed seeds/b.txt'] },
    { open: 'seeds/a.txt' }, { write: [['seeds/a.txt', 'A on disk\n\nText.\n']] },
    { index: [['']], analysed: 2, reports: [[1, 2], [2, 2]] },
    { corpus: { 'seeds/a.txt': 'a title', 'seeds/b.txt': 'b title' } }, { told: ['changed seeds/b.txt'] },
    { index: [['', { include: ['**/b.txt'] }]], analysed: 1, reports: [[1, 1]] },
    { corpus: { 'seeds/a.txt': 'a title', 'seeds/b.txt': 'b title' } }, { told: ['changed seeds/b.txt'] },
  ]],
  ['indexed again under other rules: the documents they no longer take are removed', ['seeds/a.txt', 'other/b.txt'], [
    { index: [['', { include: ['**/*.txt'] }]], analysed: 2, reports: [[1, 2], [2, 2]] },
    { told: ['changed other/b.txt', 'changed seeds/a.txt'] },
    { index: [['']], analysed: 1, reports: [[1, 1]] },
    { corpus: { 'seeds/a.txt': 'a title' } },
    { told: ['changed seeds/a.txt', 'removed other/b.txt'] },
  ]],
  ['files created, changed and deleted: each document read or removed; a file the rules do not take is left alone', ['seeds/a.txt'], [
    { index: [['']], analysed: 1, reports: [[1, 1]] }, { told: ['changed seeds/a.txt'] },
    { write: ['seeds/b.txt', 'other/c.txt'] },
    { changed: 'seeds/b.txt', full: false }, { changed: 'other/c.txt', full: false },
    { write: [['seeds/a.txt', 'A again\n\nText.\n']] }, { changed: 'seeds/a.txt', full: false },
    { corpus: { 'seeds/a.txt': 'A again', 'seeds/b.txt': 'b title' } },
    { delete: 'seeds/b.txt' }, { changed: 'seeds/b.txt', deleted: true, full: false },
    { corpus: { 'seeds/a.txt': 'A again' } },
    { told: ['changed seeds/a.txt', 'changed seeds/b.txt', 'removed seeds/b.txt'] },
  ]],
  ['a folder deleted: every document under it removed, open ones too; a folder with a like name is not under it', ['seeds/x/a.txt', 'seeds/x/b.txt', 'seeds/xy/c.txt'], [
    { index: [['']], analysed: 3, reports: [[1, 3], [2, 3], [3, 3]] }, { told: ['changed seeds/x/a.txt', 'changed seeds/x/b.txt', 'changed seeds/xy/c.txt'] },
    { open: 'seeds/x/b.txt' },
    { delete: 'seeds/x' }, { changed: 'seeds/x', deleted: true, full: false },
    { corpus: { 'seeds/xy/c.txt': 'c title' } },
    { told: ['removed seeds/x/a.txt', 'removed seeds/x/b.txt'] },
  ]],
  ['a folder moved in: its documents read; one holding a corpus.json, or excluded, is not read here', ['seeds/a.txt'], [
    { index: [['']], analysed: 1, reports: [[1, 1]] }, { told: ['changed seeds/a.txt'] },
    { write: ['seeds/in/b.txt', 'seeds/in/notes.md', ['withjson/corpus.json', corpusJson({})], 'withjson/c.txt', 'seeds/node_modules/d.txt'] },
    { changed: 'seeds/in', full: false }, { changed: 'withjson', full: true }, { changed: 'seeds/node_modules', full: false },
    { corpus: { 'seeds/a.txt': 'a title', 'seeds/in/b.txt': 'b title' } },
    { told: ['changed seeds/in/b.txt'] },
  ]],
  ['a corpus.json changed or deleted: a full index is due', [['news/corpus.json', corpusJson({})], 'news/a.txt'], [
    { index: [['']], analysed: 1, reports: [[1, 1]] },
    { changed: 'news/corpus.json', full: true }, { changed: 'news/corpus.json', deleted: true, full: true },
  ]],
  ['a document open in the editor, deleted on disk, then there again: the editor\'s text joins again', ['seeds/a.txt'], [
    { index: [['']], analysed: 1, reports: [[1, 1]] }, { told: ['changed seeds/a.txt'] },
    { open: 'seeds/a.txt' },
    { delete: 'seeds/a.txt' }, { changed: 'seeds/a.txt', deleted: true, full: false },
    { corpus: {} },
    { write: ['seeds/a.txt'] }, { changed: 'seeds/a.txt', full: false },
    { told: ['back seeds/a.txt', 'removed seeds/a.txt'] },
  ]],
  ['a file outside every workspace folder is no concern of the index', ['seeds/a.txt', 'outside/seeds/b.txt'], [
    { index: [['seeds']], analysed: 1, reports: [[1, 1]] },
    { changed: 'outside/seeds/b.txt', full: false }, { changed: 'outside/seeds/corpus.json', full: false },
    { corpus: { 'seeds/a.txt': 'a title' } },
  ]],
];

for (const [name, files, steps] of cases) test(`workspace index: ${name}`, () => check(files, steps));
