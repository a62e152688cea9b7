import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeDocument, anchor, Corpus, problemsOf, emptyStore, mergeStores, parseStore, serializeStore, targetOf, type Annotation,
} from '../../src/core/index.js';
import { parseFixture } from '../fixture.js';

/** Anchoring after an edit: ⟦…⟧ in the new text marks where the quote must be found; none: orphaned. */
function checkAnchor(before: string, exact: string, afterMarked: string): void {
  const start = before.indexOf(exact);
  const { text: after, spans } = parseFixture(afterMarked);
  const span = anchor(after, targetOf(before, start, start + exact.length));
  assert.deepEqual(span, spans[0] ? { start: spans[0].start, end: spans[0].end } : null);
}

const anchorCases: Array<[string, string, string, string]> = [
  ['unchanged text: at its offset', 'Talks with Karim Sadiqi ended.', 'Karim Sadiqi', 'Talks with ⟦Karim Sadiqi⟧ ended.'],
  ['text inserted before: found by its quote', 'Talks with Karim Sadiqi ended.', 'Karim Sadiqi', 'Long talks, in Herat, with ⟦Karim Sadiqi⟧ ended.'],
  ['two occurrences: the one whose context matches', 'Orlov met Sadiqi. Later Sadiqi left.', 'Sadiqi left', 'Orlov met Sadiqi. Much later ⟦Sadiqi left⟧.'],
  ['a spelling fixed inside the quote: found approximately', 'The envoy Karim Sadiqqi arrived in Herat.', 'Karim Sadiqqi', 'The envoy ⟦Karim Sadiqi⟧ arrived in Herat.'],
  ['the text deleted: orphaned', 'The envoy Karim Sadiqi arrived in Herat.', 'Karim Sadiqi', 'The envoy arrived in Herat.'],
];

for (const [name, before, exact, after] of anchorCases) test(`annotations anchor: ${name}`, () => checkAnchor(before, exact, after));

const now = '2026-11-21T08:00:00.000Z';
const entity = (document: string, text: string, exact: string, type: 'PERSON' | 'ORG' | 'PLACE' | 'NORP' | 'MISC', id: string, entityId: string | null = null): Annotation => {
  const start = text.indexOf(exact);
  return { id, document, kind: 'entity', type, entity: entityId, target: targetOf(text, start, start + exact.length), source: 'user', created: now };
};

test('annotations store: serialised in a stable order, one per line, and read back', () => {
  const text = 'Talks with Karim Sadiqi ended in Herat.';
  const store = { version: 1 as const, annotations: [entity('b.txt', text, 'Herat', 'PLACE', 'a2'), entity('a.txt', text, 'Karim Sadiqi', 'PERSON', 'a1')] };
  const serialised = serializeStore(store);
  assert.deepEqual(serialised.split('\n').filter((l) => l.includes('"kind"')).map((l) => JSON.parse(l.trim().replace(/,$/, '')).id), ['a1', 'a2']);
  assert.equal(serializeStore(parseStore(serialised).store!), serialised);
});

const storeErrors: Array<[string, string, RegExp, boolean]> = [
  ['a syntax error: unusable, with its position', '{"version": 1, "annotations": [ {"id": "a1",} ]}', /not valid JSON/, false],
  ['another version: left alone', '{"version": 2, "annotations": []}', /version 2/, false],
  ['one bad annotation: the rest is used, the bad one kept in the file', '{"version": 1, "annotations": [{"id": "x", "document": "a.txt", "kind": "entity", "type": "ALIEN", "target": {"exact": "a", "start": 0, "end": 1}}]}', /"type" "ALIEN"/, true],
];

for (const [name, text, message, usable] of storeErrors) {
  test(`annotations store: ${name}`, () => {
    const parsed = parseStore(text);
    assert.equal(parsed.store !== null, usable);
    assert.match(parsed.problems[0].message, message);
    assert.ok(parsed.problems[0].start >= 0 && parsed.problems[0].end <= text.length);
  });
}

test('annotations store: merging keeps every annotation of both sides, the later decision per id', () => {
  const text = 'Karim Sadiqi in Herat.';
  const a = entity('a.txt', text, 'Karim Sadiqi', 'PERSON', 'a1');
  const b = { ...entity('a.txt', text, 'Herat', 'PLACE', 'a2') };
  const newer = { ...a, type: 'ORG' as const, created: '2026-11-21T09:00:00.000Z' };
  const merged = mergeStores({ version: 1, annotations: [a] }, { version: 1, annotations: [newer, b] });
  assert.deepEqual(merged.annotations.map((x) => [x.id, x.kind === 'entity' ? x.type : '']).sort(), [['a1', 'ORG'], ['a2', 'PLACE']]);
  assert.deepEqual(emptyStore().annotations, []);
});

/** A corpus with annotations applied: each mention as "TYPE text (source)" and its entity. */
function applied(texts: Record<string, string>, annotations: Annotation[], everywhere: string[] = []) {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(texts)) corpus.update(path, text, analyzeDocument(text, { path }));
  const byPath = new Map<string, Annotation[]>();
  for (const a of annotations) byPath.set(a.document, [...(byPath.get(a.document) ?? []), a]);
  corpus.setAnnotations(byPath, everywhere);
  return corpus;
}

test('annotations apply: the user adds a missed name, retypes one, and removes one; they win everywhere', () => {
  const text = 'Envoy Karim Sadiqi met the Varna Group in Herat. Officials from Quetzal said nothing.';
  const corpus = applied({ 'a.txt': text }, [
    entity('a.txt', text, 'Varna Group', 'MISC', 'u1'),
    { id: 'u2', document: 'a.txt', kind: 'not-entity', target: targetOf(text, text.indexOf('Herat'), text.indexOf('Herat') + 5), source: 'user', created: now },
    entity('a.txt', text, 'Quetzal', 'PLACE', 'u3'),
  ]);
  const got = corpus.mentions('a.txt').map((m) => `${m.type} ${m.text} (${m.source})`);
  assert.deepEqual(got, ['PERSON Karim Sadiqi (auto)', 'MISC Varna Group (user)', 'PLACE Quetzal (user)']);
});

test('annotations apply: "never an entity" removes a string from every document', () => {
  const corpus = applied({ 'a.txt': 'Officials of Quetzal met.', 'b.txt': 'Quetzal said so.' }, [], ['Quetzal']);
  assert.deepEqual([...corpus.mentions('a.txt'), ...corpus.mentions('b.txt')].map((m) => m.text), []);
});

test('annotations apply: a user link joins a mention to an existing entity', () => {
  const a = 'Minister Karim Sadiqi spoke in Herat.';
  const b = 'The Herat official KS left.';
  const corpus = applied({ 'a.txt': a, 'b.txt': b }, [entity('b.txt', b, 'KS', 'PERSON', 'u1', 'person:karim-sadiqi')]);
  const ks = corpus.mentions('b.txt').find((m) => m.text === 'KS')!;
  assert.equal(ks.entity, 'person:karim-sadiqi');
  assert.equal(corpus.linked().byId.get('person:karim-sadiqi')!.mentions.length, 2);
});

test('annotations apply: a date value set by hand, and an orphan reported as a warning', () => {
  const text = 'They met on March 22 in Herat.';
  const at = text.indexOf('March 22');
  const corpus = applied({ 'a.txt': text }, [
    { id: 'd1', document: 'a.txt', kind: 'date', value: '2023-03-22', target: targetOf(text, at, at + 8), source: 'user', created: now },
    { id: 'o1', document: 'a.txt', kind: 'not-entity', target: { exact: 'Kandahar', prefix: '', suffix: '', start: 3, end: 11 }, source: 'user', created: now },
  ]);
  assert.deepEqual(corpus.timex('a.txt').map((t) => [t.text, t.value, t.source]), [['March 22', '2023-03-22', 'user']]);
  const orphan = problemsOf(corpus.snapshot(), 'a.txt').find((p) => p.code === 'annotation.orphaned')!;
  assert.equal(orphan.severity, 'warning');
  assert.match(orphan.message, /o1 \(not an entity: “Kandahar”\) no longer fits/);
});

test('annotations apply: mentions all linked by the user keep the linked id', () => {
  const text = 'The envoy KS met Officials of Quetzal.';
  const corpus = applied({ 'a.txt': text }, [entity('a.txt', text, 'KS', 'PERSON', 'u1', 'person:karim-sadiqi')]);
  const ks = corpus.mentions('a.txt').find((m) => m.text === 'KS')!;
  assert.equal(ks.entity, 'person:karim-sadiqi');
  assert.equal(corpus.linked().byId.get('person:karim-sadiqi')!.type, 'PERSON');
});

test('annotations store: a document path that leaves the corpus folder is refused', () => {
  for (const document of ['../secret.txt', '/etc/passwd', 'a/../../b.txt', 'C:\\\\x.txt']) {
    const text = JSON.stringify({ version: 1, annotations: [{ id: 'x', document, kind: 'reviewed', source: 'user', created: now }] });
    const parsed = parseStore(text);
    assert.deepEqual(parsed.store!.annotations, [], document);
    assert.match(parsed.problems[0].message, /not a path inside the corpus folder/);
  }
});
