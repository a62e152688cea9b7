// Long documents are analysed passage by passage: the cuts must fall at line starts and stay put
// after an edit elsewhere, and an analysis that reuses the passages of the previous one must equal
// a fresh analysis of the same text, whatever edits led there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, cutPassages, PassageMemo, PASSAGE_MAX, PASSAGE_MIN, WHOLE_DOCUMENT_MAX } from '../../src/core/index.js';
import { splitLines } from '../../src/core/document/lines.js';
import { installNameModel } from '../../src/core/entities/model/index.js';
import { tokenize } from '../../src/core/entities/tokenize.js';
import { eventsByPassage } from '../../src/core/document/passageEvents.js';
import type { DocumentAnalysis, EntityMention, EventMention, Timex } from '../../src/core/index.js';

// As the server analyses: with the shipped name model, whose names carry confidences that moved
// passages must keep.
installNameModel(() => readFileSync('models/names.model'), 'models/names.model');

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
/** The seeds one after another, twice: about 100 KB, several passages. */
const long = [...seeds, ...seeds].join('\n\n');

function check(name: string, text: string, expect: (passages: ReturnType<typeof cutPassages>) => void) {
  test(`passages: ${name}`, () => {
    const lines = splitLines(text);
    const passages = cutPassages(text.length, lines);
    // Always: contiguous, covering the text, each starting at a line start.
    assert.equal(passages[0].start, 0);
    assert.equal(passages.at(-1)!.end, text.length);
    for (let k = 0; k < passages.length; k++) {
      const p = passages[k];
      assert.equal(p.start, lines[p.firstLine].start);
      if (k > 0) assert.equal(p.start, passages[k - 1].end);
      if (k < passages.length - 1) assert.equal(p.end, lines[p.lastLine].start);
    }
    expect(passages);
  });
}

check('a document of ordinary length is one passage', seeds[0], (p) => assert.equal(p.length, 1));
check('a document just at the limit is one passage', 'word '.repeat(WHOLE_DOCUMENT_MAX / 5), (p) => assert.equal(p.length, 1));
check('a long document is cut into passages of bounded size', long, (passages) => {
  assert.ok(passages.length >= 2, `${passages.length} passages`);
  for (const p of passages.slice(0, -1)) {
    assert.ok(p.end - p.start >= PASSAGE_MIN, `passage of ${p.end - p.start}`);
    // At most one line past the maximum.
    assert.ok(p.end - p.start < PASSAGE_MAX + 2000, `passage of ${p.end - p.start}`);
  }
});
check('a long document without line breaks stays one passage (no sentence is cut)', 'Word. '.repeat(20_000), (p) => assert.equal(p.length, 1));

test('passages: an edit moves only the cuts near it', () => {
  const texts = (text: string) => cutPassages(text.length, splitLines(text)).map((p) => text.slice(p.start, p.end));
  const before = texts(long);
  const at = long.indexOf('Zhirnov');
  const after = texts(long.slice(0, at) + 'Dmitry ' + long.slice(at));
  const kept = after.filter((t) => before.includes(t)).length;
  assert.ok(kept >= after.length - 2, `${kept} of ${after.length} passages kept`);
});

/** An edit: at a fraction of the text, delete some characters and insert a piece. */
const PIECES = ['', 'a', ' ', '\n', '\n\n', 'Zhirnov', 'Amir Khan Muttaqi', 'on March 5, 2024', 'the next day', '[2]', '[9] Note.', '.', 'The Taliban (IEA)', 'Ka'];
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.integer({ min: 0, max: 40 }), piece: fc.constantFrom(...PIECES) });

test('analysis reusing the previous passages equals a fresh analysis after any edits', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
      const memo = new PassageMemo();
      let text = long;
      analyzeDocument(text, { path: 'long.txt' }, memo);
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.piece + text.slice(at + e.remove);
        const reused = analyzeDocument(text, { path: 'long.txt' }, memo);
        assert.deepEqual(JSON.parse(JSON.stringify(reused)), JSON.parse(JSON.stringify(analyzeDocument(text, { path: 'long.txt' }))));
        agreesWithText(text, reused);
      }
    }),
    { numRuns: 25 },
  );
});

test('analysis reusing passages keeps the very objects of the passages before an edit', () => {
  const memo = new PassageMemo();
  const first = analyzeDocument(long, { path: 'long.txt' }, memo);
  const at = long.lastIndexOf('Kabul');
  const second = analyzeDocument(long.slice(0, at) + 'x' + long.slice(at), { path: 'long.txt' }, memo);
  // Mentions of the passages before the edit's are the very same objects.
  const before = first.entities.filter((m) => m.end < at - PASSAGE_MAX - 2000);
  assert.ok(before.length > 0);
  for (const m of before) assert.ok(second.entities.includes(m));
});

/** Offsets, sentence and line numbers of a passage-wise analysis are those of the whole text. */
function agreesWithText(text: string, analysis: ReturnType<typeof analyzeDocument>): void {
  const { sentences } = tokenize(text);
  const lines = splitLines(text);
  const lineAt = (offset: number) => lines.findIndex((l) => offset >= l.start && offset <= l.end);
  // A name's text has its spaces normalised ("Sergei  Shoigu" is "Sergei Shoigu"); a role's is as written.
  const asName = (s: string) => s.replace(/\s+/g, ' ');
  for (const m of analysis.entities) {
    assert.equal(asName(text.slice(m.start, m.end)), m.text);
    assert.ok(sentences[m.sentence].start <= m.start && m.end <= sentences[m.sentence].end, `sentence of ${m.text}`);
    for (const r of m.roles) assert.equal(text.slice(r.start, r.end), r.text);
    if (m.expansion) assert.ok(m.expansion.start >= 0 && m.expansion.start < m.expansion.end && m.expansion.end <= text.length, `expansion of ${m.text}`);
  }
  for (const t of analysis.timex) assert.equal(text.slice(t.start, t.end), t.text);
  for (const e of analysis.events) {
    assert.equal(text.slice(e.start, e.end), e.trigger);
    assert.deepEqual(e.sentence, { start: sentences[e.sentenceIndex].start, end: sentences[e.sentenceIndex].end });
    assert.equal(e.line, lineAt(e.start));
    for (const m of e.participants) assert.ok(analysis.entities.includes(m) || m === e.place, 'participants are the mentions');
    if (e.date) assert.ok(analysis.timex.some((t) => t.start === e.date!.start && t.end === e.date!.end), `date of ${e.trigger}`);
  }
}

test('a passage-wise analysis agrees with the whole text', () => agreesWithText(long, analyzeDocument(long, { path: 'long.txt' })));

test('moved passages keep every field of their results', () => {
  const whole = analyzeDocument(long, { path: 'long.txt' });
  const passages = cutPassages(long.length, splitLines(long)).filter((p) => p.start > 0 && p.end - p.start <= WHOLE_DOCUMENT_MAX);
  assert.ok(passages.length > 0);
  const keys = (o: object) => Object.keys(o).sort().join(',');
  for (const p of passages) {
    // Alone, the passage is a document of one passage: its results are the recogniser's own objects.
    const alone = analyzeDocument(long.slice(p.start, p.end), { path: 'long.txt' });
    const inside = <T extends { start: number }>(list: T[]) => list.filter((x) => x.start >= p.start && x.start < p.end);
    const entities = inside(whole.entities);
    assert.equal(entities.length, alone.entities.length);
    entities.forEach((m, k) => {
      const back = JSON.parse(JSON.stringify(m, (key, v) => (key === 'start' || key === 'end' ? v - p.start : v)));
      assert.deepEqual({ ...back, sentence: 0 }, { ...JSON.parse(JSON.stringify(alone.entities[k])), sentence: 0 });
    });
    inside(whole.timex).forEach((t, k) => assert.equal(keys(t), keys(alone.timex[k])));
    inside(whole.events).forEach((e, k) => assert.equal(keys(e), keys(alone.events[k])));
  }
});

/** Reports found again from names and dates (eventsByPassage, as the stage does after a decision) checked against the analysis's own. */
function checkEventsAgain(name: string, text: string, change: (analysis: DocumentAnalysis) => { entities: EntityMention[]; timex: Timex[] }, expect: (again: EventMention[], analysis: DocumentAnalysis) => void) {
  test(`events found again by passage: ${name}`, () => {
    const analysis = analyzeDocument(text, { path: 'doc.txt' });
    const { entities, timex } = change(analysis);
    expect(eventsByPassage(text, analysis, entities, timex), analysis);
  });
}

// Copies of the same names and dates: every passage is read again, and tells what the analysis told.
const copies = (a: DocumentAnalysis) => ({ entities: a.entities.map((m) => ({ ...m })), timex: a.timex.map((t) => ({ ...t })) });
const sameAsAnalysis = (again: EventMention[], a: DocumentAnalysis) => {
  assert.ok(a.events.length > 0);
  assert.equal(JSON.stringify(again), JSON.stringify(a.events));
};
checkEventsAgain('a long document read again from copies of its names and dates', long, copies, (again, a) => {
  assert.ok(a.passages.length > 1);
  sameAsAnalysis(again, a);
});
checkEventsAgain('a document of one passage read again from copies', seeds[0], copies, sameAsAnalysis);
// Its own names and dates: every passage keeps its reports, the very objects.
checkEventsAgain('a long document with its own names and dates', long, (a) => ({ entities: a.entities, timex: a.timex }), (again, a) => {
  assert.equal(again.length, a.events.length);
  assert.ok(again.every((e, k) => e === a.events[k]));
});
// A name of the first passage taken away: the other passages keep their reports.
checkEventsAgain('a name taken away in the first passage', long, (a) => ({ entities: a.entities.filter((m) => m !== a.events[0].agent[0]), timex: a.timex }), (again, a) => {
  const later = (list: EventMention[]) => list.filter((e) => e.start >= a.passages[1].start);
  assert.ok(later(a.events).length > 0);
  assert.equal(later(again).length, later(a.events).length);
  assert.ok(later(again).every((e, k) => e === later(a.events)[k]));
  assert.notEqual(JSON.stringify(again.filter((e) => e.start < a.passages[1].start)), JSON.stringify(a.events.filter((e) => e.start < a.passages[1].start)));
});
