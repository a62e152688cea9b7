// Events after edits must be what joining the edited corpus from scratch gives, whether the edit
// changed no report (the list stays as it was, offsets updated in place) or some reports joined again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, targetOf, type Annotation, type CorpusEvent, type EntityNameAnnotation, type MergeAnnotation } from '../../src/core/index.js';
import { generateCorpus } from '../support/corpusGenerator.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = new Map(readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8')]));
const generated = generateCorpus({ docs: 12, seed: 7 }).documents;

/** A corpus of the texts, with the user's decisions when given. */
function corpusOf(texts: Map<string, string>, decided?: Decided): Corpus {
  const corpus = new Corpus();
  for (const [p, text] of texts) corpus.update(p, text, analyzeDocument(text, { path: p }));
  if (decided) corpus.setAnnotations(decided.byPath, [], decided.entities);
  return corpus;
}

interface Decided {
  byPath: Map<string, Annotation[]>;
  entities: Array<MergeAnnotation | EntityNameAnnotation>;
}

const base = { source: 'user' as const, created: '2026-12-06T00:00:00.000Z' };
const linkedText = seeds.get('001_22225b4e410ffef9.txt')!;
const at = linkedText.indexOf('Zhirnov');
/** A hand link (Zhirnov in one article to Moscow), a merge (Moscow into Russia) and a name. */
const decided: Decided = {
  byPath: new Map([['001_22225b4e410ffef9.txt', [{ ...base, id: 'l1', document: '001_22225b4e410ffef9.txt', kind: 'entity', type: 'PERSON', entity: 'place:moscow', target: targetOf(linkedText, at, at + 'Zhirnov'.length) }]]]),
  entities: [
    { ...base, id: 'm1', document: '*', kind: 'merge', from: 'place:moscow', into: 'place:russia' },
    { ...base, id: 'n1', document: '*', kind: 'entity-name', entity: 'org:taliban', name: 'The Taliban movement' },
  ],
};

const snapshot = (events: CorpusEvent[]) => events.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) }));

/** An edit: the document, what to find (a RegExp with g: every occurrence), its replacement, and whether the events stay the list they were (no report changed). */
type Edit = [string, string | RegExp, string, boolean];

const cases: Array<[string, Map<string, string>, Edit[], Decided?]> = [
  ['seeds', seeds, [
    ['001_22225b4e410ffef9.txt', 'Russia', 'Russia', true],
    ['000_de029b9b870dac60.txt', 'When we have relations', 'When we have good relations', true], // no report in that sentence: the ones after it move
    ['002_a35ec57432909395.txt', 'the', 'the very', true],
    ['001_22225b4e410ffef9.txt', 'March 22', 'March 23', false],
    ['000_de029b9b870dac60.txt', 'Tajikistan', 'Tadjikistan', true], // a name no event names: a new entity, nothing joined differently
    // A near spelling: the same person, but the words of a report's sentence, which the join scorer reads, changed.
    ['001_22225b4e410ffef9.txt', 'Dmitry Zhirnov', 'Dmitry Zhirnow', false],
    ['000_de029b9b870dac60.txt', 'Sirajuddin Haqqani', 'Anas Haqqani', false],
  ]],
  // Williams's arrest, told by two articles: the second's undated report joins it only through the
  // police department the first's undated report names, and leaves when that name goes.
  ['an undated report joining through a name another article brings', new Map([
    ['a.txt', 'Williams Arrested\nJanuary 7, 2009\nChargers tackle Jamal Williams was arrested on January 6, 2009 in San Diego.\nThe San Diego Police Department and the Chargers said Williams was arrested after a traffic stop.\n'],
    ['b.txt', 'Chargers Player Held\nJanuary 8, 2009\nThe Chargers said Jamal Williams was arrested on January 6, 2009.\nLater Williams was arrested again by the San Diego Police Department.\n'],
  ]), [
    ['a.txt', 'The San Diego Police Department and the Chargers said', 'The Chargers said', false],
    ['a.txt', 'The Chargers said', 'The San Diego Police Department and the Chargers said', false],
  ]],
  // "Darya" in capitals throughout one article renames the organisation (most of its mentions are
  // written so): the title of an event another article reports changes, no report does.
  ['an entity renamed by another article', new Map([4, 10].map((k) => [generated[k].path, generated[k].text])), [
    [generated[4].path, /Darya/g, 'DARYA', true],
  ]],
  // With the user's decisions the joiner follows the same changes: an edit that changes no report
  // leaves the list (a join afresh would make a new one).
  ['seeds, with a hand link, a merge and a name in the store', seeds, [
    ['000_de029b9b870dac60.txt', 'When we have relations', 'When we have good relations', true],
    ['002_a35ec57432909395.txt', 'the', 'the very', true],
    ['001_22225b4e410ffef9.txt', 'March 22', 'March 23', false],
    ['000_de029b9b870dac60.txt', 'Sirajuddin Haqqani', 'Anas Haqqani', false],
  ], decided],
];

for (const [name, initial, edits, decisions] of cases) {
  test(`events after edits equal a fresh join: ${name}`, () => {
    const texts = new Map(initial);
    const corpus = corpusOf(texts, decisions);
    for (const [file, find, replace, unchanged] of edits) {
      const before = corpus.events();
      const text = texts.get(file)!;
      assert.ok(text.search(find) >= 0, `${find} in ${file}`);
      const edited = text.replace(find, replace);
      texts.set(file, edited);
      corpus.update(file, edited, analyzeDocument(edited, { path: file }));
      const after = corpus.events();
      assert.deepEqual(snapshot(after), snapshot(corpusOf(texts, decisions).events()), `${file}: ${find} → ${replace}`);
      assert.equal(after === before, unchanged, `${find} → ${replace} ${unchanged ? 'leaves the list' : 'joins again'}`);
    }
  });
}

test('the decisions of that case take: the hand link and the merge lead to Russia, the name stands', () => {
  const corpus = corpusOf(seeds, decided);
  assert.equal(corpus.snapshot().entityAt('001_22225b4e410ffef9.txt', at + 1)?.entity.id, 'place:russia');
  assert.ok(corpus.entities().every((e) => e.id !== 'place:moscow'));
  assert.equal(corpus.entities().find((e) => e.id === 'org:taliban')?.name, 'The Taliban movement');
});
