// What following moved documents costs when the store names documents the corpus does not hold:
// the server then compares them with every document without annotations at the end of indexing
// (and with the documents just added after a file event). Generated corpus, in memory.
//   node --import tsx bench/moves.ts [--docs 10000] [--missing 10]
import { loadavg } from 'node:os';
import { findMoves, openingOf, targetOf, type Annotation } from '../src/core/index.js';
import { generateCorpus } from '../test/support/corpusGenerator.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const docs = arg('docs', 10_000);
const missingCount = arg('missing', 10);
const RUNS = 7;

const corpus = generateCorpus({ docs, seed: 1 }).documents;
const created = '2026-01-01T00:00:00.000Z';

/** The annotations a reviewer leaves on a document: three names and the review. */
function annotationsOf(path: string, text: string): Annotation[] {
  const out: Annotation[] = [];
  for (const word of text.match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g)?.slice(0, 3) ?? []) {
    const start = text.indexOf(word);
    out.push({ id: `${path}:${start}`, document: path, source: 'user', created, kind: 'entity', type: 'PERSON', entity: null, target: targetOf(text, start, start + word.length) });
  }
  const opening = openingOf(text);
  out.push({ id: `${path}:reviewed`, document: path, source: 'user', created, kind: 'reviewed', target: targetOf(text, opening.start, opening.end) });
  return out;
}

/** Median milliseconds of a run. */
function time(run: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

// Missing documents moved (edited a little) to new names; the rest are candidates without annotations.
const moved = corpus.slice(0, missingCount);
const candidates = corpus.map((d, i) => ({ id: i < missingCount ? `moved/${d.path}` : d.path, text: i < missingCount ? `${d.text}\nEdited after the move.\n` : d.text }));
const missing = moved.map((d) => ({ id: d.path, annotations: annotationsOf(d.path, d.text) }));
const deleted = missing.map((m) => ({ ...m, id: `deleted/${m.id}`, annotations: annotationsOf(`deleted/${m.id}`, `Nothing of this text is anywhere. ${'x'.repeat(64)}`) }));

const found = findMoves(missing, candidates);
if (found.length !== missingCount) throw new Error(`found ${found.length} of ${missingCount} moves`);
const rows = [
  ['moved documents found by their quotes', time(() => findMoves(missing, candidates))],
  ['deleted documents (nothing fits: every candidate read)', time(() => findMoves(deleted, candidates))],
  ['moved documents with their text known (a watcher move)', time(() => findMoves(moved.map((d) => ({ id: d.path, annotations: [], text: d.text })), corpus.map((d) => ({ id: `new/${d.path}`, text: d.text }))))],
] as const;
const mb = corpus.reduce((n, d) => n + d.text.length, 0) / 1e6;
console.log(`${docs} documents (${mb.toFixed(1)} M characters), ${missingCount} missing, median of ${RUNS} runs, load average ${loadavg()[0].toFixed(2)}`);
for (const [what, ms] of rows) console.log(`  ${what}: ${ms.toFixed(1)} ms`);
