import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, problemsOf } from '../../../src/core/index.js';
import { corpusOf } from './corpusOf.js';

/**
 * The problems of document `path` as "severity code `text`", in text order; `linked` links the
 * corpus first (spelling variants come only from a current linking).
 */
function check(docs: Record<string, string>, path: string, linked: boolean, expected: string[]): void {
  const { corpus, texts } = corpusOf(docs);
  if (linked) corpus.linked();
  const text = texts.get(path) ?? '';
  assert.deepEqual(problemsOf(corpus.snapshot(), path).map((p) => `${p.severity} ${p.code} \`${text.slice(p.start, p.end)}\``), expected);
}

const MUTTAQI = {
  'a.txt': 'Foreign Minister Amin Khan Muttaqi met the envoy.[1]\n\n[2] Two.',
  'b.txt': 'Foreign Minister Amir Khan Muttaqi spoke.',
  'c.txt': 'Later Amir Khan Muttaqi travelled.',
};

const cases: Array<[string, Record<string, string>, string, boolean, string[]]> = [
  ['the analysis\'s problems, in text order', MUTTAQI, 'a.txt', false, [
    'warning footnote.undefined `[1]`',
    'hint footnote.unused `[2] Two.`',
  ]],
  ['a spelling variant once linking is current', MUTTAQI, 'a.txt', true, [
    'information entity.spelling `Amin Khan Muttaqi`',
    'warning footnote.undefined `[1]`',
    'hint footnote.unused `[2] Two.`',
  ]],
  ['the majority spelling has none', MUTTAQI, 'b.txt', true, []],
  ['an unknown document has none', MUTTAQI, 'z.txt', true, []],
];

for (const [name, docs, path, linked, expected] of cases) test(`problems: ${name}`, () => check(docs, path, linked, expected));

test('problems: the file\'s own problems come first', () => {
  const corpus = new Corpus();
  const fileProblem = { start: 0, end: 0, severity: 'warning' as const, code: 'file.encoding', message: 'Read as Windows-1252.' };
  const { corpus: marked } = corpusOf({ d: 'Claim.[1]' });
  corpus.update('d', 'Claim.[1]', marked.inputs.document('d')!.analysis, [fileProblem]);
  assert.deepEqual(problemsOf(corpus.snapshot(), 'd').map((p) => p.code), ['file.encoding', 'footnote.undefined']);
});
