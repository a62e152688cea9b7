// Recognition throughput on news text, one core, beside a plain regex scan of the same text (the
// floor for any scanner in JS) and compromise (what a user would reach for). Median of runs.
//   npm run bench:recognition [-- --mb 4 --runs 5] [--entities]
// --entities: only the regex floor and the entity rows (a quicker comparison of recognisers).
// It runs bundled by esbuild, as the extension does: the figures are those of the shipped code.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument } from '../src/core/index.js';
import { planDocument } from '../src/core/document/analyze.js';
import { recognizeEntities } from '../src/core/entities/recognize.js';
import { findFootnotes } from '../src/core/document/footnotes.js';
import { tokenize } from '../src/core/entities/tokenize.js';
import { extractEvents } from '../src/core/events/extract.js';
import { findTimex } from '../src/core/dates/normalize.js';
import { useNameModel, type NameModel } from '../src/core/entities/model/index.js';
import { loadShippedModel } from '../eval/model.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** News articles: the seeds, and the dev articles beside the project when present. */
function articles(): string[] {
  const texts = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join('seeds', f), 'utf8'));
  const dev = path.resolve('..', 'shared', 'devdata', 'meantime-dev');
  if (existsSync(dev)) for (const f of readdirSync(dev).filter((f) => f.endsWith('.txt'))) texts.push(readFileSync(path.join(dev, f), 'utf8'));
  return texts;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function report(rows: Array<[string, number]>, articles: number, mb: number, runs: number, model: NameModel, loadMs: number): void {
  const floor = rows[0][1];
  console.log(`recognition throughput · ${articles} articles, ${mb.toFixed(1)} MB · median of ${runs} runs · one core · node ${process.version} · load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`${'what'.padEnd(36)} ${'ms'.padStart(8)} ${'MB/s'.padStart(8)} ${'× regex floor'.padStart(14)}`);
  for (const [name, ms] of rows) {
    console.log(`${name.padEnd(36)} ${ms.toFixed(0).padStart(8)} ${(mb / (ms / 1000)).toFixed(1).padStart(8)} ${(floor / ms).toFixed(3).padStart(14)}`);
  }
  console.log(`the name model: read and ready in ${loadMs.toFixed(0)} ms (cold, once), ${(model.table.memoryBytes / 1e6).toFixed(1)} MB of weights in memory`);
}

function time(fn: () => void, runs: number): number {
  fn(); // warm up
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

const PARTS = ['its plan (lines, footnotes, header)', 'its tokens (tokenize)', 'its names (rules + model)', 'its dates', 'its events (given names and dates)'];

/**
 * Where analyzeDocument's time goes: its parts as it runs them on a document of one passage, timed
 * inside one pass over the documents, each document's results dropped before the next (as the
 * analysis does: timing a part alone over results kept for every document measures their garbage
 * collection too). Median of runs per part.
 */
function partsOfAnalysis(docs: string[], runs: number): Array<[string, number]> {
  const pass = () => {
    const ms = PARTS.map(() => 0);
    for (const d of docs) {
      const t0 = performance.now();
      const plan = planDocument(d, { path: 'x.txt' });
      const t1 = performance.now();
      const tokens = tokenize(d, plan.lines);
      const t2 = performance.now();
      const names = recognizeEntities(d, tokens);
      const t3 = performance.now();
      const dates = findTimex(d, { dct: plan.dct?.value ?? null });
      const t4 = performance.now();
      extractEvents(tokens.tokens, tokens.sentences, names, dates, d);
      const t5 = performance.now();
      [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4].forEach((t, i) => (ms[i] += t));
    }
    return ms;
  };
  pass(); // warm up
  const passes = Array.from({ length: runs }, pass);
  return PARTS.map((name, i) => [name, median(passes.map((p) => p[i]))]);
}

async function main() {
  const targetMB = arg('mb', 4);
  const runs = arg('runs', 5);
  const pool = articles();
  const docs: string[] = [];
  let bytes = 0;
  for (let k = 0; bytes < targetMB * 1024 * 1024; k++) {
    const t = pool[k % pool.length];
    docs.push(t);
    bytes += Buffer.byteLength(t);
  }
  const mb = bytes / 1024 / 1024;
  const CAPITALISED = /\p{Lu}[\p{L}\p{M}'’-]*/gu;
  const rows: Array<[string, number]> = [];
  rows.push(['regex scan (capitalised words)', time(() => { for (const d of docs) for (const _ of d.matchAll(CAPITALISED)); }, runs)]);
  rows.push(['footnotes', time(() => { for (const d of docs) findFootnotes(d); }, runs)]);
  const loadStarted = performance.now();
  const model = loadShippedModel(path.resolve('.'));
  const loadMs = performance.now() - loadStarted;
  if ('error' in model) throw new Error(`the name model: ${model.error}`);
  rows.push(['entities, rules alone', time(() => { for (const d of docs) recognizeEntities(d, undefined, null); }, runs)]);
  rows.push(['entities, rules + model', time(() => { for (const d of docs) recognizeEntities(d, undefined, model); }, runs)]);
  if (process.argv.includes('--entities')) return report(rows, docs.length, mb, runs, model, loadMs);
  rows.push(['dates (recognised and anchored)', time(() => { for (const d of docs) findTimex(d, { dct: '2024-03-11' }); }, runs)]);
  try {
    const chrono = await import('chrono-node');
    rows.push(['chrono-node (dates)', time(() => { for (const d of docs) chrono.parse(d, new Date('2024-03-11')); }, Math.min(runs, 3))]);
  } catch {
    rows.push(['chrono-node (not installed)', NaN]);
  }
  useNameModel(model);
  rows.push(['analyzeDocument (all, with the model)', time(() => { for (const d of docs) analyzeDocument(d, { path: 'x.txt' }); }, runs)]);
  for (const [name, ms] of partsOfAnalysis(docs, runs)) rows.push([`  ${name}`, ms]);
  try {
    const nlp = (await import('compromise')).default;
    rows.push(['compromise (people, places, orgs)', time(() => { for (const d of docs) { const doc = nlp(d); doc.people().out('offset'); doc.places().out('offset'); doc.organizations().out('offset'); } }, Math.min(runs, 3))]);
  } catch {
    rows.push(['compromise (not installed)', NaN]);
  }
  report(rows, docs.length, mb, runs, model, loadMs);
  const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join('seeds', f), 'utf8'));
  const seedMs = time(() => { for (const d of seeds) analyzeDocument(d, { path: 'x.txt' }); }, 20);
  console.log(`the five seeds, analysed once warm: ${seedMs.toFixed(1)} ms (median of 20)`);
}

main();
