// The timeline's keyboard (media/timeline/keys.js), run in a sandbox as the webview runs it: which
// event the arrow keys, Home and End move to, from positions alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

type Stop = { lane: number; x: number };
const sandbox: Record<string, unknown> = {};
vm.runInNewContext(readFileSync(path.resolve('media/timeline/keys.js'), 'utf8'), sandbox);
const { nextStop } = sandbox.CorpusLensTimelineKeys as { nextStop(stops: Stop[], from: number, key: string): number };

// Two lanes of dated events (in x order within each) and one undated item below them.
const stops: Stop[] = [
  { lane: 0, x: 10 }, { lane: 0, x: 120 }, { lane: 0, x: 400 },
  { lane: 1, x: 90 }, { lane: 1, x: 380 },
  { lane: 2, x: 0 },
];

const moves: Array<[string, number, string, number]> = [
  ['Right: the next event of the lane, in time', 0, 'ArrowRight', 1],
  ['Right at the lane\'s last: stays', 2, 'ArrowRight', 2],
  ['Left: the one before', 1, 'ArrowLeft', 0],
  ['Down: the nearest in time in the lane below', 1, 'ArrowDown', 3],
  ['Down from the far right: the nearest is the last', 2, 'ArrowDown', 4],
  ['Up: the nearest in the lane above', 4, 'ArrowUp', 2],
  ['Down from the last lane of the chart: into the undated list', 3, 'ArrowDown', 5],
  ['Up from the first lane: stays', 0, 'ArrowUp', 0],
  ['Home and End: the lane\'s first and last', 1, 'End', 2],
  ['Home', 4, 'Home', 3],
  ['another key: stays', 1, 'Tab', 1],
];

for (const [name, from, key, to] of moves) test(`timeline keys: ${name}`, () => assert.equal(nextStop(stops, from, key), to));
