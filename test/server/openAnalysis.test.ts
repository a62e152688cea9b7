// Open documents analysed with the real analysis thread (dist/openAnalysisWorker.js, from `npm run
// build`): a long document's analysis, its passages' findings packed on the thread and unpacked here,
// is the one this thread makes; and the passages kept from it serve the next edit, a keystroke
// analysed here, to the same result as a fresh analysis.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, type LoadedDocument } from '../../src/core/index.js';
import { currentNameModel, installNameModel } from '../../src/core/entities/model/index.js';
import { LearnedWeights } from '../../src/core/entities/model/learn.js';
import { learnDecision } from '../../src/core/entities/learnDecision.js';
import { packLearned, useLearned } from '../../src/core/entities/learnedModel.js';
import { OpenDocumentAnalysis, type OpenAnalysisHost } from '../../src/server/openAnalysis.js';
import { createWorld, generateLongDocument } from '../support/corpusGenerator.js';

const WORKER = path.resolve('dist/openAnalysisWorker.js');
const URI = 'file:///corpus/dump.txt';
const meta = { path: '/corpus/dump.txt' };
let analysis: OpenDocumentAnalysis;
let waiting: ((loaded: LoadedDocument) => void) | null = null;

const host: OpenAnalysisHost = {
  analysed: (_uri, _version, loaded) => waiting?.(loaded),
  metaFor: () => meta,
  limitBytes: () => 20 * 1024 * 1024,
  progress: async () => undefined,
  log: () => {},
};

/** The analysis the host is given for this version of the text. */
function analysed(version: number, text: string): Promise<LoadedDocument> {
  const done = new Promise<LoadedDocument>((resolve) => (waiting = resolve));
  analysis.analyze(URI, version, text);
  return done;
}

before(() => {
  assert.ok(existsSync(WORKER), 'dist/openAnalysisWorker.js is built (npm run build)');
  // The thread reads the shipped model; this one the same file.
  assert.ok(installNameModel(() => readFileSync('models/names.model'), 'models/names.model').ok);
  analysis = new OpenDocumentAnalysis(host, WORKER);
});

after(() => analysis.dispose());

test('a long open document: analysed on the thread as here, then a keystroke from its kept passages', async () => {
  const text = generateLongDocument(createWorld(3, 200), 50, 160 * 1024);
  const edited = `${text.slice(0, text.length >> 1)}Kabul ${text.slice(text.length >> 1)}`;
  const cases: Array<[string, number, string]> = [['opened', 1, text], ['a word typed in the middle', 2, edited]];
  for (const [what, version, t] of cases) {
    const loaded = await analysed(version, t);
    assert.equal(loaded.skipped, false, what);
    assert.ok(loaded.analysis.passages.length > 4, `${what}: several passages`);
    assert.deepStrictEqual(loaded.analysis, analyzeDocument(t, meta), what);
  }
});

test('the learned weights: a long document read again on the thread and a short one here, both with them, none from kept passages', async () => {
  const long = `${generateLongDocument(createWorld(4, 200), 50, 160 * 1024)}\nFares at Kestrel Varn rose on Monday.\n`;
  const short = 'Fares at Kestrel Varn rose on Monday.\n';
  const read = (loaded: LoadedDocument) => loaded.analysis.entities.filter((e) => e.text === 'Kestrel Varn').map((e) => e.type);
  const learned = new LearnedWeights();
  learnDecision('Shares of Kestrel Varn fell after the airline cut its fares.', { start: 10, end: 22 }, 'ORG', currentNameModel()!, learned);
  // Each step: the weights in use (null: the shipped ones), and how each document reads the name then.
  const steps: Array<[LearnedWeights | null, string]> = [[null, 'PLACE'], [learned, 'ORG'], [null, 'PLACE']];
  let version = 10;
  try {
    for (const [weights, type] of steps) {
      useLearned(weights);
      analysis.useLearned(weights && packLearned(weights));
      for (const text of [long, short]) assert.deepEqual(read(await analysed(++version, text)), [type], `${weights ? 'learned' : 'shipped'}, ${text.length} characters`);
    }
  } finally {
    useLearned(null);
    analysis.useLearned(null);
  }
});
