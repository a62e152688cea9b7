// A long document is linked and joined passage by passage; with deferLargeChanges, the corpus takes
// a large change a step at a time (catchUp), answering from the state before it meanwhile, and ends
// where a corpus doing it all at once ends. Nothing a consumer sees names a passage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { splitIntoUnits } from '../../src/core/corpus/units.js';
import { generateCorpus } from '../support/corpusGenerator.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = new Map(readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8')]));
const generated = generateCorpus({ docs: 100, seed: 3 }).documents;
/** Ninety generated articles one after another: about 450 KB, more mentions than a query waits for (CATCH_UP_LARGE.mentions). */
const LONG = 'dump.txt';
const longText = generated.slice(10).map((d) => d.text).join('\n\n');

function corpusOf(texts: Map<string, string>, defer = false): Corpus {
  const corpus = new Corpus();
  corpus.deferLargeChanges = defer;
  for (const [p, text] of texts) corpus.update(p, text, analyzeDocument(text, { path: p }));
  return corpus;
}

/** What consumers see: entities with their documents and mentions, a document's mentions, events. */
function snapshot(corpus: Corpus) {
  return {
    entities: corpus.entities().map((e) => ({ id: e.id, name: e.name, documents: e.documents, mentions: e.mentions.map((m) => `${m.path}:${m.start}:${m.entity}`), roles: e.roles.map((r) => `${r.path}:${r.text}`), definition: `${e.definition.path}:${e.definition.start}` })),
    long: corpus.mentions(LONG).map((m) => `${m.path}:${m.start}-${m.end}:${m.entity}`),
    events: corpus.events().map((e) => ({ id: e.id, title: e.title, date: e.date, mentions: e.mentions.map((m) => `${m.path}:${m.start}`) })),
    eventsOfLong: corpus.eventsIn(LONG).map((e) => e.id),
  };
}

/**
 * Brings a deferring corpus up to date a step at a time; checks each state between is consistent.
 * Changes coming while it catches up: `whileLinking` after the third step, `whileJoining` after
 * the third step of joining. Returns the steps taken.
 */
function catchUp(corpus: Corpus, whileLinking = () => {}, whileJoining = () => {}): number {
  let steps = 0;
  let joining = 0;
  while (!corpus.catchUp(0)) {
    steps++;
    if (steps === 3) whileLinking();
    if (corpus.linkingCurrent && ++joining === 3) whileJoining();
    assert.ok(steps < 100_000, 'catching up ends');
    // Between slices: every mention shown has an entity the corpus knows.
    const byId = corpus.linked().byId;
    for (const p of [...seeds.keys(), LONG]) for (const m of corpus.mentions(p)) assert.ok(byId.has(m.entity), `${p}: ${m.text} has its entity`);
  }
  return steps;
}

test('units: a long document is split by passage; a short one is one unit, its list as it is', () => {
  const items = [{ start: 5, end: 6 }, { start: 40, end: 41 }, { start: 99, end: 100 }];
  assert.deepEqual(splitIntoUnits('a', [{ start: 0, end: 200 }], items), [{ key: 'a', items }]);
  const units = splitIntoUnits('a', [{ start: 0, end: 30 }, { start: 30, end: 90 }, { start: 90, end: 200 }], items);
  assert.deepEqual(units.map((u) => u.items.map((i) => i.start)), [[5], [40], [99]]);
  assert.deepEqual(units.map((u) => u.key), ['a\u000000000', 'a\u000000001', 'a\u000000002']);
  assert.ok(units.every((u) => u.key > 'a' && u.key < 'a!'), 'passages sort right after their document');
  // In text order or not (sliced, or placed one by one), items go to the passage they start in, on its edges too.
  const edges = [{ start: 0, end: 1 }, { start: 29, end: 31 }, { start: 30, end: 31 }, { start: 90, end: 91 }, { start: 199, end: 200 }];
  const passages = [{ start: 0, end: 30 }, { start: 30, end: 90 }, { start: 90, end: 200 }];
  for (const list of [edges, [...edges].reverse()]) {
    assert.deepEqual(splitIntoUnits('a', passages, list).map((u) => u.items.map((i) => i.start).sort((x, y) => x - y)), [[0, 29], [30], [90, 199]]);
  }
});

test('units: a long document linked and joined passage by passage names only documents', () => {
  const texts = new Map([...seeds, [LONG, longText]]);
  const corpus = corpusOf(texts);
  assert.ok(corpus.inputs.document(LONG)!.analysis.passages.length >= 3, `${corpus.inputs.document(LONG)!.analysis.passages.length} passages`);
  const shown = JSON.stringify(snapshot(corpus));
  assert.ok(!shown.includes('\\u0000'), 'no passage key in what consumers see');
  const long = corpus.mentions(LONG);
  assert.equal(long.length, corpus.applied(LONG)!.mentions.length);
  assert.ok(long.every((m, k) => k === 0 || m.start >= long[k - 1].end), 'in text order');
  assert.ok(corpus.eventsIn(LONG).length > 0);
});

test('units: a large change taken a step at a time ends where doing it at once ends, answering meanwhile', () => {
  const texts = new Map(seeds);
  const corpus = corpusOf(texts, true);
  corpus.events(); // the first linking and join: at once
  const before = corpus.events();
  texts.set(LONG, longText);
  corpus.update(LONG, longText, analyzeDocument(longText, { path: LONG }));
  // Deferred: the events as they were, at once.
  assert.equal(corpus.events(), before);
  // Seeds edited while the long document is being linked, and joined: all end up taken.
  const edit = (file: string, find: string, replace: string) => () => {
    const edited = texts.get(file)!.replace(find, replace);
    texts.set(file, edited);
    corpus.update(file, edited, analyzeDocument(edited, { path: file }));
  };
  assert.ok(catchUp(corpus, edit('001_22225b4e410ffef9.txt', 'Dmitry Zhirnov', 'Dmitry Zhirnow'), edit('002_a35ec57432909395.txt', 'March 22', 'March 23')) >= 6, 'several steps');
  assert.deepEqual(snapshot(corpus), snapshot(corpusOf(texts)));
  // Edits in the long document and in a seed, then caught up again.
  const edits: Array<[string, string, string]> = [
    [LONG, 'the', 'the very'],
    ['000_de029b9b870dac60.txt', 'Sirajuddin Haqqani', 'Anas Haqqani'],
    [LONG, longText.slice(0, 40), ''],
  ];
  for (const [file, find, replace] of edits) {
    const edited = texts.get(file)!.replace(find, replace);
    texts.set(file, edited);
    corpus.update(file, edited, analyzeDocument(edited, { path: file }));
    catchUp(corpus);
    assert.deepEqual(snapshot(corpus), snapshot(corpusOf(texts)), `${file}: ${find} → ${replace}`);
  }
});

test('units: without deferring, queries bring everything up to date at once', () => {
  const texts = new Map([...seeds, [LONG, longText]]);
  const corpus = corpusOf(new Map(seeds));
  corpus.events();
  corpus.update(LONG, longText, analyzeDocument(longText, { path: LONG }));
  assert.ok(corpus.events().some((e) => e.mentions.some((m) => m.path === LONG)));
  assert.ok(corpus.upToDate);
  assert.deepEqual(snapshot(corpus), snapshot(corpusOf(texts)));
});
