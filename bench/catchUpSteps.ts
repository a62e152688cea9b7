// The steps of catching up (issue #14), in process: a long document is opened beside the seeds and
// the corpus links and joins it one step at a time, as the server does between requests. Each step's
// wall time, its CPU time (steady under load: a step descheduled by other work costs no CPU), and
// whether the collector ran in it; a hover waits for the step under way.
//   npm run bench:steps -- [--mb 10] [--seed 1]
// Run it with the server's node options (SERVER_NODE_ARGS), as the npm script does.
import * as os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { analyzeDocument, Corpus } from '../src/core/index.js';
import { createWorld, generateLongDocument } from '../test/support/corpusGenerator.js';
import { arg, ms, percentile, printTable, sampleLoad, type Row } from './table.js';

const mb = Number(arg('mb', '10'));
const seed = Number(arg('seed', '1'));
const load = sampleLoad();
const started = performance.now();

const corpus = new Corpus();
for (const f of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) {
  const text = readFileSync(path.join('seeds', f), 'utf8');
  corpus.update(f, text, analyzeDocument(text, { path: f }));
}
corpus.events();
corpus.deferLargeChanges = true;
const text = generateLongDocument(createWorld(seed, 1000), 1000, mb * 1024 * 1024 - 16 * 1024);
corpus.update('dump.txt', text, analyzeDocument(text, { path: 'dump.txt' }));

const pauses: Array<{ at: number; ms: number }> = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) pauses.push({ at: e.startTime, ms: e.duration }); }).observe({ entryTypes: ['gc'] });
interface Step { stage: 'link' | 'join'; start: number; end: number; cpu: number; collected: boolean }
const steps: Step[] = [];
const t0 = performance.now();
// One step a call: catchUp with no budget takes exactly one.
while (!corpus.upToDate) {
  const stage = corpus.linkingCurrent ? 'join' : 'link';
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  corpus.catchUp(0);
  const cpu = process.cpuUsage(cpu0);
  steps.push({ stage, start, end: performance.now(), cpu: (cpu.user + cpu.system) / 1000, collected: false });
}
const totalMs = performance.now() - t0;

// The observer reports pauses after they end: read them once the steps are done.
setTimeout(() => {
  for (const s of steps) s.collected = pauses.some((p) => p.at < s.end && p.at + p.ms > s.start);
  const rows: Row[] = [{ what: `${mb} MB opened beside the five seeds: linked and joined in ${steps.length} steps, ${ms(totalMs)}`, figure: '', section: true }];
  const spread = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} · p99 ${ms(percentile(xs, 99))} · p99.9 ${ms(percentile(xs, 99.9))} · over 20 ms: ${xs.filter((x) => x > 20).length}`;
  for (const stage of ['link', 'join'] as const) {
    const of = steps.filter((s) => s.stage === stage);
    const clean = of.filter((s) => !s.collected).map((s) => s.cpu);
    rows.push({ what: `  ${stage}: ${of.length} steps, the longest step's CPU without the collector`, figure: ms(Math.max(...clean)), beside: spread(clean), target: '≤ 20 ms', ok: Math.max(...clean) <= 20 });
    rows.push({ what: '    every step\'s wall time, collector included', figure: ms(Math.max(...of.map((s) => s.end - s.start))), beside: spread(of.map((s) => s.end - s.start)) });
  }
  const gc = pauses.filter((p) => p.at >= t0).map((p) => p.ms);
  rows.push({ what: `  the collector's pauses meanwhile: ${gc.length}, ${ms(gc.reduce((a, b) => a + b, 0))} in all`, figure: ms(Math.max(...gc)), beside: `p50 ${ms(percentile(gc, 50))}; events ${corpus.events().length}` });
  const cpus = os.cpus();
  printTable(`Catch-up steps · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · node ${process.version} · ${((performance.now() - started) / 1000).toFixed(0)} s · ${load.summary()}`, rows, []);
}, 100);
