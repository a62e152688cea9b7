// Learning from the user's decisions: the learned rows over the shipped table, what one decision
// changes in other documents, and that decisions always win over what was learned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyAnnotations } from '../../src/core/annotations/apply.js';
import { targetOf, type Annotation } from '../../src/core/annotations/store.js';
import { learnFromStore } from '../../src/core/annotations/learnFromStore.js';
import { restoreLearning, StoreLearning } from '../../src/core/annotations/learning.js';
import { learnedInUse, packLearned, typedByLearning, unpackLearned, useLearned } from '../../src/core/entities/learnedModel.js';
import { labelChanges, LearnedReach } from '../../src/core/entities/learnedReach.js';
import { learnDecision } from '../../src/core/entities/learnDecision.js';
import { readLearned, writeLearned } from '../../src/core/entities/model/learnedFile.js';
import { LABEL_COUNT } from '../../src/core/entities/model/labels.js';
import { LearnedWeights } from '../../src/core/entities/model/learn.js';
import { loadNameModel, useNameModel, type NameModel } from '../../src/core/entities/model/index.js';
import { hashString, MAX_FEATURES, mix, T, tokenFeatures } from '../../src/core/entities/model/features.js';
import { FeatureTable } from '../../src/core/entities/model/weights.js';
import { passagesOf, readPassage } from '../../src/core/entities/modelReading.js';
import { possibleNames } from '../../src/core/entities/possibleNames.js';
import { recognizeEntities, type EntityType } from '../../src/core/entities/recognize.js';
import { findSegments } from '../../src/core/entities/model/segments.js';
import { tokenize } from '../../src/core/entities/tokenize.js';

const shipped: NameModel = (() => {
  const model = loadNameModel(readFileSync('models/names.model'));
  if ('error' in model) throw new Error(model.error);
  return model;
})();

function rowOf(table: FeatureTable, hash: number): number[] {
  const scores = new Float64Array(LABEL_COUNT);
  const slot = table.row(hash);
  if (slot >= 0) table.addRow(slot, scores);
  return Array.from(scores);
}

test('learned rows: a feature with a delta reads shipped + delta, every other one as shipped', () => {
  const held = mix(T.Bias, 0);
  const other = mix(T.Shape, hashString('Xx'));
  assert.ok(shipped.table.row(held) >= 0 && shipped.table.row(other) >= 0, 'the shipped model holds both features');
  const unknown = mix(T.Form, hashString('Qwzxv'));
  assert.equal(shipped.table.row(unknown), -1);
  const delta = Float64Array.from({ length: LABEL_COUNT }, (_, l) => l / 4);
  const table = FeatureTable.overlaid(shipped.table, new Map([[held, delta], [unknown, delta]]));
  assert.deepEqual(rowOf(table, held), rowOf(shipped.table, held).map((w, l) => w + delta[l]));
  assert.deepEqual(rowOf(table, unknown), Array.from(delta));
  assert.deepEqual(rowOf(table, other), rowOf(shipped.table, other));
});

/** Names of a text as "TYPE:text". */
function names(text: string, model: NameModel): string[] {
  return recognizeEntities(text, undefined, model).map((e) => `${e.type}:${e.text}`);
}

/** A decision about ⟦the marked span⟧ of one document, and what another document then reads. */
function check(decided: string, type: EntityType | null, elsewhere: string, before: string[], after: string[]): void {
  const text = decided.replace(/[⟦⟧]/g, '');
  const start = decided.indexOf('⟦');
  const span = { start, end: decided.indexOf('⟧') - 1 };
  assert.deepEqual(names(elsewhere, shipped), before, 'the shipped model reads the other document so');
  const learned = new LearnedWeights();
  assert.equal(learnDecision(text, span, type, shipped, learned), 'learned');
  assert.equal(learned.decisions, 1);
  assert.deepEqual(names(elsewhere, learned.model(shipped)), after);
}

const cases: Array<[string, string, EntityType | null, string, string[], string[]]> = [
  ['a company read as a person: its name elsewhere reads as a company', '⟦Kestrel Varn⟧ cut its fares on Monday, the airline said.', 'ORG', 'Fares at Kestrel Varn rose.', ['PLACE:Kestrel Varn'], ['ORG:Kestrel Varn']],
  ['not a name: the same words elsewhere are none', 'The deal with ⟦Ostrava Tessel⟧ was signed.', null, 'Ostrava Tessel shares fell.', ['PERSON:Ostrava Tessel'], []],
];
for (const [name, decided, type, elsewhere, before, after] of cases) test(`learning: ${name}`, () => check(decided, type, elsewhere, before, after));

test('learning: a decision the model already reads so teaches nothing, and a span inside a word is not an example', () => {
  const learned = new LearnedWeights();
  const text = 'Velmora Holdings said it would appeal.';
  assert.equal(learnDecision(text, { start: 0, end: 16 }, 'ORG', shipped, learned), 'known');
  assert.equal(learnDecision(text, { start: 1, end: 7 }, 'ORG', shipped, learned), 'not-a-segment');
  assert.equal(learned.deltas.size, 0);
  assert.equal(learned.model(shipped), shipped);
});

test('possible names: a segment the model reads as no name is offered with the type it would give', () => {
  const text = 'Shares of Apple rose. Analysts at Thornbury said so on Monday.';
  const found = recognizeEntities(text, undefined, shipped);
  for (const p of possibleNames(text, shipped)) {
    assert.ok(!found.some((m) => m.start < p.end && p.start < m.end), `${text.slice(p.start, p.end)} is not a name of the model's`);
    assert.ok(p.confidence > 0 && p.confidence < 1);
  }
});

const DOCUMENT = 'Kestrel Varn cut fares at Dublin Airport on Monday.\nOstrava Tessel and Velmora Holdings said Anna Brook would lead Aer Lingus from Cork.';
const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'];

test('property: learning never makes a decided span lose its decision', () => {
  const { tokens } = tokenize(DOCUMENT);
  const segments = findSegments(tokens).map((s) => ({ start: tokens[s.first].start, end: tokens[s.last - 1].end }));
  const decision = fc.record({ segment: fc.nat(segments.length - 1), type: fc.option(fc.constantFrom(...TYPES)) });
  fc.assert(
    fc.property(fc.array(decision, { minLength: 1, maxLength: 6 }), (decisions) => {
      const learned = new LearnedWeights();
      const annotations: Annotation[] = [];
      // One decision per span: the last one made stands, as in the store.
      const last = new Map(decisions.map((d) => [d.segment, d.type]));
      for (const [segment, type] of last) {
        const span = segments[segment];
        learnDecision(DOCUMENT, span, type, shipped, learned);
        const base = { id: `a${segment}`, document: 'd.txt', source: 'user' as const, created: '2026-01-01T00:00:00Z', target: targetOf(DOCUMENT, span.start, span.end) };
        annotations.push(type === null ? { ...base, kind: 'not-entity' } : { ...base, kind: 'entity', type, entity: null });
      }
      const applied = applyAnnotations(DOCUMENT, recognizeEntities(DOCUMENT, undefined, learned.model(shipped)), [], annotations, new Set());
      for (const [segment, type] of last) {
        const span = segments[segment];
        const at = applied.mentions.filter((m) => m.start < span.end && span.start < m.end);
        assert.deepEqual(at.map((m) => `${m.start}-${m.end}:${m.type}`), type === null ? [] : [`${span.start}-${span.end}:${type}`]);
      }
    }),
    { numRuns: 25 },
  );
});

// ---------------------------------------------------------------- the store and the learned file

const DOCS = new Map([
  ['a.txt', 'Kestrel Varn cut its fares on Monday, the airline said.'],
  ['b.txt', 'The deal with Ostrava Tessel was signed in Cork.'],
]);

function decision(id: string, document: string, exact: string, type: EntityType | null, created: string): Annotation {
  const text = DOCS.get(document) ?? exact;
  const start = text.indexOf(exact);
  const base = { id, document, source: 'user' as const, created, target: targetOf(text, start, start + exact.length) };
  return type === null ? { ...base, kind: 'not-entity' } : { ...base, kind: 'entity', type, entity: null };
}

const STORE: Annotation[] = [
  decision('2', 'b.txt', 'Ostrava Tessel', null, '2026-01-02T00:00:00Z'),
  decision('1', 'a.txt', 'Kestrel Varn', 'ORG', '2026-01-01T00:00:00Z'),
  decision('3', 'gone.txt', 'Velmora', 'ORG', '2026-01-03T00:00:00Z'),
];

const rows = (learned: LearnedWeights) => [...learned.deltas].map(([h, d]) => [h, Array.from(d)]).sort((x, y) => (x[0] as number) - (y[0] as number));

test('learned from the store: the decisions replayed oldest first, whatever the file’s order; a gone document teaches nothing', () => {
  const rebuilt = learnFromStore(STORE, (d) => DOCS.get(d), shipped);
  const again = learnFromStore([...STORE].reverse(), (d) => DOCS.get(d), shipped);
  assert.deepEqual(rows(again), rows(rebuilt));
  const byHand = new LearnedWeights();
  learnDecision(DOCS.get('a.txt')!, { start: 0, end: 12 }, 'ORG', shipped, byHand);
  const b = DOCS.get('b.txt')!;
  learnDecision(b, { start: b.indexOf('Ostrava'), end: b.indexOf(' was') }, null, shipped, byHand);
  assert.deepEqual(rows(rebuilt), rows(byHand));
  assert.equal(rebuilt.decisions, 2);
});

test('learned file: reads back what was written, and is refused when made over another model or damaged', () => {
  const learned = learnFromStore(STORE, (d) => DOCS.get(d), shipped);
  const stamp = { taught: '2:abc', since: '2026-01-01T00:00:00Z' };
  const text = writeLearned(learned, shipped.checksum, stamp);
  const read = readLearned(text, shipped.checksum);
  assert.ok(!('error' in read));
  assert.deepEqual(rows(read.learned), rows(learned));
  assert.equal(read.learned.decisions, learned.decisions);
  assert.deepEqual(read.learned.typed, new Map([['ORG', 1]]), 'the decision of b.txt gives no type');
  assert.deepEqual(read.stamp, stamp);
  const refusals: Array<[string, string]> = [
    [writeLearned(learned, shipped.checksum ^ 1), 'learned over another model'],
    ['{', 'not JSON'],
    [JSON.stringify({ format: 'other/1' }), 'not a corpus-lens-learned/1 file'],
    [text.replace(/"taught": "[^"]*",/, ''), 'no record of the decisions'],
    [text.replace(/"typed": \{[^}]*\},/, ''), 'no count of the decisions by type'],
    [text.replace(/\[\n?[^\]]*\]/, '[1, 2]'), 'is not 21 numbers'],
  ];
  for (const [bad, why] of refusals) {
    const result = readLearned(bad, shipped.checksum);
    assert.ok('error' in result && result.error.includes(why), `${why}: ${JSON.stringify(result)}`);
  }
});

// ---------------------------------------------------------------- following a store, and where a change reaches

const later = (a: Annotation, created: string, id = `${a.id}b`): Annotation => ({ ...a, id, created });

test('store learning: each way of reaching the store’s decisions gives the store’s replay', () => {
  const textOf = (d: string) => DOCS.get(d);
  const [b, a] = STORE;
  const retyped = { ...later(a, '2026-01-05T00:00:00Z', '1r'), type: 'PERSON' } as Annotation;
  // Each case: the stores followed in turn, and whether the last step learned on top of the weights.
  const cases: Array<[string, Annotation[][], boolean]> = [
    ['a newer decision is learned on top', [[a], [a, b]], false],
    ['a decision taken back learns the rest again', [[a, b], [a]], true],
    ['a decision replaced by a newer one learns all again', [[a, b], [b, retyped]], true],
    ['an older decision pulled in behind the editor learns all again', [[b], [a, b]], true],
  ];
  for (const [name, stores, rebuilt] of cases) {
    const learning = new StoreLearning(shipped);
    let change = null;
    for (const store of stores) change = learning.follow(store, textOf);
    const last = stores.at(-1)!;
    assert.equal(change?.rebuilt, rebuilt, name);
    assert.deepEqual(rows(learning.learned), rows(learnFromStore(last, textOf, shipped)), name);
    assert.equal(learning.follow(last, textOf), null, `${name}: the same store again changes nothing`);
  }
});

test('store learning: Forget What Was Learned forgets the decisions made until then; later ones teach', () => {
  const textOf = (d: string) => DOCS.get(d);
  const [b, a] = STORE;
  const learning = new StoreLearning(shipped);
  learning.follow([a], textOf);
  const change = learning.forget('2026-01-01T12:00:00Z');
  assert.ok(change.changed.length > 0);
  assert.equal(learning.learned.deltas.size, 0);
  assert.equal(learning.follow([a], textOf), null, 'the forgotten decision teaches nothing');
  learning.follow([a, b], textOf);
  assert.deepEqual(rows(learning.learned), rows(learnFromStore([b], textOf, shipped)));
  assert.deepEqual(rows(learning.learned), rows(learnFromStore([a, b], textOf, shipped, '2026-01-01T12:00:00Z')));
});

test('learned file at start: used when it fits the store, else learned again (deleting it loses nothing)', () => {
  const textOf = (d: string) => DOCS.get(d);
  const made = new StoreLearning(shipped);
  made.follow(STORE, textOf);
  const file = writeLearned(made.learned, shipped.checksum, made.stamp);
  const replay = rows(learnFromStore(STORE, textOf, shipped));
  const cases: Array<[string, Annotation[], string | undefined, string | null]> = [
    ['the file of these decisions', STORE, file, null],
    ['no file', STORE, undefined, 'there is none'],
    ['a damaged file', STORE, file.slice(0, 40), 'not JSON'],
    ['a file over another model', STORE, writeLearned(made.learned, shipped.checksum ^ 1, made.stamp), 'another model'],
    ['a file the store moved past', [...STORE, later(STORE[1], '2026-01-04T00:00:00Z')], file, 'the decisions changed'],
  ];
  for (const [name, store, text, why] of cases) {
    const { learning, why: said } = restoreLearning(shipped, store, textOf, text);
    assert.equal(said === null ? null : why !== null && said.includes(why) ? why : said, why, name);
    assert.deepEqual(rows(learning.learned), why === null ? replay : rows(learnFromStore(store, textOf, shipped)), name);
  }
});

test('reach: a change reaches the documents whose segments hold, or stand beside, a word it learned', () => {
  const reach = new LearnedReach();
  const learned = new LearnedWeights();
  learnDecision(DOCS.get('a.txt')!, { start: 0, end: 12 }, 'ORG', shipped, learned, undefined, reach);
  const changed = reach.of(learned.deltas.keys());
  assert.ok(!changed.everywhere && changed.words.has('kestrel') && changed.words.has('varn'));
  const cases: Array<[string, boolean]> = [
    ['Fares at Kestrel Varn rose.', true],
    ['KESTREL VARN FARES RISE', true],
    ['prices of kestrel feathers rose in the market.', false],
    ['', false],
  ];
  for (const [text, reached] of cases) assert.equal(changed.reaches(text, shipped.clusters), reached, text);
  assert.equal(reach.of([]).reaches('Fares at Kestrel Varn rose.', shipped.clusters), false, 'no change reaches nothing');
  assert.equal(reach.of([12345]).reaches('no names at all', shipped.clusters), true, 'a feature of unknown reach reaches everything');
});

/** The features of `hashes` that the segment tokens of `text` fire, as the model reads it. */
function fired(text: string, hashes: ReadonlySet<number>): number[] {
  const out = new Set<number>();
  const features = new Uint32Array(MAX_FEATURES);
  for (const passage of passagesOf(text)) {
    const { tagging } = readPassage(text, passage, shipped);
    for (const s of tagging.segments) {
      for (let k = s.first; k < s.last; k++) {
        const count = tokenFeatures(tagging.view, s, k, features);
        for (let f = 0; f < count; f++) if (hashes.has(features[f])) out.add(features[f]);
      }
    }
  }
  return [...out];
}

/**
 * A decision on ⟦the marked span⟧, then whether it reaches each other text; a text it does not
 * reach must fire none of the features it changed (else its names may change unseen).
 */
function checkReach(decided: string, type: EntityType | null, others: Array<[string, boolean]>): void {
  const text = decided.replace(/[⟦⟧]/g, '');
  const span = { start: decided.indexOf('⟦'), end: decided.indexOf('⟧') - 1 };
  const reach = new LearnedReach();
  const learned = new LearnedWeights();
  assert.equal(learnDecision(text, span, type, shipped, learned, undefined, reach), 'learned');
  const changed = reach.of(learned.deltas.keys());
  for (const [other, reached] of others) {
    assert.equal(changed.reaches(other, shipped.clusters), reached, other);
    if (!reached) assert.deepEqual(fired(other, new Set(learned.deltas.keys())), [], `${other}: fires what was learned, unreached`);
  }
}

const edgeCases: Array<[string, string, EntityType | null, Array<[string, boolean]>]> = [
  ['a name first in its sentence: other sentence-first names', '⟦Kestrel Varn⟧ cut its fares on Monday, the airline said.', 'ORG', [['Marlow Quay said so on Monday.', false], ['Fares at Kestrel Varn rose.', true]]],
  ['a name last in an unstopped headline: other headline-last names', 'Talks ended with ⟦Kestrel Varn⟧', 'ORG', [['Prices rose at Harrow Fen', false], ['Kestrel Varn fares rose.', true]]],
  ['no name, first in its sentence', '⟦Ostrava Tessel⟧ was signed in Cork.', null, [['Dunmore Reach reported a loss.', false], ['Ostrava Tessel shares fell.', true]]],
];
for (const [name, decided, type, others] of edgeCases) test(`reach at a sentence's edge: ${name}`, () => checkReach(decided, type, others));

test('label changes: a name gone, come or typed otherwise counts once; the names come or typed otherwise are listed', () => {
  const m = (start: number, end: number, type: string) => ({ start, end, type });
  const cases: Array<[Array<ReturnType<typeof m>>, Array<ReturnType<typeof m>>, number, string[]]> = [
    [[m(0, 4, 'PLACE')], [m(0, 4, 'ORG')], 1, ['0:4']],
    [[m(0, 4, 'PLACE'), m(9, 12, 'PERSON')], [m(0, 4, 'PLACE')], 1, []],
    [[], [m(0, 4, 'ORG'), m(5, 8, 'ORG')], 2, ['0:4', '5:8']],
    [[m(0, 4, 'ORG')], [m(0, 6, 'ORG')], 2, ['0:6']],
    [[m(0, 4, 'ORG')], [m(0, 4, 'ORG')], 0, []],
  ];
  for (const [before, after, count, names] of cases) {
    const { changed, gone } = labelChanges(before, after);
    assert.equal(changed.size + gone, count, JSON.stringify([before, after]));
    assert.deepEqual([...changed], names, JSON.stringify([before, after]));
  }
});

test('learned weights between threads: packed and unpacked, the same rows; in use, a name typed by them says so', () => {
  const learned = learnFromStore(STORE, (d) => DOCS.get(d), shipped);
  const unpacked = unpackLearned(structuredClone(packLearned(learned)));
  assert.deepEqual(rows(unpacked), rows(learned));
  assert.equal(unpacked.decisions, learned.decisions);
  assert.deepEqual(unpacked.typed, learned.typed);
  useNameModel(shipped);
  const elsewhere = 'Fares at Kestrel Varn rose.';
  const span = { start: 9, end: 21, type: 'ORG' as const };
  try {
    useLearned(learned);
    assert.deepEqual(learnedInUse()?.decisions, 2);
    assert.deepEqual(learnedInUse()?.typed, new Map([['ORG', 1]]));
    assert.equal(typedByLearning(elsewhere, span), true);
    assert.equal(typedByLearning(elsewhere, { ...span, type: 'PLACE' }), false);
    useLearned(null);
    assert.equal(learnedInUse(), null);
    assert.equal(typedByLearning(elsewhere, span), false);
  } finally {
    useLearned(null);
    useNameModel(null);
  }
});
