// The evaluation metrics, data-driven: each case computes something from a small hand-made
// example and states the figures worked out by hand. Spans are marked in the text with ⟦…⟧
// (one marked copy per layer: gold, system, neutral) instead of hand-computed offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFixture } from '../fixture.js';
import {
  bcubed, breakdownByType, linkItemsFromMatches, matchSpans, poolBCubed, prf, scoreSpans, scoreTimex,
  type DocSpan, type LinkItem, type Mention, type Timex,
} from '../../eval/metrics.js';
import { chronoValueEquals, trimPeerSpan } from '../../eval/peers.js';

/** Spans of a marked text, in order, given the types (or values) to attach in the same order. */
function layer<T extends object>(marked: string, attrs: T[], doc = 'd.txt'): Array<DocSpan & T & { text: string }> {
  const { spans } = parseFixture(marked);
  assert.equal(spans.length, attrs.length, `"${marked}" marks ${spans.length} spans, ${attrs.length} attributes given`);
  return spans.map((s, i) => ({ doc, start: s.start, end: s.end, text: s.text, ...attrs[i] }));
}

const typed = (...types: string[]) => types.map((type) => ({ type }));

/** Rounds every number to 4 places so hand-computed fractions compare. */
function round(x: unknown): unknown {
  if (typeof x === 'number') return Math.round(x * 1e4) / 1e4;
  if (Array.isArray(x)) return x.map(round);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)]));
  return x;
}

function check(actual: unknown, expected: unknown): void {
  assert.deepEqual(round(actual), round(expected));
}

// ---------------------------------------------------------------- examples

// Names: one exact hit, one type error, one boundary error.
const NAMES_GOLD = layer('⟦Steve Jobs⟧ of ⟦Apple⟧ spoke in ⟦Cupertino⟧, California.', typed('PERSON', 'ORG', 'PLACE'));
const NAMES_SYS = layer('⟦Steve Jobs⟧ of ⟦Apple⟧ spoke in ⟦Cupertino, California⟧.', typed('PERSON', 'PERSON', 'PLACE'));

// Neutral regions: "the iPhone 4" is annotated but unscored (a PRO name); "Tim Cook" is an
// unscored nominal mention around the scored name "Cook".
const NEUTRAL_GOLD = layer('Tim ⟦Cook⟧ showed the iPhone 4 in Paris.', typed('PERSON'));
const NEUTRAL_REGIONS = layer('⟦Tim Cook⟧ showed ⟦the iPhone 4⟧ in Paris.', [{}, {}]);
const NEUTRAL_SYS = layer('⟦Tim Cook⟧ showed the ⟦iPhone⟧ 4 in ⟦Paris⟧.', typed('PERSON', 'ORG', 'PLACE'));

// TIMEX: DCT "March 11, 2024" (neutral), four gold timex; the system finds the DCT, one timex
// with a longer extent (right value), one with the exact extent and a wrong value and type, one
// exact and right, one spurious, and misses "yesterday".
const TIMEX_TEXT_GOLD = '⟦March 11, 2024⟧\nOn ⟦March 5⟧, 2024 talks ran ⟦two days⟧ and ended ⟦Monday⟧; ⟦yesterday⟧ more came, next week too.';
const TIMEX_TEXT_SYS = '⟦March 11, 2024⟧\nOn ⟦March 5, 2024⟧ talks ran ⟦two days⟧ and ended ⟦Monday⟧; yesterday more came, ⟦next week⟧ too.';
const TIMEX_ALL_GOLD = layer<Pick<Timex, 'type' | 'value'>>(TIMEX_TEXT_GOLD, [
  { type: 'DATE', value: '2024-03-11' }, { type: 'DATE', value: '2024-03-05' }, { type: 'DURATION', value: 'P2D' },
  { type: 'DATE', value: '2024-03-04' }, { type: 'DATE', value: '2024-03-10' },
]);
const TIMEX_DCT = TIMEX_ALL_GOLD.slice(0, 1);
const TIMEX_GOLD = TIMEX_ALL_GOLD.slice(1);
const TIMEX_SYS = layer<Pick<Timex, 'type' | 'value'>>(TIMEX_TEXT_SYS, [
  { type: 'DATE', value: '2024-03-11' }, { type: 'DATE', value: '2024-03-05' }, { type: 'DATE', value: 'P3D' },
  { type: 'DATE', value: '2024-03-04' }, { type: 'DATE', value: '2024-03-18' },
]);

// B-cubed, Bagga & Baldwin (1998), the example of their figure: gold {1..5} {6,7} {8,9,A,B,C};
// system {1..5} {6,7,8,9,A,B,C}. Mentions 1–5: P 1, R 1; 6,7: P 2/7, R 1; 8–C: P 5/7, R 1.
// P = (5 + 2·2/7 + 5·5/7) / 12 = 16/21, R = 1, F1 = 32/37.
const BB_GOLD = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'c', 'c', 'c', 'c', 'c'];
const BB_SYS = ['x', 'x', 'x', 'x', 'x', 'y', 'y', 'y', 'y', 'y', 'y', 'y'];
const BB: LinkItem[] = BB_GOLD.map((g, i) => ({ gold: g, sys: BB_SYS[i] }));
const SINGLETONS: LinkItem[] = ['1', '2', '3', '4'].map((s) => ({ gold: 'g', sys: s }));

type Case = [name: string, actual: () => unknown, expected: unknown];

const cases: Case[] = [
  // P/R/F1 from counts
  ['prf: tp 3 of sys 5, gold 4', () => prf({ gold: 4, sys: 5, tp: 3 }), { p: 0.6, r: 0.75, f1: 2 / 3 }],
  ['prf: an empty system output scores 0, not NaN', () => prf({ gold: 3, sys: 0, tp: 0 }), { p: 0, r: 0, f1: 0 }],
  ['prf: nothing to find and nothing found is 0', () => prf({ gold: 0, sys: 0, tp: 0 }), { p: 0, r: 0, f1: 0 }],

  // span matching
  ['exact span + type: one hit; a type error and a boundary error each cost P and R',
    () => scoreSpans(NAMES_GOLD, NAMES_SYS, { mode: 'exact' }).counts, { gold: 3, sys: 3, tp: 1 }],
  ['relaxed (overlap) + type: the boundary error counts, the type error does not',
    () => scoreSpans(NAMES_GOLD, NAMES_SYS, { mode: 'overlap' }).counts, { gold: 3, sys: 3, tp: 2 }],
  ['exact span, untyped (mention detection): the type error counts',
    () => scoreSpans(NAMES_GOLD, NAMES_SYS, { mode: 'exact', typed: false }).counts, { gold: 3, sys: 3, tp: 2 }],
  ['misses and spurious mentions are listed',
    () => { const s = scoreSpans(NAMES_GOLD, NAMES_SYS, { mode: 'exact' }); return [s.missed.map((m) => m.text), s.spurious.map((m) => m.text)]; },
    [['Apple', 'Cupertino'], ['Apple', 'Cupertino, California']]],
  ['per-type breakdown and micro-average',
    () => breakdownByType(NAMES_GOLD, scoreSpans(NAMES_GOLD, NAMES_SYS, { mode: 'exact' }), NAMES_SYS, ['PERSON', 'ORG', 'PLACE']),
    { byType: [
      { type: 'PERSON', counts: { gold: 1, sys: 2, tp: 1 } },
      { type: 'ORG', counts: { gold: 1, sys: 0, tp: 0 } },
      { type: 'PLACE', counts: { gold: 1, sys: 1, tp: 0 } },
    ], micro: { gold: 3, sys: 3, tp: 1 } }],
  ['micro over listed types only: a MISC mention is outside the three',
    () => breakdownByType(NAMES_GOLD, scoreSpans(NAMES_GOLD, [...NAMES_SYS, { ...NAMES_SYS[0], type: 'MISC' }], { mode: 'exact' }), [...NAMES_SYS, { ...NAMES_SYS[0], type: 'MISC' }], ['PERSON', 'ORG', 'PLACE']).micro,
    { gold: 3, sys: 3, tp: 1 }],
  ['neutral: inside an unscored region only → dropped; overlapping a scored name → still an error',
    () => { const s = scoreSpans(NEUTRAL_GOLD, NEUTRAL_SYS, { mode: 'exact', neutral: NEUTRAL_REGIONS }); return [s.counts, s.neutral.map((m) => m.text), s.spurious.map((m) => m.text)]; },
    [{ gold: 1, sys: 2, tp: 0 }, ['iPhone'], ['Tim Cook', 'Paris']]],
  ['neutral regions only apply where given: without them every miss is a false positive',
    () => scoreSpans(NEUTRAL_GOLD, NEUTRAL_SYS, { mode: 'exact' }).counts, { gold: 1, sys: 3, tp: 0 }],
  ['one-to-one: two system pieces of one gold name make one match',
    () => scoreSpans(layer('⟦New York⟧ City', typed('PLACE')), layer('⟦New⟧ ⟦York⟧ City', typed('PLACE', 'PLACE')), { mode: 'overlap' }).counts,
    { gold: 1, sys: 2, tp: 1 }],
  ['matching prefers the larger overlap',
    () => matchSpans(layer('⟦New York⟧ City', typed('PLACE')), layer('⟦New⟧ ⟦York City⟧', typed('PLACE', 'PLACE')), 'overlap'),
    [[0, 1]]],
  ['matching prefers the exact span over an equal overlap that comes first',
    () => matchSpans(layer('New ⟦York⟧', typed('PLACE')), layer('⟦New York⟧', typed('PLACE')).concat(layer('New ⟦York⟧', typed('PLACE'))), 'overlap'),
    [[0, 1]]],
  ['spans that only touch do not overlap',
    () => scoreSpans(layer('⟦Paris⟧-based', typed('PLACE')), layer('Paris⟦-based⟧', typed('PLACE')), { mode: 'overlap' }).counts,
    { gold: 1, sys: 1, tp: 0 }],
  ['spans in different documents never match',
    () => scoreSpans(layer('⟦Paris⟧', typed('PLACE'), 'a.txt'), layer('⟦Paris⟧', typed('PLACE'), 'b.txt'), { mode: 'overlap' }).counts,
    { gold: 1, sys: 1, tp: 0 }],

  // TIMEX, TempEval-3 style
  ['timex: relaxed P/R (overlap), the DCT being neutral',
    () => { const s = scoreTimex(TIMEX_GOLD, TIMEX_SYS, TIMEX_DCT); return [s.relaxed, prf(s.relaxed)]; },
    [{ gold: 4, sys: 4, tp: 3 }, { p: 0.75, r: 0.75, f1: 0.75 }]],
  ['timex: strict P/R (same extent)',
    () => { const s = scoreTimex(TIMEX_GOLD, TIMEX_SYS, TIMEX_DCT); return [s.strict, prf(s.strict)]; },
    [{ gold: 4, sys: 4, tp: 2 }, { p: 0.5, r: 0.5, f1: 0.5 }]],
  ['timex: value accuracy over relaxed matches (2 of 3); value F1 = 2/3 × 0.75 = 0.5',
    () => { const s = scoreTimex(TIMEX_GOLD, TIMEX_SYS, TIMEX_DCT); return { valueCorrect: s.valueCorrect, valueAccuracy: s.valueAccuracy, valueF1: s.valueF1 }; },
    { valueCorrect: 2, valueAccuracy: 2 / 3, valueF1: 0.5 }],
  ['timex: value F1 equals the F1 of value-correct over sys and over gold (TempEval-3 attribute F1)',
    () => { const s = scoreTimex(TIMEX_GOLD, TIMEX_SYS, TIMEX_DCT); return s.valueF1 - prf({ gold: 4, sys: 4, tp: s.valueCorrect }).f1; },
    0],
  ['timex: type accuracy (2 of 3) and type F1 (2/3 × 0.75); types do not gate span matching',
    () => { const s = scoreTimex(TIMEX_GOLD, TIMEX_SYS, TIMEX_DCT); return [s.typeAccuracy, s.typeF1]; },
    [2 / 3, 0.5]],
  ['timex: without the DCT as neutral, tagging it is a false positive',
    () => scoreTimex(TIMEX_GOLD, TIMEX_SYS).relaxed, { gold: 4, sys: 5, tp: 3 }],
  ['timex: a null value never equals anything, not even null',
    () => scoreTimex([{ doc: 'd', start: 0, end: 4, value: null }], [{ doc: 'd', start: 0, end: 4, value: null }]).valueCorrect, 0],
  ['timex: no system output → all zero',
    () => { const s = scoreTimex(TIMEX_GOLD, []); return [prf(s.relaxed).f1, s.valueAccuracy, s.valueF1]; }, [0, 0, 0]],

  // B-cubed
  ['B³: Bagga & Baldwin example, P 16/21, R 1, F1 32/37',
    () => { const b = bcubed(BB); return [b.n, b.p, b.r, b.f1]; }, [12, 16 / 21, 1, 32 / 37]],
  ['B³: gold and system swapped swaps P and R',
    () => { const b = bcubed(BB.map((i) => ({ gold: i.sys, sys: i.gold }))); return [b.p, b.r, b.f1]; }, [1, 16 / 21, 32 / 37]],
  ['B³: all singletons against one gold cluster of 4: P 1, R 1/4, F1 0.4',
    () => { const b = bcubed(SINGLETONS); return [b.p, b.r, b.f1]; }, [1, 0.25, 0.4]],
  ['B³: identical clusterings score 1',
    () => { const b = bcubed(BB.map((i) => ({ gold: i.gold, sys: i.gold }))); return [b.p, b.r, b.f1]; }, [1, 1, 1]],
  ['B³: cluster ids are compared as given ("a" in gold and "a" in sys are unrelated)',
    () => bcubed([{ gold: 'a', sys: 'b' }, { gold: 'b', sys: 'a' }]).f1, 1],
  ['B³: no mentions → n 0 and zeros',
    () => bcubed([]), { n: 0, pSum: 0, rSum: 0, p: 0, r: 0, f1: 0 }],
  ['B³ micro over two topics is pooled per mention: P (64/7 + 4)/16, R 13/16',
    () => { const b = poolBCubed([bcubed(BB), bcubed(SINGLETONS)]); return [b.n, b.p, b.r]; }, [16, (64 / 7 + 4) / 16, 13 / 16]],
  ['link items: matched pairs with a cluster on both sides',
    () => linkItemsFromMatches<Mention & { c: string | null }, { id: string }>([[0, 1], [1, 0], [2, 2]],
      [{ doc: 'd', start: 0, end: 1, type: 'X', c: 'g1' }, { doc: 'd', start: 2, end: 3, type: 'X', c: null }, { doc: 'd', start: 4, end: 5, type: 'X', c: 'g2' }],
      [{ id: 's1' }, { id: 's2' }, { id: 's3' }], (g) => g.c, (s) => s.id),
    [{ gold: 'g1', sys: 's2' }, { gold: 'g2', sys: 's3' }]],

  // peer helpers (eval/peers.ts): date at gold's precision, span trimming
  ['peer value: gold YYYY-MM matches a full date in that month', () => chronoValueEquals('2008-03', '2008-03-05'), true],
  ['peer value: gold day must match the day', () => chronoValueEquals('2008-03-04', '2008-03-05'), false],
  ['peer value: gold durations never match a date', () => chronoValueEquals('P2D', 'P2D'), false],
  ['peer value: no peer value is wrong', () => chronoValueEquals('2008', null), false],
  ['peer span: trailing period and comma trimmed, an abbreviation keeps its period',
    () => ['Toulouse, France.', 'Apple Inc.', '(U.S.', "Boeing's"].map((t) => { const s = trimPeerSpan(t, 0, t.length); return t.slice(s.start, s.end); }),
    ['Toulouse, France', 'Apple Inc.', 'U.S.', 'Boeing']],
];

for (const [name, actual, expected] of cases) test(name, () => check(actual(), expected));
