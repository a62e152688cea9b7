// The `corpusLens.*` settings as the server reads them from whatever the client sends: a value of the
// wrong type or out of range falls back to its default, and says so (the setting, the value, the
// default used); a missing one falls back quietly. And when two folders' file rules pick the same
// documents (a re-index is due only when they do not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, readSettings, sameFileRules, type FileSettings } from '../../src/server/settings.js';

/**
 * Reads `raw`: the settings are the defaults but for `changed` (by dotted path), and the messages
 * are `warnings`, in order.
 */
function check(raw: unknown, changed: Record<string, unknown>, warnings: string[] = []): void {
  const expected = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, Record<string, unknown>>;
  for (const [path, value] of Object.entries(changed)) {
    const [section, key] = path.split('.');
    expected[section]![key!] = value;
  }
  const messages: string[] = [];
  assert.deepEqual(readSettings(raw, (m) => messages.push(m)), expected);
  assert.deepEqual(messages, warnings);
}

const cases: Array<[string, unknown, Record<string, unknown>, string[]?]> = [
  ['nothing sent: the defaults', undefined, {}],
  ['null: the defaults', null, {}],
  ['not an object: the defaults', 'corpusLens', {}],
  ['every setting given well: each taken', {
    files: { include: ['news/**/*.txt'], exclude: [], followCorpusJson: false, maxSizeMB: 2.5 },
    indexing: { workers: 3 }, hover: { enabled: false }, inlayHints: { dates: false }, codeLens: { enabled: false },
    diagnostics: { enabled: false, footnoteOrder: false, unusedFootnotes: false, spelling: false }, learning: { enabled: false },
  }, {
    'files.include': ['news/**/*.txt'], 'files.exclude': [], 'files.followCorpusJson': false, 'files.maxSizeMB': 2.5,
    'indexing.workers': 3, 'hover.enabled': false, 'inlayHints.dates': false, 'codeLens.enabled': false,
    'diagnostics.enabled': false, 'diagnostics.footnoteOrder': false, 'diagnostics.unusedFootnotes': false, 'diagnostics.spelling': false, 'learning.enabled': false,
  }],
  ['a setting left null is missing, not wrong', { hover: { enabled: null }, files: { include: null } }, {}],
  ['"false" as a string is not false: hover stays on, and says why', { hover: { enabled: 'false' } }, {}, [
    'Setting corpusLens.hover.enabled: "false" is not true or false; using true.',
  ]],
  ['one glob instead of a list of globs', { files: { include: 'news/*.txt' } }, {}, [
    'Setting corpusLens.files.include: "news/*.txt" is not a list of globs; using ["**/seeds/**/*.txt"].',
  ]],
  ['a list with something not a glob in it', { files: { exclude: ['**/drafts/**', 3] } }, {}, [
    'Setting corpusLens.files.exclude: ["**/drafts/**",3] is not a list of globs; using ["**/node_modules/**","**/.git/**"].',
  ]],
  ['a size limit of 0', { files: { maxSizeMB: 0 } }, {}, ['Setting corpusLens.files.maxSizeMB: 0 is not a number above 0; using 20.']],
  ['a size limit below 0', { files: { maxSizeMB: -5 } }, {}, ['Setting corpusLens.files.maxSizeMB: -5 is not a number above 0; using 20.']],
  ['a size limit as text', { files: { maxSizeMB: '5' } }, {}, ['Setting corpusLens.files.maxSizeMB: "5" is not a number above 0; using 20.']],
  ['workers: a fraction is rounded down', { indexing: { workers: 3.7 } }, { 'indexing.workers': 3 }],
  ['workers: fewer than none', { indexing: { workers: -1 } }, {}, ['Setting corpusLens.indexing.workers: -1 is not a number of 0 or more; using 0.']],
  ['one bad value among good ones: only it falls back', { diagnostics: { enabled: false, spelling: 0 } }, { 'diagnostics.enabled': false }, [
    'Setting corpusLens.diagnostics.spelling: 0 is not true or false; using true.',
  ]],
];

for (const [name, raw, changed, warnings] of cases) test(`settings: ${name}`, () => check(raw, changed, warnings));

const rules = (over: Partial<FileSettings> = {}): FileSettings => ({ ...structuredClone(DEFAULT_SETTINGS.files), ...over });

const sameRules: Array<[string, FileSettings | undefined, FileSettings | undefined, boolean]> = [
  ['neither folder read', undefined, undefined, true],
  ['one folder not read yet', undefined, rules(), false],
  ['equal rules in other arrays', rules(), rules(), true],
  ['the same globs in another order', rules({ include: ['a/*.txt', 'b/*.txt'] }), rules({ include: ['b/*.txt', 'a/*.txt'] }), false],
  ['one more exclusion', rules(), rules({ exclude: [...DEFAULT_SETTINGS.files.exclude, '**/drafts/**'] }), false],
  ['corpus.json no longer followed', rules(), rules({ followCorpusJson: false }), false],
  ['another size limit (a skipped file may now be read)', rules(), rules({ maxSizeMB: 50 }), false],
];

for (const [name, a, b, same] of sameRules) test(`settings: same file rules? ${name}`, () => assert.equal(sameFileRules(a, b), same));
