// The main thread's side of a long open document analysed on its worker (issue #14), in process:
// the server's OpenDocumentAnalysis with the real thread (dist/openAnalysisWorker.js, from `npm run
// build`), a generated document of --mb MB, from sending it until its analysis is handed over. The
// collector's pauses on this thread meanwhile (taking the passages' findings is what they copy),
// and how late a timer due every 20 ms fired (a hover would have waited as long). Each run opens a
// 200 KB document first, as the server's first long document starts the thread, unmeasured.
//   node --max-semi-space-size=32 --import tsx bench/openIntake.ts [--mb 10] [--runs 3]
// (the server's node options: SERVER_NODE_ARGS in src/protocol.ts.)
import * as os from 'node:os';
import * as path from 'node:path';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { LoadedDocument } from '../src/core/index.js';
import { OpenDocumentAnalysis } from '../src/server/openAnalysis.js';
import { installShippedNameModel } from '../src/server/nameModelFile.js';
import { createWorld, generateLongDocument } from '../test/support/corpusGenerator.js';
import { arg, median, ms, percentile, printTable, sampleLoad, type Row } from './table.js';

const mb = Number(arg('mb', '10'));
const runs = Number(arg('runs', '3'));
const load = sampleLoad();
const started = performance.now();
// As the server: the shipped model on this thread too (the document's features are read here).
installShippedNameModel();

const world = createWorld(1, 1000);
const text = generateLongDocument(world, 1000, mb * 1024 * 1024 - 16 * 1024);
const warm = generateLongDocument(world, 5000, 200 * 1024);

const pauses: Array<{ minor: boolean; ms: number }> = [];
let watching = false;
new PerformanceObserver((list) => {
  if (watching) for (const e of list.getEntries()) pauses.push({ minor: (e as unknown as { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MINOR, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

let handOver: (loaded: LoadedDocument) => void = () => {};
const analysis = new OpenDocumentAnalysis({
  analysed: (_uri, _version, loaded) => handOver(loaded),
  metaFor: (uri) => ({ path: uri }),
  limitBytes: () => 20 * 1024 * 1024,
  progress: async () => undefined,
  log: (message) => process.stderr.write(`${message}\n`),
}, path.join(__dirname, '..', 'dist', 'openAnalysisWorker.js'));

function analysed(uri: string, t: string): Promise<LoadedDocument> {
  const done = new Promise<LoadedDocument>((resolve) => (handOver = resolve));
  analysis.analyze(uri, 1, t);
  return done;
}

interface Run { wall: number; findings: number; scavenges: number[]; others: number[]; lateP99: number; lateMax: number; heapMB: number }

async function measure(r: number): Promise<Run> {
  await analysed(`file:///warm-${r}.txt`, warm);
  pauses.length = 0;
  const late: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    late.push(Math.max(0, now - last - 20));
    last = now;
  }, 20);
  watching = true;
  const t0 = performance.now();
  const loaded = await analysed(`file:///dump-${r}.txt`, text);
  const wall = performance.now() - t0;
  watching = false;
  clearInterval(timer);
  // Held until the next run, as the corpus holds it: what the findings fill is what the collector copies.
  held.push(loaded);
  const { entities, timex, events } = loaded.analysis;
  return {
    wall, findings: entities.length + timex.length + events.length,
    scavenges: pauses.filter((p) => p.minor).map((p) => p.ms), others: pauses.filter((p) => !p.minor).map((p) => p.ms),
    lateP99: percentile(late, 99), lateMax: Math.max(...late), heapMB: process.memoryUsage().heapUsed / 1048576,
  };
}

const held: LoadedDocument[] = [];

async function main(): Promise<void> {
  const results: Run[] = [];
  for (let r = 0; r < runs; r++) {
    held.length = 0;
    results.push(await measure(r));
    process.stderr.write(`run ${r + 1}: ${ms(results[r].wall)}, ${results[r].scavenges.length} scavenges\n`);
  }
  analysis.dispose();
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const each = (f: (r: Run) => string) => results.map(f).join(' · ');
  const rows: Row[] = [
    { what: `${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB analysed on the worker, ${results[0].findings.toLocaleString('en-US')} findings, ${runs} runs`, figure: '', section: true },
    { what: '  to its analysis on this thread (median)', figure: ms(median(results.map((r) => r.wall))), beside: each((r) => ms(r.wall)) },
    { what: '  scavenges on this thread: how many (median)', figure: String(median(results.map((r) => r.scavenges.length))), beside: each((r) => `${r.scavenges.length}, ${ms(sum(r.scavenges))}, max ${ms(Math.max(0, ...r.scavenges))}`) },
    { what: '  mark-compact pauses and steps: how many (median)', figure: String(median(results.map((r) => r.others.length))), beside: each((r) => `${r.others.length}, ${ms(sum(r.others))}`) },
    { what: '  a timer due every 20 ms, how late: p99 (median)', figure: ms(median(results.map((r) => r.lateP99))), beside: each((r) => `p99 ${ms(r.lateP99)}, max ${ms(r.lateMax)}`) },
    { what: '  heap used after the run, its analysis held', figure: `${median(results.map((r) => r.heapMB)).toFixed(0)} MB`, beside: each((r) => `${r.heapMB.toFixed(0)} MB`) },
  ];
  const cpus = os.cpus();
  printTable(`Open document intake · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · node ${process.version} · ${((performance.now() - started) / 1000).toFixed(0)} s · ${load.summary()}`, rows, []);
  process.exit(0);
}

void main();
