// Nothing freezes (issue #14): one table, each figure beside its target. A section of its own in
// `npm run bench` (not timed tests); every wait is on a message, with a deadline.
//   A. Large documents beside the seeds, over stdio (`dist/server.js`):
//      - analysis per MB in process at 1, 5, 10 and 20 MB (a fresh process for each size), and the
//        20 MB figure beside the 1 MB one;
//      - each size opened in the editor: time to its diagnostics, and until it is linked and joined
//        with the corpus, per MB;
//      - a hover on a seed every 20 ms while the 10 MB document is opened and analysed, and after,
//        until it is linked and joined;
//      - a 25 MB document over the 20 MB limit opened: time to its message; the server's memory.
//   B. At 10,000 generated articles (bench/.corpus/10000-1), once indexed:
//      - the first join of the events, in steps: hovers meanwhile, and until the Events view has them;
//      - the Events view: the top, each year, each month's first page, further pages, the undated;
//      - the timeline: the first view, then pans and zooms;
//      - while both are in use (a loop asking for them): hover (and the server's collector pauses
//        meanwhile), and references' first partial result on the most mentioned entity;
//      - the Review view: its first page, further pages, the first page again after each decision.
//   npm run bench:responsive -- [--docs 10000] [--seed 1] [--sizes 1,5,10,20] [--rounds 20]
//                               [--server dist/server.js] [--only large|views|review] [--index-deadline 300]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProgressType } from 'vscode-jsonrpc/node';
import { createWorld, generateLongDocument, mulberry32 } from '../test/support/corpusGenerator.js';
import { defaultCorpusDir, writeCorpus } from './generate.js';
import { DeadlineExceeded, LspSession, mentionsFromTokens, uriOf, type Mention, type Position } from '../test/support/lspSession.js';
import { count, median, ms, percentile, printTable, sampleLoad, type Row } from './table.js';
import { SERVER_NODE_ARGS } from '../src/protocol.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const options = {
  docs: Number(arg('docs', '10000')),
  seed: Number(arg('seed', '1')),
  sizes: arg('sizes', '1,5,10,20').split(',').map(Number).filter((n) => n > 0),
  rounds: Number(arg('rounds', '20')),
  server: path.resolve(arg('server', 'dist/server.js')),
  only: arg('only', ''),
  /** Seconds the cold index of the views' corpus may take (under heavy load from other work, more than 300). */
  indexDeadline: Number(arg('index-deadline', '300')),
};

const started = performance.now();
const load = sampleLoad();
const rows: Row[] = [];
const notes: string[] = [];
const log = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const SEED = '000_de029b9b870dac60.txt';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;

/** Preloaded into the server: a stderr line per pause of its main thread's collector. */
const GC_METER = pathToFileURL(path.join(__dirname, 'gcMeter.mjs')).href;

/** Where the server's stderr stands now: the collector's pauses from here on are counted by `gcBetween`. */
const gcMark = (session: LspSession) => session.stderr.join('').length;

/** The server's collector pauses between two marks: scavenges (minor) and the rest (mark-compact and its steps). */
function gcBetween(session: LspSession, from: number, to: number): string {
  const pauses = { minor: [] as number[], other: [] as number[] };
  for (const m of session.stderr.join('').slice(from, to).matchAll(/^\[gc\] (\w+) ([\d.]+)$/gm)) (m[1] === 'minor' ? pauses.minor : pauses.other).push(Number(m[2]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const part = (name: string, xs: number[]) => `${name} ${xs.length}, ${ms(sum(xs))}${xs.length ? `, max ${ms(Math.max(...xs))}` : ''}`;
  return `${part('scavenges', pauses.minor)} · ${part('mark-compact', pauses.other)}`;
}

/** p50 · p99 · max of latencies, for a row. */
const spread = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} · p99 ${ms(percentile(xs, 99))} · max ${ms(Math.max(...xs))}`;

/** A server on a folder, initialized and indexed. */
async function serverOn(folder: string, deadlineMs: number): Promise<{ session: LspSession; indexedMs: number }> {
  const session = await LspSession.launch(folder, { serverJs: options.server, nodeArgs: [...SERVER_NODE_ARGS, '--import', GC_METER] });
  const indexed = session.arrival('corpusLens/indexChanged', (p) => !p.indexing, { deadlineMs });
  const t0 = performance.now();
  await session.notify('initialized', {});
  const hit = await indexed;
  return { session, indexedMs: hit.at - t0 };
}

/** Where a name stands in a text (the second character of its first occurrence). */
function positionOf(text: string, name: string): Position {
  const at = text.indexOf(name);
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length + 1 };
}

/** Resident memory of the server now (VmRSS), in MB; null where /proc is missing. */
function rssMB(session: LspSession): number | null {
  try {
    const kbs = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${session.pid}/status`, 'utf8'));
    return kbs ? Number(kbs[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Asks a hover every `gapMs` (each after the last is answered) until `done()`; returns the round trips. */
async function hoversUntil(session: LspSession, uri: string, position: Position, done: () => boolean, gapMs = 20): Promise<number[]> {
  const samples: number[] = [];
  while (!done()) {
    samples.push((await session.timed('textDocument/hover', { textDocument: { uri }, position }, 120_000)).ms);
    await sleep(gapMs);
  }
  return samples;
}

/** What any JSON-RPC peer spends on a message before handling it: stringify, UTF-8 both ways, parse (median of 3). */
function jsonFloor(message: unknown): number {
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    JSON.parse(Buffer.from(JSON.stringify(message)).toString('utf8'));
    times.push(performance.now() - t0);
  }
  return median(times);
}

// ---- A. Large documents -----------------------------------------------------------------------------

function analysisPerMB(): void {
  log('analysis per MB in process…');
  const perMB: Array<{ mb: number; cpu: number; wall: number }> = [];
  for (const size of options.sizes) {
    const child = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', path.join(__dirname, 'analysisPerMB.ts'), '--mb', String(size), '--runs', size >= 10 ? '2' : '3'], { encoding: 'utf8', timeout: 600_000 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      const r = JSON.parse(line) as { mb: number; wallMs: number[]; cpuMs: number[] };
      perMB.push({ mb: r.mb, cpu: median(r.cpuMs) / r.mb, wall: median(r.wallMs) / r.mb });
      log(`  ${r.mb.toFixed(1)} MB: ${ms(median(r.wallMs))} wall, ${ms(median(r.cpuMs))} CPU`);
    } catch {
      notes.push(`analysis of ${size} MB: ${child.stderr.trim().split('\n').slice(-2).join(' ') || 'no answer'}`);
    }
  }
  if (perMB.length === 0) return;
  rows.push({ what: 'A. a large document, beside the five seeds', figure: '', section: true });
  const first = perMB[0];
  for (const r of perMB) {
    const ratio = r.wall / first.wall;
    const last = r === perMB[perMB.length - 1] && r !== first;
    rows.push({
      what: `  analysis in process (the worker's), ${r.mb.toFixed(0)} MB`, figure: `${ms(r.wall)}/MB`,
      beside: `CPU ${ms(r.cpu)}/MB; × ${ratio.toFixed(2)} the ${first.mb.toFixed(0)} MB figure (CPU × ${(r.cpu / first.cpu).toFixed(2)})`,
      target: last ? `≤ 1.3 × the ${first.mb.toFixed(0)} MB figure` : undefined, ok: last ? ratio <= 1.3 : undefined,
    });
  }
}

async function largeDocuments(): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-large-'));
  try {
    cpSync('seeds', path.join(folder, 'seeds'), { recursive: true });
    const seedText = readFileSync(path.join(folder, 'seeds', SEED), 'utf8');
    const world = createWorld(options.seed, 1000);
    for (const size of options.sizes) {
      log(`opening a ${size} MB document beside the seeds…`);
      const { session } = await serverOn(folder, 60_000);
      try {
        const seedUri = await session.open(path.join(folder, 'seeds', SEED), seedText);
        const at = positionOf(seedText, 'Zhirnov');
        await session.request('textDocument/hover', { textDocument: { uri: seedUri }, position: at });
        // A first long document starts the worker (its bundle, its lexicon, its compiled code): timed apart.
        const warmFile = path.join(folder, 'seeds', 'warm-up.txt');
        const warmed = session.arrival('textDocument/publishDiagnostics', (p) => p.uri === uriOf(warmFile), { deadlineMs: 120_000 });
        const w0 = performance.now();
        await session.open(warmFile, generateLongDocument(world, 5000, 200 * 1024));
        const warmMs = (await warmed).at - w0;
        if (size === options.sizes[0]) rows.push({ what: '  the first long document opened (200 KB): the worker starts, builds its lexicon, analyses it', figure: ms(warmMs) });
        // Just under the size (the generator ends on a whole article): 20 MB stays within the 20 MB limit.
        const text = generateLongDocument(world, 1000, size * 1024 * 1024 - 16 * 1024);
        const mb = Buffer.byteLength(text) / 1048576;
        const file = path.join(folder, 'seeds', `dump-${size}.txt`);
        const uri = uriOf(file);
        const diagnostics = session.arrival('textDocument/publishDiagnostics', (p) => p.uri === uri, { deadlineMs: 600_000 });
        let analysed = false;
        void diagnostics.then(() => (analysed = true), () => (analysed = true));
        const gc0 = gcMark(session);
        const t0 = performance.now();
        await session.open(file, text);
        const during = await hoversUntil(session, seedUri, at, () => analysed);
        const diagnosticsMs = (await diagnostics).at - t0;
        const gc1 = gcMark(session);
        // Linked and joined: the document's entities and events are counted.
        let linked = false;
        const until = performance.now() + 600_000;
        const poll = (async () => {
          for (;;) {
            if (performance.now() > until) throw new DeadlineExceeded(`the ${size} MB document linked and joined`, 600_000);
            const [summary] = await session.request<Array<{ entities: number; events: number }>>('corpusLens/documents', { uris: [uri] }, 600_000);
            if (summary && summary.entities > 0 && summary.events > 0) return performance.now();
            await sleep(100);
          }
        })();
        void poll.then(() => (linked = true), () => (linked = true));
        const after = await hoversUntil(session, seedUri, at, () => linked);
        const linkedMs = (await poll) - t0;
        // The collector's last lines of the catch-up may still be on their way: the stderr of a settled server.
        await session.settle();
        const gc2 = gcMark(session);
        rows.push({ what: `  ${mb.toFixed(1)} MB opened: to its diagnostics (analysed on the worker)`, figure: `${ms(diagnosticsMs / mb)}/MB`, beside: `${ms(diagnosticsMs)} in all` });
        rows.push({ what: '    until linked and joined with the corpus (in steps)', figure: `${ms(linkedMs / mb)}/MB`, beside: `${ms(linkedMs)} in all, counted 100 ms apart` });
        const tenMB = size === 10;
        rows.push({
          what: '    a hover on a seed meanwhile, every 20 ms: until its diagnostics', figure: during.length ? `p99 ${ms(percentile(during, 99))}` : '—',
          beside: during.length ? `n=${during.length} · ${spread(during)}` : 'none asked', target: tenMB ? 'p99 ≤ 50 ms' : undefined, ok: tenMB ? during.length > 0 && percentile(during, 99) <= 50 : undefined,
        });
        rows.push({
          what: '      then until linked and joined', figure: after.length ? `p99 ${ms(percentile(after, 99))}` : '—',
          beside: after.length ? `n=${after.length} · ${spread(after)}` : 'none asked', target: tenMB ? 'p99 ≤ 50 ms' : undefined, ok: tenMB ? after.length > 0 && percentile(after, 99) <= 50 : undefined,
        });
        rows.push({ what: '    the server\'s collector (main thread): until its diagnostics', figure: '', beside: gcBetween(session, gc0, gc1) });
        rows.push({ what: '      then until linked and joined', figure: '', beside: gcBetween(session, gc1, gc2) });
      } finally {
        await session.stop();
      }
    }
    log('opening a document over the size limit…');
    const { session } = await serverOn(folder, 60_000);
    try {
      const text = generateLongDocument(world, 1000, 25 * 1024 * 1024);
      const file = path.join(folder, 'seeds', 'dump-25.txt');
      const uri = uriOf(file);
      const before = rssMB(session);
      const message = session.arrival('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d: { code: string }) => d.code === 'file.tooLarge'), { deadlineMs: 60_000 });
      const t0 = performance.now();
      await session.open(file, text);
      const took = (await message).at - t0;
      await session.settle();
      const after = rssMB(session);
      const mb = Buffer.byteLength(text) / 1048576;
      rows.push({
        what: `  ${mb.toFixed(1)} MB opened, over the 20 MB limit: its message`, figure: ms(took),
        beside: `the JSON-RPC floor of sending it (write, encode, decode, parse, here): ${ms(jsonFloor({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'corpus', version: 1, text } } }))}; ` +
          `server memory ${before?.toFixed(0) ?? '?'} → ${after?.toFixed(0) ?? '?'} MB (the editor's copy of the text: ${(2 * text.length / 1048576).toFixed(0)} MB as UTF-16)`,
        target: '≤ 100 ms', ok: took <= 100,
      });
    } finally {
      await session.stop();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// ---- B. The views at 10,000 documents -------------------------------------------------------------

interface Level { groups: Array<{ key: string; count: number }>; events: unknown[]; total: number; joining: boolean }
interface Window { domain: { start: number; end: number } | null; window: { start: number; end: number } | null; detail: string; inWindow: number }

/** Latency and size of each answer, by what was asked. */
class Answers {
  readonly byKind = new Map<string, { ms: number[]; bytes: number[] }>();

  async ask<R>(session: LspSession, kind: string, method: string, params: unknown): Promise<R> {
    const { ms: took, result } = await session.timed<R>(method, params, 120_000);
    let entry = this.byKind.get(kind);
    if (!entry) this.byKind.set(kind, (entry = { ms: [], bytes: [] }));
    entry.ms.push(took);
    entry.bytes.push(JSON.stringify(result).length);
    return result;
  }

  row(kind: string, what: string, targetMs: number, targetKB?: number): void {
    const entry = this.byKind.get(kind);
    if (!entry) return void rows.push({ what: `  ${what}`, figure: '—', beside: 'not asked' });
    const p99 = percentile(entry.ms, 99);
    const largest = Math.max(...entry.bytes);
    rows.push({
      what: `  ${what}`, figure: `p99 ${ms(p99)}`,
      beside: `n=${entry.ms.length} · ${spread(entry.ms)} · largest answer ${kb(largest)}, median ${kb(median(entry.bytes))}`,
      target: `p99 ≤ ${targetMs} ms${targetKB ? `, ≤ ${targetKB} KB` : ''}`,
      ok: p99 <= targetMs && (targetKB === undefined || largest <= targetKB * 1024),
    });
  }
}

/** One pass over the Events view as a person opens it: the top, each year, each month, more pages, the undated. */
async function openEventsView(session: LspSession, answers: Answers, random: () => number): Promise<void> {
  const top = await answers.ask<Level>(session, 'top', 'corpusLens/eventTree', {});
  for (const year of top.groups) {
    if (year.key === 'undated') {
      const first = await answers.ask<Level>(session, 'page', 'corpusLens/eventTree', { group: 'undated' });
      if (first.total > first.events.length) await answers.ask(session, 'page', 'corpusLens/eventTree', { group: 'undated', offset: first.events.length });
      continue;
    }
    const months = await answers.ask<Level>(session, 'year', 'corpusLens/eventTree', { group: year.key });
    for (const month of months.groups) {
      const first = await answers.ask<Level>(session, 'month', 'corpusLens/eventTree', { group: month.key });
      // A further page of one month in four: "N more events…" opened.
      if (first.total > first.events.length && random() < 0.25) await answers.ask(session, 'page', 'corpusLens/eventTree', { group: month.key, offset: first.events.length });
    }
  }
}

/** The timeline as a person uses it: its first view, then pans and zooms. */
async function useTimeline(session: LspSession, answers: Answers, random: () => number, moves: number): Promise<void> {
  const first = await answers.ask<Window>(session, 'first', 'corpusLens/timeline', { lanes: 'participant' });
  if (!first.domain || !first.window) return;
  const { domain } = first;
  let { start, end } = first.window;
  for (let k = 0; k < moves; k++) {
    const width = end - start;
    const r = random();
    if (r < 0.5) {
      const shift = (random() < 0.5 ? -0.5 : 0.5) * width;
      start += shift;
      end += shift;
    } else {
      const factor = r < 0.75 ? 0.5 : 2;
      const middle = (start + end) / 2;
      start = middle - (width * factor) / 2;
      end = middle + (width * factor) / 2;
    }
    // Within the axis, at least a week.
    if (end - start < 7) end = start + 7;
    if (start < domain.start) [start, end] = [domain.start, domain.start + (end - start)];
    if (end > domain.end) [start, end] = [Math.max(domain.start, domain.end - (end - start)), domain.end];
    // One draw decides both: the row a request is counted in is the lane mode it asks for.
    const byDocument = random() < 0.2;
    await answers.ask(session, byDocument ? 'lanes' : 'move', 'corpusLens/timeline', { lanes: byDocument ? 'document' : 'participant', window: { start: Math.floor(start), end: Math.ceil(end) } });
  }
}

async function views(): Promise<void> {
  const corpus = writeCorpus(options.docs, options.seed, defaultCorpusDir(options.docs, options.seed));
  log(`cold index of ${count(corpus.docs)} documents…`);
  const { session, indexedMs } = await serverOn(corpus.dir, options.indexDeadline * 1000);
  const random = mulberry32(options.seed ^ 0x5ca1e);
  try {
    // Entity mentions of a few opened documents, for hovers.
    const files = readdirSync(corpus.dir).filter((f) => f.endsWith('.txt')).sort();
    const mentions: Mention[] = [];
    for (let k = 0; k < 5; k++) {
      const file = path.join(corpus.dir, files[Math.floor(random() * files.length)]);
      const text = readFileSync(file, 'utf8');
      const uri = await session.open(file, text);
      const tokens = await session.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } }, 120_000);
      mentions.push(...mentionsFromTokens(uri, text, tokens.data));
    }
    const hoverAt = (k: number) => ({ textDocument: { uri: mentions[k % mentions.length].uri }, position: mentions[k % mentions.length].position });
    rows.push({ what: `B. ${count(corpus.docs)} generated articles (${(corpus.bytes / 1048576).toFixed(0)} MB), indexed in ${ms(indexedMs)}`, figure: '', section: true });

    // The first join, in steps: hovers meanwhile; the Events view says so until it is done.
    log('first join of the events, in steps…');
    let joined = false;
    const j0 = performance.now();
    const until = performance.now() + 600_000;
    const poll = (async () => {
      for (;;) {
        if (performance.now() > until) throw new DeadlineExceeded('the first join', 600_000);
        const top = await session.request<Level>('corpusLens/eventTree', {}, 120_000);
        if (!top.joining) return performance.now();
        await sleep(100);
      }
    })();
    void poll.then(() => (joined = true), () => (joined = true));
    let h = 0;
    const during: number[] = [];
    while (!joined) {
      during.push((await session.timed('textDocument/hover', hoverAt(h++), 120_000)).ms);
      await sleep(20);
    }
    const joinMs = (await poll) - j0;
    rows.push({ what: '  the first join of the events (in steps, after indexing): until the Events view has them', figure: ms(joinMs), beside: 'counted 100 ms apart' });
    rows.push({ what: '    a hover meanwhile, every 20 ms', figure: during.length ? `p99 ${ms(percentile(during, 99))}` : '—', beside: during.length ? `n=${during.length} · ${spread(during)}` : '', target: 'p99 ≤ 50 ms', ok: during.length > 0 && percentile(during, 99) <= 50 });

    log(`the Events view and the timeline, ${options.rounds} rounds…`);
    const answers = new Answers();
    for (let round = 0; round < options.rounds; round++) {
      await openEventsView(session, answers, random);
      await useTimeline(session, answers, random, 10);
    }
    answers.row('top', 'Events view: first request (years with counts)', 100, 200);
    answers.row('year', '  expanding a year (its months, year-only events)', 100, 200);
    answers.row('month', '  expanding a month (its first 200 events)', 100, 200);
    answers.row('page', '  "N more events…" and the undated (200 a page)', 100, 200);
    answers.row('first', 'timeline: first window', 300);
    answers.row('move', '  pan or zoom (events or counts as the window fits)', 200);
    answers.row('lanes', '  pan or zoom with lanes per document', 200);

    // While the views are in use: a loop asking for them, back to back.
    log('hover and references while the views are in use…');
    let inUse = true;
    const busy = (async () => {
      const background = new Answers();
      while (inUse) {
        await openEventsView(session, background, random);
        await useTimeline(session, background, random, 5);
      }
    })();
    const hovers: number[] = [];
    const gc0 = gcMark(session);
    for (let k = 0; k < 300; k++) hovers.push((await session.timed('textDocument/hover', hoverAt(h++), 120_000)).ms);
    const gc1 = gcMark(session);
    // References on the most mentioned entity, asked with a partialResultToken.
    const [top] = await session.request<Array<{ id: string; name: string; mentions: number; definition: { uri: string; range: { start: Position } } }>>('corpusLens/entities', {}, 120_000);
    const firstChunk: number[] = [];
    const whole: number[] = [];
    let located = 0;
    for (let k = 0; k < 20 && top; k++) {
      const token = `refs-${k}`;
      let first = 0;
      const t0 = performance.now();
      const listening = session.connection.onProgress(new ProgressType<unknown[]>(), token, (chunk) => {
        if (first === 0) first = performance.now() - t0;
        located += chunk.length;
      });
      const position = { line: top.definition.range.start.line, character: top.definition.range.start.character + 1 };
      await session.request('textDocument/references', { textDocument: { uri: top.definition.uri }, position, context: { includeDeclaration: true }, partialResultToken: token }, 120_000);
      whole.push(performance.now() - t0);
      listening.dispose();
      if (first > 0) firstChunk.push(first);
    }
    inUse = false;
    await busy;
    rows.push({ what: '  while both are in use:', figure: '', section: true });
    rows.push({ what: '    hover', figure: `p99 ${ms(percentile(hovers, 99))}`, beside: `n=${hovers.length} · ${spread(hovers)}`, target: 'p99 ≤ 10 ms', ok: percentile(hovers, 99) <= 10 });
    rows.push({ what: '      the server\'s collector meanwhile (main thread)', figure: '', beside: gcBetween(session, gc0, gc1) });
    if (top) {
      rows.push({
        what: `    references on ${top.name} (${count(top.mentions)} mentions): first partial result`, figure: firstChunk.length ? `p99 ${ms(percentile(firstChunk, 99))}` : '—',
        beside: `n=${firstChunk.length} · ${firstChunk.length ? spread(firstChunk) : ''} · all ${count(Math.round(located / Math.max(1, whole.length)))} in ${ms(median(whole))} (median)`,
        target: '≤ 20 ms', ok: firstChunk.length > 0 && percentile(firstChunk, 99) <= 20,
      });
    }
    await reviewView(session, corpus.dir);
  } finally {
    await session.stop();
  }
}

// ---- The Review view at 10,000 documents (issue #16) ------------------------------------------------

interface ReviewAnswer { items: Array<{ uri: string; range: unknown; type: string }>; total: number }

/**
 * The Review view as a person uses it: the first page (100 names), the pages below it, then
 * decisions, each followed by the first page again (what the view asks after one). Each decision
 * is taken back afterwards, and a store the bench made is removed.
 */
async function reviewView(session: LspSession, dir: string): Promise<void> {
  log('the Review view…');
  const store = path.join(dir, '.corpus-lens');
  const hadStore = existsSync(store);
  const answers = new Answers();
  const cold = await session.timed<ReviewAnswer>('corpusLens/review', { limit: 100 }, 120_000);
  for (let k = 0; k < options.rounds; k++) await answers.ask(session, 'reviewFirst', 'corpusLens/review', { limit: 100 });
  for (let k = 1; k <= options.rounds; k++) await answers.ask(session, 'reviewPage', 'corpusLens/review', { offset: 100 * k, limit: 100 });
  const decided: Array<{ uri: string; id: string }> = [];
  try {
    for (let k = 0; k < Math.min(10, options.rounds); k++) {
      const [first] = (await session.request<ReviewAnswer>('corpusLens/review', { limit: 1 }, 120_000)).items;
      if (!first) break;
      const { id } = await session.request<{ id: string }>('corpusLens/annotate', { uri: first.uri, range: first.range, action: 'entity', type: first.type }, 120_000);
      decided.push({ uri: first.uri, id });
      await answers.ask(session, 'reviewAfter', 'corpusLens/review', { limit: 100 });
    }
  } finally {
    for (const d of decided.reverse()) await session.request('corpusLens/removeAnnotation', d, 120_000);
    if (!hadStore) rmSync(store, { recursive: true, force: true });
  }
  rows.push({ what: `Review view (${count(cold.result.total)} names to review):`, figure: '', section: true });
  rows.push({ what: '  first page, first asked (the names read ahead)', figure: ms(cold.ms), target: '≤ 200 ms', ok: cold.ms <= 200 });
  answers.row('reviewFirst', '  first page (100 names), asked again', 200);
  answers.row('reviewPage', '  the pages below it, 100 names each', 200);
  answers.row('reviewAfter', '  first page after a decision (the view refreshed)', 200);
}

/** The Review view alone: a cold index, then its rows (`--only review`). */
async function reviewOnly(): Promise<void> {
  const corpus = writeCorpus(options.docs, options.seed, defaultCorpusDir(options.docs, options.seed));
  log(`cold index of ${count(corpus.docs)} documents…`);
  const { session, indexedMs } = await serverOn(corpus.dir, options.indexDeadline * 1000);
  try {
    rows.push({ what: `B. ${count(corpus.docs)} generated articles (${(corpus.bytes / 1048576).toFixed(0)} MB), indexed in ${ms(indexedMs)}`, figure: '', section: true });
    // As in the views' section, after the first join of the events (which the server takes first).
    while ((await session.request<Level>('corpusLens/eventTree', {}, 120_000)).joining) await sleep(200);
    await reviewView(session, corpus.dir);
  } finally {
    await session.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(options.server)) {
    console.error(`${path.relative(process.cwd(), options.server)} is missing: run npm run build first.`);
    process.exit(2);
  }
  try {
    if (options.only === 'review') await reviewOnly();
    else {
      if (options.only !== 'views') {
        analysisPerMB();
        await largeDocuments();
      }
      if (options.only !== 'large') await views();
    }
  } catch (e) {
    if (!(e instanceof DeadlineExceeded)) throw e;
    notes.push(`stopped: ${e.message}`);
  }
  const cpus = os.cpus();
  printTable(
    `Nothing freezes · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · node ${process.version} · ${((performance.now() - started) / 1000).toFixed(0)} s · ${load.summary()} (this bench alone: about 1–2)`,
    rows, notes,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
