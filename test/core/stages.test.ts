// The corpus's stages follow the user's decisions as they follow edits: after any sequence of
// edits and replacements of the annotation store (hand links, "not an entity" here and everywhere,
// merges, names, dates set by hand), the entities and events equal those of the reference
// (corpusReference.ts: the annotations applied, linked and joined plainly from the documented
// rules) given the final texts and store; and a decision re-links only the documents it touches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Corpus, targetOf, type Annotation, type CorpusEvent, type Entity, type EntityNameAnnotation, type LinkedMention, type MergeAnnotation } from '../../src/core/index.js';
import { cachedAnalysis } from './cachedAnalysis.js';
import { referenceCorpus } from './corpusReference.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
/** Each seed, and the seed with a name changed (the decisions' anchors then move or no longer fit). */
const texts = [...seeds, ...seeds.map((t) => t.replace(/Kabul/g, 'Kabul city').replace(/Zhirnov/g, 'Zhirnow'))];

const analysis = cachedAnalysis;

const base = { source: 'user' as const, created: '2026-12-06T00:00:00.000Z' };
const whole = new Corpus();
seeds.forEach((text, k) => whole.update(`doc${k}.txt`, text, analysis(`doc${k}.txt`, text)));
/** Ids decisions name: the entities most mentioned, and one no text makes. */
const ids = [...whole.entities().slice(0, 8).map((e) => e.id), 'person:nobody-by-that-name'];

/** Values a date is set to by hand: another day, a month without a year, a year. */
const DATES = ['2021-03-09', 'XXXX-06', '2022'];

/** One decision, chosen by numbers: its kind, the document, the mention (or date), the entity. */
type Choice = { kind: number; doc: number; mention: number; entity: number; other: number };
function decision(c: Choice, n: number): Annotation {
  const p = `doc${c.doc}.txt`;
  const text = seeds[c.doc];
  const mentions = analysis(p, text).entities;
  const m = mentions[c.mention % mentions.length];
  const id = `d${n}`;
  switch (c.kind) {
    case 0: return { ...base, id, document: p, kind: 'entity', type: m.type, entity: ids[c.entity], target: targetOf(text, m.start, m.end) };
    case 1: return { ...base, id, document: p, kind: 'not-entity', target: targetOf(text, m.start, m.end) };
    case 2: return { ...base, id, document: '*', kind: 'not-entity-everywhere', text: m.text };
    case 3: return { ...base, id, document: '*', kind: 'merge', from: ids[c.entity], into: ids[c.other] };
    case 4: {
      const timex = analysis(p, text).timex;
      const t = timex[c.mention % timex.length];
      return { ...base, id, document: p, kind: 'date', value: DATES[c.other % DATES.length], target: targetOf(text, t.start, t.end) };
    }
    default: return { ...base, id, document: '*', kind: 'entity-name', entity: ids[c.entity], name: c.other % 2 ? 'Someone Else' : 'The Other One' };
  }
}

/** The store as the server gives it to the corpus. */
function setStore(corpus: Corpus, store: Annotation[]): void {
  const byPath = new Map<string, Annotation[]>();
  for (const a of store) if (a.document !== '*') byPath.set(a.document, [...(byPath.get(a.document) ?? []), a]);
  const everywhere = store.flatMap((a) => (a.kind === 'not-entity-everywhere' ? [a.text] : []));
  corpus.setAnnotations(byPath, everywhere, store.filter((a): a is MergeAnnotation | EntityNameAnnotation => a.kind === 'merge' || a.kind === 'entity-name'));
}

/** What a consumer reads of entities and events: of the corpus, or of the reference. */
interface Readout {
  entities: Entity[];
  mentions(path: string): LinkedMention[];
  events: CorpusEvent[];
  eventsIn(path: string): CorpusEvent[];
  eventsOf(entity: string): CorpusEvent[];
}

const ofCorpus = (corpus: Corpus): Readout => ({
  entities: corpus.linked().entities, mentions: (p) => corpus.mentions(p), events: corpus.events(), eventsIn: (p) => corpus.eventsIn(p), eventsOf: (id) => corpus.eventsOf(id),
});

function ofReference(docs: Map<string, string>, store: Annotation[]): Readout {
  const { linked, events } = referenceCorpus([...docs].map(([p, text]) => ({ path: p, text, analysis: analysis(p, text) })), store);
  return { entities: linked.entities, mentions: (p) => linked.mentionsByPath.get(p) ?? [], events: events.events, eventsIn: (p) => events.eventsIn(p), eventsOf: (id) => events.eventsOf(id) };
}

/** Everything a consumer reads of entities and events, in a comparable form. */
function view(read: Readout, paths: string[]) {
  return {
    entities: read.entities.map((e) => ({ ...e, mentions: e.mentions.map((m) => `${m.path}:${m.start}:${m.entity}:${m.type}`), definition: `${e.definition.path}:${e.definition.start}` })),
    mentions: paths.map((p) => read.mentions(p).map((m) => `${m.start}-${m.end}:${m.entity}:${m.type}:${m.source}`)),
    events: read.events.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) })),
    byPath: paths.map((p) => read.eventsIn(p).map((e) => e.id)),
    byEntity: [...new Set(read.events.flatMap((e) => (e.place ? [...e.participants, e.place] : e.participants)))].sort().map((id) => read.eventsOf(id).map((e) => e.id)),
  };
}

const choice = fc.record({ kind: fc.integer({ min: 0, max: 5 }), doc: fc.integer({ min: 0, max: seeds.length - 1 }), mention: fc.nat(300), entity: fc.nat(ids.length - 1), other: fc.nat(ids.length - 1) });
/** A step: a document given a text (-1: removed), or the store given a decision more (or its oldest taken back). */
const step = fc.oneof(
  fc.record({ doc: fc.integer({ min: 0, max: seeds.length - 1 }), text: fc.integer({ min: -1, max: texts.length - 1 }) }),
  fc.record({ decide: choice, undo: fc.boolean() }),
);

test('stages: entities and events after edits and decisions equal the reference of the final texts and store', () => {
  fc.assert(fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (batches) => {
    const corpus = new Corpus();
    const docs = new Map<string, string>();
    seeds.forEach((text, k) => docs.set(`doc${k}.txt`, text));
    for (const [p, text] of docs) corpus.update(p, text, analysis(p, text));
    let store: Annotation[] = [];
    let made = 0;
    for (const batch of batches) {
      for (const s of batch) {
        if ('decide' in s) {
          store = s.undo && store.length > 0 ? store.slice(1) : [...store, decision(s.decide, made++)];
          setStore(corpus, store);
          continue;
        }
        const p = `doc${s.doc}.txt`;
        if (s.text < 0) {
          docs.delete(p);
          corpus.remove(p);
        } else {
          docs.set(p, texts[s.text]);
          corpus.update(p, texts[s.text], analysis(p, texts[s.text]));
        }
      }
      const paths = [...docs.keys()].sort();
      assert.deepEqual(view(ofCorpus(corpus), paths), view(ofReference(docs, store), paths));
    }
  }), { seed: 20261206, numRuns: Number(process.env.FUZZ_RUNS ?? 60) });
});

test('stages: a decision re-links only the documents it touches; the others keep their mention lists', () => {
  const corpus = new Corpus();
  seeds.forEach((text, k) => corpus.update(`doc${k}.txt`, text, analysis(`doc${k}.txt`, text)));
  const before = seeds.map((_, k) => corpus.mentions(`doc${k}.txt`));
  const events = corpus.events();
  // A hand link in doc0 to an entity doc0 does not name, and a merge of two entities no document but doc0 names.
  const named = (k: number) => new Set(before[k].map((m) => m.entity));
  const onlyHere = [...named(0)].filter((id) => seeds.every((_, k) => k === 0 || !named(k).has(id)));
  assert.ok(onlyHere.length >= 2, 'two entities only doc0 names');
  const m = before[0].find((x) => x.entity === onlyHere[0])!;
  const store: Annotation[] = [
    { ...base, id: 'l', document: 'doc0.txt', kind: 'entity', type: m.type, entity: onlyHere[1], target: targetOf(seeds[0], m.start, m.end) },
    { ...base, id: 'm', document: '*', kind: 'merge', from: onlyHere[1], into: onlyHere[0] },
  ];
  setStore(corpus, store);
  const after = seeds.map((_, k) => corpus.mentions(`doc${k}.txt`));
  assert.notEqual(after[0], before[0], 'the document with the hand link is linked again');
  for (let k = 1; k < seeds.length; k++) assert.equal(after[k], before[k], `doc${k} is not linked again`);
  assert.equal(after[0].find((x) => x.start === m.start)?.entity, onlyHere[0], 'the hand link, then the merge, take');
  assert.ok(!corpus.linked().byId.has(onlyHere[1]), 'the merged entity is gone');
  // The entities and events are the reference's.
  const docs = new Map(seeds.map((text, k) => [`doc${k}.txt`, text]));
  assert.deepEqual(view(ofCorpus(corpus), [...docs.keys()]), view(ofReference(docs, store), [...docs.keys()]));
  assert.ok(events.length > 0);
});
