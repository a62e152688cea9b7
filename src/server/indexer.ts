// Indexing the workspace: every folder's annotation store, then its corpus documents on the
// analysis workers, with cancellable progress. A newer run cancels an older one; while a run is
// under way `indexing` is true (cards are drawn from their document alone, views wait for the end).
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { AnnotationController } from './annotationController.js';
import type { DiagnosticsPublisher } from './diagnostics.js';
import type { FileSettings } from './settings.js';
import type { WorkspaceIndex } from './workspaceIndex.js';

export interface IndexerPorts {
  index: WorkspaceIndex;
  annotations: AnnotationController;
  diagnostics: DiagnosticsPublisher;
  /** The workspace folders now, and the file rules of each. */
  folders: () => readonly string[];
  filesOf: (folder: string) => FileSettings;
  /** Progress in the editor's status bar; undefined when the client cannot show it. */
  progress: () => Promise<WorkDoneProgressServerReporter | undefined>;
  /** The workers' memory is not needed until the next files change on disk. */
  releaseWorkers: () => void;
  /** Indexing started (the views show that it runs) or ended (they ask again). */
  started: () => void;
  finished: () => void;
  warn: (message: string) => void;
  log: (message: string) => void;
}

export class Indexer {
  /** True while a run is under way (only reindex() sets it). */
  indexing = false;
  /** Aborts the run in progress (when the user cancels, or a newer run starts). */
  private run: AbortController | undefined;

  constructor(private readonly ports: IndexerPorts) {}

  /** Indexes every workspace folder, with cancellable progress; a newer run cancels an older one. */
  async reindex(): Promise<void> {
    const { index, annotations, diagnostics, log } = this.ports;
    this.run?.abort();
    const run = new AbortController();
    this.run = run;
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      progress = await this.ports.progress();
    } catch {
      progress = undefined;
    }
    let userCancelled = false;
    progress?.token.onCancellationRequested(() => {
      userCancelled = true;
      run.abort();
    });
    progress?.begin('Corpus Lens: indexing', 0, 'finding corpus documents…', true);
    this.indexing = true;
    this.ports.started();
    const start = Date.now();
    const corpusJsonBefore = diagnostics.corpusJsonShown();
    try {
      // Annotations first: each document's diagnostics then apply them once, as it is indexed.
      const folders = this.ports.folders();
      await annotations.loadFolders(folders);
      const count = await index.indexFolders(folders.map((f) => ({ path: f, files: this.ports.filesOf(f) })), {
        signal: run.signal,
        report: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} documents`),
      });
      if (run === this.run) this.ports.releaseWorkers();
      diagnostics.clearCorpusJson(corpusJsonBefore);
      if (run !== this.run) return; // a newer run replaced this one
      // Documents moved while the server was not running are recognised now that all are read.
      if (!userCancelled) await annotations.moves.settle(true);
      log(`Indexed ${count} documents in ${Date.now() - start} ms${userCancelled ? ' (cancelled)' : ''}.`);
      if (userCancelled) this.ports.warn('Corpus Lens: indexing was cancelled; documents not yet read are left out until the next change.');
    } catch (e) {
      log(`Indexing failed: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      if (run === this.run) {
        this.indexing = false;
        annotations.publishStoreProblems();
      }
      progress?.done();
      this.ports.finished();
    }
  }
}
