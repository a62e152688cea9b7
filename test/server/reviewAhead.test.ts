// Reading the Review view's names ahead of its requests: a slice of documents per step, every
// document once over a pass, from the snapshot the corpus has now. A new snapshot once a pass has
// ended starts a new one from the first document; a new snapshot during a pass lets it go on where
// it stood (an index taking documents in batches is read about once, not once per batch).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, type Snapshot } from '../../src/core/index.js';
import { ReviewAhead } from '../../src/server/reviewAhead.js';

/** Documents read per step in these tests (the server's is larger; the rule is the same). */
const PER_STEP = 2;

type Step =
  | 'step'
  /** A document new or changed, or gone. */
  | { update: string } | { remove: string }
  /** The documents read since the last `reads`, and what the last step answered. */
  | { reads: string[]; ended: boolean }
  | { due: boolean };

function check(documents: string[], steps: Step[]): void {
  const corpus = new Corpus();
  const update = (path: string) => corpus.update(path, `Text of ${path}.`, analyzeDocument(`Text of ${path}.`, { path }));
  documents.forEach(update);
  let reads: string[] = [];
  let ended: boolean | undefined;
  const ahead = new ReviewAhead(corpus, (snapshot: Snapshot, path: string) => {
    assert.equal(snapshot, corpus.current, 'read from the snapshot the corpus has now');
    reads.push(path);
  }, PER_STEP);
  steps.forEach((step, k) => {
    const where = `after ${JSON.stringify(steps.slice(0, k))}`;
    if (step === 'step') ended = ahead.step();
    else if ('update' in step) update(step.update);
    else if ('remove' in step) corpus.remove(step.remove);
    else if ('due' in step) assert.equal(ahead.due(), step.due, `due ${where}`);
    else {
      assert.deepEqual({ reads, ended }, step, where);
      reads = [];
    }
  });
}

const FIVE = ['a', 'b', 'c', 'd', 'e'];

const cases: Array<[string, string[], Step[]]> = [
  ['every document read once over the steps, then nothing is due', FIVE, [
    { due: true }, 'step', { reads: ['a', 'b'], ended: false }, { due: true }, 'step', { reads: ['c', 'd'], ended: false },
    'step', { reads: ['e'], ended: true }, { due: false },
  ]],
  ['a change after a pass ended: due again, and the next pass starts from the first document', FIVE, [
    'step', 'step', 'step', { reads: FIVE, ended: true }, { update: 'c' }, { due: true },
    'step', { reads: ['a', 'b'], ended: false }, 'step', 'step', { reads: ['c', 'd', 'e'], ended: true }, { due: false },
  ]],
  ['a change during a pass: it goes on where it stood, and ends for the new snapshot', FIVE, [
    'step', { reads: ['a', 'b'], ended: false }, { update: 'a' }, { due: true },
    'step', { reads: ['c', 'd'], ended: false }, 'step', { reads: ['e'], ended: true }, { due: false },
  ]],
  ['a document added during a pass is read in it', FIVE, [
    'step', { update: 'f' }, 'step', 'step', { reads: ['a', 'b', 'c', 'd', 'e', 'f'], ended: true }, { due: false },
  ]],
  ['documents removed below where the pass stood: it ends with nothing more to read', FIVE, [
    'step', 'step', { reads: ['a', 'b', 'c', 'd'], ended: false }, { remove: 'c' }, { remove: 'd' }, { remove: 'e' },
    'step', { reads: [], ended: true }, { due: false },
  ]],
  ['an empty corpus: one step ends the pass', [], [{ due: true }, 'step', { reads: [], ended: true }, { due: false }]],
];

for (const [name, documents, steps] of cases) test(`review ahead: ${name}`, () => check(documents, steps));

test('review ahead: the server\'s steps read 250 documents each', () => {
  const corpus = new Corpus();
  for (let k = 0; k < 251; k++) corpus.update(`d${k}`, 'Dmitry Zhirnov met.', analyzeDocument('Dmitry Zhirnov met.', { path: `d${k}` }));
  const ahead = new ReviewAhead(corpus);
  assert.deepEqual([ahead.step(), ahead.step(), ahead.due()], [false, true, false]);
});
