// The analysis pool with its real worker (dist/analysisWorker.js, from `npm run build`): the same
// answers as loading on this thread, a worker that dies takes only its file down, a cancelled
// file stops its worker, and without workers the files still load.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { currentNameModel, installNameModel } from '../../src/core/entities/model/index.js';
import { LearnedWeights } from '../../src/core/entities/model/learn.js';
import { learnDecision } from '../../src/core/entities/learnDecision.js';
import { packLearned, type PackedLearned } from '../../src/core/entities/learnedModel.js';
import { AnalysisPool } from '../../src/server/analysisPool.js';
import { loadFile, type LoadTask } from '../../src/server/loadFile.js';

const WORKER = path.resolve('dist/analysisWorker.js');
const SEEDS = readdirSync('seeds').map((f) => path.resolve('seeds', f));
let dir: string;
const task = (file: string, limitBytes = 20 * 1024 * 1024): LoadTask => ({ file, meta: { path: file, metadata: { date: '2024-03-11' } }, limitBytes });

before(() => {
  assert.ok(existsSync(WORKER), 'dist/analysisWorker.js is built (npm run build)');
  // The workers read the shipped name model (models/ beside dist/); this thread reads the same file.
  assert.ok(installNameModel(() => readFileSync('models/names.model'), 'models/names.model').ok);
  dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-pool-'));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 5]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 in Paris, March 5, 2024.', 'latin1'));
  writeFileSync(path.join(dir, 'large.txt'), 'x'.repeat(2000));
  // Stands in for a bug in the analysis: the worker dies (exit, uncaught error) or the analysis throws on these files.
  // The worker reads files synchronously: the stand-ins replace statSync and readFileSync, and the
  // port's postMessage, which throws outside the worker's try for the file that says "uncaught".
  writeFileSync(path.join(dir, 'crashingWorker.js'), `
    const fs = require('node:fs');
    const { statSync, readFileSync } = fs;
    fs.statSync = (file, ...rest) => {
      if (String(file).endsWith('exit.txt')) process.exit(3);
      return statSync(file, ...rest);
    };
    fs.readFileSync = (file, ...rest) => (String(file).endsWith('throws.txt') ? null : readFileSync(file, ...rest));
    const port = require('node:worker_threads').parentPort;
    const post = port.postMessage.bind(port);
    port.postMessage = (reply) => {
      if (reply.packed && reply.packed.text.startsWith('Uncaught')) throw new Error('uncaught in worker');
      post(reply);
    };
    require(${JSON.stringify(WORKER)});
  `);
  for (const name of ['exit.txt', 'throws.txt']) writeFileSync(path.join(dir, name), 'Kabul, March 5, 2024.');
  writeFileSync(path.join(dir, 'uncaught.txt'), 'Uncaught in Kabul, March 5, 2024.');
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the test on a new pool of that worker, with what the pool logged, and closes the pool. */
async function withPool(workerFile: string, size: number, use: (pool: AnalysisPool, logged: string[]) => Promise<void>): Promise<void> {
  const logged: string[] = [];
  const pool = new AnalysisPool(size, workerFile, (m) => logged.push(m));
  try {
    await use(pool, logged);
  } finally {
    pool.dispose();
  }
}

const oddFiles = () => ['binary.txt', 'latin1.txt', 'missing.txt'].map((f) => path.join(dir, f));

test('pool: every seed and odd file loads exactly as on this thread, two workers at most, then one', async () => {
  await withPool(WORKER, 2, async (pool) => {
    const tasks = [...SEEDS, ...oddFiles()].map((f) => task(f)).concat(task(path.join(dir, 'large.txt'), 1000));
    const fromWorkers = await Promise.all(tasks.map((t) => pool.load(t)));
    assert.ok(pool.workers <= 2);
    for (const [i, t] of tasks.entries()) assert.deepStrictEqual(fromWorkers[i], await loadFile(t), t.file);
    assert.deepEqual(fromWorkers.slice(SEEDS.length).map((d) => d.fileProblems.map((p) => p.code)), [['file.binary'], ['file.encoding'], ['file.unreadable'], ['file.tooLarge']]);
    // A lower setting stops the extra worker; the other carries on.
    pool.size = 1;
    await Promise.all(SEEDS.map((f) => pool.load(task(f))));
    assert.equal(pool.workers, 1);
  });
});

test('pool: a worker that dies or throws fails only that file, with a problem, and the others load', async () => {
  await withPool(path.join(dir, 'crashingWorker.js'), 2, async (pool, logged) => {
    const files = [SEEDS[0], path.join(dir, 'exit.txt'), SEEDS[1], path.join(dir, 'uncaught.txt'), SEEDS[2], path.join(dir, 'throws.txt'), SEEDS[3]];
    const loaded = await Promise.all(files.map((f) => pool.load(task(f))));
    const failed = loaded.map((d, i) => [path.basename(files[i]), d.skipped, d.fileProblems.map((p) => p.code).join()]);
    assert.deepEqual(failed, [
      [path.basename(SEEDS[0]), false, ''],
      ['exit.txt', true, 'file.analysisFailed'],
      [path.basename(SEEDS[1]), false, ''],
      ['uncaught.txt', true, 'file.analysisFailed'],
      [path.basename(SEEDS[2]), false, ''],
      ['throws.txt', true, 'file.analysisFailed'],
      [path.basename(SEEDS[3]), false, ''],
    ]);
    assert.match(loaded[1].fileProblems[0].message, /could not be analysed: the analysis worker stopped on it \(exit code 3\)/);
    assert.match(loaded[3].fileProblems[0].message, /uncaught in worker/);
    assert.deepStrictEqual(loaded[6], await loadFile(task(SEEDS[3])));
    assert.equal(logged.filter((m) => /stopped on/.test(m)).length, 2, logged.join('\n'));
    // Replaced workers keep working.
    assert.deepStrictEqual(await pool.load(task(SEEDS[4])), await loadFile(task(SEEDS[4])));
  });
});

test('pool: aborting stops the busy worker at once and drops the queued files; the pool works after', async () => {
  const big = path.join(dir, 'big.txt');
  writeFileSync(big, readFileSync(SEEDS[0], 'utf8').repeat(400)); // seconds of analysis
  await withPool(WORKER, 1, async (pool) => {
    const run = new AbortController();
    const [first, ...rest] = [SEEDS[0], big, ...SEEDS.slice(1)].map((f) => pool.load(task(f), run.signal));
    await first; // the worker is now on the big file
    assert.equal(pool.workers, 1);
    run.abort();
    const outcomes = await Promise.allSettled(rest);
    assert.deepEqual(outcomes.map((o) => o.status), rest.map(() => 'rejected'));
    assert.equal(pool.workers, 0, 'the worker analysing the big file was terminated');
    await assert.rejects(pool.load(task(SEEDS[0]), run.signal), { name: 'AbortError' });
    assert.deepStrictEqual(await pool.load(task(SEEDS[1])), await loadFile(task(SEEDS[1])));
  });
});

test('pool: when no worker can start, files load on this thread, the same', async () => {
  await withPool(path.join(dir, 'no-such-worker.js'), 2, async (pool, logged) => {
    const loaded = await Promise.all(SEEDS.map((f) => pool.load(task(f))));
    for (const [i, f] of SEEDS.entries()) assert.deepStrictEqual(loaded[i], await loadFile(task(f)));
    assert.equal(pool.workers, 0);
    assert.match(logged.join('\n'), /could not start .*main thread/);
  });
});

test('pool: the learned weights reach every worker, those running and those started later, and can be taken off', async () => {
  const decided = 'Shares of Kestrel Varn fell after the airline cut its fares.';
  const file = path.join(dir, 'learned-elsewhere.txt');
  writeFileSync(file, 'Fares at Kestrel Varn rose on Monday.');
  const learned = new LearnedWeights();
  learnDecision(decided, { start: 10, end: 22 }, 'ORG', currentNameModel()!, learned);
  const pool = new AnalysisPool(1, WORKER);
  const names = async () => (await pool.load(task(file))).analysis.entities.map((e) => `${e.type}:${e.text}`);
  try {
    // Each step: the weights handed over (undefined: none), stop the workers first or not, and what the file reads then.
    const steps: Array<[PackedLearned | null | undefined, boolean, string[]]> = [
      [undefined, false, ['PLACE:Kestrel Varn']],
      [packLearned(learned), false, ['ORG:Kestrel Varn']],
      [undefined, true, ['ORG:Kestrel Varn']],
      [null, false, ['PLACE:Kestrel Varn']],
    ];
    for (const [weights, restart, expected] of steps) {
      if (weights !== undefined) pool.useLearned(weights);
      if (restart) pool.release();
      assert.deepEqual(await names(), expected, `${JSON.stringify({ weights: weights === undefined ? 'as before' : weights && 'learned', restart })}`);
    }
  } finally {
    pool.dispose();
  }
});
