// The incremental linker must give what linking the final corpus from scratch gives (the reference
// linker, linkReference.ts), whatever sequence of additions, edits and removals led there, with the
// user's hand links, merges and names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, IncrementalLinker, type LinkDecisions, type LinkInput, type LinkResult } from '../../src/core/index.js';
import { referenceLink } from './linkReference.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));

/** Edits that change corpus-wide facts: spellings, acronym definitions, who bears a surname, names colliding on one id. */
const EDITS: Array<[RegExp, string]> = [
  [/Amir Khan Muttaqi/g, 'Amin Khan Muttaqi'],
  [/\(CSTO\)/g, ''],
  [/Sirajuddin Haqqani/g, 'Anas Haqqani'],
  [/Zhirnov/g, 'Zhirnow'],
  [/Kabulov/g, 'Lavrov'],
  [/Islamic State/g, 'Islamic Emirate'],
  // Edits that only move mentions: the entities stay as described, with the moved parts swapped in.
  [/^/, 'Updated. '],
  [/ said /, ' said on the record '],
];
const EXTRA = [
  'Foreign Minister Amir Khan Muttaqi met Zamir Kabulov. Later Muttaqi spoke to the Collective Security Treaty Organization (CSTO).',
  'The CSTO and the Shanghai Cooperation Organisation (SCO) met in Astana. Haqqani and Lavrov attended; Sergei Lavrov spoke.',
  'Haqqani Network fighters attacked. Anas Haqqani denied it, and Haqqani said the Taliban (IEA) would respond.',
  // Two names with one id (org:karimov-aziz-foundation, then -2 in order of first mention): which
  // entity an id names, and so what a merge takes, moves as documents come and go.
  'Officials of the Karimov-Aziz Foundation met in Herat on Monday.',
  'The Karimov Aziz Foundation replied from Kabul.',
];
const pool: string[] = [...seeds, ...EXTRA];
for (const text of seeds) for (const [pattern, replacement] of EDITS) if (pattern.test(text)) pool.push(text.replace(pattern, replacement));
const mentions = new Map<number, LinkInput['mentions']>();
const mentionsOf = (k: number) => {
  if (!mentions.has(k)) mentions.set(k, analyzeDocument(pool[k], { path: `${k}.txt` }).entities);
  return mentions.get(k)!;
};

/** Everything a consumer can see of a link result, in a comparable form. */
function snapshot(r: LinkResult) {
  return {
    entities: r.entities.map((e) => ({
      ...e, mentions: e.mentions.map((m) => `${m.path}:${m.start}-${m.end}:${m.entity}:${m.type}`),
      definition: `${e.definition.path}:${e.definition.start}`,
    })),
    ids: [...r.byId.keys()].sort(),
    byPath: [...r.mentionsByPath.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, list]) => [p, list.map((m) => `${m.start}:${m.entity}`)]),
    variants: r.variants,
  };
}

/**
 * Ids the user's decisions name: the entities the pool's texts make most of (ids numbered -2 among
 * them: names colliding), and one no text makes (a split-off mention, an entity gone).
 */
const ids = (() => {
  const whole = referenceLink(pool.map((_, k) => ({ path: `${k}.txt`, mentions: mentionsOf(k) })));
  const numbered = whole.entities.filter((e) => /-\d+$/.test(e.id)).slice(0, 2).map((e) => e.id);
  return [...whole.entities.slice(0, 12).map((e) => e.id), ...numbered, ...numbered.map((n) => n.replace(/-\d+$/, '')), 'person:nobody-by-that-name'];
})();

/** A text's mentions with the user's links (mention index modulo their number → entity id). */
function linkedMentions(text: number, links: Array<{ text: number; mention: number; entity: number }>): LinkInput['mentions'] {
  const list = mentionsOf(text);
  const mine = links.filter((l) => l.text === text && list.length > 0);
  if (mine.length === 0) return list;
  const byIndex = new Map(mine.map((l) => [l.mention % list.length, ids[l.entity]]));
  return list.map((m, k) => (byIndex.has(k) ? { ...m, source: 'user' as const, linkedEntity: byIndex.get(k) } : m));
}

const step = fc.record({ doc: fc.integer({ min: 0, max: 6 }), text: fc.integer({ min: -1, max: pool.length - 1 }) });
const id = fc.integer({ min: 0, max: ids.length - 1 });
const decisions = fc.record({
  merges: fc.array(fc.record({ from: id, into: id }), { maxLength: 4 }),
  names: fc.array(fc.record({ entity: id, name: fc.constantFrom('Someone Else', 'The Other One'), description: fc.constantFrom(undefined, 'as the user calls it') }), { maxLength: 2 }),
  links: fc.array(fc.record({ text: fc.integer({ min: 0, max: pool.length - 1 }), mention: fc.nat(200), entity: id }), { maxLength: 12 }),
});

/** The decisions as the linker takes them (hand links go with the documents' mentions). */
const linkDecisions = (made: Decided): LinkDecisions => ({
  merges: made.merges.map((m) => ({ from: ids[m.from], into: ids[m.into] })),
  names: made.names.map((n) => ({ entity: ids[n.entity], name: n.name, ...(n.description ? { description: n.description } : {}) })),
});
type Decided = typeof decisions extends fc.Arbitrary<infer T> ? T : never;

test('incremental linking equals linking from scratch after any sequence of changes, with hand links, merges and names', () => {
  // Each batch of edits may come with the user's decisions replaced (-1: kept): merges and names
  // taken by the same linker (decide), hand links by the documents whose mentions they change.
  const batch = fc.record({ edits: fc.array(step, { maxLength: 3 }), decide: fc.integer({ min: -1, max: 2 }) });
  fc.assert(fc.property(fc.array(decisions, { minLength: 1, maxLength: 3 }), fc.array(batch, { minLength: 1, maxLength: 8 }), (made, batches) => {
    let current = made[0];
    const linker = new IncrementalLinker(linkDecisions(current));
    const corpus = new Map<string, number>();
    const inputOf = (p: string, text: number) => ({ path: p, mentions: linkedMentions(text, current.links) });
    for (const { edits, decide } of batches) {
      const changes = new Map<string, LinkInput | { path: string; mentions: null }>();
      if (decide >= 0 && made[decide % made.length] !== current) {
        const before = current;
        current = made[decide % made.length];
        linker.decide(linkDecisions(current));
        // Documents with a hand link before or now get their mentions again, as the corpus gives them.
        for (const [p, k] of corpus) if ([...before.links, ...current.links].some((l) => l.text === k)) changes.set(p, inputOf(p, k));
      }
      for (const { doc, text } of edits) {
        const p = `doc${doc}.txt`;
        if (text < 0) corpus.delete(p);
        else corpus.set(p, text);
        changes.set(p, text < 0 ? { path: p, mentions: null } : inputOf(p, text));
      }
      linker.apply(changes.values());
      assert.deepEqual(snapshot(linker.result()), snapshot(referenceLink([...corpus].map(([p, k]) => inputOf(p, k)), linkDecisions(current))));
    }
  }), { seed: 20261121, numRuns: Number(process.env.FUZZ_RUNS ?? 150) });
});

test('incremental linking: an edit that changes no corpus-wide fact keys only the edited document', () => {
  const linker = new IncrementalLinker().apply(seeds.map((_, k) => ({ path: `${k}.txt`, mentions: mentionsOf(k) })));
  const before = linker.result();
  const untouched = before.mentionsByPath.get('1.txt');
  // The same mentions again, as after a keystroke that changed no name.
  linker.apply([{ path: '0.txt', mentions: [...mentionsOf(0)] }]);
  const after = linker.result();
  assert.equal(after.mentionsByPath.get('1.txt'), untouched, 'document 1 was not keyed again');
  assert.deepEqual(snapshot(after), snapshot(before));
});

/** Texts in order of their changes (null: the document removed); after each, the linker must equal the reference. */
function checkSteps(decided: LinkDecisions, steps: Array<Record<string, string | null>>, expect: (r: LinkResult) => void): void {
  const linker = new IncrementalLinker(decided);
  const corpus = new Map<string, LinkInput>();
  for (const changes of steps) {
    const inputs = Object.entries(changes).map(([p, text]) => ({ path: p, mentions: text === null ? null : analyzeDocument(text, { path: p }).entities }));
    for (const input of inputs) {
      if (input.mentions) corpus.set(input.path, input as LinkInput);
      else corpus.delete(input.path);
    }
    linker.apply(inputs);
    assert.deepEqual(snapshot(linker.result()), snapshot(referenceLink([...corpus.values()], decided)));
  }
  expect(linker.result());
}

const entityOf = (r: LinkResult, p: string, text: string) => r.mentionsByPath.get(p)?.find((m) => m.text === text);

test('incremental linking: a merge names an id; when another entity takes that id, the one merged before is its own again', () => {
  checkSteps({ merges: [{ from: 'org:karimov-aziz-foundation', into: 'place:kabul' }] }, [
    { 'b.txt': 'The Karimov Aziz Foundation replied from Kabul.' },
    // a.txt comes first in corpus order: its foundation takes the id, b's is numbered -2.
    { 'a.txt': 'Officials of the Karimov-Aziz Foundation met in Herat on Monday.' },
  ], (r) => {
    assert.deepEqual(entityOf(r, 'a.txt', 'Karimov-Aziz Foundation'), { ...entityOf(r, 'a.txt', 'Karimov-Aziz Foundation'), entity: 'place:kabul', type: 'PLACE' });
    assert.equal(entityOf(r, 'b.txt', 'Karimov Aziz Foundation')?.entity, 'org:karimov-aziz-foundation-2');
    assert.equal(entityOf(r, 'b.txt', 'Karimov Aziz Foundation')?.type, 'ORG');
    assert.ok(!r.byId.has('org:karimov-aziz-foundation'), 'the merged id is gone');
  });
});

test('incremental linking: a name given to an id stays with the id, not with the entity that held it', () => {
  checkSteps({ names: [{ entity: 'org:karimov-aziz-foundation-2', name: 'Someone Else' }] }, [
    { 'a.txt': 'Officials of the Karimov-Aziz Foundation met in Herat on Monday.', 'b.txt': 'The Karimov Aziz Foundation replied from Kabul.' },
    // b's foundation, named by the user while numbered -2, takes the id without the number.
    { 'a.txt': null },
  ], (r) => assert.equal(r.byId.get('org:karimov-aziz-foundation')?.name, 'Karimov Aziz Foundation'));
});

test('incremental linking: merges follow chains and stop at cycles; a rename applies to the entity merged into', () => {
  checkSteps({
    merges: [{ from: 'place:herat', into: 'place:kabul' }, { from: 'place:kabul', into: 'place:moscow' }, { from: 'org:taliban', into: 'org:hamas' }, { from: 'org:hamas', into: 'org:taliban' }],
    names: [{ entity: 'place:moscow', name: 'The Three Cities', description: 'merged by hand' }],
  }, [
    { 'a.txt': 'The Taliban met Hamas in Herat, then in Kabul.', 'b.txt': 'Envoys flew from Moscow to Kabul.' },
    { 'b.txt': 'Envoys flew from Moscow to Kabul and Herat.' },
    { 'a.txt': null },
  ], (r) => {
    assert.equal(entityOf(r, 'b.txt', 'Herat')?.entity, 'place:moscow');
    assert.equal(r.byId.get('place:moscow')?.name, 'The Three Cities');
    assert.equal(r.byId.get('place:moscow')?.mentions.length, 3);
  });
});

test('incremental linking: a mention linked by hand to an id no entity has makes that entity (a split)', () => {
  const split = (text: string, p: string) => analyzeDocument(text, { path: p }).entities.map((m) => (m.text === 'Haqqani' ? { ...m, source: 'user' as const, linkedEntity: 'person:haqqani-1' } : m));
  const linker = new IncrementalLinker();
  const a = 'Interior Minister Sirajuddin Haqqani met the envoy. Haqqani left.';
  linker.apply([{ path: 'a.txt', mentions: split(a, 'a.txt') }]);
  const r = linker.result();
  assert.deepEqual(snapshot(r), snapshot(referenceLink([{ path: 'a.txt', mentions: split(a, 'a.txt') }])));
  assert.equal(entityOf(r, 'a.txt', 'Haqqani')?.entity, 'person:haqqani-1');
  assert.equal(r.byId.get('person:haqqani-1')?.mentions.length, 1);
  assert.equal(r.byId.get('person:sirajuddin-haqqani')?.mentions.length, 1);
});

test('incremental linking: with decisions in the store, an edit elsewhere describes none of their entities again', () => {
  const texts = seeds.map((_, k) => ({ path: `${k}.txt`, mentions: mentionsOf(k) }));
  // Two entities the last document does not name, merged; then an edit there (the same mentions again).
  const plain = referenceLink(texts);
  const named = new Set(plain.mentionsByPath.get(texts[texts.length - 1].path)!.map((m) => m.entity));
  const [from, into] = plain.entities.filter((e) => !named.has(e.id) && e.mentions.length > 1).map((e) => e.id);
  assert.ok(from && into, 'two entities the last document does not name');
  const decided = { merges: [{ from, into }] };
  const linker = new IncrementalLinker(decided).apply(texts);
  const before = linker.result().byId.get(into);
  linker.apply([{ path: texts[texts.length - 1].path, mentions: [...texts[texts.length - 1].mentions] }]);
  assert.equal(linker.result().byId.get(into), before, 'the merged entity was not described again');
  assert.ok(!linker.result().byId.has(from));
  assert.deepEqual(snapshot(linker.result()), snapshot(referenceLink(texts, decided)));
});
