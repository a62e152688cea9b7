// Snapshot tests of the hover card's whole text: on the five seeds (their footnotes, dates and
// first names, with the shipped name model) and on small fixtures for the cards the seeds do not
// show (from a document alone, by the user's annotation, a footnote defined twice). A changed card
// fails; `npm run hover:snapshots` (UPDATE_SNAPSHOTS=1) writes them again: read the diff first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, documentHoverAt, hoverAt, targetOf, type Annotation, type HoverInfo } from '../../src/core/index.js';
import { currentNameModel, installNameModel } from '../../src/core/entities/model/index.js';
import { LearnedWeights } from '../../src/core/entities/model/learn.js';
import { learnDecision } from '../../src/core/entities/learnDecision.js';
import type { EntityType } from '../../src/core/entities/recognize.js';
import { useLearned } from '../../src/core/entities/learnedModel.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { toHover } from '../../src/server/hover.js';
import { parseFixture } from '../fixture.js';

const SNAPSHOTS = path.resolve('test/server/snapshots/hover');
const SEEDS = path.resolve('seeds');
const updating = process.env.UPDATE_SNAPSHOTS === '1';

installNameModel(() => readFileSync('models/names.model'), 'models/names.model');

/** Compares `actual` with the stored snapshot, or writes it when updating. */
function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, `${name}.md`);
  if (updating) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `No snapshot ${path.relative(process.cwd(), file)}: run npm run hover:snapshots and read it.`);
  assert.equal(actual, readFileSync(file, 'utf8'), `The card changed from ${path.relative(process.cwd(), file)}; if meant, run npm run hover:snapshots and read the diff.`);
}

/** One card as the editor gets it: where it was asked, the range it covers, its Markdown. */
function card(corpus: Corpus, docPath: string, offset: number, info: HoverInfo | null): string {
  const doc = (uri: string) => {
    const entry = corpus.inputs.document(uri);
    return entry ? new DiskDocument(uri, entry.text) : undefined;
  };
  const text = corpus.inputs.document(docPath)!.text;
  const at = doc(docPath)!.positionAt(offset);
  const heading = `## ${JSON.stringify(text.slice(offset, offset + 24).split('\n')[0])} at ${at.line + 1}:${at.character + 1}`;
  if (!info) return `${heading}\n\n(no card)\n`;
  const hover = toHover(doc(docPath)!, info, doc);
  const { start, end } = hover.range!;
  return `${heading}, covering ${start.line + 1}:${start.character + 1}–${end.line + 1}:${end.character + 1}\n\n${(hover.contents as { value: string }).value}\n`;
}

/** The offsets a seed's cards are asked at: its first marker and definition, its first dates and names. */
function askedOffsets(corpus: Corpus, docPath: string): number[] {
  const { analysis } = corpus.inputs.document(docPath)!;
  const offsets: number[] = [];
  const marker = analysis.footnotes.markers[0];
  const definition = analysis.footnotes.definitions[0];
  if (marker) offsets.push(marker.start + 1);
  if (definition) offsets.push(definition.labelSpan.start + 1);
  const values = new Set<string>();
  for (const t of corpus.timex(docPath)) {
    if (values.size === 4) break;
    if (!values.has(t.value)) offsets.push(t.start), values.add(t.value);
  }
  const entities = new Set<string>();
  for (const m of corpus.mentions(docPath)) {
    if (entities.size === 8) break;
    if (!entities.has(m.entity)) offsets.push(m.start), entities.add(m.entity);
  }
  return offsets.sort((a, b) => a - b);
}

const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedCorpus = new Corpus();
for (const file of seeds) {
  const text = readFileSync(path.join(SEEDS, file), 'utf8');
  seedCorpus.update(file, text, analyzeDocument(text, { path: file }));
}

for (const file of seeds) {
  test(`hover cards: ${file}`, () => {
    const cards = askedOffsets(seedCorpus, file).map((offset) => card(seedCorpus, file, offset, hoverAt(seedCorpus.snapshot(), file, offset)));
    matchSnapshot(file.replace(/\.txt$/, ''), `# Hover cards of seeds/${file}\n\n${cards.join('\n')}`);
  });
}

test('hover cards: small fixtures', () => {
  const cards: string[] = [];
  /**
   * Each `$0` of a fixture is one card; `user` marks ⟦…⟧ as a person by the user's annotation;
   * `learnedFrom`: other documents whose ⟦…⟧ the user annotated with a type (null: no name), learned from.
   */
  const fixtures: Array<[string, string, { indexing?: boolean; user?: boolean; learnedFrom?: Array<[string, EntityType | null]> }]> = [
    ['a footnote defined twice', 'A claim.[$01]\n\n[1] First source.\n[1] Second *source*.', {}],
    ['a footnote with no definition', 'A claim.[$02]\n\n[1] One.', {}],
    ['a definition never cited', 'A claim.\n\n[$01] One.', {}],
    ['a name while indexing', 'Envoy Dmitry Zhir$0nov met Sirajuddin Haqqani in Kabul on March 5, 2024.', { indexing: true }],
    ['a date while indexing', 'Envoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on March $05, 2024.', { indexing: true }],
    ['a name the user marked', 'The talks with ⟦Blue Wi$0nd⟧ went on. Blue Wind said no.', { user: true }],
    ['markup in a name is escaped', 'President *Ash$0raf* Ghani spoke [in] Kabul.', {}],
    ['a name typed by what was learned here', 'Fares at Kestrel V$0arn rose on Monday.', { learnedFrom: [['Shares of ⟦Kestrel Varn⟧ fell after the airline cut its fares.', 'ORG']] }],
    // The card counts the decisions that typed names as organisations, not the other two.
    [
      'a name typed by what was learned here, among decisions of other types',
      'Fares at Kestrel V$0arn rose on Monday.',
      { learnedFrom: [['Shares of ⟦Kestrel Varn⟧ fell after the airline cut its fares.', 'ORG'], ['The deal with ⟦Ostrava Tessel⟧ was signed.', null], ['Talks with ⟦Karim Sadiqi⟧ ended in Herat.', 'PERSON']] },
    ],
    // A place, read so since an organisation was decided: no decision gave that type.
    ['a name typed by what was learned here, by decisions of other types only', 'Talks in Kestrel V$0arn ended.', { learnedFrom: [['Shares of ⟦Kestrel Varn⟧ fell after the airline cut its fares.', 'ORG']] }],
  ];
  for (const [name, marked, options] of fixtures) {
    const { text, cursor, spans } = parseFixture(marked);
    if (options.learnedFrom) {
      const learned = new LearnedWeights();
      for (const [marked, type] of options.learnedFrom) {
        const decided = parseFixture(marked);
        learnDecision(decided.text, decided.spans[0], type, currentNameModel()!, learned);
      }
      useLearned(learned);
    }
    const corpus = new Corpus();
    const docPath = 'file:///fixtures/doc.txt';
    corpus.update(docPath, text, analyzeDocument(text, { path: docPath }));
    if (options.user) {
      const annotation: Annotation = { id: 'u1', document: 'doc.txt', source: 'user', created: '2024-01-01T00:00:00.000Z', kind: 'entity', type: 'PERSON', entity: null, target: targetOf(text, spans[0].start, spans[0].end) };
      corpus.setAnnotations(new Map([[docPath, [annotation]]]), []);
    }
    const info = options.indexing ? documentHoverAt(corpus.snapshot(), docPath, cursor!) : hoverAt(corpus.snapshot(), docPath, cursor!);
    cards.push(`# ${name}\n\n${card(corpus, docPath, cursor!, info)}`);
    useLearned(null);
  }
  matchSnapshot('fixtures', cards.join('\n'));
});
