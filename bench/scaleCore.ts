// The core at scale, in process (no LSP): analyse every document of a generated corpus, join its
// events, then time `Corpus.events()` after one document changed (the first call after a change
// re-links entities and re-joins events), and the queries the server answers hovers and the like
// from. Prints one JSON object per line as each figure is ready, so a parent that stops it at a
// deadline keeps what was measured. Run by bench/scale.ts:
//   node --import tsx bench/scaleCore.ts --dir DIR [--runs 3] [--seed 1] [--queries 300]
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, definitionAt, hoverAt, referencesAt, workspaceSymbols } from '../src/core/index.js';
import { mulberry32 } from '../test/support/corpusGenerator.js';
import { readCorpusMetadata } from './generate.js';

export type CoreResult =
  | { kind: 'analysed'; docs: number; mb: number; ms: number }
  | { kind: 'firstEvents'; ms: number; events: number; reports: number; entities: number; people: number }
  | { kind: 'change'; edit: ChangeKind; run: number; analyseMs: number; linkMs: number; joinMs: number; totalMs: number }
  | { kind: 'queries'; name: string; samples: number[] }
  | { kind: 'memory'; heapMB: number; rssMB: number };

/** A letter typed after a space in the middle of the article (most often no report changes), or into a name that takes part in a report. */
export type ChangeKind = 'text' | 'name';

function emit(result: CoreResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function main(): void {
  const dir = path.resolve(arg('dir', ''));
  const runs = Number(arg('runs', '3'));
  const random = mulberry32(Number(arg('seed', '1')) ^ 0xc0de);
  const queries = Number(arg('queries', '300'));
  const metadata = readCorpusMetadata(dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const texts = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  const analyse = (f: string, text: string) => analyzeDocument(text, { path: path.join(dir, f), metadata: metadata?.documents.get(f) });

  const corpus = new Corpus();
  let t0 = performance.now();
  let bytes = 0;
  for (const f of files) {
    const text = texts.get(f)!;
    bytes += Buffer.byteLength(text);
    corpus.update(f, text, analyse(f, text));
  }
  emit({ kind: 'analysed', docs: files.length, mb: bytes / 1024 / 1024, ms: performance.now() - t0 });

  t0 = performance.now();
  const events = corpus.events();
  const firstMs = performance.now() - t0;
  const entities = corpus.entities();
  emit({
    kind: 'firstEvents', ms: firstMs, events: events.length, reports: events.reduce((n, e) => n + e.mentions.length, 0),
    entities: entities.length, people: entities.filter((e) => e.type === 'PERSON').length,
  });

  // One keystroke in one document, then the first events() call: re-linking and re-joining. Each
  // run types once after a space, once into the name of a place or organisation that takes part in
  // a report (a new entity: the report changes, and what it joins; a person's name typed into is
  // most often linked as a near spelling of the same person, and the report stays as it was).
  for (let run = 0; run < runs; run++) {
    for (const edit of ['text', 'name'] as const) {
      let f = files[Math.floor(random() * files.length)];
      let at = -1;
      for (let tries = 0; edit === 'name' && at < 0 && tries < 100; tries++) {
        const names = corpus.inputs.document(f)!.analysis.events.flatMap((e) => e.participants.filter((p) => p.type === 'PLACE' || p.type === 'ORG'));
        if (names.length > 0) at = names[Math.floor(random() * names.length)].start + 1;
        else f = files[Math.floor(random() * files.length)];
      }
      // No such name in 100 articles: the run is skipped rather than reported as a name edit.
      if (edit === 'name' && at < 0) continue;
      const text = texts.get(f)!;
      if (at < 0) at = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
      const changed = `${text.slice(0, at)}x${text.slice(at)}`;
      texts.set(f, changed);
      const a0 = performance.now();
      const analysis = analyse(f, changed);
      const a1 = performance.now();
      corpus.update(f, changed, analysis);
      const l0 = performance.now();
      corpus.linked();
      const l1 = performance.now();
      corpus.events();
      const l2 = performance.now();
      emit({ kind: 'change', edit, run, analyseMs: a1 - a0, linkMs: l1 - l0, joinMs: l2 - l1, totalMs: l2 - l0 });
    }
  }

  // The queries behind hover, definition, references, workspace symbols, at real mentions.
  const mentions: Array<{ path: string; offset: number; text: string; entity: string }> = [];
  for (let k = 0; mentions.length < queries && k < queries * 20; k++) {
    const f = files[Math.floor(random() * files.length)];
    const list = corpus.mentions(f);
    if (list.length === 0) continue;
    const m = list[Math.floor(random() * list.length)];
    mentions.push({ path: f, offset: m.start + Math.floor((m.end - m.start) / 2), text: m.text, entity: m.entity });
  }
  const time = (name: string, fn: (m: (typeof mentions)[number]) => unknown) => {
    const samples: number[] = [];
    for (const m of mentions) {
      const q0 = performance.now();
      fn(m);
      samples.push(performance.now() - q0);
    }
    emit({ kind: 'queries', name, samples });
  };
  time('hoverAt', (m) => hoverAt(corpus.snapshot(), m.path, m.offset));
  time('definitionAt', (m) => definitionAt(corpus.snapshot(), m.path, m.offset));
  time('referencesAt', (m) => referencesAt(corpus.snapshot(), m.path, m.offset, true));
  time('workspaceSymbols', (m) => workspaceSymbols(corpus.snapshot(), m.text.slice(0, 4).toLowerCase()));
  time('eventsOf', (m) => corpus.eventsOf(m.entity));
  (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: what is retained, not what awaits collection
  const memory = process.memoryUsage();
  emit({ kind: 'memory', heapMB: memory.heapUsed / 1048576, rssMB: memory.rss / 1048576 });
}

if (require.main === module) main();
