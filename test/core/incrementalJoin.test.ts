// Events after any sequence of edits, additions and removals must be what the reference join
// (joinReference.ts: the documented rules, written plainly, over the whole final corpus) gives:
// the same events, ids, titles, mentions and offsets, and the same answers per document and per
// entity. A bug shared by joining incrementally and from scratch shows here too. Edits go where
// joining looks: into names and dates of reports, line and sentence breaks between reports, whole
// sentences; the articles come from the scale generator (some without a date of their own, so
// reports without a year) and the seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Corpus, type CorpusEvent } from '../../src/core/index.js';
import { generateCorpus } from '../support/corpusGenerator.js';
import { cachedAnalysis } from './cachedAnalysis.js';
import { referenceJoin, type ReferenceEvents } from './joinReference.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
/** One happening told by several articles; an undated report of the second joins it through a name the first's undated report brings. */
const EXTRA = [
  'Williams Arrested\nJanuary 7, 2009\nChargers tackle Jamal Williams was arrested on January 6, 2009 in San Diego.\nThe San Diego Police Department and the Chargers said Williams was arrested after a traffic stop.\n',
  'Chargers Player Held\nJanuary 8, 2009\nThe Chargers said Jamal Williams was arrested on January 6, 2009.\nLater Williams was arrested again by the San Diego Police Department.\n',
  'Chargers Player Held\nThe San Diego Police Department arrested Jamal Williams in San Diego. Williams was arrested near the stadium. Vincent Jackson of the Chargers was arrested too.\n',
  // Undated on both sides: joined across documents by the learned scorer (storyJoin.ts), or not, as the edits go.
  'Talks in Herat\nPavel Orlov met Karim Sadiqi in Herat to discuss trade.\n',
  'Orlov in Herat\nKarim Sadiqi met Pavel Orlov in Herat. Anna Weber met Jonas Berg in Lyon.\n',
];
const bases = [...generateCorpus({ docs: 12, seed: 7 }).documents.map((d) => d.text), ...seeds, ...EXTRA];

const analysis = cachedAnalysis;

/** The spans joining reads in a text: its reports' names and dates, and their sentences. */
function reportSpans(p: string, text: string) {
  const events = analysis(p, text).events;
  return {
    names: events.flatMap((e) => e.participants),
    dates: events.flatMap((e) => (e.date ? [e.date] : [])),
    sentences: events.map((e) => e.sentence),
  };
}

const pick = <T>(list: T[], at: number): T | undefined => (list.length ? list[at % list.length] : undefined);
/** A word boundary near `at`. */
const boundary = (text: string, at: number) => Math.max(0, text.indexOf(' ', at % Math.max(1, text.length)));
const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** Edits of a text, at a position chosen by `at`. */
const EDITS: Array<(p: string, text: string, at: number) => string> = [
  // A letter typed into a name that takes part in a report.
  (p, text, at) => {
    const m = pick(reportSpans(p, text).names, at);
    return m ? splice(text, m.start + 1, m.start + 1, 'x') : text;
  },
  // A name in a report replaced everywhere in the text by another one from the corpus, or spelled
  // another way (links change corpus-wide: who bears a name, the spelling most documents use, the
  // form an entity is named by: in capitals, the name of an organisation named in two articles).
  (p, text, at) => {
    const m = pick(reportSpans(p, text).names, at);
    if (!m) return text;
    const name = text.slice(m.start, m.end);
    const other = pick(['Anas Haqqani', 'Dmitry Zhirnow', 'Sergei Lavrov', 'Islamic Emirate', 'Kabul', `${name}e`, name.replace(/[aeiou](?=[a-z]*$)/, 'o'), name.toUpperCase()], at)!;
    return text.split(name).join(other);
  },
  // A report's date changed: another day, or no year.
  (p, text, at) => {
    const d = pick(reportSpans(p, text).dates, at);
    return d ? splice(text, d.start, d.end, pick(['March 9, 2021', 'June 2, 2023', 'March 22', 'in 2022'], at)!) : text;
  },
  // A line break, or a sentence break, between words; a paragraph break after a report's sentence.
  (_, text, at) => splice(text, boundary(text, at), boundary(text, at) + 1, '\n'),
  (p, text, at) => {
    const s = pick(reportSpans(p, text).sentences, at);
    return s && text[s.end] === ' ' ? splice(text, s.end, s.end + 1, '\n') : text;
  },
  (_, text, at) => splice(text, boundary(text, at), boundary(text, at), '. The'),
  // A sentence with a report deleted.
  (p, text, at) => {
    const s = pick(reportSpans(p, text).sentences, at);
    return s ? splice(text, s.start, s.end, '') : text;
  },
  // A keystroke anywhere.
  (_, text, at) => splice(text, boundary(text, at), boundary(text, at), 'x'),
  // A sentence with a report from another article added at the end.
  (_, text, at) => {
    const other = bases[at % bases.length];
    const s = pick(reportSpans('other.txt', other).sentences, at);
    return s ? `${text}\n\n${other.slice(s.start, s.end)}\n` : text;
  },
];

/** Everything a consumer can read of the events, in a comparable form. */
function snapshot(corpus: Pick<ReferenceEvents, 'eventsIn' | 'eventsOf'> & { events(): CorpusEvent[] }, paths: string[]) {
  const events = corpus.events();
  const ids = (list: CorpusEvent[]) => list.map((e) => e.id);
  const entities = [...new Set(events.flatMap((e) => (e.place ? [...e.participants, e.place] : e.participants)))].sort();
  return {
    events: events.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m })) })),
    byPath: paths.map((p) => [p, ids(corpus.eventsIn(p))]),
    byEntity: entities.map((id) => [id, ids(corpus.eventsOf(id))]),
  };
}

/** The reference join of the corpus's documents, with the links the corpus made (the linker has its own reference). */
function reference(corpus: Corpus) {
  const linked = corpus.linked();
  const inputs = corpus.documents().map((d) => ({ path: d.path, dct: d.analysis.dct, events: d.analysis.events, mentions: linked.mentionsByPath.get(d.path) ?? [], text: d.text }));
  const joined = referenceJoin(inputs, linked.byId);
  return { ...joined, events: () => joined.events };
}

const step = fc.record({ doc: fc.integer({ min: 0, max: 5 }), action: fc.integer({ min: -1, max: bases.length + EDITS.length - 1 }), at: fc.nat(100_000) });

test('incremental events equal the reference join after any sequence of edits, additions and removals', () => {
  fc.assert(fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (batches) => {
    const corpus = new Corpus();
    const texts = new Map<string, string>();
    for (const batch of batches) {
      for (const { doc, action, at } of batch) {
        const p = `doc${doc}.txt`;
        const current = texts.get(p);
        if (action < 0) {
          texts.delete(p);
          corpus.remove(p);
          continue;
        }
        const text = action < bases.length || current === undefined ? bases[action % bases.length] : EDITS[action - bases.length](p, current, at);
        texts.set(p, text);
        corpus.update(p, text, analysis(p, text));
      }
      const paths = [...texts.keys()].sort();
      assert.deepEqual(snapshot(corpus, paths), snapshot(reference(corpus), paths));
    }
  }), { seed: 20261121, numRuns: Number(process.env.FUZZ_RUNS ?? 100) });
});
