// The name model's parts: labels, segments, decoding, the file format, and the shipped weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { viterbi } from '../../src/core/entities/model/decode.js';
import { explainName } from '../../src/core/entities/model/explain.js';
import { writeClusters } from '../../src/core/entities/model/clusterFile.js';
import { readModel, writeModel } from '../../src/core/entities/model/format.js';
import { installNameModel, loadNameModel, useNameModel, type NameModel } from '../../src/core/entities/model/index.js';
import { allowed, decodeSpans, encode, LABEL_COUNT, mayEnd, mayStart } from '../../src/core/entities/model/labels.js';
import { findSegments } from '../../src/core/entities/model/segments.js';
import { MAX_FEATURES, tokenFeatures } from '../../src/core/entities/model/features.js';
import { scoreSegment, tagNames } from '../../src/core/entities/model/tagger.js';
import { exactSums } from '../../src/core/entities/model/weights.js';
import { recognizeEntities } from '../../src/core/entities/recognize.js';
import { tokenize } from '../../src/core/entities/tokenize.js';

const SHIPPED = 'models/names.model';

function shipped(): NameModel {
  const model = loadNameModel(readFileSync(SHIPPED));
  if ('error' in model) throw new Error(model.error);
  return model;
}

// ---------------------------------------------------------------- segments

/** ⟦…⟧ marks every segment the model will label; nothing else may be one. */
function checkSegments(marked: string): void {
  const text = marked.replace(/[⟦⟧]/g, '');
  const expected: string[] = [];
  let offset = 0;
  for (const m of marked.matchAll(/⟦([^⟧]*)⟧/g)) {
    const start = m.index! - offset;
    expected.push(text.slice(start, start + m[1].length));
    offset += 2;
  }
  const { tokens } = tokenize(text);
  const got = findSegments(tokens).map((s) => text.slice(tokens[s.first].start, tokens[s.last - 1].end));
  assert.deepEqual(got, expected);
}

const segmentCases: Array<[string, string]> = [
  ['capitalised runs, with the small words names keep (the model splits them)', 'Then ⟦Bank of England⟧ staff met ⟦Osama bin Laden⟧, and ⟦Procter & Gamble⟧ paid.'],
  ['capitalised words joined by up to three small words are one segment', '⟦Officials of the Bank of England⟧ came.'],
  ['a particle before the capital', 'leaders of ⟦al-Qaeda⟧, and ⟦de Gaulle⟧ were named.'],
  ['a number or an abbreviation stop after the name', 'a ⟦Boeing 737⟧ of ⟦Homestake Mining Co.⟧ landed.'],
  ['a sentence-start word that never opens a name stays context', 'The ⟦European Union⟧ said so. In ⟦Paris⟧, ⟦Mayor Hidalgo⟧ agreed.'],
  ['a line break ends a segment', '⟦Kabul⟧\n⟦Moscow⟧ talks'],
  ['lower-case text has none', 'nothing here is a name, not even paris.'],
];
for (const [name, marked] of segmentCases) test(`segments: ${name}`, () => checkSegments(marked));

// ---------------------------------------------------------------- labels and decoding

test('labels: spans survive encoding and decoding', () => {
  const spans = [{ first: 0, last: 1, type: 0 }, { first: 2, last: 5, type: 1 }, { first: 5, last: 7, type: 4 }];
  assert.deepEqual(decodeSpans(encode(8, spans)), spans);
});

test('decoding: the best sequence is always a valid BILOU sequence', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1e9 }), (n, seed) => {
      let x = seed;
      const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32) * 20 - 10;
      const emissions = Float64Array.from({ length: n * LABEL_COUNT }, next);
      const transitions = Float32Array.from({ length: LABEL_COUNT * LABEL_COUNT }, next);
      const out = new Uint8Array(n);
      viterbi(emissions, n, transitions, out);
      assert.ok(mayStart(out[0]) && mayEnd(out[n - 1]), `edges ${[...out]}`);
      for (let k = 1; k < n; k++) assert.ok(allowed(out[k - 1], out[k]), `${[...out]}`);
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------- the file

const tiny = () => ({
  keys: Uint32Array.of(7, 99, 12345),
  rows: Int8Array.from({ length: 3 * LABEL_COUNT }, (_, i) => (i % 7) - 3),
  scales: Float32Array.of(0.5, 0.25, 2),
  transitions: Float32Array.from({ length: LABEL_COUNT * LABEL_COUNT }, (_, i) => i / 10),
});

const tinyClusters = () => writeClusters([{ key: 5, fine: 3, coarse: 1 }, { key: 9, fine: 200, coarse: 31 }]);

test('model file: what is written reads back the same', () => {
  const weights = tiny();
  const read = readModel(writeModel(weights, tinyClusters(), 3.5, '{"about":"test"}'));
  assert.ok(!('error' in read), 'error' in read ? read.error : '');
  assert.deepEqual(read.weights, weights);
  assert.deepEqual([...read.clusters.fine], [3, 200]);
  assert.equal(read.temperature, 3.5);
  assert.equal(read.about, '{"about":"test"}');
});

const damaged: Array<[string, (b: Uint8Array) => Uint8Array, RegExp]> = [
  ['a flipped byte', (b) => { const c = b.slice(); c[40] ^= 1; return c; }, /checksum/],
  ['cut short', (b) => b.slice(0, b.length - 9), /damaged/],
  ['another kind of file', () => new TextEncoder().encode('{"not": "a model"} and some more bytes here'), /not a Corpus Lens name model/],
  ['empty', () => new Uint8Array(0), /too short/],
];
for (const [name, damage, message] of damaged) {
  test(`model file: ${name} is an error, not a model`, () => {
    const read = readModel(damage(writeModel(tiny(), tinyClusters(), 1, '')));
    assert.ok('error' in read);
    assert.match(read.error, message);
  });
}

test('model file: a missing file is reported and the rules answer alone', () => {
  const result = installNameModel(() => readFileSync('models/no-such.model'), 'models/no-such.model');
  assert.equal(result.ok, false);
  assert.match(result.message, /could not be read .*rules alone/);
  const text = 'Interior Minister Sirajuddin Haqqani met envoys in Kabul.';
  assert.deepEqual(recognizeEntities(text).map((m) => m.text), ['Sirajuddin Haqqani', 'Kabul']);
});

// ---------------------------------------------------------------- the shipped weights

test('shipped model: holds under 50 MB and says how it was trained (its load time is in the bench)', () => {
  const model = shipped();
  assert.ok(model.table.memoryBytes < 50e6, `${model.table.memoryBytes} bytes`);
  assert.match(model.about, /"sources"/);
});

test('shipped model: the tagger’s sums per word, role and value equal, to the bit, the sums over every feature of each token', () => {
  const model = shipped();
  // Exact sums are what lets the tagger add them in its own order and keep every decision.
  assert.ok(model.table.exactSums);
  const texts = [
    'SOCCER - JAPAN GET LUCKY WIN\nLONDON 1996-08-30\nShares of Ostrova Holdings fell, said Marta Kielczewska in Gdansk; Ostrova declined.',
    ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join('seeds', f), 'utf8')),
  ];
  const features = new Uint32Array(MAX_FEATURES);
  for (const text of texts) {
    const tokenized = tokenize(text);
    const { view, segments } = tagNames(tokenized, recognizeEntities(text, tokenized, null), model);
    for (const s of segments) {
      const fast = new Float64Array((s.last - s.first) * LABEL_COUNT);
      scoreSegment(view, s, model.table, fast);
      for (let k = s.first; k < s.last; k++) {
        const full = new Float64Array(LABEL_COUNT);
        const count = tokenFeatures(view, s, k, features);
        for (let f = 0; f < count; f++) {
          const row = model.table.row(features[f]);
          if (row >= 0) model.table.addRow(row, full);
        }
        for (let l = 0; l < LABEL_COUNT; l++) assert.equal(fast[(k - s.first) * LABEL_COUNT + l], full[l], `${tokenized.tokens[k].text} label ${l}`);
      }
    }
  }
});

test('exactSums: whether sums of quantised weights are exact in float64 in any order', () => {
  const check = (scales: number[], terms: number, exact: boolean, why: string) => assert.equal(exactSums(Float32Array.from(scales), terms), exact, why);
  check([0.25, 0.5], 96, true, 'powers of two: every sum a multiple of 2^-2');
  check([0.0196, 0.337], 96, true, 'the shipped range: multiples of about 2^-29, sums under 2^13');
  check([1e-30, 0.3], 96, false, 'a tiny scale makes the quantum too fine for the larger sums');
  check([3e5, 0.3], 96, false, 'a huge scale makes sums too large for the quantum of the small one');
  check([0, 0.3], 96, false, 'a zero (subnormal-class) scale is not handled');
});

test('shipped model: every name carries a confidence, and the card can say why', () => {
  const model = shipped();
  const text = 'Shares of Ostrova Holdings fell on Tuesday, said Marta Kielczewska, a broker in Gdansk.';
  try {
    useNameModel(model);
    const names = recognizeEntities(text);
    assert.ok(names.length > 0);
    for (const m of names) assert.ok(m.confidence !== undefined && m.confidence > 0 && m.confidence < 1, `${m.text} ${m.confidence}`);
    const person = names.find((m) => m.text === 'Marta Kielczewska');
    assert.equal(person?.type, 'PERSON');
    assert.ok(explainName(text, person!, model).length > 0);
  } finally {
    useNameModel(null);
  }
});
