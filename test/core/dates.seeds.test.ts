// The temporal recogniser on the five seeds against a gold written by reading them
// (test/fixtures/seeds-gold/<seed>.timex.json), scored as TempEval-3 scores TIMEX3: relaxed match =
// overlap, one-to-one; value accuracy = relaxed matches whose values are identical.
//
// Gold conventions (TimeML/ISO-TimeML as MEANTIME uses them): no prepositions in a span ("the
// coming months", not "in the coming months"); a duration's span leaves out "ago"; adjectives such
// as "recent" and "current" and discourse words such as "previously", "since then" and "soon" are
// not timex; "9/11" names an event. The seeds' own dates: 000 has the dateline 2024-03-11, 002 has
// 2024-11-25, the others have none, so a value the text leaves without a year stays XXXX-….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/index.js';
import { prf, scoreTimex, type Timex } from '../../eval/metrics.js';

interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  value: string;
  mod?: 'START' | 'MID' | 'END';
}

const GOLD_DIR = path.resolve('test/fixtures/seeds-gold');
const SEEDS_DIR = path.resolve('seeds');

function loadSeeds(): Array<{ name: string; text: string; gold: GoldTimex[] }> {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const file = path.join(GOLD_DIR, name.replace(/\.txt$/, '.timex.json'));
      const gold = JSON.parse(readFileSync(file, 'utf8')) as { path: string; timex: GoldTimex[] };
      assert.equal(gold.path, name, `${file}: path`);
      return { name, text: readFileSync(path.join(SEEDS_DIR, name), 'utf8'), gold: gold.timex };
    });
}

test('dates seeds: the gold slices out of the seed texts, sorted and not overlapping', () => {
  for (const { name, text, gold } of loadSeeds()) {
    let end = 0;
    for (const t of gold) {
      assert.equal(text.slice(t.start, t.end), t.text, `${name} @${t.start}`);
      assert.ok(t.start >= end, `${name} @${t.start}: sorted, no overlap`);
      assert.ok(['DATE', 'TIME', 'DURATION', 'SET'].includes(t.type), `${name} @${t.start}: type`);
      end = t.end;
    }
  }
});

test('dates seeds: value accuracy ≥ 0.95 and relaxed F1 ≥ 0.90', () => {
  const gold: Timex[] = [];
  const sys: Timex[] = [];
  for (const { name, text, gold: g } of loadSeeds()) {
    for (const t of g) gold.push({ doc: name, start: t.start, end: t.end, type: t.type, value: t.value });
    for (const t of analyzeDocument(text, { path: name }).timex) sys.push({ doc: name, start: t.start, end: t.end, type: t.type, value: t.value });
  }
  const score = scoreTimex(gold, sys);
  const wrong = score.wrongValues.map(([g, s]) => `${g.doc} @${g.start}: ${s.value} ≠ ${g.value}`);
  const { f1 } = prf(score.relaxed);
  assert.ok(score.valueAccuracy >= 0.95, `value accuracy ${score.valueAccuracy.toFixed(3)}; wrong: ${wrong.join('; ')}`);
  assert.ok(f1 >= 0.9, `relaxed F1 ${f1.toFixed(3)} (${JSON.stringify(score.relaxed)})`);
});
