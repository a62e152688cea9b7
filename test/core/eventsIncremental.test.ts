// Events after edits must be what joining the edited corpus from scratch gives, whether the edit
// changed no report (the list stays as it was, offsets updated in place) or some reports joined again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, type CorpusEvent } from '../../src/core/index.js';
import { generateCorpus } from '../../bench/corpusGenerator.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = new Map(readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8')]));
const generated = generateCorpus({ docs: 12, seed: 7 }).documents;

function corpusOf(texts: Map<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [p, text] of texts) corpus.update(p, text, analyzeDocument(text, { path: p }));
  return corpus;
}

const snapshot = (events: CorpusEvent[]) => events.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) }));

/** An edit: the document, what to find (a RegExp with g: every occurrence), its replacement, and whether the events stay the list they were (no report changed). */
type Edit = [string, string | RegExp, string, boolean];

const cases: Array<[string, Map<string, string>, Edit[]]> = [
  ['seeds', seeds, [
    ['001_22225b4e410ffef9.txt', 'Russia', 'Russia', true],
    ['000_de029b9b870dac60.txt', 'When we have relations', 'When we have good relations', true], // no report in that sentence: the ones after it move
    ['002_a35ec57432909395.txt', 'the', 'the very', true],
    ['001_22225b4e410ffef9.txt', 'March 22', 'March 23', false],
    ['000_de029b9b870dac60.txt', 'Tajikistan', 'Tadjikistan', true], // a name no event names: a new entity, nothing joined differently
    ['001_22225b4e410ffef9.txt', 'Dmitry Zhirnov', 'Dmitry Zhirnow', true], // a near spelling: the same person, the same reports
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
];

for (const [name, initial, edits] of cases) {
  test(`events after edits equal a fresh join: ${name}`, () => {
    const texts = new Map(initial);
    const corpus = corpusOf(texts);
    for (const [file, find, replace, unchanged] of edits) {
      const before = corpus.events();
      const text = texts.get(file)!;
      assert.ok(text.search(find) >= 0, `${find} in ${file}`);
      const edited = text.replace(find, replace);
      texts.set(file, edited);
      corpus.update(file, edited, analyzeDocument(edited, { path: file }));
      const after = corpus.events();
      assert.deepEqual(snapshot(after), snapshot(corpusOf(texts).events()), `${file}: ${find} → ${replace}`);
      assert.equal(after === before, unchanged, `${find} → ${replace} ${unchanged ? 'leaves the list' : 'joins again'}`);
    }
  });
}
