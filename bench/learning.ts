// What a decision costs when the name model learns from it (issue #16): on generated articles (a
// copy of bench/.corpus/<docs>-<seed>), one server, a name recognised in two or more articles is
// annotated in one of them as another type, and timed from the request until the server says every
// article the change reaches was analysed again (corpusLens/learned): the learned weights laid over
// the model on every thread, the articles picked, analysed on the workers, and the corpus updated.
// Each decision is a new one (another name), so the weights grow as a user's would.
//   npm run bench:learning -- [--docs 1000] [--seed 1] [--decisions 6] [--server dist/server.js]
import { readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onIndexedCopy } from './serverCopy.js';
import type { Position } from '../test/support/lspSession.js';
import { arg, count, median, ms, printTable, sampleLoad, type Row } from './table.js';
import type { LearnedResult } from '../src/protocol.js';

const options = {
  docs: Number(arg('docs', '1000')),
  seed: Number(arg('seed', '1')),
  decisions: Number(arg('decisions', '6')),
  server: path.resolve(arg('server', 'dist/server.js')),
};

const started = performance.now();
const load = sampleLoad();
const log = (message: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

interface Summary { id: string; name: string; type: string; mentions: number; documents: number }
interface Location { uri: string; range: { start: Position; end: Position } }

async function main(): Promise<void> {
  const rows: Row[] = [];
  const coldStart = performance.now();
  const notes = await onIndexedCopy({ ...options, prefix: 'corpus-lens-learning-' }, log, async (session, root, corpus) => {
    const cold = performance.now() - coldStart;
    await session.settle(600_000);
    log(`indexed ${readdirSync(root).filter((f) => f.endsWith('.txt')).length} files`);
    // Names in several articles, one word or more, not yet decided on: the most widespread first.
    const entities = (await session.request<Summary[]>('corpusLens/entities', {}, 300_000))
      .filter((e) => e.documents >= 2 && e.mentions < 200 && ['PERSON', 'ORG', 'PLACE'].includes(e.type))
      .sort((a, b) => b.documents - a.documents || (a.id < b.id ? -1 : 1));
    const results: Array<{ wall: number; result: LearnedResult }> = [];
    for (const e of entities.slice(0, options.decisions)) {
      const [where] = await session.request<Location[]>('corpusLens/entityMentions', { id: e.id }, 60_000);
      const type = e.type === 'ORG' ? 'PERSON' : 'ORG';
      const learned = session.arrival('corpusLens/learned', () => true, { deadlineMs: 300_000 });
      const t0 = performance.now();
      await session.request('corpusLens/annotate', { uri: where.uri, range: where.range, action: 'entity', type }, 300_000);
      const arrival = await learned;
      results.push({ wall: arrival.at - t0, result: arrival.params });
      log(`“${e.name}” (${e.type} → ${type}, in ${e.documents} articles): ${ms(arrival.at - t0)}, ${JSON.stringify(arrival.params)}`);
      await session.settle(300_000);
    }
    const walls = results.map((r) => r.wall);
    const stat = (pick: (r: LearnedResult) => number) => results.map((r) => pick(r.result)).join(', ');
    rows.push({ what: `${count(corpus.docs)} generated articles: a name annotated as another type in one, until every article it reaches is analysed again`, figure: '', section: true });
    rows.push({ what: '  the request until corpusLens/learned', figure: ms(median(walls)), target: '≤ 1 s', ok: median(walls) <= 1000, beside: `median of ${walls.length}: ${walls.map((x) => ms(x)).join(', ')}` });
    rows.push({ what: '  beside it: copying the articles and indexing them cold', figure: ms(cold) });
    rows.push({ what: '  articles analysed again', figure: String(median(results.map((r) => r.result.analysed))), beside: stat((r) => r.analysed) });
    rows.push({ what: '  names read otherwise', figure: String(median(results.map((r) => r.result.labels))), beside: `${stat((r) => r.labels)} (in ${stat((r) => r.documents)} articles)` });
  });
  const cpus = os.cpus();
  printTable(`Learning from decisions · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · node ${process.version} · ${((performance.now() - started) / 1000).toFixed(0)} s · ${load.summary()}`, rows, notes);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
