// What each stage of the corpus holds on the heap, in process (no LSP), independent of the load:
// every document of a generated corpus analysed (with the shipped name model, as the editor does)
// and handed to the main thread as an indexing worker hands it (packed, posted, unpacked), then
// linked, then joined; the heap retained after a full collection at each point, what each stage
// added, and what a full collection of the heap then costs (the pause a request meets when one
// falls on it). Analyses are kept in a cache file beside the corpus folder (valid for every build
// whose analysis is unchanged: check with bench/analysisDigest.ts): a run costs linking and joining.
//   node --expose-gc [--trace-gc] --import tsx bench/heapStages.ts [--dir bench/.corpus/10000-1] [--docs N] [--fresh] [--snapshot FILE] [--parts]
// (npm run bench:heap); with --trace-gc, `node bench/gcPauses.mjs LOG` sums the pauses per step.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize, writeHeapSnapshot } from 'node:v8';
import { analyzeDocument, Corpus, type DocumentAnalysis } from '../src/core/index.js';
import { useNameModel } from '../src/core/entities/model/index.js';
import { loadShippedModel } from '../eval/model.js';
import { readCorpusMetadata } from './generate.js';
import { packDocument, unpackDocument } from '../src/server/packedDocument.js';

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
  if (existsSync(cache) && !process.argv.includes('--fresh')) return handedOver(deserialize(readFileSync(cache)) as DocumentAnalysis[]);
  const model = loadShippedModel(path.resolve('.'));
  if ('error' in model) throw new Error(`the name model: ${model.error}`);
  useNameModel(model);
  const metadata = readCorpusMetadata(dir);
  const all = files.map((f) => analyzeDocument(texts.get(f)!, { path: path.join(dir, f), metadata: metadata?.documents.get(f) }));
  writeFileSync(cache, serialize(all));
  return handedOver(deserialize(readFileSync(cache)) as DocumentAnalysis[]);
}

/** As the analysis pool receives them (packedDocument.ts): copies, their short strings shared across documents. */
function handedOver(analyses: DocumentAnalysis[]): DocumentAnalysis[] {
  const seen = new Map<string, string>();
  return analyses.map((analysis) => {
    const packed = packDocument({ text: '', analysis, fileProblems: [], skipped: false });
    return unpackDocument(structuredClone(packed, { transfer: [packed.numbers.buffer] }), seen).analysis;
  });
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
  texts.clear(); // the corpus holds them now
  mark('documents in the corpus', performance.now() - t0);
  t0 = performance.now();
  const entities = corpus.linked().entities.length;
  mark(`linked (${entities} entities)`, performance.now() - t0);
  t0 = performance.now();
  const events = corpus.events().length;
  mark(`joined (${events} events)`, performance.now() - t0);
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
  if (process.argv.includes('--parts')) byPart(corpus, last);
}

/**
 * What each part of the stages holds alone: taken away one after another, from the consumers back
 * to the inputs, the heap retained after each. Reads the stages' private fields by name; a name
 * that is not a field holding something (renamed, or never filled) stops the bench, so a renamed
 * field cannot pass as a part that holds nothing.
 */
function byPart(corpus: Corpus, before: number): void {
  const c = corpus as unknown as Record<string, Record<string, Record<string, unknown>>>;
  const joiner = () => c.join.joiner as Record<string, unknown>;
  const parts: Array<[string, Array<[() => Record<string, unknown>, string[]]>]> = [
    ['the learned joins (storyJoin.ts)', [[joiner, ['storyJoin']]]],
    ['the dates lent (stories.ts)', [[joiner, ['stories']]]],
    ['the events and their lookups', [[joiner, ['joined', 'byBase', 'list', 'byPath', 'byEntity']]]],
    ['the clusters and scopes', [[joiner, ['nodes', 'docScopes', 'stageInputs', 'clustersByDoc', 'alive', 'stale', 'touched', 'touchedDocs']]]],
    ['the reports, with entity ids', [[joiner, ['docs', 'dctTimes', 'entities']], [() => c.join, ['read']]]],
    ['the linker', [[() => c.link, ['linker', 'links', 'mentionLists']], [() => c as unknown as Record<string, unknown>, ['current']]]],
    ['texts, analyses, applied annotations', [[() => c as unknown as Record<string, unknown>, ['inputs', 'analysis', 'link', 'join']]]],
  ];
  // Every name checked before anything is taken away: a wrong one costs no run.
  for (const [what, fields] of parts) for (const [holder, names] of fields) for (const name of names) held(holder(), name, what);
  console.log('held by each part alone, taken away from the consumers back');
  let last = before;
  for (const [what, fields] of parts) {
    for (const [holder, names] of fields) for (const name of names) holder()[name] = null;
    const now = retained();
    console.log(`${what.padEnd(36)} ${(last - now).toFixed(1).padStart(9)} MB`);
    last = now;
  }
}

/** Fails when `name` is not one of the object's own fields, or holds nothing. */
function held(holder: Record<string, unknown>, name: string, part: string): void {
  if (!Object.hasOwn(holder, name) || holder[name] === null || holder[name] === undefined) {
    const fields = Object.keys(holder).join(', ');
    throw new Error(`--parts: "${part}" names ${holder.constructor.name}.${name}, which holds nothing (renamed? its fields: ${fields}); update byPart in bench/heapStages.ts`);
  }
}

main();
