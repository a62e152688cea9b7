// Coreference scores with predicted mentions (eval/coref.ts), each case worked out by hand.
// Clusterings are written as strings: "abc|defg" puts a, b, c in one cluster and d, e, f, g in another.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corefScores, maxAssignment, type CorefScores } from '../../eval/coref.js';

function clustering(written: string): Map<string, string> {
  return new Map(written.split('|').flatMap((cluster, c) => [...cluster].map((m) => [m, `c${c}`] as const)));
}

type Expected = { muc: [number, number]; bcubed: [number, number]; ceafe: [number, number] };

/** Expected scores as [recall, precision] fractions; F1s and the CoNLL mean follow from them. */
function check(what: string, key: string, response: string, expected: Expected): void {
  const got = corefScores(clustering(key), clustering(response));
  const f1 = ([r, p]: [number, number]) => (r + p === 0 ? 0 : (2 * r * p) / (r + p));
  const want: CorefScores = {
    muc: { r: expected.muc[0], p: expected.muc[1], f1: f1(expected.muc) },
    bcubed: { r: expected.bcubed[0], p: expected.bcubed[1], f1: f1(expected.bcubed) },
    ceafe: { r: expected.ceafe[0], p: expected.ceafe[1], f1: f1(expected.ceafe) },
    conll: (f1(expected.muc) + f1(expected.bcubed) + f1(expected.ceafe)) / 3,
  };
  const round = (s: CorefScores) => JSON.parse(JSON.stringify(s, (_, v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)));
  assert.deepEqual(round(got), round(want), what);
}

test('MUC, B³ and CEAF-e on hand-worked examples', () => {
  check('the same clustering scores 1 everywhere', 'abc|de|f', 'abc|de|f', { muc: [1, 1], bcubed: [1, 1], ceafe: [1, 1] });
  // Key {a,b,c} {d,e,f,g}; response {a,b} {c,d} {f,g,h,i}: e missed, h and i spurious.
  // MUC R: ((3 − 2) + (4 − 3)) / (2 + 3) — {d,e,f,g} cut into {d} {e} {f,g}; P: (1 + 0 + (4 − 3)) / (1 + 1 + 3).
  // B³ R: (2/3 + 2/3 + 1/3 + 1/4 + 0 + 2/4 + 2/4) / 7 = 35/84; P: (1 + 1 + 1/2 + 1/2 + 2/4 + 2/4 + 0 + 0) / 8.
  // CEAF-e: φ4 {a,b,c}~{a,b} = 4/5, {d,e,f,g}~{f,g,h,i} = 4/8, best total 1.3 (beats 4/5 + 2/6 and 2/5 + 4/8); R 1.3/2, P 1.3/3.
  check('missed and spurious mentions', 'abc|defg', 'ab|cd|fghi', { muc: [2 / 5, 2 / 5], bcubed: [35 / 84, 4 / 8], ceafe: [1.3 / 2, 1.3 / 3] });
  // Every mention alone in the response: no links, so MUC R 0 (and P 0/0 = 0); B³ P 1; CEAF-e φ4 2/4 + 2/3, one per key cluster.
  check('all singletons', 'ab|cde', 'a|b|c|d|e', { muc: [0, 0], bcubed: [(1 / 2 + 1 / 2 + 1 / 3 + 1 / 3 + 1 / 3) / 5, 1], ceafe: [(2 / 3 + 2 / 4) / 2, (2 / 3 + 2 / 4) / 5] });
  // Everything in one response cluster: MUC R 1, P (5 − 2) / 4; B³ P (2² + 3²) / 5 / 5; CEAF-e φ4 best 2·3/8.
  check('all in one', 'ab|cde', 'abcde', { muc: [1, 3 / 4], bcubed: [1, 13 / 25], ceafe: [(6 / 8) / 2, 6 / 8] });
  // A response that finds nothing of the key.
  check('nothing found', 'ab|c', 'xy', { muc: [0, 0], bcubed: [0, 0], ceafe: [0, 0] });
});

test('the alignment is the best one, not the greedy one', () => {
  // Greedy takes 0.8 first and is left with 0.1: 0.9; the best pairs the 0.7s: 1.4.
  assert.equal(Math.round(maxAssignment([[0.8, 0.7], [0.7, 0.1]]) * 1e9) / 1e9, 1.4);
  assert.equal(Math.round(maxAssignment([[0.5], [0.9], [0.2]]) * 1e9) / 1e9, 0.9, 'more rows than columns');
  assert.equal(Math.round(maxAssignment([[0.3, 0.6, 0.1]]) * 1e9) / 1e9, 0.6, 'more columns than rows');
  assert.equal(maxAssignment([]), 0);
});
