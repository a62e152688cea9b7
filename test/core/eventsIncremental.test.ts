// Events after edits must be what joining the edited corpus from scratch gives, whether the last
// join was patched in place (the edit changed no report) or redone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, type CorpusEvent } from '../../src/core/index.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = new Map(readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, readFileSync(path.join(seedsDir, f), 'utf8')]));

function corpusOf(texts: Map<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [p, text] of texts) corpus.update(p, text, analyzeDocument(text, { path: p }));
  return corpus;
}

const snapshot = (events: CorpusEvent[]) => events.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) }));

/** Each edit: a document, the text to find, what to put in its place, and whether the join may be patched in place. */
const edits: Array<[string, string, string, boolean]> = [
  ['001_22225b4e410ffef9.txt', 'Russia', 'Russia', true],
  ['000_de029b9b870dac60.txt', 'In February 2024', 'Already in February 2024', true],
  ['002_a35ec57432909395.txt', 'the', 'the very', true],
  ['001_22225b4e410ffef9.txt', 'March 22', 'March 23', false],
  ['000_de029b9b870dac60.txt', 'Zhirnov', 'Zhirnow', true], // a surname no event names: a new entity, nothing joined differently
  ['001_22225b4e410ffef9.txt', 'Dmitry Zhirnov', 'Dmitry Zhirnow', true], // a near spelling: the same person, the same reports
  ['000_de029b9b870dac60.txt', 'Sirajuddin Haqqani', 'Anas Haqqani', false],
];

test('events after an edit equal a fresh join; an edit that changes no report patches the last join', () => {
  const texts = new Map(seeds);
  const corpus = corpusOf(texts);
  for (const [file, find, replace, patched] of edits) {
    const before = corpus.events();
    const text = texts.get(file)!;
    const at = text.indexOf(find);
    assert.ok(at >= 0, `${find} in ${file}`);
    const edited = text.slice(0, at) + replace + text.slice(at + find.length);
    texts.set(file, edited);
    corpus.update(file, edited, analyzeDocument(edited, { path: file }));
    const after = corpus.events();
    assert.deepEqual(snapshot(after), snapshot(corpusOf(texts).events()), `${file}: ${find} → ${replace}`);
    assert.equal(after === before, patched, `${find} → ${replace} ${patched ? 'patched' : 'joined again'}`);
  }
});
