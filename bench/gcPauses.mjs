// The collector's pauses in a log of `node --trace-gc`, summed per kind, and per step of
// bench/heapStages.ts when its `[step] …` lines are in the log (collections forced by the bench
// itself, `testing`, left out): how long the main thread stood still for garbage collection.
//   node bench/gcPauses.mjs LOG
import { readFileSync } from 'node:fs';

const steps = [];
let current = { step: 'after the last step', kinds: new Map() };
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  const step = /^\[step\] (.*)/.exec(line);
  if (step) {
    // The step's collections are those since the one before.
    steps.push({ ...current, step: step[1] });
    current = { step: 'after the last step', kinds: new Map() };
    continue;
  }
  const gc = /ms: ([A-Za-z-]+(?: \(reduce\))?)[^,]*MB, ([\d.]+) \/ [\d.]+ ms/.exec(line);
  if (!gc || line.includes('testing')) continue;
  const kind = current.kinds.get(gc[1]) ?? { n: 0, ms: 0, max: 0 };
  kind.n++;
  kind.ms += Number(gc[2]);
  kind.max = Math.max(kind.max, Number(gc[2]));
  current.kinds.set(gc[1], kind);
}
steps.push(current);
for (const { step, kinds } of steps) {
  if (kinds.size === 0) continue;
  const parts = [...kinds].map(([k, v]) => `${k} ${v.n}× ${(v.ms / 1000).toFixed(2)} s (longest ${v.max.toFixed(0)} ms)`);
  console.log(`${step}: ${parts.join(' · ')}`);
}
