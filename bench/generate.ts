// Writes a scale corpus of generated news articles (see test/support/corpusGenerator.ts) to a
// folder, with a corpus.json giving dates for a third of them. Deterministic: the same --docs and
// --seed write the same bytes.
//   npm run bench:generate -- [--docs 100|1000|10000] [--seed 1] [--out DIR]
// Default folder: bench/.corpus/<docs>-<seed>/ (ignored by git).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseCorpusJson, type CorpusMetadata } from '../src/core/corpus/metadata.js';
import { generateCorpus } from '../test/support/corpusGenerator.js';

/** A corpus folder's corpus.json, or null when it has none or it does not parse. */
export function readCorpusMetadata(dir: string): CorpusMetadata | null {
  try {
    return parseCorpusJson(readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
  } catch {
    return null;
  }
}

export interface WrittenCorpus {
  dir: string;
  /** Hash of the generator's source: a corpus written by another version is written again. */
  generator: string;
  docs: number;
  seed: number;
  bytes: number;
  /** Documents reporting a happening that another document reports too. */
  sharing: number;
}

export function defaultCorpusDir(docs: number, seed: number): string {
  return path.resolve('bench', '.corpus', `${docs}-${seed}`);
}

const STAMP = '.generated.json';

function generatorVersion(): string {
  const source = readFileSync(path.join(__dirname, '../test/support/corpusGenerator.ts'));
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

/** Writes the corpus unless the folder already holds exactly this one (its stamp says so). */
export function writeCorpus(docs: number, seed: number, dir = defaultCorpusDir(docs, seed)): WrittenCorpus {
  const stampFile = path.join(dir, STAMP);
  const generator = generatorVersion();
  if (existsSync(stampFile)) {
    try {
      const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as WrittenCorpus;
      if (stamp.generator === generator && stamp.docs === docs && stamp.seed === seed && readdirSync(dir).filter((f) => f.endsWith('.txt')).length === docs) return { ...stamp, dir };
    } catch {
      // unreadable stamp: write again
    }
  }
  const corpus = generateCorpus({ docs, seed });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const reports = new Map<number, number>();
  for (const doc of corpus.documents) for (const id of doc.shared) reports.set(id, (reports.get(id) ?? 0) + 1);
  let sharing = 0;
  for (const doc of corpus.documents) {
    writeFileSync(path.join(dir, doc.path), doc.text);
    bytes += Buffer.byteLength(doc.text);
    if (doc.shared.some((id) => (reports.get(id) ?? 0) > 1)) sharing++;
  }
  writeFileSync(path.join(dir, 'corpus.json'), `${JSON.stringify(corpus.corpusJson, null, 2)}\n`);
  const written: WrittenCorpus = { dir, generator, docs, seed, bytes, sharing };
  writeFileSync(stampFile, `${JSON.stringify(written, null, 2)}\n`);
  return written;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const docs = Number(arg('docs') ?? 100);
  const seed = Number(arg('seed') ?? 1);
  if (!Number.isInteger(docs) || docs < 1 || !Number.isInteger(seed)) {
    console.error('usage: generate.ts [--docs N] [--seed N] [--out DIR]');
    process.exit(2);
  }
  const out = arg('out');
  const t0 = performance.now();
  const written = writeCorpus(docs, seed, out ? path.resolve(out) : undefined);
  const mb = written.bytes / 1024 / 1024;
  console.log(`${written.docs} articles, ${mb.toFixed(1)} MB (${(written.bytes / written.docs / 1024).toFixed(1)} KB each on average), ` +
    `${((100 * written.sharing) / written.docs).toFixed(0)}% share a happening with another article → ${path.relative(process.cwd(), written.dir) || '.'} ` +
    `(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

if (require.main === module) main();
