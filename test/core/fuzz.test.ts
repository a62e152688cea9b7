// Property tests of the core on any text: it answers without throwing, offsets stay inside the text
// and in order, spans of one kind never overlap, and the analysis depends only on the final text.
// `npm test` runs a fixed seed and a bounded number of cases; `npm run fuzz` runs many more.
// Inputs that failed once are kept in REGRESSIONS and replayed as ordinary tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeDocument, Corpus, definitionAt, highlightsAt, hoverAt, outline, problemsOf, referencesAt, workspaceSymbols, decodeText, parseCorpusJson, parseStore, type DocumentAnalysis } from '../../src/core/index.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);

/** Pieces news text is made of, so random strings reach the interesting paths. */
const PIECES = [
  '[1]', '[2]', '[10]', '[N]', '[email protected]', '\n[1] (UK), March 5, 2024.', '\n\n', '\r\n', '\r', '"', '“', '”', '‘', '’', "'s", '’s',
  'Sirajuddin Haqqani', 'Kabul', 'Russia', 'the Taliban', 'US-led', 'Collective Security Treaty Organization (CSTO)', 'CSTO',
  'President', 'Ambassador', 'March 22', 'March 5, 2024', 'Friday', '2024', 'the next day', '9/11', 'may', '## ', '**', '-', '–',
  'Amin Khan Muttaqi', 'Amir Khan Muttaqi', 'met', 'attack', 'in', 'In Meetings In Kabul', '.', ',', ' ', '\uFEFF', '\uD800', '\u0000',
];

const newsLike = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(newsLike, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

/** Spans of one kind: inside the text, start < end (or empty only where allowed), sorted, not overlapping. */
function checkSpans(label: string, text: string, spans: Array<{ start: number; end: number }>, allowEmpty = false): void {
  let last = -1;
  for (const s of spans) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${label}: integer offsets`);
    assert.ok(s.start >= 0 && s.end <= text.length, `${label}: [${s.start}, ${s.end}) inside 0..${text.length}`);
    assert.ok(allowEmpty ? s.start <= s.end : s.start < s.end, `${label}: start before end`);
    assert.ok(s.start >= last, `${label}: in order, not overlapping (${s.start} < ${last})`);
    last = s.end;
  }
}

function checkAnalysis(text: string, a: DocumentAnalysis): void {
  checkSpans('footnote markers', text, a.footnotes.markers);
  checkSpans('footnote definitions', text, a.footnotes.definitions);
  checkSpans('entities', text, a.entities);
  for (const p of a.problems) assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end, 'problem inside the text');
  const timex = (a as { timex?: Array<{ start: number; end: number }> }).timex;
  if (timex) checkSpans('timex', text, timex);
}

const properties: Array<[string, fc.IPropertyWithHooks<[string]> | fc.IProperty<[string]>]> = [
  ['any text is analysed, with sound offsets', fc.property(anyText, (text) => checkAnalysis(text, analyzeDocument(text, { path: 'x.txt' })))],
  ['the analysis is the same whatever came before (no hidden state)', fc.property(anyText, (text) => {
    const fresh = JSON.stringify(analyzeDocument(text, { path: 'x.txt' }));
    analyzeDocument(`${text}[1] Kabul`, { path: 'x.txt' });
    assert.equal(JSON.stringify(analyzeDocument(text, { path: 'x.txt' })), fresh);
  })],
  ['corpus queries at every offset answer without throwing', fc.property(newsLike, (text) => {
    const corpus = new Corpus();
    corpus.update('a', text, analyzeDocument(text, { path: 'a' }));
    corpus.update('b', `${text} Kabul met Haqqani.`, analyzeDocument(`${text} Kabul met Haqqani.`, { path: 'b' }));
    for (let offset = 0; offset <= text.length; offset += Math.max(1, Math.floor(text.length / 20))) {
      hoverAt(corpus.snapshot(), 'a', offset);
      definitionAt(corpus.snapshot(), 'a', offset);
      referencesAt(corpus.snapshot(), 'a', offset, true);
      highlightsAt(corpus.snapshot(), 'a', offset);
    }
    outline(corpus.snapshot(), 'a');
    corpus.events();
    problemsOf(corpus.snapshot(), 'a');
    workspaceSymbols(corpus.snapshot(), text.slice(0, 3));
  })],
  ['corpus.json of any shape gives problems inside the text, never an exception', fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.constantFrom('/*', '//', '{"documents": {"a.txt": /*')), (text) => {
    const parsed = parseCorpusJson(text);
    for (const p of parsed.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.start}-${p.end} in ${text.length}`);
  })],
  ['an annotation store of any shape gives problems inside the text, never an exception', fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.constantFrom('/*', '{"version": 1, "annotations": [/*')), (text) => {
    const parsed = parseStore(text);
    for (const p of parsed.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, `${p.start}-${p.end} in ${text.length}`);
  })],
];

for (const [name, property] of properties) {
  test(`fuzz: ${name}`, () => fc.assert(property as fc.IProperty<[string]>, { numRuns: RUNS, seed: SEED }));
}

test('fuzz: any bytes decode or are refused as binary', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
    const decoded = decodeText(bytes);
    assert.ok(decoded.text !== null || decoded.encoding === 'binary');
  }), { numRuns: RUNS, seed: SEED });
});

/** Inputs that broke the core once: kept and replayed as ordinary tests. */
const REGRESSIONS: string[] = [
  '[N]umerous',
  '\uD800[1]\n[1] x',
  '[1][1][1]\n\n[1]\n[1]',
  '\r\n\r\n[1] \r\n',
  'US-',
  '(CSTO)',
  '"‘’"\'s',
];

for (const text of REGRESSIONS) {
  test(`fuzz regression: ${JSON.stringify(text)}`, () => checkAnalysis(text, analyzeDocument(text, { path: 'x.txt' })));
}

test('fuzz: a megabyte without a line break, and ten thousand footnotes', () => {
  const long = 'Kabul met Haqqani in March. '.repeat(40_000);
  checkAnalysis(long, analyzeDocument(long, { path: 'x.txt' }));
  const notes = Array.from({ length: 10_000 }, (_, k) => `Claim.[${k + 1}]`).join(' ') + '\n\n' + Array.from({ length: 10_000 }, (_, k) => `[${k + 1}] Source ${k + 1}.`).join('\n');
  const a = analyzeDocument(notes, { path: 'x.txt' });
  assert.equal(a.footnotes.markers.length, 10_000);
  assert.equal(a.footnotes.definitions.length, 10_000);
  assert.deepEqual(a.problems, []);
});
