// The settings in force, read in one workspace/configuration request: the window's, and each
// workspace folder's file rules. A reload says whether any folder's rules changed (only then is the
// corpus indexed again); a request that fails keeps the settings in force; an ill-typed value is
// logged once, however many folders inherit it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigurationItem } from 'vscode-languageserver';
import { Configuration } from '../../src/server/configuration.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';

const A = '/work/a';
const B = '/work/b';

/** What the client answers to one load: the window's settings then each folder's, or a failure. */
type Answer = unknown[] | Error;

type Step =
  | { load: string[]; answer: Answer; filesChanged: boolean }
  /** The include globs each folder's rules have now, and the window's hover setting. */
  | { include: Record<string, string[]>; hover?: boolean }
  /** The lines logged since the last `logged`. */
  | { logged: string[] };

function check(steps: Step[]): Promise<void> {
  const asked: ConfigurationItem[][] = [];
  let answer: Answer = [];
  let logged: string[] = [];
  const configuration = new Configuration(async (items) => {
    asked.push(items);
    if (answer instanceof Error) throw answer;
    return answer;
  }, (m) => logged.push(m));
  return steps.reduce(async (before, step) => {
    await before;
    if ('load' in step) {
      answer = step.answer;
      assert.deepEqual(await configuration.load(step.load), { filesChanged: step.filesChanged }, JSON.stringify(step));
      // The window's section, then each folder's by its URI.
      assert.deepEqual(asked.at(-1), [{ section: 'corpusLens' }, ...step.load.map((f) => ({ section: 'corpusLens', scopeUri: `file://${f}` }))]);
    } else if ('include' in step) {
      for (const [folder, include] of Object.entries(step.include)) assert.deepEqual(configuration.filesOf(folder).include, include, folder);
      if (step.hover !== undefined) assert.equal(configuration.settings.hover.enabled, step.hover);
    } else {
      assert.deepEqual(logged, step.logged);
      logged = [];
    }
  }, Promise.resolve());
}

const SEEDS = DEFAULT_SETTINGS.files.include;
const news = { files: { include: ['news/*.txt'] } };

const cases: Array<[string, Step[]]> = [
  ['the first load reads every folder: their rules changed', [
    { load: [A, B], answer: [{}, {}, news], filesChanged: true },
    { include: { [A]: SEEDS, [B]: ['news/*.txt'] }, hover: true }, { logged: [] },
  ]],
  ['the same settings again: nothing to index again', [
    { load: [A, B], answer: [{}, {}, news], filesChanged: true },
    { load: [A, B], answer: [{}, {}, news], filesChanged: false },
  ]],
  ['a window setting changed, the file rules not: nothing to index again', [
    { load: [A], answer: [{}, {}], filesChanged: true },
    { load: [A], answer: [{ hover: { enabled: false } }, { hover: { enabled: false } }], filesChanged: false },
    { include: { [A]: SEEDS }, hover: false },
  ]],
  ['one folder\'s rules changed: indexed again', [
    { load: [A, B], answer: [{}, {}, {}], filesChanged: true },
    { load: [A, B], answer: [{}, {}, news], filesChanged: true },
    { include: { [A]: SEEDS, [B]: ['news/*.txt'] } },
  ]],
  ['a folder the client gave no answer for takes the window\'s rules', [
    { load: [A, B], answer: [news, { files: { include: ['a/*.txt'] } }], filesChanged: true },
    { include: { [A]: ['a/*.txt'], [B]: ['news/*.txt'] } },
  ]],
  ['a folder never read has the window\'s rules', [
    { load: [A], answer: [news, {}], filesChanged: true }, { include: { '/elsewhere': ['news/*.txt'] } },
  ]],
  ['the request fails before any was read: the defaults, said so', [
    { load: [A], answer: new Error('no client'), filesChanged: false },
    { include: { [A]: SEEDS }, hover: true },
    { logged: ['Could not read settings, keeping the defaults: Error: no client'] },
  ]],
  ['the request fails later: the settings last read stay, said so', [
    { load: [A], answer: [{ hover: { enabled: false } }, news], filesChanged: true },
    { load: [A], answer: new Error('gone'), filesChanged: false },
    { include: { [A]: ['news/*.txt'] }, hover: false },
    { logged: ['Could not read settings, keeping those last read: Error: gone'] },
  ]],
  ['an ill-typed value every folder inherits is logged once', [
    { load: [A, B], answer: [{ files: { maxSizeMB: '5' } }, { files: { maxSizeMB: '5' } }, { files: { maxSizeMB: '5' } }], filesChanged: true },
    { logged: ['Setting corpusLens.files.maxSizeMB: "5" is not a number above 0; using 20.'] },
  ]],
];

for (const [name, steps] of cases) test(`configuration: ${name}`, () => check(steps));
