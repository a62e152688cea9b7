// Export formats (src/core/formats/): each converter on fixture text with marked spans, offsets
// checked the way the reading tool counts them (Python code points for brat, spaCy, doccano and
// W3C positions), and the brat round trip into the annotation store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, buildExport, Corpus, type CorpusExport, type ExportedDocument } from '../../src/core/index.js';
import { parseStore, serializeStore, type EntityAnnotation } from '../../src/core/annotations/store.js';
import {
  bratAnnotationConf, bratToAnnotations, codePointIndex, conllTokens, importedAnnotationId, jsonlDocuments, mergeIntoStore, parseBrat, quoteContext,
  toBrat, toConll, toJson, toJsonl, toWebAnnotation, withSources, type ParsedBrat,
} from '../../src/core/formats/index.js';

// ---------------------------------------------------------------------------------------------
// Fixtures: `⟦TYPE|text⟧` marks an entity mention, `⟦DATE=value|text⟧` a temporal expression.

const ENTITY = new Set(['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC']);
const slug = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

function fixture(docPath: string, src: string, options: { user?: string[] } = {}): { text: string; doc: ExportedDocument & { entities: Array<ExportedDocument['entities'][number] & { source?: 'user' | 'auto' }> } } {
  let text = '';
  const entities: Array<ExportedDocument['entities'][number] & { source?: 'user' | 'auto' }> = [];
  const timex: ExportedDocument['timex'] = [];
  const re = /⟦([A-Z]+)(?:=([^|]+))?\|([^⟧]*)⟧/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    text += src.slice(last, m.index);
    const start = text.length;
    text += m[3];
    const [, type, value, spanText] = m;
    if (ENTITY.has(type)) {
      entities.push({ start, end: text.length, text: spanText, type: type as 'PERSON', entity: `${type.toLowerCase()}:${slug(spanText)}`, ...(options.user?.includes(spanText) ? { source: 'user' as const } : {}) });
    } else {
      timex.push({ start, end: text.length, text: spanText, type: type as 'DATE', value: value ?? null });
    }
    last = m.index + m[0].length;
  }
  text += src.slice(last);
  return { text, doc: { path: docPath, title: null, dct: null, dctSource: null, reviewed: false, entities, timex, footnoteMarkers: [], footnoteDefinitions: [] } };
}

function exportOf(...fixtures: Array<ReturnType<typeof fixture>>): { exp: CorpusExport; texts: Map<string, string> } {
  const entities = new Map<string, CorpusExport['entities'][number]>();
  for (const { doc } of fixtures) {
    for (const m of doc.entities) {
      const e = entities.get(m.entity) ?? { id: m.entity, name: m.text, type: m.type, aliases: [], description: null, mentions: 0, documents: [] };
      e.mentions++;
      if (!e.documents.includes(doc.path)) e.documents.push(doc.path);
      entities.set(m.entity, e);
    }
  }
  return {
    exp: { format: 'corpus-lens/1', documents: fixtures.map((f) => f.doc), entities: [...entities.values()], events: [] },
    texts: new Map(fixtures.map((f) => [f.doc.path, f.text])),
  };
}

/** Python's text[start:end]: code points. */
const py = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const EMOJI_CRLF = fixture('sub/a.txt', '⟦DATE=2024-03-05|March 5, 2024⟧\r\n\r\nThe minister ⟦PERSON|Sirajuddin Haqqani⟧ 😀 met ⟦NORP|Russian⟧ envoy ⟦PERSON|Dmitry Zhirnov⟧ in ⟦PLACE|Kabul⟧.\r\n🇦🇫 Later ⟦PERSON|Zhirnov⟧ left for ⟦PLACE|Moscow⟧ 💥.\r\n');
const PLAIN = fixture('b.txt', 'The ⟦ORG|Haqqani Network⟧ and the ⟦ORG|Taliban⟧’s ⟦MISC|Doha Agreement⟧ of ⟦DATE=2020-02|February 2020⟧.\n');

// ---------------------------------------------------------------------------------------------
// Offsets

test('offsets: UTF-16 ↔ code points agree with Python slicing at every boundary', () => {
  const text = EMOJI_CRLF.text;
  const index = codePointIndex(text);
  assert.equal(index.length, Array.from(text).length);
  assert.notEqual(index.length, text.length, 'the fixture has characters outside the BMP');
  let cp = 0;
  for (let u = 0; u <= text.length; u++) {
    const inPair = u > 0 && /[\ud800-\udbff]/.test(text[u - 1]) && /[\udc00-\udfff]/.test(text[u] ?? '');
    if (inPair) {
      assert.equal(index.toCodePoint(u), cp - 1, `offset ${u}, inside a pair, maps to the pair's start`);
      continue;
    }
    assert.equal(index.toCodePoint(u), cp, `utf16 ${u}`);
    assert.equal(index.toUtf16(cp), u, `code point ${cp}`);
    cp++;
  }
  assert.equal(index.toUtf16(index.length + 1), null);
  assert.equal(index.toUtf16(-1), null);
  for (const m of EMOJI_CRLF.doc.entities) assert.equal(py(text, index.toCodePoint(m.start), index.toCodePoint(m.end)), m.text);
});

test('offsets: quote context never splits a surrogate pair and stays within 32 code points', () => {
  const text = `${'😀'.repeat(40)}Kabul${'💥'.repeat(40)}`;
  const start = text.indexOf('Kabul');
  const { prefix, suffix } = quoteContext(text, start, start + 5, 32);
  assert.equal(prefix, '😀'.repeat(32));
  assert.equal(suffix, '💥'.repeat(32));
  const short = quoteContext('a😀Kabul', 3, 8, 32);
  assert.equal(short.prefix, 'a😀');
});

// ---------------------------------------------------------------------------------------------
// corpus-lens/1 JSON

test('json: every entity mention gets source, "auto" unless marked by a person; the rest is unchanged', () => {
  const user = fixture('u.txt', '⟦PERSON|Dmitry Zhirnov⟧ met ⟦PERSON|Sirajuddin Haqqani⟧.', { user: ['Sirajuddin Haqqani'] });
  const { exp } = exportOf(PLAIN, user);
  const out = JSON.parse(toJson(exp));
  assert.equal(out.format, 'corpus-lens/1');
  assert.deepEqual(out.documents.flatMap((d: ExportedDocument) => d.entities.map((m) => (m as { source?: string }).source)), ['auto', 'auto', 'auto', 'auto', 'user']);
  assert.deepEqual(Object.keys(out.documents[0].entities[0]), ['start', 'end', 'text', 'type', 'entity', 'source']);
  // Without the field, the object is the export as it was.
  const strip = (e: { documents: Array<{ entities: Array<Record<string, unknown>> }> }) =>
    ({ ...e, documents: e.documents.map((d) => ({ ...d, entities: d.entities.map(({ source: _source, ...rest }) => rest) })) });
  assert.deepEqual(strip(out), JSON.parse(JSON.stringify(strip(exp as unknown as Parameters<typeof strip>[0]))));
  // A lookup (the CLI asks the corpus) decides for mentions that do not say.
  const looked = withSources(exportOf(PLAIN).exp, (_p, m) => (m.text === 'Taliban' ? 'user' : undefined));
  assert.deepEqual(looked.documents[0].entities.map((m) => m.source), ['auto', 'user', 'auto']);
});

// ---------------------------------------------------------------------------------------------
// brat

const LINE_SHAPES: Record<string, RegExp> = {
  T: /^T\d+\t(\S+) (\d+) (\d+)\t([^\t\n]*)$/,
  A: /^A\d+\tSource (T\d+) (auto|user)$/,
  N: /^N\d+\tReference (T\d+) CorpusLens:(\S+)\t([^\t\n]+)$/,
  '#': /^#\d+\tAnnotatorNotes (T\d+)\t([^\t\n]+)$/,
};

test('brat: the .ann follows the standoff format and its offsets are code points into the .txt as brat reads it (emoji, CRLF)', () => {
  const { exp, texts } = exportOf(EMOJI_CRLF, PLAIN);
  const brat = toBrat(exp, texts);
  assert.deepEqual(brat.problems, []);
  assert.deepEqual(brat.files.map((f) => f.path), ['sub/a.ann', 'b.ann']);
  const conf = brat.conf;
  for (const f of brat.files) {
    const text = texts.get(f.document)!; // brat reads the file as is: CRLF stays two characters
    assert.ok(f.content.endsWith('\n') && !f.content.includes('\r'));
    const tIds = new Set<string>();
    const types = new Set<string>();
    for (const line of f.content.slice(0, -1).split('\n')) {
      const kind = line[0];
      const m = LINE_SHAPES[kind]?.exec(line);
      assert.ok(m, `a well-formed ${kind} line: ${JSON.stringify(line)}`);
      if (kind === 'T') {
        const [, type, s, e, spanText] = m;
        assert.equal(py(text, Number(s), Number(e)), spanText, line);
        tIds.add(line.split('\t')[0]);
        types.add(type);
      } else {
        assert.ok(tIds.has(m[1]), `${line} refers to a T defined before it`);
      }
    }
    for (const type of types) assert.match(conf, new RegExp(`^${type}$`, 'm'), `annotation.conf declares ${type}`);
  }
  const a = brat.files[0].content.split('\n');
  // The emoji before "Russian" and the CRLFs before it: UTF-16 offset 58, code point 57.
  const russian = a.find((l) => l.endsWith('\tRussian'))!;
  assert.equal(russian, `T3\tNORP ${EMOJI_CRLF.text.indexOf('Russian') - 1} ${EMOJI_CRLF.text.indexOf('Russian') + 6}\tRussian`);
  assert.ok(a.includes('A1\tSource T2 auto'));
  assert.ok(a.includes('N1\tReference T2 CorpusLens:person:sirajuddin-haqqani\tSirajuddin Haqqani'));
  assert.ok(a.includes('#1\tAnnotatorNotes T1\tvalue=2024-03-05'));
  // A person's marking is carried as the Source attribute.
  const user = fixture('u.txt', '⟦PERSON|Dmitry Zhirnov⟧ met ⟦PERSON|Sirajuddin Haqqani⟧.', { user: ['Sirajuddin Haqqani'] });
  const u = toBrat(exportOf(user).exp, exportOf(user).texts).files[0].content;
  assert.match(u, /^A1\tSource T1 auto$/m);
  assert.match(u, /^A2\tSource T2 user$/m);
});

test('brat: a byte-order mark is character 0 for brat, so offsets move by one', () => {
  const { exp, texts } = exportOf(PLAIN);
  const withBom = toBrat(exp, texts, { bom: new Set(['b.txt']) }).files[0].content;
  const file = `\uFEFF${PLAIN.text}`;
  for (const line of withBom.split('\n').filter((l) => l.startsWith('T'))) {
    const [, type, s, e, spanText] = LINE_SHAPES.T.exec(line)!;
    assert.ok(type);
    assert.equal(py(file, Number(s), Number(e)), spanText);
  }
  assert.match(withBom, /^T1\tORG 5 20\tHaqqani Network$/m);
});

test('brat: annotation.conf has the four sections and declares every type and attribute', () => {
  const conf = bratAnnotationConf();
  const sections = [...conf.matchAll(/^\[(\w+)\]$/gm)].map((m) => m[1]);
  assert.deepEqual(sections, ['entities', 'relations', 'events', 'attributes']);
  const entities = conf.split('[entities]\n')[1].split('\n[')[0].split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(entities, ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC', 'DATE', 'TIME', 'DURATION', 'SET']);
  assert.match(conf, /^Source\tArg:PERSON\|ORG\|PLACE\|NORP\|MISC, Value:auto\|user$/m);
});

test('brat: spans that brat cannot hold on one line, or that do not fit the text, are left out with a problem', () => {
  const f = fixture('c.txt', 'One ⟦PERSON|Anna\nBrown⟧ and ⟦PLACE|Kabul⟧.');
  const { exp, texts } = exportOf(f);
  exp.documents[0].entities.push({ start: 2, end: 90, text: 'nope', type: 'ORG', entity: 'org:nope' });
  const brat = toBrat(exp, texts);
  assert.equal(brat.problems.length, 2);
  assert.ok(brat.problems.some((p) => /"Anna Brown" at 4-14 runs across a line break/.test(p.message)));
  assert.ok(brat.problems.some((p) => /"nope" at 2-90 does not fit the text/.test(p.message)));
  assert.equal(brat.files[0].content.split('\n').filter((l) => l.startsWith('T')).length, 1);
  const missing = toBrat(exp, new Map());
  assert.equal(missing.files.length, 0);
  assert.equal(missing.problems[0].severity, 'error');
});

/** The entity mentions of an export as the store would hold them. */
function expectedAnnotations(exp: CorpusExport, texts: Map<string, string>) {
  return exp.documents.flatMap((d) => d.entities.map((m) => ({ document: d.path, type: m.type, entity: m.entity, exact: m.text, start: m.start, end: m.end, text: texts.get(d.path)!.slice(m.start, m.end) })));
}

function imported(anns: EntityAnnotation[]) {
  return anns.map((a) => ({ document: a.document, type: a.type, entity: a.entity, exact: a.target.exact, start: a.target.start, end: a.target.end, text: a.target.exact }));
}

test('brat: out and back in gives the same entity annotations (emoji, CRLF, byte-order mark)', () => {
  for (const bom of [false, true]) {
    const { exp, texts } = exportOf(EMOJI_CRLF, PLAIN);
    const brat = toBrat(exp, texts, { bom: new Set(bom ? ['sub/a.txt'] : []) });
    const back = brat.files.flatMap((f) => {
      const r = bratToAnnotations(f.document, texts.get(f.document)!, parseBrat(f.content), { bom: bom && f.document === 'sub/a.txt', created: '2024-01-01T00:00:00.000Z' });
      assert.deepEqual(r.problems, []);
      return r.annotations;
    });
    assert.deepEqual(imported(back), expectedAnnotations(exp, texts));
    for (const a of back) {
      assert.equal(a.source, 'user');
      assert.equal(a.kind, 'entity');
      assert.equal(a.id, importedAnnotationId(a.document, a.target.start, a.target.end, a.type));
    }
  }
});

test('brat: the round trip holds on the seeds, analysed for real', () => {
  const corpus = new Corpus();
  for (const name of readdirSync('seeds').filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(path.join('seeds', name), 'utf8');
    corpus.update(name, text, analyzeDocument(text, { path: name }));
  }
  const exp = buildExport(corpus);
  const texts = new Map(corpus.documents().map((d) => [d.path, d.text]));
  const brat = toBrat(exp, texts);
  assert.deepEqual(brat.problems, []);
  const back = brat.files.flatMap((f) => bratToAnnotations(f.document, texts.get(f.document)!, parseBrat(f.content), { created: 'x' }).annotations);
  assert.ok(back.length > 500);
  assert.deepEqual(imported(back), expectedAnnotations(exp, texts));
  // Temporal expressions are T lines too, with their value as a note.
  const timex = exp.documents.reduce((n, d) => n + d.timex.length, 0);
  assert.equal(brat.files.reduce((n, f) => n + (f.content.match(/AnnotatorNotes T\d+\tvalue=/g) ?? []).length, 0), timex);
});

function check(ann: string, expected: Array<[line: number, severity: string, message: RegExp]>, text = 'Sirajuddin Haqqani met Dmitry Zhirnov in Kabul on March 5.') {
  const parsed: ParsedBrat = parseBrat(ann);
  const r = bratToAnnotations('d.txt', text, parsed, { created: 'x' });
  const problems = [...parsed.problems, ...r.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  assert.deepEqual(problems.map((p) => [p.line, p.severity]), expected.map(([l, s]) => [l, s]), JSON.stringify(problems));
  problems.forEach((p, i) => assert.match(p.message, expected[i][2]));
  return r;
}

test('brat parser: lines it cannot use are reported with their line, the others are read', () => {
  const r = check(
    [
      'T1\tPERSON 0 18\tSirajuddin Haqqani',
      'T2 PERSON 23 37 Dmitry Zhirnov',
      'T3\tPERSON 23 37\tDmitry Zhirno',
      'T4\tPLACE 41 46\tKabul',
      'N1\tReference T4 CorpusLens:place:kabul\tKabul',
      'N2\tReference T1 Wikidata:Q123\tSirajuddin Haqqani',
      'T5\tPERSON 0 10;11 18\tSirajuddin Haqqani',
      'T6\tProtein 0 10\tSirajuddin',
      'T7\tDATE 50 57\tMarch 5',
      'T8\tPLACE 41 460\tKabul',
      'T4\tPLACE 41 46\tKabul',
      'R1\tLocated Arg1:T1 Arg2:T4',
      'T9\tORG 41 x\tKabul',
      'A1\tSource T1 user',
      '#1\tAnnotatorNotes T1\tInterior Minister',
      'N3\tReference T9',
      'X1\tfoo',
      '',
    ].join('\n'),
    [
      [2, 'error', /no tab/],
      [3, 'error', /T3: its text "Dmitry Zhirno" does not match the document's "Dmitry Zhirnov"/],
      [7, 'warning', /T5 is discontinuous/],
      [8, 'warning', /T6 has type "Protein"/],
      [10, 'error', /T8: offsets 41-460 are outside the text/],
      [11, 'error', /T4 is defined twice/],
      [13, 'error', /T9: expected "TYPE START END"/],
      [16, 'error', /N3: expected "Reference T<n> DB:ID"/],
      [17, 'error', /brat has no annotation kind "X"/],
    ],
  );
  assert.deepEqual(r.annotations.map((a) => [a.type, a.target.exact, a.entity]), [['PERSON', 'Sirajuddin Haqqani', null], ['PLACE', 'Kabul', 'place:kabul']]);
  assert.equal(r.timex, 1);
});

test('brat parser: never throws on junk', () => {
  for (const junk of ['', '\t', '\t\t\t', 'T\t', 'T1\t\t', 'N1\tReference', '#1\t', '\u0000\ud800', 'T1\tPERSON 5 2\tx', 'T1\tPERSON 0 0\t']) {
    const parsed = parseBrat(junk);
    assert.doesNotThrow(() => bratToAnnotations('d.txt', 'abc', parsed, { created: 'x' }));
  }
});

// ---------------------------------------------------------------------------------------------
// The annotation store

const annotation = (document: string, start: number, end: number, type: 'PERSON' | 'PLACE', entity: string | null, exact: string): EntityAnnotation => ({
  id: importedAnnotationId(document, start, end, type), document, kind: 'entity', type, entity, target: { exact, prefix: '', suffix: '', start, end }, source: 'user', created: '2024-05-01T00:00:00.000Z',
});

test('store: a new store holds the imported annotations, sorted by document then start, one per line, in the store layout', () => {
  const r = mergeIntoStore(null, [annotation('b.txt', 5, 10, 'PLACE', 'place:kabul', 'Kabul'), annotation('a.txt', 30, 36, 'PLACE', null, 'Moscow'), annotation('a.txt', 0, 5, 'PERSON', 'person:anna', 'Anna ')]);
  assert.ok(r.ok);
  const lines = r.text.split('\n');
  assert.deepEqual(lines.slice(0, 3), ['{', '  "version": 1,', '  "annotations": [']);
  assert.deepEqual(lines.slice(3, 6).map((l) => JSON.parse(l.replace(/,$/, '')).target.exact), ['Anna ', 'Moscow', 'Kabul']);
  const parsed = parseStore(r.text);
  assert.ok(parsed.store);
  assert.deepEqual(parsed.problems, []);
  // The same layout as the store's own writer.
  assert.equal(serializeStore(parsed.store), r.text);
  assert.deepEqual([r.added, r.updated, r.unchanged], [3, 0, 0]);
});

test('store: merging keeps what is there (other kinds, unusable items), and the same document+span+type is the same annotation', () => {
  const existing = `{
  "version": 1,
  "annotations": [
    {"id":"r1","document":"a.txt","kind":"reviewed","source":"user","created":"2024-01-01T00:00:00.000Z"},
    {"id":"old","document":"a.txt","kind":"entity","type":"PLACE","entity":null,"target":{"exact":"Moscow","prefix":"p","suffix":"s","start":30,"end":36},"source":"user","created":"2024-01-01T00:00:00.000Z","note":"kept"},
    {"id":"weird","document":"a.txt","kind":"relation","from":"x"},
    {"id":"same","document":"b.txt","kind":"entity","type":"PLACE","entity":"place:kabul","target":{"exact":"Kabul","prefix":"","suffix":"","start":5,"end":10},"source":"user","created":"2024-01-01T00:00:00.000Z"}
  ]
}
`;
  const r = mergeIntoStore(existing, [annotation('a.txt', 30, 36, 'PLACE', 'place:moscow', 'Moscow'), annotation('b.txt', 5, 10, 'PLACE', 'place:kabul', 'Kabul'), annotation('a.txt', 30, 36, 'PERSON', null, 'Moscow')]);
  assert.ok(r.ok);
  assert.deepEqual([r.added, r.updated, r.unchanged], [1, 1, 1]);
  const items = JSON.parse(r.text).annotations as Array<Record<string, unknown>>;
  // Sorted by document, then start (none for items without a target), then id.
  assert.deepEqual(items.map((a) => a.id), ['r1', 'weird', importedAnnotationId('a.txt', 30, 36, 'PERSON'), 'old', 'same']);
  const old = items.find((a) => a.id === 'old')!;
  assert.deepEqual([old.entity, old.created, old.note, (old.target as { prefix: string }).prefix], ['place:moscow', '2024-01-01T00:00:00.000Z', 'kept', '']);
  assert.ok(r.warnings.some((w) => /kind/.test(w.message)), 'the unusable item is reported, and kept');
});

test('store: a malformed store is refused with its position', () => {
  const bad = '{\n  "version": 1,\n  "annotations": [\n    {"id": "a" "document": "x"}\n  ]\n}\n';
  const r = mergeIntoStore(bad, [annotation('a.txt', 0, 5, 'PERSON', null, 'Anna ')]);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.problems[0].start === bad.indexOf('"document"'));
  const wrongVersion = mergeIntoStore('{"version": 2, "annotations": []}', []);
  assert.equal(wrongVersion.ok, false);
});

// ---------------------------------------------------------------------------------------------
// CoNLL-2003

test('conll: one token a line in four columns, BIO tags in CoNLL types, every character of the text kept', () => {
  const f = fixture('c.txt', 'The ⟦ORG|Taliban⟧’s minister ⟦PERSON|Sirajuddin Haqqani⟧ met ⟦NORP|Russian⟧ envoys in ⟦PLACE|Kabul⟧ ⟦PLACE|Afghanistan⟧.\nThe ⟦PLACE|US⟧-led war ended. The ⟦MISC|Doha Agreement⟧ 😀 held.\n');
  const { exp, texts } = exportOf(f);
  const { text } = toConll(exp, texts);
  const lines = text.split('\n');
  assert.equal(lines[0], '-DOCSTART- -X- -X- O');
  assert.equal(lines[1], '');
  const rows = lines.filter((l) => l && !l.startsWith('-DOCSTART-'));
  for (const r of rows) assert.equal(r.split(' ').length, 4, r);
  const tagged = rows.map((r) => { const c = r.split(' '); return `${c[0]}/${c[3]}`; });
  assert.deepEqual(tagged.slice(0, 14), ['The/O', 'Taliban/B-ORG', '’s/O', 'minister/O', 'Sirajuddin/B-PER', 'Haqqani/I-PER', 'met/O', 'Russian/B-MISC', 'envoys/O', 'in/O', 'Kabul/B-LOC', 'Afghanistan/B-LOC', './O', 'The/O']);
  assert.deepEqual(tagged.slice(14, 16), ['US/B-LOC', '-/O']);
  assert.ok(tagged.includes('Doha/B-MISC') && tagged.includes('Agreement/I-MISC') && tagged.includes('😀/O'));
  // Sentences end with a blank line: three sentences, three blank lines after the DOCSTART one.
  assert.equal(lines.filter((l, i) => l === '' && i > 1 && i < lines.length - 1).length, 3);
  assert.equal(rows.map((r) => r.split(' ')[0]).join(''), f.text.replace(/\s+/g, ''));
});

test('conll: a name never starts mid-token and a sentence never breaks inside a name', () => {
  // The tokenizer ends a sentence at "!"; the name "Yahoo! Inc" holds it together.
  const sentences = conllTokens('We use Yahoo! Inc tools. Bye', [{ start: 7, end: 17, type: 'ORG' }]);
  const tags = sentences.map((s) => s.map((t) => `${t.text}/${t.tag}`));
  assert.deepEqual(tags, [['We/O', 'use/O', 'Yahoo/B-ORG', '!/I-ORG', 'Inc/I-ORG', 'tools/O', './O'], ['Bye/O']]);
  assert.equal(conllTokens('We use Yahoo! Inc tools.', []).length, 2, 'without the name, two sentences');
  const cut = conllTokens('AlQaeda', [{ start: 2, end: 7, type: 'ORG' }])[0].map((t) => `${t.text}/${t.tag}`);
  assert.deepEqual(cut, ['Al/O', 'Qaeda/B-ORG']);
  assert.equal(toConll(exportOf(PLAIN, EMOJI_CRLF).exp, exportOf(PLAIN, EMOJI_CRLF).texts).text.match(/^-DOCSTART- -X- -X- O$/gm)?.length, 2);
});

// ---------------------------------------------------------------------------------------------
// JSONL

test('jsonl: one line per document; spans and doccano labels in code points, as Python slices them', () => {
  const { exp, texts } = exportOf(EMOJI_CRLF, PLAIN);
  const { text, problems } = toJsonl(exp, texts);
  assert.deepEqual(problems, []);
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  const first = JSON.parse(lines[0]);
  assert.deepEqual(Object.keys(first), ['id', 'text', 'spans', 'label', 'meta']);
  assert.equal(first.id, 'sub/a.txt');
  assert.equal(first.text, EMOJI_CRLF.text);
  for (const s of first.spans) {
    assert.ok(['start', 'end', 'label', 'entity'].every((k) => k in s));
    const source = [...EMOJI_CRLF.doc.entities, ...EMOJI_CRLF.doc.timex].find((m) => m.type === s.label && py(first.text, s.start, s.end) === m.text);
    assert.ok(source, `${JSON.stringify(s)} slices to a marked span`);
  }
  assert.deepEqual(first.label, first.spans.map((s: { start: number; end: number; label: string }) => [s.start, s.end, s.label]));
  const moscow = first.spans.find((s: { entity: string }) => s.entity === 'place:moscow');
  // Before it: 😀 (two UTF-16 units, one code point) and the flag 🇦🇫 (four units, two code points).
  assert.equal(moscow.start, EMOJI_CRLF.text.indexOf('Moscow') - 3);
  const date = first.spans.find((s: { label: string }) => s.label === 'DATE');
  assert.deepEqual([date.entity, date.value], [null, '2024-03-05']);
  assert.deepEqual(first.meta, { path: 'sub/a.txt', title: null, dct: null, dctSource: null, reviewed: false });
});

test('jsonl: line separators inside the text cannot split a line', () => {
  const f = fixture('s.txt', 'A\u2028B\u2029C\u0085 ⟦PLACE|Kabul⟧');
  const { text } = toJsonl(exportOf(f).exp, exportOf(f).texts);
  assert.equal(text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).length, 2);
  assert.equal(JSON.parse(text).text, f.text);
  assert.equal(jsonlDocuments(exportOf(f).exp, exportOf(f).texts).documents[0].spans[0].start, 7);
});

// ---------------------------------------------------------------------------------------------
// W3C Web Annotation

/** The shape the W3C Web Annotation Data Model requires of what we write. */
function validateCollection(c: any, text: (source: string) => string): string[] {
  const errors: string[] = [];
  const need = (ok: unknown, what: string) => { if (!ok) errors.push(what); };
  need(c['@context'] === 'http://www.w3.org/ns/anno.jsonld', '@context');
  need(typeof c.id === 'string' && /^[a-z][a-z0-9+.-]*:/.test(c.id), 'collection id is an IRI');
  need(c.type === 'AnnotationCollection', 'collection type');
  need(Number.isInteger(c.total) && c.total === c.first?.items?.length, 'total');
  need(c.first?.type === 'AnnotationPage' && typeof c.first.id === 'string' && c.first.id !== c.id, 'page');
  for (const a of c.first?.items ?? []) {
    need(typeof a.id === 'string' && /^[a-z][a-z0-9+.-]*:/.test(a.id), `annotation id ${a.id}`);
    need(a.type === 'Annotation', 'annotation type');
    need(Array.isArray(a.body) && a.body.length >= 1, 'body');
    for (const b of a.body ?? []) {
      if (b.type === 'TextualBody') need(typeof b.value === 'string' && ['tagging', 'describing'].includes(b.purpose), 'textual body');
      else need(b.type === 'SpecificResource' && b.purpose === 'identifying' && /^urn:corpus-lens:entity:/.test(b.source), 'identifying body');
    }
    need(a.body?.[0]?.type === 'TextualBody' && a.body[0].purpose === 'tagging', 'the first body tags the type');
    need(typeof a.target?.source === 'string', 'target source');
    const [quote, position] = a.target?.selector ?? [];
    need(quote?.type === 'TextQuoteSelector' && typeof quote.exact === 'string' && quote.exact.length > 0, 'quote selector');
    need(position?.type === 'TextPositionSelector' && Number.isInteger(position.start) && Number.isInteger(position.end) && position.start < position.end, 'position selector');
    if (quote && position && typeof a.target?.source === 'string') {
      const t = text(a.target.source);
      need(py(t, position.start, position.end) === quote.exact, `position ${position.start}-${position.end} (code points) holds "${quote.exact}"`);
      need(Array.from(quote.prefix).length <= 32 && Array.from(quote.suffix).length <= 32, 'context of at most 32 characters');
      need(py(t, position.start - Array.from(quote.prefix).length, position.start) === quote.prefix && py(t, position.end, position.end + Array.from(quote.suffix).length) === quote.suffix, 'prefix and suffix surround the quote');
      need(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(quote.prefix + quote.suffix), 'no half surrogate pair');
    }
  }
  return errors;
}

test('webanno: an AnnotationCollection of Annotations with tagging and identifying bodies, quote and code point position selectors', () => {
  const { exp, texts } = exportOf(EMOJI_CRLF, PLAIN);
  const { collection, problems } = toWebAnnotation(exp, texts, { sourceOf: (p) => `file:///corpus/${p}` });
  assert.deepEqual(problems, []);
  const json = JSON.parse(JSON.stringify(collection));
  assert.deepEqual(validateCollection(json, (source) => texts.get(source.replace('file:///corpus/', ''))!), []);
  assert.equal(json.total, 11);
  const haqqani = json.first.items.find((a: any) => a.target.selector[0].exact === 'Sirajuddin Haqqani');
  assert.deepEqual(haqqani.body, [
    { type: 'TextualBody', purpose: 'tagging', value: 'PERSON' },
    { type: 'SpecificResource', purpose: 'identifying', source: 'urn:corpus-lens:entity:person:sirajuddin-haqqani' },
  ]);
  assert.equal(haqqani.target.source, 'file:///corpus/sub/a.txt');
  const moscow = json.first.items.find((a: any) => a.target.selector[0].exact === 'Moscow');
  assert.equal(moscow.target.selector[1].start, EMOJI_CRLF.text.indexOf('Moscow') - 3);
  const date = json.first.items.find((a: any) => a.body[0].value === 'DATE');
  assert.deepEqual(date.body[1], { type: 'TextualBody', purpose: 'describing', value: 'value=2024-03-05' });
  // The validator fails on what it must refuse.
  const broken = JSON.parse(JSON.stringify(json));
  broken.first.items[1].target.selector[1].start += 1;
  broken.first.items[2].body = [];
  assert.equal(validateCollection(broken, (source) => texts.get(source.replace('file:///corpus/', ''))!).length >= 2, true);
});

test('webanno: an emoji at the edge of the context is kept whole', () => {
  const f = fixture('e.txt', `${'😀'.repeat(40)}⟦PLACE|Kabul⟧${'💥'.repeat(40)}`);
  const { collection } = toWebAnnotation(exportOf(f).exp, exportOf(f).texts);
  const [quote, position] = collection.first.items[0].target.selector;
  assert.equal(quote.prefix, '😀'.repeat(32));
  assert.equal(quote.suffix, '💥'.repeat(32));
  assert.deepEqual([position.start, position.end], [40, 45]);
  assert.deepEqual(validateCollection(collection, () => f.text), []);
});
