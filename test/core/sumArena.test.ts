// The tagger's arena of summed weights: rows handed out zeroed and kept while in bound; past the
// bound a trim drops them all and starts a new generation; the memory stays near the bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SumArena } from '../../src/core/entities/model/sumArena.js';

interface Case {
  limit: number;
  /** Rows asked for, one block each; 't' trims. */
  steps: Array<number | 't'>;
  /** Numbers in use after the steps, and how many generations the arena went through. */
  used: number;
  trims: number;
}

const WIDTH = 3;

function check({ limit, steps, used, trims }: Case): void {
  const arena = new SumArena(limit, WIDTH, 4);
  const first = arena.generation;
  const starts: number[] = [];
  for (const step of steps) {
    if (step === 't') {
      arena.trim();
      continue;
    }
    const at = arena.alloc(step);
    // A row comes zeroed even where an earlier generation wrote; what it holds stays while the generation lasts.
    for (let i = at; i < at + step * WIDTH; i++) assert.equal(arena.data[i], 0, `number ${i} not zeroed`);
    arena.data.fill(step, at, at + step * WIDTH);
    starts.push(at);
  }
  assert.equal(arena.used, used, 'numbers in use');
  assert.equal(arena.generation - first, trims, 'generations');
  if (trims === 0) for (let s = 0; s < starts.length; s++) assert.equal(arena.data[starts[s]], steps.filter((x) => x !== 't')[s], `block ${s} kept`);
  assert.ok(arena.data.length <= Math.max(limit + (limit >> 3) + 5 * WIDTH * 10, 4), `${arena.data.length} numbers held for a bound of ${limit}`);
}

const cases: Array<[string, Case]> = [
  ['rows follow each other, grown past the first size', { limit: 100, steps: [1, 5, 2], used: 24, trims: 0 }],
  ['a trim within the bound keeps every row', { limit: 100, steps: [5, 't', 5, 't'], used: 30, trims: 0 }],
  ['a trim past the bound drops every row', { limit: 20, steps: [5, 5, 't'], used: 0, trims: 1 }],
  ['rows after a trim start again at 0, zeroed', { limit: 20, steps: [5, 5, 't', 2], used: 6, trims: 1 }],
  ['past the bound between trims (one segment), rows keep coming', { limit: 20, steps: [5, 5, 5, 5], used: 60, trims: 0 }],
  ['many segments: the memory stays near the bound', { limit: 60, steps: Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? 't' : 5)), used: 0, trims: 25 }],
];

for (const [name, c] of cases) test(`sum arena: ${name}`, () => check(c));
