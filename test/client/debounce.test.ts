// The trees refresh once after a burst of index changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debounce } from '../../src/client/debounce.js';

test('a burst of calls runs once, with the last arguments, after the quiet period', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const calls: number[] = [];
  const f = debounce((n: number) => calls.push(n), 200);
  f(1);
  t.mock.timers.tick(150);
  f(2);
  t.mock.timers.tick(150);
  f(3);
  t.mock.timers.tick(199);
  assert.deepEqual(calls, []);
  t.mock.timers.tick(1);
  assert.deepEqual(calls, [3]);
  f(4);
  t.mock.timers.tick(200);
  assert.deepEqual(calls, [3, 4]);
});

test('cancel drops the pending call', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const calls: number[] = [];
  const f = debounce(() => calls.push(1), 200);
  f();
  f.cancel();
  t.mock.timers.tick(500);
  assert.deepEqual(calls, []);
});
