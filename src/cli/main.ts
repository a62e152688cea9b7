// `corpus-lens`: export (in several formats), import (brat), report and check a corpus folder from the command line.
// Every .txt file under DIR is a document; DIR/corpus.json, when present, gives metadata.
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildExport, Corpus, problemsOf, decodeText, directoryReader, discoverCorpus, fileTooLarge, fileUnreadable, formatProblems, formatReport, loadDocument,
  parseCorpusJson, skippedDocument, type CorpusMetadata, type LoadedDocument, type Problem,
} from '../core/index.js';
import { parseStore, groupAnnotations, serializeStore, STORE_PATH, STORE_VERSION, type Annotation, type EntityAnnotation } from '../core/annotations/store.js';
import { findMoves, missingDocumentProblems, moveDocuments, storeDocuments } from '../core/annotations/moves.js';
import { currentNameModel, installNameModel } from '../core/entities/model/index.js';
import { LEARNED_PATH } from '../core/entities/model/learnedFile.js';
import { useLearned } from '../core/entities/learnedModel.js';
import { restoreLearning } from '../core/annotations/learning.js';
import {
  annPathOf, bratToAnnotations, EXPORT_FORMATS, IMPORT_FORMATS, mergeIntoStore, parseBrat, toBrat, toConll, toJson, toJsonl,
  toWebAnnotation, withSources, type FormatProblem, type MentionSource,
} from '../core/formats/index.js';

const USAGE = `Usage:
  corpus-lens export DIR [--format FORMAT] [--out PATH]   write the corpus in one of these formats:
      json      the corpus-lens/1 JSON export (the default)
      jsonl     one JSON line per document: text and spans, code point offsets (spaCy, doccano)
      conll     CoNLL-2003 columns with BIO name tags
      webanno   a W3C Web Annotation collection (JSON-LD)
      brat      brat standoff: an .ann beside each .txt (under --out DIR2 when given) and annotation.conf
  corpus-lens import DIR --format brat [--from DIR2]  bring brat .ann files in as user annotations
  corpus-lens report DIR                              a readable summary: documents, dates, footnotes
  corpus-lens check DIR [--fix]                       list problems; exit 1 if any is an error

Options:
  --out PATH        export: the file to write (stdout otherwise); for brat, the folder
  --force           export --format brat: overwrite existing .ann files and annotation.conf
  --from DIR2       import: read the .ann files from DIR2 (same tree as DIR) instead of beside the .txt
  --fix             check: point the annotations of documents that were moved at the file that
                    surely holds them now (the same text, or every marked text with its context)
  --max-size-mb N   skip documents larger than N megabytes (default 20)
  --no-learning     read names by the shipped model alone, not with what the annotation store
                    teaches it (as the editor's setting corpusLens.learning.enabled: false)
  -h, --help        show this help
  -v, --version     show the version`;

const VERSION = '0.1.0';

class UsageError extends Error {}

interface Options {
  command: string;
  dir: string;
  format: string;
  out: string | null;
  from: string | null;
  force: boolean;
  fix: boolean;
  maxSizeMB: number;
  learning: boolean;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Options = { command, dir: '', format: '', out: null, from: null, force: false, fix: false, maxSizeMB: 20, learning: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--format') options.format = value();
    else if (arg === '--out' || arg === '-o') options.out = value();
    else if (arg === '--from') options.from = value();
    else if (arg === '--force') options.force = true;
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--no-learning') options.learning = false;
    else if (arg === '--max-size-mb') {
      options.maxSizeMB = Number(value());
      if (!(options.maxSizeMB > 0)) throw new UsageError('--max-size-mb takes a positive number.');
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (!['export', 'import', 'report', 'check'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (positional.length !== 1) throw new UsageError(`${command} takes one folder.`);
  if (command === 'export') {
    options.format ||= 'json';
    if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`Unknown export format "${options.format}"; use one of ${EXPORT_FORMATS.join(', ')}.`);
  } else if (command === 'import') {
    if (!options.format) throw new UsageError(`import needs --format (${IMPORT_FORMATS.join(', ')}).`);
    if (!(IMPORT_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`Unknown import format "${options.format}"; use ${IMPORT_FORMATS.join(', ')}.`);
  }
  if (options.force && !(command === 'export' && options.format === 'brat')) throw new UsageError('--force applies to export --format brat only.');
  if (options.from !== null && command !== 'import') throw new UsageError('--from applies to import only.');
  if (options.fix && command !== 'check') throw new UsageError('--fix applies to check only.');
  options.dir = positional[0];
  return options;
}

interface LoadResult {
  corpus: Corpus;
  /** Files that could not be read (IO errors, an unreadable annotation store): the run exits non-zero. */
  failures: number;
  /** Documents whose file starts with a UTF-8 byte-order mark (dropped from the text). */
  bom: Set<string>;
  /** Documents not stored as UTF-8, with how they were read. */
  notUtf8: Map<string, string>;
  /** The annotation store as read (null when there is none, or it could not be used). */
  store: { file: string; text: string; annotations: Annotation[]; unused: unknown[] } | null;
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
  const bom = new Set<string>();
  const notUtf8 = new Map<string, string>();
  for (const rel of discovery.documents) {
    const file = path.join(dir, rel);
    const meta = { path: rel, metadata: metadata?.documents.get(rel) };
    let loaded: LoadedDocument;
    try {
      const size = (await fs.stat(file)).size;
      if (size > limit) loaded = skippedDocument(meta, [fileTooLarge(size, limit, 'option --max-size-mb')]);
      else {
        const bytes = await fs.readFile(file);
        loaded = loadDocument(bytes, meta);
        const encoding = encodingOf(bytes, loaded.fileProblems);
        if (encoding === 'utf-8 with BOM') bom.add(rel);
        else if (encoding !== 'utf-8') notUtf8.set(rel, encoding);
      }
    } catch (e) {
      failures++;
      loaded = skippedDocument(meta, [fileUnreadable(e instanceof Error ? e.message : String(e))]);
    }
    for (const p of loaded.fileProblems) process.stderr.write(`corpus-lens: ${rel}: ${p.message}\n`);
    corpus.update(rel, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
  }
  const store = await applyUserAnnotations(dir, corpus);
  if (store === false) failures++;
  return { corpus, failures, bom, notUtf8, store: store || null };
}

function encodingOf(bytes: Uint8Array, problems: Problem[]): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8 with BOM';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  if (problems.some((p) => p.code === 'file.encoding')) return 'Windows-1252';
  return 'utf-8';
}

/**
 * The user's annotations (DIR/.corpus-lens/annotations.json), applied in the corpus so that every
 * answer shows them. A store that cannot be read is reported with its position and the corpus goes
 * on with the recogniser's annotations; false then (null when there is no store).
 */
async function applyUserAnnotations(dir: string, corpus: Corpus): Promise<LoadResult['store'] | false> {
  const file = path.join(dir, STORE_PATH);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    process.stderr.write(`corpus-lens: ${file}: could not be read: ${e instanceof Error ? e.message : String(e)}\n`);
    return false;
  }
  const parsed = parseStore(text);
  for (const line of formatProblems({ path: file, text }, parsed.problems)) process.stderr.write(`corpus-lens: ${line}\n`);
  if (!parsed.store) return false;
  const { byPath, everywhere, decisions } = groupAnnotations(parsed.store.annotations, (document) => document);
  corpus.setAnnotations(byPath, everywhere, decisions);
  return { file, text, annotations: parsed.store.annotations, unused: parsed.unused };
}

/**
 * The store's documents that are not in the corpus, each a warning on the store file that says
 * where its annotations surely are now, if anywhere. With `fix`, they are pointed there (the store
 * rewritten atomically) and the warning says so.
 */
async function missingDocuments({ corpus, store }: LoadResult, dir: string, fix: boolean): Promise<string[]> {
  if (!store) return [];
  const missing = [...storeDocuments(store.annotations)].filter(([document]) => !corpus.inputs.has(document)).map(([document, annotations]) => ({ document, annotations }));
  if (missing.length === 0) return [];
  const candidates = corpus.documents().filter((d) => !d.skipped && corpus.annotations(d.path).length === 0).map((d) => ({ id: d.path, text: d.text }));
  const moves = new Map(findMoves(missing.map((m) => ({ id: m.document, annotations: m.annotations })), candidates).map((m) => [m.from, m.to]));
  let text = store.text;
  if (fix && moves.size > 0) {
    let annotations = store.annotations;
    for (const [from, to] of moves) annotations = moveDocuments(annotations, from, to).annotations;
    // What the store could not use is written back as it was: a newer Corpus Lens may read it.
    text = serializeStore({ version: STORE_VERSION, annotations }, store.unused);
    await writeAtomically(store.file, text);
  }
  const advice = (document: string) => {
    const to = moves.get(document);
    if (to) return fix ? `Pointed at ${to}, which holds them.` : `${to} holds them: \`corpus-lens check ${dir} --fix\` points them there.`;
    return 'Point them at the right document in the Orphaned Annotations view in VS Code, or edit their "document" in the store.';
  };
  const still = fix ? missing.filter((m) => !moves.has(m.document)) : missing;
  const lines = fix ? [...moves].map(([from, to]) => `${store.file}: moved the annotations of ${from} to ${to}, which holds them`) : [];
  return [...lines, ...formatProblems({ path: store.file, text }, missingDocumentProblems(text, still, advice))];
}

/**
 * Lays what the annotation store teaches the name model over it before any document is analysed,
 * as the editor does: the learned file (DIR/.corpus-lens/learned.json) when it was learned from the
 * store's decisions as they are, else learned again from the store. Nothing is written. A store
 * that cannot be read teaches nothing (loadCorpus reports it).
 */
async function useLearnedWeights(dir: string): Promise<void> {
  const shipped = currentNameModel();
  const storeText = await fs.readFile(path.join(dir, STORE_PATH), 'utf8').catch(() => null);
  const store = storeText === null ? null : parseStore(storeText).store;
  if (!shipped || !store) return;
  const file = await fs.readFile(path.join(dir, LEARNED_PATH), 'utf8').catch(() => undefined);
  // Each file read once, however many decisions it holds.
  const read = new Map<string, string | undefined>();
  const textOf = (document: string) => {
    if (!read.has(document)) read.set(document, readDecoded(path.join(dir, ...document.split('/'))));
    return read.get(document);
  };
  const { learning } = restoreLearning(shipped, store.annotations, textOf, file);
  useLearned(learning.learned);
}

/** A file's text decoded as the corpus files are; undefined when unreadable or binary. */
function readDecoded(file: string): string | undefined {
  try {
    return decodeText(readFileSync(file)).text ?? undefined;
  } catch {
    return undefined;
  }
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
  if (parsed.command === 'import') return importBrat(parsed);
  const modelFile = process.env.CORPUS_LENS_NAME_MODEL ?? path.resolve(__dirname, '..', 'models', 'names.model');
  const model = installNameModel(() => readFileSync(modelFile), modelFile);
  if (!model.ok) process.stderr.write(`corpus-lens: warning: ${model.message}\n`);
  if (parsed.learning) await useLearnedWeights(parsed.dir);
  const loaded = await loadCorpus(parsed.dir, parsed.maxSizeMB);
  const { corpus, failures } = loaded;
  let status = failures > 0 ? 1 : 0;
  if (parsed.command === 'export' || parsed.command === 'report') {
    // Never silent: annotations the export or report leaves out because their document moved.
    for (const line of await missingDocuments(loaded, parsed.dir, false)) process.stderr.write(`corpus-lens: ${line}\n`);
  }
  if (parsed.command === 'export') {
    if ((await exportCorpus(parsed, loaded)) !== 0) status = 1;
  } else if (parsed.command === 'report') {
    process.stdout.write(formatReport(corpus, parsed.dir));
  } else {
    let errors = 0;
    for (const line of await missingDocuments(loaded, parsed.dir, parsed.fix)) process.stdout.write(`${line}\n`);
    for (const doc of corpus.documents()) {
      const problems = problemsOf(corpus.snapshot(), doc.path).filter((p) => p.severity !== 'hint');
      errors += problems.filter((p) => p.severity === 'error').length;
      for (const line of formatProblems(doc, problems)) process.stdout.write(`${line}\n`);
    }
    if (errors > 0) status = 1;
  }
  return status;
}

/** Writes the export in the chosen format; 1 when something was refused or left out with an error. */
async function exportCorpus(options: Options, { corpus, bom, notUtf8 }: LoadResult): Promise<number> {
  // Each mention says whether the recogniser found it or a person marked it.
  const sources = new Map(corpus.documents().map((d) => [d.path, new Map(corpus.mentions(d.path).map((m) => [`${m.start}:${m.end}`, (m as { source?: MentionSource }).source]))]));
  const exp = withSources(buildExport(corpus), (p, m) => sources.get(p)?.get(`${m.start}:${m.end}`));
  const texts = new Map(corpus.documents().filter((d) => !d.skipped).map((d) => [d.path, d.text]));
  const report = (problems: FormatProblem[]) => {
    for (const p of problems) process.stderr.write(`corpus-lens: ${p.path}: ${p.severity}: ${p.message}\n`);
    return problems.some((p) => p.severity === 'error') ? 1 : 0;
  };
  let content: string;
  let status = 0;
  switch (options.format) {
    case 'brat': {
      for (const [p, encoding] of notUtf8) {
        process.stderr.write(`corpus-lens: ${p}: warning: brat reads .txt files as UTF-8 and this one is ${encoding}; its .ann counts the characters of the text as Corpus Lens read it\n`);
      }
      const brat = toBrat(exp, texts, { bom });
      return Math.max(report(brat.problems), await writeBrat(options, brat.files, brat.conf));
    }
    case 'conll': {
      const r = toConll(exp, texts);
      status = report(r.problems);
      content = r.text;
      break;
    }
    case 'jsonl': {
      const r = toJsonl(exp, texts);
      status = report(r.problems);
      content = r.text;
      break;
    }
    case 'webanno': {
      const root = path.resolve(options.dir);
      const r = toWebAnnotation(exp, texts, {
        collectionId: `${pathToFileURL(root).href}/#corpus-lens`,
        sourceOf: (p) => pathToFileURL(path.join(root, ...p.split('/'))).href,
        label: `Corpus Lens annotations of ${path.basename(root)}`,
      });
      status = report(r.problems);
      content = `${JSON.stringify(r.collection, null, 2)}\n`;
      break;
    }
    default:
      content = toJson(exp);
  }
  if (options.out) await writeAtomically(options.out, content);
  else process.stdout.write(content);
  return status;
}

/**
 * brat files: beside each .txt in DIR, or under --out DIR2 mirroring DIR's tree (with a copy of
 * each .txt, which brat needs beside its .ann). Nothing is overwritten without --force: if any
 * .ann, annotation.conf or .txt copy is in the way, nothing at all is written.
 */
async function writeBrat(options: Options, files: Array<{ document: string; path: string; content: string }>, conf: string): Promise<number> {
  const source = path.resolve(options.dir);
  const root = options.out ? path.resolve(options.out) : source;
  /** The folder as the user named it, for messages. */
  const shownRoot = options.out ?? options.dir;
  const shown = (file: string) => path.join(shownRoot, path.relative(root, file));
  const copyTexts = root !== source;
  if (options.out) {
    const stat = await fs.stat(root).catch(() => null);
    if (stat && !stat.isDirectory()) throw new UsageError(`--out ${options.out} is a file; brat files go into a folder.`);
  }
  const writes: Array<{ file: string; content: string | Uint8Array }> = [];
  for (const f of files) {
    writes.push({ file: path.join(root, ...f.path.split('/')), content: f.content });
    if (copyTexts) writes.push({ file: path.join(root, ...f.document.split('/')), content: await fs.readFile(path.join(source, ...f.document.split('/'))) });
  }
  writes.push({ file: path.join(root, 'annotation.conf'), content: conf });
  if (!options.force) {
    const inTheWay: string[] = [];
    for (const w of writes) {
      const existing = await fs.readFile(w.file).catch(() => null);
      if (existing === null) continue;
      const same = Buffer.compare(existing, typeof w.content === 'string' ? Buffer.from(w.content, 'utf8') : Buffer.from(w.content)) === 0;
      // An .ann is never overwritten, even with the same content; a .txt copy or annotation.conf that is already right is fine.
      if (w.file.endsWith('.ann') || !same) inTheWay.push(shown(w.file));
    }
    if (inTheWay.length > 0) {
      const list = inTheWay.slice(0, 10).map((f) => `  ${f}\n`).join('');
      const more = inTheWay.length > 10 ? `  … and ${inTheWay.length - 10} more\n` : '';
      process.stderr.write(`corpus-lens: ${inTheWay.length} file${inTheWay.length === 1 ? '' : 's'} already exist${inTheWay.length === 1 ? 's' : ''} and would be overwritten:\n${list}${more}corpus-lens: nothing was written. Pass --force to overwrite them, or --out DIR2 to write elsewhere.\n`);
      return 1;
    }
  }
  for (const w of writes) {
    await fs.mkdir(path.dirname(w.file), { recursive: true });
    await writeAtomically(w.file, w.content);
  }
  process.stderr.write(`corpus-lens: wrote ${files.length} .ann file${files.length === 1 ? '' : 's'}${copyTexts ? ` (with a copy of each .txt)` : ''} and annotation.conf to ${shownRoot}\n`);
  return 0;
}

/**
 * `import DIR --format brat`: each .txt's .ann (beside it, or at the same place under --from DIR2)
 * becomes user annotations in DIR/.corpus-lens/annotations.json, merged with what is there.
 */
async function importBrat(options: Options): Promise<number> {
  const dir = options.dir;
  const from = options.from ?? dir;
  for (const d of [dir, from]) {
    const stat = await fs.stat(d).catch(() => null);
    if (!stat?.isDirectory()) throw new UsageError(`${d} is not a folder.`);
  }
  const storeFile = path.join(dir, STORE_PATH);
  let existing: string | null = null;
  try {
    existing = await fs.readFile(storeFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      process.stderr.write(`corpus-lens: ${storeFile}: could not be read: ${e instanceof Error ? e.message : String(e)}; nothing was imported\n`);
      return 1;
    }
  }
  // A store that cannot be read stops the import before anything else is read.
  if (existing !== null) {
    const parsed = parseStore(existing);
    if (!parsed.store) {
      for (const line of formatProblems({ path: storeFile, text: existing }, parsed.problems)) process.stderr.write(`corpus-lens: ${line}\n`);
      process.stderr.write('corpus-lens: the annotation store was left untouched and nothing was imported.\n');
      return 1;
    }
  }
  const exclude = ['**/node_modules/**', '**/.git/**', '**/.corpus-lens/**'];
  const discovery = await discoverCorpus(directoryReader(dir, fs), { include: ['**/*.txt'], exclude, followCorpusJson: false });
  let errors = discovery.errors.length;
  for (const e of discovery.errors) process.stderr.write(`corpus-lens: could not list ${path.join(dir, e.path)}: ${e.message}\n`);
  const created = new Date().toISOString();
  const incoming: EntityAnnotation[] = [];
  let annFiles = 0;
  let timex = 0;
  const print = (file: string, p: FormatProblem) => {
    if (p.severity === 'error') errors++;
    process.stderr.write(`corpus-lens: ${file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.severity}: ${p.message}\n`);
  };
  const documents = new Set(discovery.documents);
  for (const rel of discovery.documents) {
    const annFile = path.join(from, ...annPathOf(rel).split('/'));
    let ann: string;
    try {
      ann = await fs.readFile(annFile, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      print(annFile, { path: rel, severity: 'error', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    annFiles++;
    const parsed = parseBrat(ann);
    for (const p of parsed.problems) print(annFile, p);
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(path.join(dir, ...rel.split('/')));
    } catch (e) {
      print(path.join(dir, rel), { path: rel, severity: 'error', message: `could not be read: ${e instanceof Error ? e.message : String(e)}` });
      continue;
    }
    const decoded = decodeText(bytes);
    if (decoded.text === null) {
      print(path.join(dir, rel), { path: rel, severity: 'error', message: 'looks binary, so its .ann was not imported' });
      continue;
    }
    const result = bratToAnnotations(rel, decoded.text, parsed, { bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, created });
    for (const p of result.problems) print(annFile, p);
    incoming.push(...result.annotations);
    timex += result.timex;
  }
  // .ann files with no .txt in DIR are named, not silently passed over.
  for (const annRel of await listAnnFiles(from)) {
    const txt = annRel.replace(/\.ann$/i, '.txt');
    if (!documents.has(txt)) process.stderr.write(`corpus-lens: ${path.join(from, annRel)}: warning: there is no ${path.join(dir, txt)}; not imported\n`);
  }
  if (annFiles === 0) {
    process.stderr.write(`corpus-lens: no .ann file found for the .txt files of ${dir}${options.from ? ` under ${from}` : ''}; nothing was imported.\n`);
    return 1;
  }
  const merged = mergeIntoStore(existing, incoming);
  if (!merged.ok) {
    // Read between the check above and now, or unreadable in a way only the merge sees.
    for (const line of formatProblems({ path: storeFile, text: existing ?? '' }, merged.problems)) process.stderr.write(`corpus-lens: ${line}\n`);
    return 1;
  }
  for (const line of formatProblems({ path: storeFile, text: existing ?? '' }, merged.warnings)) process.stderr.write(`corpus-lens: ${line}\n`);
  await fs.mkdir(path.dirname(storeFile), { recursive: true });
  await writeAtomically(storeFile, merged.text);
  process.stderr.write(
    `corpus-lens: imported ${incoming.length} entity annotation${incoming.length === 1 ? '' : 's'} from ${annFiles} .ann file${annFiles === 1 ? '' : 's'} into ${storeFile}` +
    ` (${merged.added} new, ${merged.updated} updated, ${merged.unchanged} already there)` +
    `${timex ? `; ${timex} temporal expression${timex === 1 ? '' : 's'} left out (the store takes entity annotations from brat)` : ''}\n`,
  );
  return errors > 0 ? 1 : 0;
}

/** Every .ann file under a folder, relative with '/' (node_modules, .git and .corpus-lens left out). */
async function listAnnFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.ann'))
    .map((e) => path.relative(root, path.join(e.parentPath ?? (e as { path?: string }).path ?? root, e.name)).split(path.sep).join('/'))
    .filter((p) => !/(^|\/)(node_modules|\.git|\.corpus-lens)\//.test(p))
    .sort();
}

async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, content);
  await fs.rename(temp, file);
}

// `corpus-lens export … | head`: the reader went away; stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

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
