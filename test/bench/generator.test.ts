// The scale-corpus generator: the same seed gives the same corpus, articles differ from each
// other, and what it writes is what Corpus Lens is for (dates found, footnotes defined, invented
// people recognised as people, happenings reported by several articles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, parseCorpusJson } from '../../src/core/index.js';
import { isCommonWord, lookupAlias, lookupNationality, lookupPlace } from '../../src/core/entities/lexicon.js';
import { generateCorpus, generateLongDocument, mulberry32, type GeneratedCorpus } from '../support/corpusGenerator.js';

const corpus = generateCorpus({ docs: 300, seed: 7 });

function analyse(generated: GeneratedCorpus): Corpus {
  const metadata = parseCorpusJson(JSON.stringify(generated.corpusJson));
  const c = new Corpus();
  for (const doc of generated.documents) c.update(doc.path, doc.text, analyzeDocument(doc.text, { path: doc.path, metadata: metadata.documents.get(doc.path) }));
  return c;
}
const analysed = analyse(corpus);

test('generator: mulberry32 is deterministic and spreads over [0, 1)', () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const buckets = new Array(10).fill(0);
  for (const x of xs) buckets[Math.floor(x * 10)]++;
  assert.ok(buckets.every((n) => n > 60 && n < 140), `buckets ${buckets}`);
});

test('generator: the same seed writes the same corpus; another seed another one', () => {
  const again = generateCorpus({ docs: 300, seed: 7 });
  assert.deepEqual(again.documents, corpus.documents);
  assert.deepEqual(again.corpusJson, corpus.corpusJson);
  const other = generateCorpus({ docs: 300, seed: 8 });
  const same = other.documents.filter((d, i) => d.text === corpus.documents[i].text).length;
  assert.equal(same, 0);
});

test('generator: articles are varied, ~5 KB on average, 2 to 12 paragraphs', () => {
  const texts = corpus.documents.map((d) => d.text);
  assert.equal(new Set(texts).size, texts.length, 'no two articles alike');
  assert.equal(new Set(corpus.documents.map((d) => d.path)).size, texts.length, 'file names unique');
  const titles = new Set(corpus.documents.map((d) => d.title));
  assert.ok(titles.size > texts.length * 0.8, `${titles.size} distinct titles`);
  const average = texts.reduce((n, t) => n + t.length, 0) / texts.length;
  assert.ok(average > 4000 && average < 6500, `average ${average.toFixed(0)} characters`);
  const paragraphs = corpus.documents.map((d) => {
    const body = d.text.replace(/\r\n/g, '\n').split(/\n{3}\[1\]/)[0];
    return body.split(/\n\n/).filter((p) => p.length > 200).length;
  });
  assert.ok(Math.min(...paragraphs) <= 3 && Math.max(...paragraphs) >= 11, `paragraphs ${Math.min(...paragraphs)}–${Math.max(...paragraphs)}`);
  // Sentences differ even where a template repeats: the most repeated sentence is rare.
  const sentences = new Map<string, number>();
  for (const t of texts) for (const s of t.split(/(?<=[.!?][”"]?)\s+/)) sentences.set(s, (sentences.get(s) ?? 0) + 1);
  const [top, n] = [...sentences.entries()].filter(([s]) => s.length > 60).sort((a, b) => b[1] - a[1])[0];
  assert.ok(n < texts.length * 0.05, `"${top}" occurs ${n} times`);
});

test('generator: titles in title case, datelines, both kinds of quotes, dates in many forms', () => {
  const all = corpus.documents.map((d) => d.text).join('\n');
  for (const d of corpus.documents) {
    assert.match(d.title, /^(\S+ )*\S+$/);
    assert.ok(d.title.split(' ').every((w) => !/^[a-z]/.test(w)), `title case: ${d.title}`);
  }
  assert.match(all, /^[A-Z][A-Z-]+(?: [A-Z]+)*, [A-Z][a-z]+ \d{1,2} \([^)]+\) – /m, 'agency datelines: "KABUL, March 11 (Reuters) –"');
  assert.match(all, /^[A-Z][a-z]+ \d{1,2}, \d{4}( Special Dispatch No\. \d+)?$/m, 'datelines: "March 11, 2024"');
  assert.match(all, /"[^"\n]+"/, 'straight quotes');
  assert.match(all, /“[^”\n]+”/, 'curly quotes');
  const forms: Array<[string, RegExp]> = [
    ['full date', /\b(January|March|June|October) \d{1,2}, \d{4}\b/],
    ['day month year', /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/],
    ['month and year', /\bin (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/],
    ['part of a month', /\bin (early|mid|late)-[A-Z][a-z]+ \d{4}\b/],
    ['the next day', /\bThe next day\b/],
    ['weekday', /\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/],
    ['range', /\b(Between [A-Z][a-z]+ \d{1,2} and [A-Z][a-z]+ \d{1,2}, \d{4}|[A-Z][a-z]+ \d{1,2}-\d{1,2}, \d{4}|From \d{4} to \d{4})\b/],
  ];
  for (const [name, re] of forms) assert.match(all, re, name);
});

test('generator: every article has a date (dateline, file name or corpus.json) that the core reads', () => {
  const listed = Object.keys(corpus.corpusJson.documents).length;
  assert.equal(listed, Math.ceil(corpus.documents.length / 3));
  assert.deepEqual(parseCorpusJson(JSON.stringify(corpus.corpusJson)).problems, []);
  for (const d of corpus.documents) assert.equal(analysed.inputs.document(d.path)!.analysis.dct, d.date, d.path);
});

test('generator: footnote markers follow punctuation and have definitions, but for the articles meant to lack one', () => {
  let markers = 0;
  for (const d of corpus.documents) {
    const analysis = analysed.inputs.document(d.path)!.analysis;
    markers += analysis.footnotes.markers.length;
    for (const m of analysis.footnotes.markers) assert.match(d.text.slice(m.start - 1, m.start), /[.”"]/, `${d.path}: marker after punctuation`);
    const undefinedMarkers = analysis.problems.filter((p) => p.code === 'footnote.undefined').length;
    assert.equal(undefinedMarkers > 0, d.undefinedFootnotes > 0, d.path);
    assert.deepEqual(analysis.problems.filter((p) => p.code !== 'footnote.undefined' && p.severity !== 'hint'), [], d.path);
  }
  assert.ok(markers > corpus.documents.length, `${markers} markers`);
});

test('generator: invented people are unknown to the lexicon and recognised as people, titles apart', () => {
  const people = corpus.world.people.slice(0, 200);
  for (const p of people) {
    for (const w of [p.first, p.last]) {
      assert.ok(!lookupPlace(w) && !lookupNationality(w) && !lookupAlias(w) && !isCommonWord(w.toLowerCase()), `${w} is unknown`);
    }
  }
  const persons = new Set(analysed.entities().filter((e) => e.type === 'PERSON').map((e) => e.name));
  const named = people.filter((p) => corpus.documents.some((d) => d.text.includes(`${p.first} ${p.last}`)));
  const recognised = named.filter((p) => persons.has(`${p.first} ${p.last}`));
  assert.ok(named.length > 50, `${named.length} named`);
  assert.ok(recognised.length >= named.length * 0.85, `${recognised.length} of ${named.length} recognised as PERSON`);
  const orgs = new Set(analysed.entities().filter((e) => e.type === 'ORG').map((e) => e.name));
  assert.ok(corpus.world.orgs.filter((o) => orgs.has(o.name)).length > 30, 'organisations with head words recognised');
});

test('generator: about a quarter of the articles share a happening, which the corpus joins across them', () => {
  const reports = new Map<number, number>();
  for (const d of corpus.documents) for (const id of d.shared) reports.set(id, (reports.get(id) ?? 0) + 1);
  const sharing = corpus.documents.filter((d) => d.shared.some((id) => reports.get(id)! > 1)).length;
  assert.ok(sharing >= corpus.documents.length * 0.18 && sharing <= corpus.documents.length * 0.35, `${sharing} of ${corpus.documents.length} share`);
  const joined = analysed.events().filter((e) => new Set(e.mentions.map((m) => m.path)).size >= 3);
  assert.ok(joined.length >= 10, `${joined.length} events reported by three documents or more`);
});

test('generator: a long document of the same world, of the size asked', () => {
  const text = generateLongDocument(corpus.world, corpus.documents.length, 200_000);
  const bytes = Buffer.byteLength(text);
  assert.ok(bytes >= 200_000 && bytes < 240_000, `${bytes} bytes`);
  assert.ok(!corpus.documents.some((d) => text.includes(d.text.slice(0, 400))), 'new articles, not copies of the corpus');
  assert.ok(corpus.world.people.slice(0, 20).some((p) => text.includes(p.last)), 'the same people');
});
