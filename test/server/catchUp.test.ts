// Catching up a slice at a time: requests go first. While the server says a request is waiting
// (between its dispatch and its written answer) no slice runs; once none waits the slices go on
// until the corpus is up to date, then what is built ahead of requests (the timeline's index) a step
// at a time, held by requests the same way; with neither to do, no run starts. The corpus and what
// is built ahead are the stand-ins: they count the slices and steps taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../src/core/index.js';
import { CatchUp } from '../../src/server/catchUp.js';

/** A corpus `slices` slices behind: each catchUp() takes one, until it is up to date. */
function behind(slices: number) {
  const corpus = { taken: 0, calls: 0, deferLargeChanges: false, get upToDate() { return this.taken >= slices; }, catchUp() { this.calls++; if (!this.upToDate) this.taken++; return this.upToDate; } };
  return corpus;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

type Step = { request: string } | { answered: string } | { turns: number } | { taken: number } | { caughtUp: number } | { built: number } | { calls: number };

/** Runs the steps against a corpus `slices` behind and `toBuild` steps to build ahead after, from the start of catching up. */
async function check(steps: Step[], slices = 20, toBuild = 10): Promise<void> {
  const corpus = behind(slices);
  let caughtUp = 0;
  const waiting = new Set<string>();
  let built = 0;
  const ahead = {
    due: () => built < toBuild,
    step: () => {
      assert.ok(corpus.upToDate, 'built ahead only once caught up');
      if (built < toBuild) built++;
      return built >= toBuild;
    },
  };
  const catchUp = new CatchUp(corpus as unknown as Corpus, () => caughtUp++, () => waiting.size > 0, ahead);
  catchUp.schedule();
  for (const step of steps) {
    if ('request' in step) waiting.add(step.request);
    else if ('answered' in step) waiting.delete(step.answered);
    else if ('turns' in step) for (let k = 0; k < step.turns; k++) await turn();
    else if ('taken' in step) assert.equal(corpus.taken, step.taken, `slices taken after ${JSON.stringify(steps.slice(0, steps.indexOf(step)))}`);
    else if ('built' in step) assert.equal(built, step.built);
    else if ('calls' in step) assert.equal(corpus.calls, step.calls, 'runs of the catch-up');
    else assert.equal(caughtUp, step.caughtUp);
  }
}

const cases: Array<[string, Step[], number?, number?]> = [
  ['no request: every slice, then caught up once, then the steps built ahead', [{ turns: 50 }, { taken: 20 }, { caughtUp: 1 }, { built: 10 }]],
  ['a request before the first slice holds them all, and the steps built ahead', [{ request: 'hover' }, { turns: 5 }, { taken: 0 }, { caughtUp: 0 }, { built: 0 }, { answered: 'hover' }, { turns: 50 }, { taken: 20 }, { caughtUp: 1 }, { built: 10 }]],
  ['two requests: the slices wait for the last answer', [{ request: 'a' }, { request: 'b' }, { answered: 'a' }, { turns: 5 }, { taken: 0 }, { answered: 'b' }, { turns: 30 }, { taken: 20 }]],
  ['up to date, something to build ahead: built, and no "caught up" (nothing changed)', [{ turns: 30 }, { built: 10 }, { caughtUp: 0 }], 0, 10],
  ['up to date, nothing to build: no run starts', [{ turns: 10 }, { calls: 0 }], 0, 0],
  ['behind, nothing to build: caught up', [{ turns: 40 }, { taken: 20 }, { caughtUp: 1 }, { built: 0 }], 20, 0],
];

for (const [name, steps, slices, toBuild] of cases) test(`catch-up: ${name}`, () => check(steps, slices, toBuild));
