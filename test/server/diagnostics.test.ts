// The diagnostics publisher over a real corpus: what it sends, and what it leaves unsent because
// the editor already shows it. The client is the only stand-in: a list of the messages sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { DiagnosticsPublisher, visible } from '../../src/server/diagnostics.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../src/server/settings.js';

type Step =
  | { update: string; text: string }
  | { remove: string }
  | { open: string }
  | { publish: string }
  | { publishAll: true }
  | { link: true }
  | { republishLinked: true }
  | { settings: Partial<ServerSettings['diagnostics']> }
  | { corpusJson: string; problems: number }
  | { corpusJsonShown: true }
  | { clearCorpusJson: true }
  | { store: string; problems: number };

/** Runs the steps; each message sent is written "uri: code code …" (or "uri: none"). */
function check(steps: Step[], expected: string[]): void {
  const corpus = new Corpus();
  const open = new Set<string>();
  let settings = { ...DEFAULT_SETTINGS.diagnostics };
  const sent: string[] = [];
  const publisher = new DiagnosticsPublisher({
    corpus,
    send: async (uri, diagnostics: Diagnostic[]) => void sent.push(`${uri}: ${diagnostics.map((d) => d.code).join(' ') || 'none'}`),
    isOpen: (uri) => open.has(uri),
    textDocument: (uri) => (corpus.inputs.document(uri) ? new DiskDocument(uri, corpus.inputs.document(uri)!.text) : undefined),
    settings: () => settings,
  });
  let shown = new Set<string>();
  const problem = { start: 0, end: 1, severity: 'error' as const, code: 'corpusJson.syntax', message: 'Bad.' };
  for (const step of steps) {
    if ('update' in step) corpus.update(step.update, step.text, analyzeDocument(step.text, { path: step.update }));
    else if ('remove' in step) corpus.remove(step.remove) && publisher.removed(step.remove);
    else if ('open' in step) open.add(step.open);
    else if ('publish' in step) publisher.publish(step.publish);
    else if ('publishAll' in step) publisher.publishAll();
    else if ('link' in step) corpus.linked();
    else if ('republishLinked' in step) publisher.republishLinked();
    else if ('settings' in step) settings = { ...settings, ...step.settings };
    else if ('corpusJson' in step) publisher.corpusJson(step.corpusJson, '{}', Array(step.problems).fill(problem));
    else if ('corpusJsonShown' in step) shown = publisher.corpusJsonShown();
    else if ('clearCorpusJson' in step) publisher.clearCorpusJson(shown);
    else if ('store' in step) publisher.storeFile(step.store, '{}', Array(step.problems).fill({ ...problem, code: 'store.syntax' }));
  }
  assert.deepEqual(sent, expected);
}

const UNDEFINED = 'Claim.[2]\n\n[1] One.';
const CLEAN = 'Claim.[1]\n\n[1] One.';
const MUTTAQI: Step[] = [
  { update: 'a', text: 'Foreign Minister Amin Khan Muttaqi met the envoy.' },
  { update: 'b', text: 'Foreign Minister Amir Khan Muttaqi spoke.' },
  { update: 'c', text: 'Later Amir Khan Muttaqi travelled.' },
];

const cases: Array<[string, Step[], string[]]> = [
  ['a closed document with no problems gets no message', [{ update: 'a', text: CLEAN }, { publish: 'a' }], []],
  ['an open document always gets its list, empty or not', [{ update: 'a', text: CLEAN }, { open: 'a' }, { publish: 'a' }], ['a: none']],
  ['a document with problems gets them', [{ update: 'a', text: UNDEFINED }, { publish: 'a' }], ['a: footnote.undefined footnote.order footnote.unused']],
  ['once fixed, a closed document is cleared once', [
    { update: 'a', text: UNDEFINED }, { publish: 'a' }, { update: 'a', text: CLEAN }, { publish: 'a' }, { publish: 'a' },
  ], ['a: footnote.undefined footnote.order footnote.unused', 'a: none']],
  ['an unknown document gets nothing', [{ publish: 'nowhere' }], []],
  ['settings hide what they turn off; a file\'s own problems stay', [
    { update: 'a', text: UNDEFINED }, { settings: { unusedFootnotes: false, footnoteOrder: false } }, { publish: 'a' }, { settings: { enabled: false } }, { publish: 'a' },
  ], ['a: footnote.undefined', 'a: none']],
  ['a removed document is cleared only if it showed problems', [
    { update: 'a', text: UNDEFINED }, { update: 'b', text: CLEAN }, { publishAll: true }, { remove: 'a' }, { remove: 'b' },
  ], ['a: footnote.undefined footnote.order footnote.unused', 'a: none']],
  ['spelling variants go out once linking catches up, where they changed', [
    ...MUTTAQI, { publishAll: true }, { link: true }, { republishLinked: true }, { republishLinked: true },
  ], ['a: entity.spelling']],
  ['a variant that went away is cleared', [
    ...MUTTAQI, { link: true }, { republishLinked: true }, { update: 'a', text: 'Foreign Minister Amir Khan Muttaqi met the envoy.' }, { republishLinked: true },
  ], ['a: entity.spelling', 'a: none']],
  ['corpus.json problems, and clearing those gone after indexing', [
    { corpusJson: 'j1', problems: 1 }, { corpusJson: 'j2', problems: 1 }, { corpusJsonShown: true },
    { corpusJson: 'j1', problems: 1 }, { corpusJson: 'j2', problems: 0 }, { clearCorpusJson: true },
  ], ['j1: corpusJson.syntax', 'j2: corpusJson.syntax', 'j1: corpusJson.syntax', 'j2: none', 'j2: none']],
  ['after the settings or annotations change, only documents whose problems changed are sent, open or not', [
    { update: 'a', text: UNDEFINED }, { update: 'b', text: UNDEFINED }, { update: 'c', text: CLEAN }, { open: 'b' }, { open: 'c' }, { publishAll: true },
    { publishAll: true }, { settings: { unusedFootnotes: false } }, { publishAll: true },
  ], [
    'a: footnote.undefined footnote.order footnote.unused', 'b: footnote.undefined footnote.order footnote.unused',
    'a: footnote.undefined footnote.order', 'b: footnote.undefined footnote.order',
  ]],
  ['an open document gets its list after each change of its own, the same or not', [
    { update: 'a', text: UNDEFINED }, { open: 'a' }, { publish: 'a' }, { publish: 'a' }, { publishAll: true },
  ], ['a: footnote.undefined footnote.order footnote.unused', 'a: footnote.undefined footnote.order footnote.unused']],
  ['a store file is sent only when its problems change', [
    { store: 's', problems: 0 }, { store: 's', problems: 0 }, { store: 's', problems: 1 }, { store: 's', problems: 1 },
  ], ['s: none', 's: store.syntax']],
];

for (const [name, steps, expected] of cases) test(`diagnostics: ${name}`, () => check(steps, expected));

test('diagnostics: visible() shows the file\'s own problems whatever the settings', () => {
  const off = { enabled: false, footnoteOrder: false, unusedFootnotes: false, spelling: false };
  const p = (code: string) => ({ start: 0, end: 0, severity: 'warning' as const, code, message: '' });
  assert.deepEqual(['file.binary', 'corpusJson.syntax', 'footnote.undefined', 'entity.spelling'].map((c) => visible(p(c), off)), [true, true, false, false]);
  assert.deepEqual(['footnote.order', 'footnote.unused', 'entity.spelling', 'footnote.undefined'].map((c) => visible(p(c), { ...off, enabled: true })), [false, false, false, true]);
});
