// `corpus-lens`: export, report and check a corpus folder from the command line.
// Every .txt file under DIR is a document; DIR/corpus.json, when present, gives metadata.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  buildExport, Corpus, directoryReader, discoverCorpus, fileTooLarge, fileUnreadable, formatProblems, formatReport, loadDocument,
  parseCorpusJson, skippedDocument, type CorpusMetadata, type LoadedDocument,
} from '../core/index.js';

const USAGE = `Usage:
  corpus-lens export DIR --format json [--out FILE]   write the corpus-lens/1 JSON export
  corpus-lens report DIR                              a readable summary: documents, dates, footnotes
  corpus-lens check DIR                               list problems; exit 1 if any is an error

Options:
  --max-size-mb N   skip documents larger than N megabytes (default 20)
  -h, --help        show this help
  -v, --version     show the version`;

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options {
  command: string;
  dir: string;
  format: string;
  out: string | null;
  maxSizeMB: number;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Options = { command, dir: '', format: 'json', out: null, maxSizeMB: 20 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--format') options.format = value();
    else if (arg === '--out' || arg === '-o') options.out = value();
    else if (arg === '--max-size-mb') {
      options.maxSizeMB = Number(value());
      if (!(options.maxSizeMB > 0)) throw new UsageError('--max-size-mb takes a positive number.');
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (!['export', 'report', 'check'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (positional.length !== 1) throw new UsageError(`${command} takes one folder.`);
  if (command === 'export' && options.format !== 'json') throw new UsageError(`Unknown export format "${options.format}"; this version writes json.`);
  options.dir = positional[0];
  return options;
}

interface LoadResult {
  corpus: Corpus;
  /** Files that could not be read (IO errors): the run exits non-zero. */
  failures: number;
}

async function loadCorpus(dir: string, maxSizeMB: number): Promise<LoadResult> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`${dir} is not a folder.`);
  const corpus = new Corpus();
  const metadata = await readMetadata(dir);
  const discovery = await discoverCorpus(directoryReader(dir, fs), {
    include: ['**/*.txt'], exclude: ['**/node_modules/**', '**/.git/**', '**/.corpus-lens/**'], followCorpusJson: false,
  });
  let failures = discovery.errors.length;
  for (const e of discovery.errors) process.stderr.write(`corpus-lens: could not list ${path.join(dir, e.path)}: ${e.message}\n`);
  const limit = maxSizeMB * 1024 * 1024;
  for (const rel of discovery.documents) {
    const file = path.join(dir, rel);
    const meta = { path: rel, metadata: metadata?.documents.get(rel) };
    let loaded: LoadedDocument;
    try {
      const size = (await fs.stat(file)).size;
      loaded = size > limit ? skippedDocument(meta, [fileTooLarge(size, limit)]) : loadDocument(await fs.readFile(file), meta);
    } catch (e) {
      failures++;
      loaded = skippedDocument(meta, [fileUnreadable(e instanceof Error ? e.message : String(e))]);
    }
    for (const p of loaded.fileProblems) process.stderr.write(`corpus-lens: ${rel}: ${p.message}\n`);
    corpus.update(rel, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
  }
  return { corpus, failures };
}

async function readMetadata(dir: string): Promise<CorpusMetadata | null> {
  const file = path.join(dir, 'corpus.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
  const metadata = parseCorpusJson(text);
  for (const line of formatProblems({ path: file, text }, metadata.problems)) process.stderr.write(`corpus-lens: ${line}\n`);
  return metadata;
}

async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { corpus, failures } = await loadCorpus(parsed.dir, parsed.maxSizeMB);
  let status = failures > 0 ? 1 : 0;
  if (parsed.command === 'export') {
    const json = `${JSON.stringify(buildExport(corpus), null, 2)}\n`;
    if (parsed.out) await writeAtomically(parsed.out, json);
    else process.stdout.write(json);
  } else if (parsed.command === 'report') {
    process.stdout.write(formatReport(corpus, parsed.dir));
  } else {
    let errors = 0;
    for (const doc of corpus.documents()) {
      const problems = corpus.problems(doc.path).filter((p) => p.severity !== 'hint');
      errors += problems.filter((p) => p.severity === 'error').length;
      for (const line of formatProblems(doc, problems)) process.stdout.write(`${line}\n`);
    }
    if (errors > 0) status = 1;
  }
  return status;
}

async function writeAtomically(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof UsageError) process.stderr.write(`corpus-lens: ${e.message}\n\n${USAGE}\n`);
    else process.stderr.write(`corpus-lens: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
