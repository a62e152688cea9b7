// npm run train: trains the name model and writes models/names.model.
//
//   npm run train -- [--pool DIR] [--sources a,b,…] [--news DIR] [--clusters FILE] [--epochs N] [--seed N] [--augment X] [--out FILE]
//
// The pool defaults to $CORPUS_LENS_NER_POOL or ../shared/ner-train; the news we annotated is
// data/ner/ecbplus. See CONTRIBUTING.md for adding data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { POOL_SOURCES, readNews, readPool } from './sources.js';
import { trainNameModel } from './train.js';

const root = path.resolve(__dirname, '../..');
const DEFAULTS = {
  pool: process.env.CORPUS_LENS_NER_POOL ?? path.resolve(root, '../shared/ner-train'),
  sources: Object.keys(POOL_SOURCES).join(','),
  news: path.join(root, 'data/ner/ecbplus'),
  epochs: '12',
  seed: '1',
  augment: '0.3',
  ensemble: '5',
  clusters: path.join(root, 'data/word-clusters.bin'),
  out: path.join(root, 'models/names.model'),
};

function parseArgs(argv: string[]): typeof DEFAULTS {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '') as keyof typeof DEFAULTS;
    if (!(key in args) || argv[i + 1] === undefined) throw new Error(`usage: npm run train -- [${Object.keys(DEFAULTS).map((k) => `--${k} …`).join('] [')}]`);
    args[key] = argv[++i];
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  if (!fs.existsSync(args.pool)) throw new Error(`no training pool at ${args.pool}: pass --pool DIR or set CORPUS_LENS_NER_POOL`);
  const sources = args.sources.split(',').filter(Boolean);
  const news = readNews(args.news);
  const docs = [...readPool(args.pool, sources), ...news];
  log(`sources ${sources.join(', ')}; ${news.length} news articles from ${path.relative(root, args.news)}`);
  const clusters = fs.readFileSync(args.clusters);
  const bytes = trainNameModel(docs, clusters, {
    epochs: Number(args.epochs),
    seed: Number(args.seed),
    augment: Number(args.augment),
    ensemble: Number(args.ensemble),
    about: { trained: 'npm run train', sources, news: path.relative(root, args.news), clusters: path.relative(root, args.clusters) },
    log,
  });
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, bytes);
  log(`wrote ${path.relative(process.cwd(), args.out)}: ${(bytes.length / 1e6).toFixed(2)} MB`);
}

main();
