import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Annotation } from '../../src/core/index.js';
import { Inputs, type InputChange } from '../../src/core/corpus/inputs.js';

const doc = (path: string, text = 'Kabul.'): InputChange => ({ kind: 'document', document: { path, text, analysis: analyzeDocument(text, { path }), fileProblems: [], skipped: false } });
const note: Annotation = { id: 'n', document: 'a', source: 'user', created: '2024-01-01T00:00:00.000Z', kind: 'reviewed', target: { exact: 'K', prefix: '', suffix: '' } } as Annotation;

/** After the changes: what each apply() returned, the revision, each document's updatedAt, the annotations' revision. */
function check(changes: InputChange[], expected: { applied: boolean[]; revision: number; updatedAt: Record<string, number>; annotationRevision: number; documents: string[] }): void {
  const inputs = new Inputs();
  const applied = changes.map((c) => inputs.apply(c));
  const updatedAt = Object.fromEntries(['a', 'b', 'c'].map((p) => [p, inputs.updatedAt(p)]).filter(([, r]) => r !== 0));
  assert.deepEqual({ applied, revision: inputs.revision, updatedAt, annotationRevision: inputs.annotationRevision, documents: inputs.sorted().map((d) => d.path) }, expected);
}

const cases: Array<[string, InputChange[], Parameters<typeof check>[1]]> = [
  ['each document change moves the revision on and dates the document', [doc('b'), doc('a'), doc('b', 'Moscow.')], {
    applied: [true, true, true], revision: 3, updatedAt: { a: 2, b: 3 }, annotationRevision: 0, documents: ['a', 'b'],
  }],
  ['removing a document forgets it; removing one not there changes nothing', [doc('a'), doc('b'), { kind: 'removed', path: 'a' }, { kind: 'removed', path: 'c' }], {
    applied: [true, true, true, false], revision: 3, updatedAt: { b: 2 }, annotationRevision: 0, documents: ['b'],
  }],
  ['annotations replaced move the revision on, not the documents\' dates', [doc('a'), { kind: 'annotations', byPath: new Map([['a', [note]]]), everywhere: ['Kabul'], decisions: [] }], {
    applied: [true, true], revision: 2, updatedAt: { a: 1 }, annotationRevision: 2, documents: ['a'],
  }],
];

for (const [name, changes, expected] of cases) test(`inputs: ${name}`, () => check(changes, expected));

test('inputs: the annotations are read by document, with the strings never an entity and the decisions', () => {
  const inputs = new Inputs();
  const merge = { id: 'm', document: '*', source: 'user', created: '2024-01-01T00:00:00.000Z', kind: 'merge', from: 'person:a', into: 'person:b' } as const;
  inputs.apply({ kind: 'annotations', byPath: new Map([['a', [note]]]), everywhere: ['Kabul', 'Kabul'], decisions: [merge] });
  assert.deepEqual([inputs.annotations('a'), inputs.annotations('b'), [...inputs.everywhere()], inputs.entityDecisions()], [[note], [], ['Kabul'], [merge]]);
});
