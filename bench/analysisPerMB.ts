// One document's analysis in process (what the open-document worker does), per megabyte: a generated
// document of --mb megabytes (articles of one world, concatenated), analysed --runs times after a
// warm-up on 1 MB; prints one JSON line { mb, wallMs[], cpuMs[] }. Run in a fresh process per size
// (bench/responsive.ts does), so one size's heap does not slow the next.
//   node --import tsx bench/analysisPerMB.ts --mb 10 [--runs 3]
import { analyzeDocument } from '../src/core/index.js';
import { createWorld, generateLongDocument } from '../test/support/corpusGenerator.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const mb = Number(arg('mb', '1'));
const runs = Number(arg('runs', '3'));
const world = createWorld(1, 1000);
const warm = generateLongDocument(world, 1000, 1024 * 1024);
for (let k = 0; k < 2; k++) analyzeDocument(warm, { path: 'warm.txt' });
// Just under the size (the generator ends on a whole article), as responsive.ts opens it.
const text = generateLongDocument(world, 1000, mb * 1024 * 1024 - 16 * 1024);
const wallMs: number[] = [];
const cpuMs: number[] = [];
for (let k = 0; k < runs; k++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  analyzeDocument(text, { path: 'long.txt' });
  wallMs.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuMs.push((c.user + c.system) / 1000);
}
console.log(JSON.stringify({ mb: Buffer.byteLength(text) / 1048576, wallMs, cpuMs }));
