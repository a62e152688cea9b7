// What each stage of the corpus holds on the heap, in process (no LSP), independent of the load:
// every document of a generated corpus analysed (with the shipped name model, as the editor does)
// and passed through the structured clone a worker's analysis crosses to the main thread, then
// linked, then joined; the heap retained after a full collection at each point, what each stage
// added, and what a full collection of the heap then costs (the pause a request meets when one
// falls on it). Analyses are kept in a cache file beside the corpus folder (valid for every build
// whose analysis is unchanged: check with bench/analysisDigest.ts): a run costs linking and joining.
//   node --expose-gc [--trace-gc] --import tsx bench/heapStages.ts [--dir bench/.corpus/10000-1] [--docs N] [--fresh] [--snapshot FILE]
// (npm run bench:heap); with --trace-gc, `node bench/gcPauses.mjs LOG` sums the pauses per step.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize, writeHeapSnapshot } from 'node:v8';
import { analyzeDocument, Corpus, type DocumentAnalysis } from '../src/core/index.js';
import { useNameModel } from '../src/core/entities/model/index.js';
import { loadShippedModel } from '../eval/model.js';
import { readCorpusMetadata } from './generate.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** The heap retained now, in MB, after full collections. */
function retained(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}

function analyses(dir: string, files: string[], texts: Map<string, string>): DocumentAnalysis[] {
  const cache = `${dir}.analyses-${files.length}.v8`;
  if (existsSync(cache) && !process.argv.includes('--fresh')) return deserialize(readFileSync(cache)) as DocumentAnalysis[];
  const model = loadShippedModel(path.resolve('.'));
  if ('error' in model) throw new Error(`the name model: ${model.error}`);
  useNameModel(model);
  const metadata = readCorpusMetadata(dir);
  const all = files.map((f) => analyzeDocument(texts.get(f)!, { path: path.join(dir, f), metadata: metadata?.documents.get(f) }));
  writeFileSync(cache, serialize(all));
  // As a worker's analyses arrive: copies, no strings shared with the texts.
  return deserialize(readFileSync(cache)) as DocumentAnalysis[];
}

function main(): void {
  const dir = path.resolve(arg('dir', 'bench/.corpus/10000-1'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(arg('docs', 'Infinity')));
  const texts = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  let list: DocumentAnalysis[] | null = analyses(dir, files, texts);
  const rows: Array<[string, number, number]> = [];
  let last = retained();
  const mark = (what: string, ms: number) => {
    const now = retained();
    rows.push([what, now - last, ms]);
    last = now;
    // With --trace-gc, between the collector's lines: where each step's collections end.
    if (process.execArgv.includes('--trace-gc')) console.log(`[step] ${what}`);
  };
  mark('texts and analyses read', 0);
  const corpus = new Corpus();
  let t0 = performance.now();
  files.forEach((f, i) => corpus.update(f, texts.get(f)!, list![i]));
  list = null;
  mark('documents in the corpus', performance.now() - t0);
  t0 = performance.now();
  const links = corpus.linked();
  mark(`linked (${links.entities.length} entities)`, performance.now() - t0);
  t0 = performance.now();
  const events = corpus.events();
  mark(`joined (${events.length} events)`, performance.now() - t0);
  console.log(`${files.length} documents of ${path.relative('.', dir)}; MB retained after a full collection, and what each step added`);
  for (const [what, mb, ms] of rows) console.log(`${what.padEnd(36)} ${mb >= 0 ? '+' : ''}${mb.toFixed(1).padStart(8)} MB  ${(ms / 1000).toFixed(1).padStart(6)} s`);
  console.log(`${'heap retained'.padEnd(36)} ${last.toFixed(1).padStart(9)} MB`);
  // Its CPU time (the main thread's and the collector's helpers'): the wall time moves with the load.
  const pauses: number[] = [];
  for (let k = 0; k < 5; k++) {
    const c0 = process.cpuUsage();
    gc!();
    const c = process.cpuUsage(c0);
    pauses.push((c.user + c.system) / 1000);
  }
  pauses.sort((a, b) => a - b);
  console.log(`${'a full collection, CPU (median of 5)'.padEnd(36)} ${pauses[2].toFixed(0).padStart(9)} ms`);
  const snapshot = arg('snapshot', '');
  if (snapshot) writeHeapSnapshot(snapshot);
  void corpus;
}

main();
