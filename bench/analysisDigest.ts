// A hash of every DocumentAnalysis over a fixed set of texts: a speed change must leave it as it
// was. One hash per group (so a difference says where to look) and one over all; also the time of
// analyzeDocument on the 1 MB document (median of runs). The shipped name model is in use, as in
// the editor; --rules hashes the rules alone.
//   node --import tsx bench/analysisDigest.ts [--runs 5] [--rules]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../src/core/index.js';
import { useNameModel } from '../src/core/entities/model/index.js';
import { loadShippedModel } from '../eval/model.js';

const CORPUS = path.join('bench', '.corpus');
const LONG = path.join(CORPUS, 'long-1000-1.txt');

function txtFiles(dir: string, limit = Infinity): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit).map((f) => path.join(dir, f));
}

if (!process.argv.includes('--rules')) {
  const model = loadShippedModel(path.resolve('.'));
  if ('error' in model) throw new Error(`the name model: ${model.error}`);
  useNameModel(model);
}
console.log(process.argv.includes('--rules') ? 'names: the rules alone' : 'names: the rules and the shipped model');

const groups: Array<[string, string[]]> = [
  ['seeds', txtFiles('seeds')],
  ['meantime-dev', txtFiles(path.resolve('..', 'shared', 'devdata', 'meantime-dev'))],
  ['ecbplus-dev', txtFiles(path.resolve('..', 'shared', 'devdata', 'ecbplus-dev'))],
  ['10000-1 (first 2,000)', txtFiles(path.join(CORPUS, '10000-1'), 2000)],
  ['long-1000-1', existsSync(LONG) ? [LONG] : []],
];

const all = createHash('sha256');
for (const [name, files] of groups) {
  // A missing folder is said, and left out of "all": its hash would otherwise pass for a change.
  if (files.length === 0) {
    console.log(`${name.padEnd(24)}     missing`);
    continue;
  }
  const h = createHash('sha256');
  for (const file of files) {
    const json = JSON.stringify(analyzeDocument(readFileSync(file, 'utf8'), { path: path.basename(file) }));
    h.update(json);
    all.update(json);
  }
  console.log(`${name.padEnd(24)} ${String(files.length).padStart(5)} files  ${h.digest('hex').slice(0, 16)}`);
}
console.log(`${'all'.padEnd(36)}  ${all.digest('hex').slice(0, 16)}`);

if (existsSync(LONG)) {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Number(process.argv[i + 1]) : 5;
  const text = readFileSync(LONG, 'utf8');
  // CPU time beside wall time: on a busy machine the wall clock says more about the neighbours.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    analyzeDocument(text, { path: 'long.txt' });
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
  console.log(`analyzeDocument, 1 MB document: ${median(wall)} ms wall, ${median(cpu)} ms CPU (median of ${runs})`);
}
