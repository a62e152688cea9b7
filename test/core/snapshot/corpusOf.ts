// A corpus of marked documents for the snapshot's feature tests: `$0` is the cursor (in one
// document), `⟦…⟧` the spans a test expects, as in test/fixture.ts.
import { analyzeDocument, Corpus, type Location } from '../../../src/core/index.js';
import { dedent, parseFixture } from '../../fixture.js';

export interface MarkedCorpus {
  corpus: Corpus;
  texts: Map<string, string>;
  /** The document and offset of `$0`. */
  cursor: { path: string; offset: number };
  /** Every ⟦…⟧ span, by document then offset. */
  spans: Location[];
}

export function corpusOf(docs: Record<string, string>): MarkedCorpus {
  const corpus = new Corpus();
  const texts = new Map<string, string>();
  const spans: Location[] = [];
  let cursor: MarkedCorpus['cursor'] | null = null;
  for (const [path, marked] of Object.entries(docs)) {
    const fixture = parseFixture(dedent(marked));
    corpus.update(path, fixture.text, analyzeDocument(fixture.text, { path }));
    texts.set(path, fixture.text);
    for (const s of fixture.spans) spans.push({ path, start: s.start, end: s.end });
    if (fixture.cursor !== null) cursor = { path, offset: fixture.cursor };
  }
  return { corpus, texts, cursor: cursor ?? { path: Object.keys(docs)[0], offset: 0 }, spans };
}

/** Locations as "path `text`", for readable failures. */
export function shown(texts: Map<string, string>, locations: readonly Location[]): string[] {
  return locations.map((l) => `${l.path} \`${texts.get(l.path)!.slice(l.start, l.end)}\``);
}
