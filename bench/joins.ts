// What the learned joins of undated events (storyJoin.ts) cost: on generated articles
// (bench/.corpus/<docs>-<seed>), analysed and linked once in process, the joiner's first join of
// every document's reports and a re-join of one document's reports (as after a keystroke), with the
// learned joins and without them (the join as before them), alternating in one run.
//   npm run bench:joins -- [--docs 10000] [--seed 1] [--runs 3] [--edits 20]
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus } from '../src/core/index.js';
import { IncrementalJoiner, reportChange, type ReportChange } from '../src/core/events/incrementalJoin.js';
import { joinModel, useJoinModel } from '../src/core/events/joinScorer.js';
import { StoryJoin } from '../src/core/events/storyJoin.js';
import { readCorpusMetadata, writeCorpus } from './generate.js';
import { arg, count, median, ms, printTable, sampleLoad, type Row } from './table.js';

const options = { docs: Number(arg('docs', '10000')), seed: Number(arg('seed', '1')), runs: Number(arg('runs', '3')), edits: Number(arg('edits', '20')) };
const load = sampleLoad();
const started = performance.now();
const log = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

function main(): void {
  const corpusDir = writeCorpus(options.docs, options.seed).dir;
  const metadata = readCorpusMetadata(corpusDir);
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();
  const corpus = new Corpus();
  log(`analysing ${count(files.length)} docs…`);
  for (const f of files) {
    const text = readFileSync(path.join(corpusDir, f), 'utf8');
    corpus.update(f, text, analyzeDocument(text, { path: path.join(corpusDir, f), metadata: metadata?.documents.get(f) }));
  }
  corpus.linked();
  const entities = new Map(corpus.entities().map((e) => [e.id, e]));
  // Each document's reports, as the joining stage gives them (fresh objects per run: the joiner keeps them).
  const changes = (paths: string[]): ReportChange[] => paths.map((p) => {
    const doc = corpus.inputs.document(p)!;
    return reportChange(p, { path: p, dct: doc.analysis.dct, events: doc.analysis.events, mentions: corpus.mentions(p), text: doc.text });
  });
  const model = joinModel();
  if (!model) throw new Error('no shipped join model (npm run train:joins)');
  const sides = [{ label: 'without learned joins', model: null }, { label: 'with learned joins', model }] as const;
  const first = new Map<string, number[]>(sides.map((s) => [s.label, []]));
  const edit = new Map<string, number[]>(sides.map((s) => [s.label, []]));
  const events = new Map<string, number>();
  /** The learned joins alone, over the events the rules left: what they add to a first join. */
  const alone: number[] = [];
  const edited = Array.from({ length: options.edits }, (_, k) => files[Math.floor((k * files.length) / options.edits)]);
  for (let run = 0; run < options.runs; run++) {
    for (const side of run % 2 ? [...sides].reverse() : sides) {
      useJoinModel(side.model);
      const input = changes(files);
      const joiner = new IncrementalJoiner();
      const t0 = performance.now();
      joiner.apply(input, entities);
      first.get(side.label)!.push(performance.now() - t0);
      events.set(side.label, joiner.events().length);
      if (!side.model) {
        const list = joiner.events();
        useJoinModel(model);
        const t2 = performance.now();
        new StoryJoin().update(list, [], list, entities);
        alone.push(performance.now() - t2);
        useJoinModel(null);
      }
      for (const f of edited) {
        const [change] = changes([f]);
        const t1 = performance.now();
        joiner.apply([change], entities);
        joiner.events();
        edit.get(side.label)!.push(performance.now() - t1);
      }
      log(`run ${run + 1}, ${side.label}: first join ${ms(first.get(side.label)!.at(-1)!)}`);
    }
  }
  useJoinModel(undefined);
  const rows: Row[] = sides.flatMap((s) => [
    { what: s.label, figure: '', section: true, beside: `${count(events.get(s.label)!)} events` },
    { what: `  first join of ${count(files.length)} docs`, figure: ms(median(first.get(s.label)!)), beside: `median of ${options.runs}` },
    { what: '  one document joined again', figure: ms(median(edit.get(s.label)!)), beside: `median of ${options.runs * options.edits}` },
  ]);
  rows.push({ what: 'the learned joins alone, over the events the rules left', figure: ms(median(alone)), beside: `median of ${alone.length}` });
  printTable(`joins · ${count(files.length)} generated docs (seed ${options.seed}) · ${load.summary()}`, rows);
}

main();
