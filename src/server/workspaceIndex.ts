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
import { DEFAULT_SETTINGS, type FileSettings } from './settings.js';

export interface IndexHost {
  readonly corpus: Corpus;
  isOpen(uri: string): boolean;
  /** A corpus document was (re)analysed from disk, or removed. */
  documentChanged(uri: string): void;
  /** With the text it had, so that a move can be recognised by content. */
  documentRemoved(uri: string, text: string): void;
  /** A document open in the editor that had been deleted on disk is there again: analyse the editor's text. */
  openDocumentBack(uri: string): void;
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
  /** The folder's own file rules (resource settings). */
  files: FileSettings;
  matcher: CorpusMatcher;
  /** Folders holding a corpus.json, relative to the root ('' for the root). */
  corpusJsonDirs: Set<string>;
  metadata: Map<string, CorpusMetadata>;
}

export class WorkspaceIndex {
  private roots: Root[] = [];
  /** Counts deletions seen on disk: a file read meanwhile is checked again before it joins the corpus. */
  private deletions = 0;
  constructor(private readonly host: IndexHost, private readonly loader: Loader) {}

  /** Finds and analyses every corpus document under the folders, each by its own rules. Returns the number analysed. */
  async indexFolders(folders: ReadonlyArray<{ path: string; files: FileSettings }>, progress: Progress): Promise<number> {
    const known = new Set(this.host.corpus.documents().map((d) => d.path));
    const roots: Root[] = [];
    const files: string[] = [];
    const { signal } = progress;
    for (const { path: folder, files: settings } of folders) {
      const discovery = await discoverCorpus(directoryReader(folder, fs), settings, () => signal.aborted, nodePath.basename(folder));
      for (const e of discovery.errors) this.host.log(`Could not list ${nodePath.join(folder, e.path)}: ${e.message}`);
      if (discovery.incomplete && !signal.aborted) this.host.log(`Stopped listing ${folder} after too many files; some documents may be missing.`);
      const root: Root = { path: folder, files: settings, matcher: new CorpusMatcher(settings, nodePath.basename(folder)), corpusJsonDirs: new Set(discovery.corpusJsonDirs), metadata: new Map() };
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

  /**
   * A file or folder changed on disk. Returns true when a corpus.json changed or came with a folder
   * (a full re-index is due).
   */
  async fileChanged(uri: string, deleted: boolean): Promise<boolean> {
    const located = this.locate(uri);
    if (!located) return false;
    if (nodePath.basename(located.relative) === 'corpus.json') return true;
    if (!deleted && !located.relative.toLowerCase().endsWith('.txt')) return this.folderCreated(located);
    if (deleted) {
      this.deletions++;
      // A deleted folder arrives as one event: drop every document under it.
      // Open documents too: the file is gone (moved, say) though the editor still shows its text.
      for (const doc of this.host.corpus.documents()) {
        if (doc.path === uri || doc.path.startsWith(`${uri}/`)) this.remove(doc.path);
      }
      return false;
    }
    if (this.host.isOpen(uri)) {
      // Back on disk (a branch switched back, say) while the editor kept it open: its text joins again.
      if (!this.host.corpus.inputs.has(uri) && this.isCorpusDocument(uri)) this.host.openDocumentBack(uri);
      return false;
    }
    if (this.isCorpusDocument(uri)) await this.readFromDisk(uri);
    else if (this.host.corpus.inputs.has(uri)) this.remove(uri);
    return false;
  }

  /**
   * A folder arrived (moved or copied in: the watcher reports the folder, not each file in it): its
   * corpus documents are read. True when it holds a corpus.json (a full re-index is due).
   */
  private async folderCreated({ root, relative }: { root: Root; relative: string }): Promise<boolean> {
    if (root.matcher.isExcluded(relative)) return false;
    const folder = nodePath.join(root.path, relative);
    const stat = await fs.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) return false;
    const found = await discoverCorpus(directoryReader(folder, fs), { include: ['**/*.txt'], exclude: root.files.exclude, followCorpusJson: false });
    if (found.corpusJsonDirs.length > 0) return true;
    for (const file of found.documents) {
      const uri = URI.file(nodePath.join(folder, file)).toString();
      if (this.isCorpusDocument(uri) && !this.host.isOpen(uri)) await this.readFromDisk(uri);
    }
    return false;
  }

  /** Reads and analyses one document from disk, and takes its analysis into the corpus (used at start, on file events and on close). */
  async readFromDisk(uri: string, signal?: AbortSignal): Promise<void> {
    const loaded = await this.loadFromDisk(uri, signal);
    if (loaded) this.take(uri, loaded);
  }

  /**
   * Reads and analyses one document from disk without taking it (the learned weights changed: the
   * new analyses are taken together); null when there is nothing to take: the document was opened
   * meanwhile (the editor's text wins), or is gone (removed from the corpus here).
   */
  async loadFromDisk(uri: string, signal?: AbortSignal): Promise<LoadedDocument | null> {
    const file = URI.parse(uri).fsPath;
    const meta = { path: file, metadata: this.metadataFor(uri) };
    const deletions = this.deletions;
    const maxSizeMB = (this.locate(uri)?.root.files ?? DEFAULT_SETTINGS.files).maxSizeMB;
    const loaded = await this.loader.load({ file, meta, limitBytes: maxSizeMB * 1024 * 1024 }, signal);
    // The document may have been opened while it was being read: the editor's text wins.
    if (this.host.isOpen(uri)) return null;
    // Gone meanwhile (renamed or deleted while it was read, or closed after a rename): no document,
    // rather than an unreadable one or one that is no longer there.
    // (lstat: a dangling link is there, and reported as unreadable.)
    if ((loaded.skipped || deletions !== this.deletions) && !(await fs.lstat(file).catch(() => null))) {
      this.remove(uri);
      return null;
    }
    return loaded;
  }

  /** A document's new analysis, read from disk, into the corpus. */
  take(uri: string, loaded: LoadedDocument): void {
    this.host.corpus.update(uri, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
    this.host.documentChanged(uri);
  }

  remove(uri: string): void {
    const text = this.host.corpus.inputs.document(uri)?.text ?? '';
    if (this.host.corpus.remove(uri)) this.host.documentRemoved(uri, text);
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
