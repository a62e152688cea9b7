// `corpusLens/export`: the CLI's export formats from the editor. The corpus of one workspace folder
// (its documents as the server has them: open editors' text, user annotations applied) goes through
// the same pure converters as `corpus-lens export`, with paths relative to the folder; files are
// written atomically. brat never overwrites an .ann (nor a differing annotation.conf or .txt copy)
// without `force`: it refuses with EXPORT_WOULD_OVERWRITE and the list, and writes nothing.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ResponseError, ErrorCodes, type CancellationToken } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { buildExport, decodeText, type Corpus } from '../core/index.js';
import {
  toBrat, toConll, toJson, toJsonl, toWebAnnotation, withSources, type FormatProblem, type MentionSource, type SourcedExport,
} from '../core/formats/index.js';
import { EXPORT_WOULD_OVERWRITE, type ExportFormat, type ExportParams, type ExportRefusal, type ExportResult } from '../protocol.js';
import { writeAtomically } from './annotationFiles.js';

export interface ExportHost {
  readonly corpus: Corpus;
  /** The workspace folders indexed (absolute paths). */
  roots(): string[];
  /** True while the workspace is being read: an export then would miss documents. */
  indexing(): boolean;
  /** Would a file at this URI be a corpus document (brat's .txt copies must not be)? */
  isCorpusDocument(uri: string): boolean;
  log(message: string): void;
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  json: 'JSON', jsonl: 'JSONL', conll: 'CoNLL-2003', webanno: 'W3C Web Annotation', brat: 'brat standoff',
};

/** What a document of the folder is: its corpus URI, its path in the export, its text. */
interface FolderDocument {
  uri: string;
  relative: string;
  text: string;
}

/** The export of one folder: the corpus-lens/1 object with folder-relative paths, and the texts. */
export interface FolderExport {
  exp: SourcedExport;
  texts: Map<string, string>;
  documents: FolderDocument[];
}

/**
 * The corpus's export restricted to the documents under `root`, with their paths made relative
 * to it ('/' separators). Entities and events keep only what those documents hold.
 */
export function folderExport(corpus: Corpus, root: string): FolderExport {
  const relativeOf = new Map<string, string>();
  for (const d of corpus.documents()) {
    const relative = relativeTo(root, d.path);
    if (relative !== null) relativeOf.set(d.path, relative);
  }
  // Each mention says whether the recogniser found it or a person marked it (as the CLI does).
  const sources = new Map([...relativeOf.keys()].map((uri) => [uri, new Map(corpus.mentions(uri).map((m) => [`${m.start}:${m.end}`, (m as { source?: MentionSource }).source]))]));
  const full = withSources(buildExport(corpus), (p, m) => sources.get(p)?.get(`${m.start}:${m.end}`));
  const everything = full.documents.every((d) => relativeOf.has(d.path));
  const documents = full.documents.filter((d) => relativeOf.has(d.path)).map((d) => ({ ...d, path: relativeOf.get(d.path)! }));
  const mentionCounts = new Map<string, number>();
  for (const d of documents) for (const m of d.entities) mentionCounts.set(m.entity, (mentionCounts.get(m.entity) ?? 0) + 1);
  const entities = full.entities
    .filter((e) => e.documents.some((p) => relativeOf.has(p)))
    .map((e) => ({
      ...e,
      mentions: everything ? e.mentions : mentionCounts.get(e.id) ?? 0,
      documents: e.documents.flatMap((p) => relativeOf.get(p) ?? []),
    }));
  const events = full.events
    .map((e) => ({ ...e, mentions: e.mentions.flatMap((m) => (relativeOf.has(m.path) ? [{ ...m, path: relativeOf.get(m.path)! }] : [])) }))
    .filter((e) => e.mentions.length > 0);
  const exp: SourcedExport = { ...full, documents, entities, events };
  const folderDocuments = corpus.documents()
    .filter((d) => !d.skipped && relativeOf.has(d.path))
    .map((d) => ({ uri: d.path, relative: relativeOf.get(d.path)!, text: d.text }));
  return { exp, texts: new Map(folderDocuments.map((d) => [d.relative, d.text])), documents: folderDocuments };
}

/** The path of a document URI relative to the folder, or null when it is not under it. */
function relativeTo(root: string, uri: string): string | null {
  let file: string;
  try {
    file = URI.parse(uri).fsPath;
  } catch {
    return null;
  }
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

const toUri = (file: string) => URI.file(file).toString();

/** Handles `corpusLens/export`. Every failure is a ResponseError with a message for the user. */
export async function exportCorpus(host: ExportHost, params: ExportParams, token?: CancellationToken): Promise<ExportResult> {
  const format = params?.format;
  if (!format || !(format in FORMAT_NAMES)) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown export format "${String(format)}"; use one of ${Object.keys(FORMAT_NAMES).join(', ')}.`);
  const root = fsPathOf(params.folder, 'folder');
  const target = fsPathOf(params.target, 'target');
  if (!host.roots().some((r) => path.resolve(r) === path.resolve(root))) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${root} is not a workspace folder of this server.`);
  }
  if (host.indexing()) throw new ResponseError(ErrorCodes.InvalidRequest, 'Corpus Lens is still reading the workspace; export once indexing is done.');
  const { exp, texts, documents } = folderExport(host.corpus, root);
  if (documents.length === 0) throw new ResponseError(ErrorCodes.InvalidRequest, `There are no corpus documents in ${path.basename(root)} to export.`);
  const problems: FormatProblem[] = [];
  const report = (found: FormatProblem[]) => {
    problems.push(...found);
    for (const p of found) host.log(`export ${format}: ${p.path}: ${p.severity}: ${p.message}`);
  };
  const docs = `${documents.length} document${documents.length === 1 ? '' : 's'}`;
  const warned = () => (problems.length ? ` ${problems.length} problem${problems.length === 1 ? '' : 's'} (see the Corpus Lens output).` : '');
  try {
    if (format === 'brat') return await exportBrat(host, root, target, params.force === true, exp, texts, documents, report, token, docs, warned);
    let content: string;
    switch (format) {
      case 'conll': {
        const r = toConll(exp, texts);
        report(r.problems);
        content = r.text;
        break;
      }
      case 'jsonl': {
        const r = toJsonl(exp, texts);
        report(r.problems);
        content = r.text;
        break;
      }
      case 'webanno': {
        const byRelative = new Map(documents.map((d) => [d.relative, d.uri]));
        const r = toWebAnnotation(exp, texts, {
          collectionId: `${toUri(root)}/#corpus-lens`,
          sourceOf: (p) => byRelative.get(p) ?? toUri(path.join(root, ...p.split('/'))),
          label: `Corpus Lens annotations of ${path.basename(root)}`,
        });
        report(r.problems);
        content = `${JSON.stringify(r.collection, null, 2)}\n`;
        break;
      }
      default:
        content = toJson(exp);
    }
    if (token?.isCancellationRequested) return { files: [], message: 'Export cancelled; nothing was written.' };
    const stat = await fs.stat(target).catch(() => null);
    if (stat?.isDirectory()) throw new ResponseError(ErrorCodes.InvalidParams, `${target} is a folder; ${FORMAT_NAMES[format]} goes into one file.`);
    await writeAtomically(target, content);
    return { files: [toUri(target)], message: `Exported ${docs} as ${FORMAT_NAMES[format]} to ${path.basename(target)}.${warned()}` };
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    throw new ResponseError(ErrorCodes.InternalError, `The export could not be written: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function fsPathOf(uri: unknown, what: string): string {
  if (typeof uri !== 'string' || !uri) throw new ResponseError(ErrorCodes.InvalidParams, `The export needs a ${what} URI.`);
  let parsed: URI;
  try {
    parsed = URI.parse(uri, true);
  } catch {
    throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} "${uri}" is not a URI.`);
  }
  if (parsed.scheme !== 'file') throw new ResponseError(ErrorCodes.InvalidParams, `The ${what} must be a file: URI (got ${parsed.scheme}:).`);
  return parsed.fsPath;
}

/**
 * brat: an .ann beside each .txt (target = the workspace folder), or a mirror of the folder's tree
 * under the target with a copy of each .txt, and annotation.conf at the top. Checked in full before
 * anything is written.
 */
async function exportBrat(
  host: ExportHost, root: string, target: string, force: boolean, exp: SourcedExport, texts: Map<string, string>, documents: FolderDocument[],
  report: (p: FormatProblem[]) => void, token: CancellationToken | undefined, docs: string, warned: () => string,
): Promise<ExportResult> {
  const beside = path.resolve(target) === path.resolve(root);
  const stat = await fs.stat(target).catch(() => null);
  if (stat && !stat.isDirectory()) throw new ResponseError(ErrorCodes.InvalidParams, `${target} is a file; brat files go into a folder.`);
  // The files as they are on disk: brat counts a UTF-8 byte-order mark as a character, and a copy
  // is the file itself when the server's text is the file's (strict UTF-8 decoding round-trips).
  const bom = new Set<string>();
  const copies = new Map<string, string>();
  const notes: string[] = [];
  for (const d of documents) {
    if (token?.isCancellationRequested) return { files: [], message: 'Export cancelled; nothing was written.' };
    const bytes = await fs.readFile(path.join(root, ...d.relative.split('/'))).catch(() => null);
    const decoded = bytes ? decodeText(bytes) : null;
    const same = decoded?.text === d.text;
    const hasBom = !!bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (beside) {
      if (!same) notes.push(`${d.relative} differs from the text the server has (unsaved changes?): its .ann follows the editor's text; save the file so they agree`);
      else if (decoded.encoding !== 'utf-8') notes.push(`${d.relative}: brat reads .txt files as UTF-8 and this one is ${decoded.encoding}; its .ann counts the characters of the text as Corpus Lens read it`);
      if (same && hasBom) bom.add(d.relative);
    } else {
      // A copy is the file when it is UTF-8 and current; else the server's text, as UTF-8.
      const keepBom = same && decoded.encoding === 'utf-8' && hasBom;
      copies.set(d.relative, `${keepBom ? '\uFEFF' : ''}${d.text}`);
      if (keepBom) bom.add(d.relative);
    }
  }
  report(notes.map((message) => ({ path: '', severity: 'warning' as const, message })));
  const brat = toBrat(exp, texts, { bom });
  report(brat.problems);
  const writes: Array<{ file: string; content: string }> = [];
  for (const f of brat.files) {
    writes.push({ file: path.join(target, ...f.path.split('/')), content: f.content });
    const copy = copies.get(f.document);
    if (!beside && copy) writes.push({ file: path.join(target, ...f.document.split('/')), content: copy });
  }
  writes.push({ file: path.join(target, 'annotation.conf'), content: brat.conf });
  if (!beside) {
    // The copies would become corpus documents themselves (a folder inside the workspace matching the include patterns).
    const indexed = writes.filter((w) => /\.txt$/i.test(w.file) && host.isCorpusDocument(toUri(w.file)));
    if (indexed.length > 0) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Exporting brat to ${target} would copy the .txt files to where Corpus Lens reads corpus documents (${path.basename(indexed[0].file)} and ${indexed.length - 1} more); choose a folder outside the corpus, or the workspace folder to write beside the .txt files.`);
    }
  }
  if (!force) {
    const inTheWay: string[] = [];
    for (const w of writes) {
      const existing = await fs.readFile(w.file).catch(() => null);
      if (existing === null) continue;
      const same = Buffer.compare(existing, Buffer.from(w.content, 'utf8')) === 0;
      // An .ann is never overwritten, even with the same content; a .txt copy or annotation.conf that is already right is fine.
      if (w.file.endsWith('.ann') || !same) inTheWay.push(w.file);
    }
    if (inTheWay.length > 0) {
      const shown = inTheWay.slice(0, 10).map((f) => path.relative(target, f).split(path.sep).join('/'));
      const more = inTheWay.length > 10 ? `, … and ${inTheWay.length - 10} more` : '';
      const refusal: ExportRefusal = { existing: inTheWay.map(toUri) };
      throw new ResponseError(
        EXPORT_WOULD_OVERWRITE,
        `${inTheWay.length} file${inTheWay.length === 1 ? '' : 's'} already exist${inTheWay.length === 1 ? 's' : ''} in ${path.basename(target)} and would be overwritten: ${shown.join(', ')}${more}. Nothing was written; export again with force to overwrite them.`,
        refusal,
      );
    }
  }
  if (token?.isCancellationRequested) return { files: [], message: 'Export cancelled; nothing was written.' };
  for (const w of writes) await writeAtomically(w.file, w.content);
  const where = beside ? `beside the .txt files in ${path.basename(root)}` : `to ${target}${copies.size ? ', with a copy of each .txt' : ''}`;
  return {
    files: writes.map((w) => toUri(w.file)),
    message: `Exported ${docs} as brat standoff: ${brat.files.length} .ann file${brat.files.length === 1 ? '' : 's'} and annotation.conf ${where}.${warned()}`,
  };
}
