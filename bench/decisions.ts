// What the user's decisions cost a keystroke (issue #15): on generated articles (a copy of
// bench/.corpus/<docs>-<seed>), one server, one run: a letter typed into a one-word name in one
// article, then a hover on the same entity in another article asked until it shows the new mention
// count; first with no decisions in the store, then with 50 mentions linked by hand and 5 merges
// (one of them into the entity typed into), the store written behind the editor as `git pull`
// would. The second figure is set beside the first. Then, with those in the store, one decision
// more (a merge into that entity; a mention linked by hand to it) written and taken back in turn,
// each timed until the hover shows it.
//   npm run bench:decisions -- [--docs 10000] [--seed 1] [--keystrokes 6] [--links 50] [--merges 5]
//                              [--server dist/server.js]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../test/support/corpusGenerator.js';
import { onIndexedCopy } from './serverCopy.js';
import { DeadlineExceeded, linesOf, LspSession, uriOf, type Position } from '../test/support/lspSession.js';
import { arg, count, median, ms, printTable, sampleLoad, type Row } from './table.js';
import { serializeStore, STORE_PATH, targetOf, type Annotation, type EntityType, type MergeAnnotation } from '../src/core/index.js';

const options = {
  docs: Number(arg('docs', '10000')),
  seed: Number(arg('seed', '1')),
  keystrokes: Math.max(2, Number(arg('keystrokes', '6'))),
  links: Number(arg('links', '50')),
  merges: Math.max(1, Number(arg('merges', '5'))),
  server: path.resolve(arg('server', 'dist/server.js')),
};

const started = performance.now();
const load = sampleLoad();
const log = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
const MENTIONS = /(\d+) mentions? in (\d+) documents?/;

interface Summary { id: string; name: string; type: EntityType; mentions: number; documents: number }
interface Location { uri: string; range: { start: Position; end: Position } }

function offsetAt(text: string, p: Position): number {
  const lines = linesOf(text);
  let offset = 0;
  for (let l = 0; l < p.line; l++) offset += lines[l].length + 1; // generated articles are written with \n
  return offset + p.character;
}

/** The keystroke: where the letter goes (a one-word mention of a shared name) and where the hover asks. */
interface Target { entity: string; uri: string; at: Position; there: { uri: string; position: Position } }

async function findTarget(session: LspSession, files: string[], random: () => number): Promise<Target> {
  for (let tries = 0; tries < 50; tries++) {
    const file = files[Math.floor(random() * files.length)];
    const uri = await session.open(file);
    const text = readFileSync(file, 'utf8');
    const entities = await session.request<Summary[]>('corpusLens/entities', { uri }, 60_000);
    for (const e of entities.filter((x) => x.documents >= 2 && x.mentions < 200)) {
      const locations = await session.request<Location[]>('corpusLens/entityMentions', { id: e.id }, 60_000);
      const here = locations.find((l) => {
        if (l.uri !== uri) return false;
        const word = text.slice(offsetAt(text, l.range.start), offsetAt(text, l.range.end));
        return !/\s/.test(word) && word.length >= 4;
      });
      const there = locations.find((l) => l.uri !== uri);
      if (here && there) {
        return { entity: e.id, uri, at: { line: here.range.start.line, character: here.range.start.character + 1 }, there: { uri: there.uri, position: { line: there.range.start.line, character: there.range.start.character + 1 } } };
      }
    }
  }
  throw new Error('no one-word mention of a name shared with another article');
}

/** Keystrokes (a letter typed, then deleted, and again): the time until the other article's hover shows each. */
async function keystrokes(session: LspSession, target: Target, n: number): Promise<number[]> {
  const shown = async () => {
    const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: target.there.uri }, position: target.there.position }, 300_000);
    const m = hover ? MENTIONS.exec(hover.contents.value) : null;
    if (!m) throw new Error('the hover in the other article shows no mention count');
    return Number(m[1]);
  };
  const before = await shown();
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const inserting = k % 2 === 0;
    const range = inserting ? { start: target.at, end: target.at } : { start: target.at, end: { line: target.at.line, character: target.at.character + 1 } };
    const t0 = performance.now();
    await session.edit(target.uri, range, inserting ? 'x' : '');
    const expected = inserting ? before - 1 : before;
    while ((await shown()) !== expected) if (performance.now() - t0 > 300_000) throw new DeadlineExceeded('a hover with the new count', 300_000);
    times.push(performance.now() - t0);
    await session.settle(300_000);
  }
  return times;
}

/** The mention count the other article's hover on the target shows. */
async function hoverCount(session: LspSession, target: Target): Promise<number> {
  const hover = await session.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: target.there.uri }, position: target.there.position }, 300_000);
  const m = hover ? MENTIONS.exec(hover.contents.value) : null;
  if (!m) throw new Error('the hover in the other article shows no mention count');
  return Number(m[1]);
}

/**
 * A decision more, then taken back, and again (n in all), the store written behind the editor
 * each time: the time until the other article's hover shows the target's new mention count.
 */
async function decide(session: LspSession, store: string, base: Annotation[], extra: Annotation, target: Target, n: number): Promise<number[]> {
  const times: number[] = [];
  const before = await hoverCount(session, target);
  let after: number | null = null;
  for (let k = 0; k < n; k++) {
    const adding = k % 2 === 0;
    const t0 = performance.now();
    writeFileSync(store, serializeStore({ version: 1, annotations: adding ? [...base, extra] : base }));
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(store), type: 2 }] });
    // Asked until it shows the change (the first time: any change; then the count it showed).
    for (;;) {
      const count = await hoverCount(session, target);
      if (adding ? (after === null ? count !== before : count === after) : count === before) {
        if (adding) after = count;
        break;
      }
      if (performance.now() - t0 > 300_000) throw new DeadlineExceeded('a hover showing the decision', 300_000);
    }
    times.push(performance.now() - t0);
    await session.settle(300_000);
  }
  return times;
}

/** 50 mentions linked by hand to other entities of their type, and 5 merges, the first into the keystroke's entity. */
async function decisions(session: LspSession, root: string, target: Target, random: () => number): Promise<Annotation[]> {
  const all = (await session.request<Summary[]>('corpusLens/entities', {}, 300_000)).filter((e) => e.id !== target.entity && e.mentions >= 2);
  const pick = () => all[Math.floor(random() * Math.min(all.length, 5000))];
  const created = new Date().toISOString();
  const out: Annotation[] = [];
  const used = new Set<string>([target.entity]);
  for (let k = 0; k < options.merges; k++) {
    // The first into the entity typed into, from one of about its size (its hover card then reads about as much).
    let from = pick();
    while (used.has(from.id) || (k === 0 && from.mentions > 200)) from = pick();
    used.add(from.id);
    const into = k === 0 ? target.entity : pick().id;
    out.push({ id: `bench-merge-${k}`, document: '*', source: 'user', created, kind: 'merge', from: from.id, into });
  }
  for (let k = 0; k < options.links; k++) {
    let from = pick();
    while (used.has(from.id)) from = pick();
    const [where] = await session.request<Location[]>('corpusLens/entityMentions', { id: from.id }, 60_000);
    const file = fileURLToPath(where.uri);
    const text = readFileSync(file, 'utf8');
    let into = pick();
    while (into.type !== from.type || into.id === from.id) into = pick();
    const target = targetOf(text, offsetAt(text, where.range.start), offsetAt(text, where.range.end));
    out.push({ id: `bench-link-${k}`, document: path.relative(root, file).split(path.sep).join('/'), source: 'user', created, kind: 'entity', type: from.type, entity: into.id, target });
  }
  return out;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const notes = await onIndexedCopy({ ...options, prefix: 'corpus-lens-decisions-' }, log, async (session, root, corpus) => {
    const random = mulberry32(options.seed ^ 0xdec1de);
    const files = readdirSync(root).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(root, f));
    const target = await findTarget(session, files, random);
    log(`${options.keystrokes} keystrokes without decisions…`);
    const plain = await keystrokes(session, target, options.keystrokes);

    const made = await decisions(session, root, target, random);
    log(`the store: ${made.filter((a) => a.kind === 'entity').length} links, ${made.filter((a) => a.kind === 'merge').length} merges…`);
    const store = path.join(root, STORE_PATH);
    mkdirSync(path.dirname(store), { recursive: true });
    writeFileSync(store, serializeStore({ version: 1, annotations: made }));
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(store), type: 2 }] });
    // The server reads the store between requests: asked until the first merge has taken.
    const merged = made.find((a): a is MergeAnnotation => a.kind === 'merge' && a.into === target.entity)!;
    const until = performance.now() + 600_000;
    while ((await session.request<Location[]>('corpusLens/entityMentions', { id: merged.from }, 600_000)).length > 0) {
      if (performance.now() > until) throw new DeadlineExceeded(`the merge of ${merged.from}`, 600_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await session.settle(600_000);
    log(`${options.keystrokes} keystrokes with the decisions…`);
    const decided = await keystrokes(session, target, options.keystrokes);

    // One decision more in the store of 55, and taken back: a merge into the entity typed into,
    // then a mention of another entity linked by hand to it.
    const all = (await session.request<Summary[]>('corpusLens/entities', {}, 300_000)).filter((e) => e.mentions >= 2 && e.mentions < 200);
    const named = new Set(made.flatMap((a) => (a.kind === 'merge' ? [a.from, a.into] : a.kind === 'entity' ? [a.entity!] : [])));
    const free = all.filter((e) => !named.has(e.id) && e.id !== target.entity);
    const created = new Date().toISOString();
    const mergeMore: Annotation = { id: 'bench-merge-more', document: '*', source: 'user', created, kind: 'merge', from: free[Math.floor(random() * free.length)].id, into: target.entity };
    log(`${options.keystrokes} times a merge more in the store, or taken back…`);
    const merging = await decide(session, store, made, mergeMore, target, options.keystrokes);
    const other = free.find((e) => e.id !== mergeMore.from)!;
    const [where] = await session.request<Location[]>('corpusLens/entityMentions', { id: other.id }, 60_000);
    const file = fileURLToPath(where.uri);
    const text = readFileSync(file, 'utf8');
    const linkMore: Annotation = {
      id: 'bench-link-more', document: path.relative(root, file).split(path.sep).join('/'), source: 'user', created, kind: 'entity', type: other.type, entity: target.entity,
      target: targetOf(text, offsetAt(text, where.range.start), offsetAt(text, where.range.end)),
    };
    log(`${options.keystrokes} times a hand link more in the store, or taken back…`);
    const linking = await decide(session, store, made, linkMore, target, options.keystrokes);

    const ratio = median(decided) / median(plain);
    rows.push({ what: `${count(corpus.docs)} generated articles: a keystroke in one, until a hover in another shows it`, figure: '', section: true });
    rows.push({ what: '  no decisions in the store', figure: ms(median(plain)), beside: `median of ${plain.length}: ${plain.map((x) => ms(x)).join(', ')}` });
    rows.push({
      what: `  ${made.filter((a) => a.kind === 'entity').length} hand links and ${made.filter((a) => a.kind === 'merge').length} merges (one into the entity typed into)`, figure: ms(median(decided)),
      beside: `× ${ratio.toFixed(2)} the figure without · median of ${decided.length}: ${decided.map((x) => ms(x)).join(', ')}`, target: '≤ 1.5 × without', ok: ratio <= 1.5,
    });
    rows.push({ what: `${count(corpus.docs)} generated articles, ${made.length} decisions in the store: one more (or taken back), until a hover in another article shows it`, figure: '', section: true });
    for (const [what, times] of [['  a merge into the entity typed into', merging], ['  a mention linked by hand to it', linking]] as const) {
      rows.push({ what, figure: ms(median(times)), beside: `× ${(median(times) / median(plain)).toFixed(2)} a keystroke without decisions · median of ${times.length}: ${times.map((x) => ms(x)).join(', ')}` });
    }
  });
  const cpus = os.cpus();
  printTable(`Hand decisions and keystrokes · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · node ${process.version} · ${((performance.now() - started) / 1000).toFixed(0)} s · ${load.summary()}`, rows, notes);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
