// Catching up a slice at a time: requests go first. While the server says a request is waiting
// (between its dispatch and its written answer) no slice runs; once none waits the slices go on
// until the corpus is up to date. The corpus is the only stand-in: it counts the slices taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../src/core/index.js';
import { CatchUp } from '../../src/server/catchUp.js';

/** A corpus `slices` slices behind: each catchUp() takes one. */
function behind(slices: number) {
  const corpus = { taken: 0, deferLargeChanges: false, get upToDate() { return this.taken >= slices; }, catchUp() { this.taken++; return this.upToDate; } };
  return corpus;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

type Step = { request: string } | { answered: string } | { turns: number } | { taken: number } | { caughtUp: number };

/** Runs the steps against a corpus 20 slices behind, from the start of catching up. */
async function check(steps: Step[]): Promise<void> {
  const corpus = behind(20);
  let caughtUp = 0;
  const waiting = new Set<string>();
  const catchUp = new CatchUp(corpus as unknown as Corpus, () => caughtUp++, () => waiting.size > 0);
  catchUp.schedule();
  for (const step of steps) {
    if ('request' in step) waiting.add(step.request);
    else if ('answered' in step) waiting.delete(step.answered);
    else if ('turns' in step) for (let k = 0; k < step.turns; k++) await turn();
    else if ('taken' in step) assert.equal(corpus.taken, step.taken, `slices taken after ${JSON.stringify(steps.slice(0, steps.indexOf(step)))}`);
    else assert.equal(caughtUp, step.caughtUp);
  }
}

const cases: Array<[string, Step[]]> = [
  ['no request: every slice, then caught up once', [{ turns: 30 }, { taken: 20 }, { caughtUp: 1 }]],
  ['a request before the first slice holds them all', [{ request: 'hover' }, { turns: 5 }, { taken: 0 }, { caughtUp: 0 }, { answered: 'hover' }, { turns: 30 }, { taken: 20 }, { caughtUp: 1 }]],
  ['two requests: the slices wait for the last answer', [{ request: 'a' }, { request: 'b' }, { answered: 'a' }, { turns: 5 }, { taken: 0 }, { answered: 'b' }, { turns: 30 }, { taken: 20 }]],
];

for (const [name, steps] of cases) test(`catch-up: ${name}`, () => check(steps));
