// The corpus documents on disk: finding them in the workspace folders, reading them, reading each
// corpus.json, and keeping all of it current as files change. Open documents are the editor's:
// what is on disk never replaces them.
import { promises as fs } from 'node:fs';
import * as nodePath from 'node:path';
import { URI } from 'vscode-uri';
import {
  CorpusMatcher, directoryReader, discoverCorpus, nearestCorpusJsonDir, parseCorpusJson,
  type Corpus, type CorpusMetadata, type DocumentMetadata, type LoadedDocument, type Problem,
} from '../core/index.js';
import type { LoadTask } from './loadFile.js';
import type { ServerSettings } from './settings.js';

export interface IndexHost {
  readonly corpus: Corpus;
  isOpen(uri: string): boolean;
  /** A corpus document was (re)analysed from disk, or removed. */
  documentChanged(uri: string): void;
  documentRemoved(uri: string): void;
  /** Problems of a non-document file (corpus.json); an empty list clears them. */
  fileProblems(uri: string, text: string, problems: Problem[]): void;
  log(message: string): void;
}

export interface Progress {
  report(done: number, total: number): void;
  /** Aborted when the user cancels or a newer run replaces this one. */
  signal: AbortSignal;
}

/** Loads files from disk: the analysis pool (worker threads). */
export interface Loader {
  load(task: LoadTask, signal?: AbortSignal): Promise<LoadedDocument>;
}

interface Root {
  /** Absolute folder path. */
  path: string;
  matcher: CorpusMatcher;
  /** Folders holding a corpus.json, relative to the root ('' for the root). */
  corpusJsonDirs: Set<string>;
  metadata: Map<string, CorpusMetadata>;
}

export class WorkspaceIndex {
  private roots: Root[] = [];
  private settings: ServerSettings['files'];

  constructor(private readonly host: IndexHost, settings: ServerSettings['files'], private readonly loader: Loader) {
    this.settings = settings;
  }

  /** Finds and analyses every corpus document under the folders. Returns the number analysed. */
  async indexFolders(folderPaths: string[], settings: ServerSettings['files'], progress: Progress): Promise<number> {
    this.settings = settings;
    const known = new Set(this.host.corpus.documents().map((d) => d.path));
    const roots: Root[] = [];
    const files: string[] = [];
    const { signal } = progress;
    for (const folder of folderPaths) {
      const discovery = await discoverCorpus(directoryReader(folder, fs), settings, () => signal.aborted);
      for (const e of discovery.errors) this.host.log(`Could not list ${nodePath.join(folder, e.path)}: ${e.message}`);
      if (discovery.incomplete && !signal.aborted) this.host.log(`Stopped listing ${folder} after too many files; some documents may be missing.`);
      const root: Root = { path: folder, matcher: new CorpusMatcher(settings), corpusJsonDirs: new Set(discovery.corpusJsonDirs), metadata: new Map() };
      for (const dir of discovery.corpusJsonDirs) await this.loadCorpusJson(root, dir);
      roots.push(root);
      files.push(...discovery.documents.map((rel) => nodePath.join(folder, rel)));
    }
    this.roots = roots;
    // Every file goes to the pool at once; its workers take them in order, as they come free.
    let done = 0;
    // Progress goes out once per whole percent: each report is a message the main thread writes
    // (every 8 documents, it was 1,250 messages for 10,000).
    let reported = -1;
    let reportedDone = -1;
    await Promise.all(files.map(async (file) => {
      const uri = URI.file(file).toString();
      known.delete(uri);
      try {
        if (!this.host.isOpen(uri)) await this.readFromDisk(uri, signal);
      } catch (e) {
        if (signal.aborted) return; // cancelled: the file is left out
        throw e;
      }
      const percent = Math.floor((++done * 100) / files.length);
      if (percent > reported) {
        reported = percent;
        reportedDone = done;
        progress.report(done, files.length);
      }
    }));
    // The final count (after a cancel, or of no files at all), unless it just went out.
    if (reportedDone !== done) progress.report(done, files.length);
    // Documents indexed before that are no longer corpus documents (settings or files changed).
    if (!signal.aborted) {
      for (const uri of known) if (!this.host.isOpen(uri)) this.remove(uri);
    }
    return done;
  }

  /** Is this URI a corpus document by the rules (whether or not it is open)? */
  isCorpusDocument(uri: string): boolean {
    const located = this.locate(uri);
    return !!located && located.root.matcher.isDocument(located.relative, located.root.corpusJsonDirs);
  }

  /** The document's corpus.json entry, from the nearest folder above it that has one. */
  metadataFor(uri: string): DocumentMetadata | undefined {
    const located = this.locate(uri);
    if (!located) return undefined;
    const dir = nearestCorpusJsonDir(located.relative, located.root.corpusJsonDirs);
    if (dir === null) return undefined;
    const relative = dir === '' ? located.relative : located.relative.slice(dir.length + 1);
    return located.root.metadata.get(dir)?.documents.get(relative);
  }

  /** A file changed on disk. Returns true when a corpus.json changed (a full re-index is due). */
  async fileChanged(uri: string, deleted: boolean): Promise<boolean> {
    const located = this.locate(uri);
    if (!located) return false;
    if (nodePath.basename(located.relative) === 'corpus.json') return true;
    if (deleted) {
      // A deleted folder arrives as one event: drop every document under it.
      for (const doc of this.host.corpus.documents()) {
        if ((doc.path === uri || doc.path.startsWith(`${uri}/`)) && !this.host.isOpen(doc.path)) this.remove(doc.path);
      }
      return false;
    }
    if (this.host.isOpen(uri)) return false;
    if (this.isCorpusDocument(uri)) await this.readFromDisk(uri);
    else if (this.host.corpus.has(uri)) this.remove(uri);
    return false;
  }

  /** Reads and analyses one document from disk (used at start, on file events and on close). */
  async readFromDisk(uri: string, signal?: AbortSignal): Promise<void> {
    const file = URI.parse(uri).fsPath;
    const meta = { path: file, metadata: this.metadataFor(uri) };
    const loaded = await this.loader.load({ file, meta, limitBytes: this.settings.maxSizeMB * 1024 * 1024 }, signal);
    // The document may have been opened while it was being read: the editor's text wins.
    if (this.host.isOpen(uri)) return;
    this.host.corpus.update(uri, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
    this.host.documentChanged(uri);
  }

  remove(uri: string): void {
    if (this.host.corpus.remove(uri)) this.host.documentRemoved(uri);
  }

  private async loadCorpusJson(root: Root, dir: string): Promise<void> {
    const file = nodePath.join(root.path, dir, 'corpus.json');
    const uri = URI.file(file).toString();
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      this.host.log(`Could not read ${file}: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const metadata = parseCorpusJson(text);
    root.metadata.set(dir, metadata);
    this.host.fileProblems(uri, text, metadata.problems);
  }

  /** The workspace folder holding the URI and the path relative to it ('/' separators). */
  rootOf(uri: string): { root: string; relative: string } | null {
    const located = this.locate(uri);
    return located ? { root: located.root.path, relative: located.relative } : null;
  }

  /** Every workspace folder indexed. */
  rootPaths(): string[] {
    return this.roots.map((r) => r.path);
  }

  private locate(uri: string): { root: Root; relative: string } | null {
    let file: string;
    try {
      file = URI.parse(uri).fsPath;
    } catch {
      return null;
    }
    for (const root of this.roots) {
      const relative = nodePath.relative(root.path, file);
      if (relative && !relative.startsWith('..') && !nodePath.isAbsolute(relative)) {
        return { root, relative: relative.split(nodePath.sep).join('/') };
      }
    }
    return null;
  }
}
