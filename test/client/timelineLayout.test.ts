// The timeline webview's layout arithmetic (media/timeline/layout.js), run in a sandbox as the
// webview runs it: a plain script that sets one global.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

interface Tick {
  day: number;
  label: string;
  n: number;
}

interface Layout {
  ZOOM: { min: number; max: number; step: number };
  clampZoom(px: number): number;
  fitZoom(days: number, width: number): number;
  zoomAt(view: { pxPerDay: number; scrollLeft: number }, factor: number, anchorX: number): { pxPerDay: number; scrollLeft: number };
  xOf(day: number, start: number, px: number): number;
  focusZoom(px: number, width: number): number;
  chooseTicks(levels: Array<{ approxDays: number; steps?: number[]; ticks: Tick[] }>, px: number, minSpacing: number): Tick[];
  packRows(boxes: Array<{ x: number; width: number }>, gap: number): { rows: number[]; count: number; room: number[] };
}

function loadLayout(): Layout {
  const sandbox: Record<string, unknown> = {};
  vm.runInNewContext(readFileSync(path.resolve('media/timeline/layout.js'), 'utf8'), sandbox);
  return sandbox.CorpusLensTimelineLayout as Layout;
}

const L = loadLayout();
/** A value from the sandbox as one of this realm's, for deepEqual. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

test('zoom stays within its bounds, whatever it is given', () => {
  assert.equal(L.clampZoom(1e9), L.ZOOM.max);
  assert.equal(L.clampZoom(0), L.ZOOM.min);
  assert.equal(L.clampZoom(Number.NaN), L.ZOOM.min);
  assert.equal(L.clampZoom(2), 2);
});

test('fit: the whole span in the width', () => {
  assert.equal(L.fitZoom(100, 1000), 10);
  assert.equal(L.fitZoom(0, 500), L.ZOOM.max, 'an empty span does not divide by zero');
  assert.equal(L.fitZoom(16_000, 800), 0.05);
});

test('zooming keeps the day under the anchor where it is', () => {
  const before = { pxPerDay: 2, scrollLeft: 300 };
  const anchor = 250;
  const dayUnderAnchor = (before.scrollLeft + anchor) / before.pxPerDay;
  const after = L.zoomAt(before, 1.5, anchor);
  assert.equal(after.pxPerDay, 3);
  assert.ok(Math.abs((after.scrollLeft + anchor) / after.pxPerDay - dayUnderAnchor) < 0.5);
  const out = L.zoomAt({ pxPerDay: 2, scrollLeft: 0 }, 1 / 1.5, 100);
  assert.equal(out.scrollLeft, 0, 'never scrolls before the start');
  assert.equal(L.zoomAt({ pxPerDay: L.ZOOM.max, scrollLeft: 0 }, 2, 0).pxPerDay, L.ZOOM.max);
});

test('x of a day', () => {
  assert.equal(L.xOf(110, 100, 3), 30);
});

test('ticks: the finest level that leaves room between them', () => {
  const tick = (n: number): Tick => ({ day: n, label: String(n), n });
  const levels = [
    { approxDays: 365, steps: [1, 2, 5, 10], ticks: [tick(2020), tick(2021), tick(2022)] },
    { approxDays: 30, steps: [1, 3, 6], ticks: [0, 1, 2, 3, 4, 5, 6].map(tick) },
    { approxDays: 1, steps: [1], ticks: [tick(10)] },
  ];
  const shown = (px: number) => plain(L.chooseTicks(levels, px, 56)).map((t) => t.n);
  assert.deepEqual(shown(60), [10], 'days');
  assert.deepEqual(shown(2), [0, 1, 2, 3, 4, 5, 6], 'months');
  assert.deepEqual(shown(1), [0, 3, 6], 'quarters');
  assert.deepEqual(shown(0.5), [0, 6], 'half years');
  assert.deepEqual(shown(0.2), [2020, 2021, 2022], 'years');
  assert.deepEqual(shown(0.1), [2020, 2022], 'every other year');
  assert.deepEqual(shown(0.03), [2020], 'every fifth year');
  assert.deepEqual(plain(L.chooseTicks([], 1, 56)), []);
});

test('ticks too close even at the coarsest level are thinned to round values', () => {
  const years = Array.from({ length: 46 }, (_, i) => ({ day: i * 365, label: String(1979 + i), n: 1979 + i }));
  const level = { approxDays: 365.25, steps: [1, 2, 5, 10, 20, 50, 100], ticks: years };
  // 45 years in 1000 px: a year is 22 px; every 5th year leaves 110 px.
  assert.deepEqual(plain(L.chooseTicks([level], 1000 / (45 * 365.25), 56)).map((t) => t.n), [1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020]);
  // Closer than the largest step allows: the largest step.
  assert.deepEqual(plain(L.chooseTicks([level], 1e-5, 56)).map((t) => t.n), [2000]);
});

test('focusing zooms in to a year across the width, never out', () => {
  assert.equal(L.focusZoom(0.05, 730), 2);
  assert.equal(L.focusZoom(10, 730), 10);
});

test('rows: overlapping boxes stack, boxes that fit share a row', () => {
  const { rows, count } = L.packRows([
    { x: 0, width: 100 },
    { x: 50, width: 100 },
    { x: 110, width: 20 },
    { x: 160, width: 10 },
    { x: 155, width: 10 },
  ], 8);
  assert.deepEqual(plain(rows), [0, 1, 0, 1, 0]);
  assert.equal(count, 2);
  const { room } = L.packRows([{ x: 0, width: 50 }, { x: 70, width: 50 }, { x: 200, width: 10 }], 8);
  assert.deepEqual(plain(room).slice(0, 2), [62, 122], 'up to the next box in the row, less the gap');
  assert.equal(room[2], Infinity);
  assert.deepEqual(plain(L.packRows([], 8)), { rows: [], count: 0, room: [] });
});
