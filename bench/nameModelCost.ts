// What the trained name model costs the cold index: the built server indexes the same generated
// corpus with the shipped model and without it (CORPUS_LENS_NAME_MODEL pointing at no file: the
// rules alone), runs alternating, so both see the same machine.
//   npm run bench:model -- [--docs 10000] [--runs 3] [--seed 1]
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCorpusDir, writeCorpus } from './generate.js';
import { LspSession } from '../test/support/lspSession.js';
import { SERVER_NODE_ARGS } from '../src/protocol.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function coldIndex(dir: string, docs: number, model: boolean): Promise<{ ms: number; peakMB: number | null }> {
  if (model) delete process.env.CORPUS_LENS_NAME_MODEL;
  else process.env.CORPUS_LENS_NAME_MODEL = path.join(os.tmpdir(), 'no-name-model');
  const session = await LspSession.launch(dir, { nodeArgs: SERVER_NODE_ARGS });
  try {
    const indexed = session.arrival('corpusLens/indexChanged', (p) => !p.indexing && p.documents === docs, { deadlineMs: 300_000 });
    const t0 = performance.now();
    await session.notify('initialized', {});
    const hit = await indexed;
    return { ms: hit.at - t0, peakMB: session.peakMemoryMB() };
  } finally {
    await session.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const docs = arg('docs', 10_000);
  const runs = arg('runs', 3);
  const corpus = writeCorpus(docs, arg('seed', 1), defaultCorpusDir(docs, arg('seed', 1)));
  const times = { model: [] as number[], rules: [] as number[] };
  const peaks = { model: [] as number[], rules: [] as number[] };
  const loads: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const which of ['model', 'rules'] as const) {
      loads.push(os.loadavg()[0]);
      const r = await coldIndex(corpus.dir, corpus.docs, which === 'model');
      times[which].push(r.ms);
      if (r.peakMB !== null) peaks[which].push(r.peakMB);
      console.error(`run ${run + 1}, ${which}: ${(r.ms / 1000).toFixed(2)} s, peak ${r.peakMB?.toFixed(0)} MB`);
    }
  }
  const line = (which: 'model' | 'rules') =>
    `${which === 'model' ? 'rules + model' : 'rules alone  '}  ${(median(times[which]) / 1000).toFixed(2)} s (${times[which].map((t) => (t / 1000).toFixed(2)).join(', ')}), peak ${median(peaks[which])?.toFixed(0)} MB`;
  console.log(`cold index of ${docs} generated documents (${(corpus.bytes / 1048576).toFixed(1)} MB) · median of ${runs} alternating runs · load average ${median(loads).toFixed(1)} median`);
  console.log(line('model'));
  console.log(line('rules'));
  console.log(`the model's share: ${(median(times.model) / median(times.rules)).toFixed(2)} × the time of the rules alone`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
