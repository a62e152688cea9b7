import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, problemsOf } from '../../src/core/index.js';

/** A corpus from texts; `entity(text)` is the entity id of the first mention with that text. */
function corpusOf(texts: Record<string, string>) {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(texts)) corpus.update(path, text, analyzeDocument(text, { path }));
  const mention = (path: string, text: string) => corpus.mentions(path).find((m) => m.text === text);
  return { corpus, entity: (path: string, text: string) => mention(path, text)?.entity, mention };
}

/** Each row: two mentions (document, text) and whether they must be one entity. */
function check(texts: Record<string, string>, pairs: Array<[[string, string], [string, string], boolean]>): void {
  const { entity } = corpusOf(texts);
  for (const [a, b, same] of pairs) {
    const ea = entity(...a);
    const eb = entity(...b);
    assert.ok(ea && eb, `both found: ${a[1]} → ${ea}, ${b[1]} → ${eb}`);
    assert.equal(ea === eb, same, `${a[1]} (${ea}) and ${b[1]} (${eb})`);
  }
}

const cases: Array<[string, Record<string, string>, Array<[[string, string], [string, string], boolean]>]> = [
  ['a surname alone joins the full name across documents, not the network named after it', {
    'a.txt': 'Interior Minister Sirajuddin Haqqani met the envoy.',
    'b.txt': 'Later, Haqqani spoke. The Haqqani Network was not mentioned by Haqqani.',
  }, [[['a.txt', 'Sirajuddin Haqqani'], ['b.txt', 'Haqqani'], true], [['b.txt', 'Haqqani'], ['b.txt', 'Haqqani Network'], false]]],
  ['an acronym defined in one document joins its expansion in another', {
    'a.txt': 'The Collective Security Treaty Organization (CSTO) met in Moscow.',
    'b.txt': 'Members of the CSTO disagreed.',
  }, [[['a.txt', 'Collective Security Treaty Organization'], ['b.txt', 'CSTO'], true]]],
  ['an acronym another document defines, written after "the": one entity with the expansion', {
    'a.txt': 'Auditors of the Baltic Grain Review Office (BGRO) met in Riga.',
    'b.txt': 'The BGRO upheld the protest, and the BGRO said so twice.',
  }, [[['a.txt', 'Baltic Grain Review Office'], ['b.txt', 'BGRO'], true]]],
  ['known aliases join', {
    'a.txt': 'The attack was claimed by the Islamic State (ISIS).',
    'b.txt': 'Officials blamed Daesh for the attack.',
  }, [[['a.txt', 'Islamic State'], ['b.txt', 'Daesh'], true]]],
  ['near spellings of one person join', {
    'a.txt': 'Foreign Minister Amin Khan Muttaqi met the envoy.',
    'b.txt': 'Foreign Minister Amir Khan Muttaqi spoke.',
    'c.txt': 'Later Amir Khan Muttaqi travelled.',
  }, [[['a.txt', 'Amin Khan Muttaqi'], ['b.txt', 'Amir Khan Muttaqi'], true]]],
  ['different people stay apart', {
    'a.txt': 'President Vladimir Putin met Sergei Lavrov.',
    'b.txt': 'Sergei Shoigu spoke with Putin.',
  }, [[['a.txt', 'Sergei Lavrov'], ['b.txt', 'Sergei Shoigu'], false], [['a.txt', 'Vladimir Putin'], ['b.txt', 'Putin'], true]]],
];

for (const [name, texts, pairs] of cases) test(`linking: ${name}`, () => check(texts, pairs));

test('linking: the minority spelling gets an information diagnostic naming the majority one', () => {
  const { corpus } = corpusOf({
    'a.txt': 'Foreign Minister Amin Khan Muttaqi met the envoy.',
    'b.txt': 'Foreign Minister Amir Khan Muttaqi spoke.',
    'c.txt': 'Later Amir Khan Muttaqi travelled.',
  });
  // Spelling variants need the corpus-wide linking; problems() uses it once it is current.
  assert.deepEqual(problemsOf(corpus.snapshot(), 'a.txt').filter((p) => p.code === 'entity.spelling'), []);
  corpus.linked();
  const [problem] = problemsOf(corpus.snapshot(), 'a.txt').filter((p) => p.code === 'entity.spelling');
  assert.equal(problem.severity, 'information');
  assert.equal(problem.data?.preferred, 'Amir Khan Muttaqi');
  assert.match(problem.message, /“Amin Khan Muttaqi” is spelled “Amir Khan Muttaqi” in 2 other mentions across 2 documents/);
  assert.deepEqual(problemsOf(corpus.snapshot(), 'b.txt').filter((p) => p.code === 'entity.spelling'), []);
});

test('linking: a nationality word points at its country, and the entity carries roles and counts', () => {
  const { corpus, mention } = corpusOf({
    'a.txt': 'Zamir Kabulov, Russia’s special envoy for Afghanistan, met an Afghan delegation.',
    'b.txt': 'Kabulov visited Afghanistan again.',
  });
  const afghan = corpus.linked().byId.get(mention('a.txt', 'Afghan')!.entity)!;
  assert.equal(afghan.country, mention('a.txt', 'Afghanistan')!.entity);
  const kabulov = corpus.linked().byId.get(mention('b.txt', 'Kabulov')!.entity)!;
  assert.equal(kabulov.name, 'Zamir Kabulov');
  assert.deepEqual(kabulov.roles.map((r) => [r.path, r.text]), [['a.txt', 'Russia’s special envoy for Afghanistan']]);
  assert.deepEqual(kabulov.documents, ['a.txt', 'b.txt']);
  assert.equal(kabulov.definition.path, 'a.txt');
});
