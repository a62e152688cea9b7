import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RULES, discoverCorpus, type CorpusRules, type DirectoryEntry } from '../../src/core/index.js';

/** An in-memory folder tree from a list of file paths. */
function reader(files: string[]) {
  return async (dir: string): Promise<DirectoryEntry[]> => {
    const prefix = dir ? `${dir}/` : '';
    const names = new Map<string, DirectoryEntry['kind']>();
    for (const f of files) {
      if (!f.startsWith(prefix)) continue;
      const [name, ...rest] = f.slice(prefix.length).split('/');
      names.set(name, rest.length ? 'directory' : 'file');
    }
    if (names.size === 0 && dir) throw new Error(`ENOENT: ${dir}`);
    return [...names].map(([name, kind]) => ({ name, kind }));
  };
}

async function check(files: string[], expected: string[], rules: CorpusRules = DEFAULT_RULES, folderName = 'workspace'): Promise<void> {
  const found = await discoverCorpus(reader(files), rules, undefined, folderName);
  assert.deepEqual(found.documents, expected);
}

const cases: Array<[string, string[], string[], CorpusRules?, string?]> = [
  ['.txt under a folder named seeds', ['seeds/a.txt', 'seeds/sub/b.txt', 'notes.txt', 'other/c.txt'], ['seeds/a.txt', 'seeds/sub/b.txt']],
  ['.txt under a folder holding corpus.json', ['news/corpus.json', 'news/a.txt', 'news/2024/b.txt', 'elsewhere/c.txt'], ['news/2024/b.txt', 'news/a.txt']],
  ['other files are left alone', ['seeds/a.md', 'seeds/b.txt.bak', 'seeds/C.TXT'], ['seeds/C.TXT']],
  ['excluded folders are not entered', ['node_modules/x/seeds/a.txt', 'seeds/a.txt'], ['seeds/a.txt']],
  ['corpus.json rule off', ['news/corpus.json', 'news/a.txt'], [], { ...DEFAULT_RULES, followCorpusJson: false }],
  ['user globs', ['articles/a.txt', 'seeds/b.txt'], ['articles/a.txt'], { ...DEFAULT_RULES, include: ['articles/*.txt'] }],
  ['the workspace folder itself named seeds', ['a.txt', 'sub/b.txt'], ['a.txt', 'sub/b.txt'], DEFAULT_RULES, 'seeds'],
  ['a workspace folder of another name', ['a.txt', 'sub/b.txt'], [], DEFAULT_RULES, 'articles'],
];

for (const [name, files, expected, rules, folder] of cases) test(`discovery: ${name}`, () => check(files, expected, rules, folder));
