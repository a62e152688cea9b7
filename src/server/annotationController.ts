// The user's annotations on the server's side: the store files of each workspace folder (read,
// watched, written atomically by AnnotationFiles), handing them to the corpus, their problems on the
// store file, the annotate and remove requests, and annotations following moved documents.
import { URI } from 'vscode-uri';
import { groupAnnotations, missingDocumentProblems, type Corpus, type GroupedAnnotations } from '../core/index.js';
import type { AnnotateParams, AnnotateResult, RemoveAnnotationParams } from '../protocol.js';
import { AnnotationFiles } from './annotationFiles.js';
import { annotationFor, describeAnnotation } from './annotationRequests.js';
import type { DiagnosticsPublisher } from './diagnostics.js';
import type { DocumentText } from './diskDocument.js';
import { DocumentMoves, documentUri } from './documentMoves.js';

/** How often the annotation stores are checked for changes the file watcher did not report. */
const STORE_POLL_MS = 2000;

export interface AnnotationPorts {
  corpus: Corpus;
  diagnostics: DiagnosticsPublisher;
  /** The workspace folder holding a URI, and the path relative to it. */
  rootOf: (uri: string) => { root: string; relative: string } | null;
  /** True while the workspace is being indexed: missing documents are not known yet. */
  indexing: () => boolean;
  /** The annotations changed what the corpus says: views and cross-document problems follow. */
  changed: () => void;
  /** The stores were handed to the corpus: what they teach the name model follows. */
  applied: () => void;
  log: (message: string) => void;
}

/** A request the user can act on (bad input), as opposed to a failure of the server. */
export class AnnotationRequestError extends Error {}

export class AnnotationController {
  readonly stores = new AnnotationFiles();
  readonly moves: DocumentMoves;
  private polling = false;
  private poll: NodeJS.Timeout | undefined;

  constructor(private readonly ports: AnnotationPorts) {
    this.moves = new DocumentMoves({
      corpus: ports.corpus,
      stores: this.stores,
      rootOf: (uri) => ports.rootOf(uri),
      storesChanged: () => {
        this.apply();
        this.publishStoreProblems();
        ports.diagnostics.publishAll();
        ports.changed();
      },
      log: ports.log,
    });
  }

  /** Gives the corpus every workspace folder's annotations, by document URI. */
  apply(): void {
    const grouped: GroupedAnnotations = { byPath: new Map(), everywhere: [], decisions: [] };
    for (const state of this.stores.roots()) {
      groupAnnotations(state.store?.annotations ?? [], (document) => documentUri(state.root, document), grouped);
    }
    this.ports.corpus.setAnnotations(grouped.byPath, grouped.everywhere, grouped.decisions);
    this.ports.applied();
  }

  /** Reads one folder's store again, reports its problems on the file, and applies it. */
  async reload(root: string): Promise<void> {
    await this.stores.load(root);
    this.storesRead();
  }

  /**
   * Reads the stores of these folders (and forgets the others'), before indexing. All are read
   * before any is applied: what they teach the name model is learned once, from all of them.
   */
  async loadFolders(folders: readonly string[]): Promise<void> {
    for (const root of this.stores.roots().map((r) => r.root)) if (!folders.includes(root)) this.stores.forget(root);
    for (const root of folders) await this.stores.load(root);
    this.storesRead();
  }

  /** The stores as read now: their problems on their files, their annotations to the corpus. */
  private storesRead(): void {
    this.publishStoreProblems();
    this.apply();
    this.ports.diagnostics.publishAll();
    this.ports.changed();
  }

  /**
   * The problems of each store file: what its parsing found and, once the corpus is indexed, the
   * documents it names that are not in the corpus.
   */
  publishStoreProblems(): void {
    const missing = this.missing();
    for (const state of this.stores.roots()) {
      const gone = missingDocumentProblems(state.text, missing.filter((m) => m.root === state.root), () => 'Point them at the right document in the Orphaned Annotations view (Point at Another File…), or delete them there.');
      this.ports.diagnostics.storeFile(URI.file(state.file).toString(), state.text, [...state.problems, ...gone]);
    }
  }

  /** Store documents with no corpus document (none while indexing: not every document is read yet). */
  missing() {
    return this.ports.indexing() ? [] : this.moves.missing();
  }

  /** After documents came or went (not while indexing: its end does it for all): annotations follow moved documents. */
  async followMoves(): Promise<void> {
    if (this.ports.indexing()) return;
    await this.moves.settle();
    this.publishStoreProblems();
  }

  /** Stores the user's decision on the range of `params` in an open or indexed document. */
  async annotate(params: AnnotateParams, doc: DocumentText | undefined): Promise<AnnotateResult> {
    const place = doc && this.ports.rootOf(params.uri);
    if (!doc || !place) throw new AnnotationRequestError('Annotate a corpus document inside the workspace.');
    const { corpus, diagnostics } = this.ports;
    const made = annotationFor(corpus.snapshot(), params, place.relative, doc.getText(), doc.offsetAt(params.range.start), doc.offsetAt(params.range.end));
    if ('error' in made) throw new AnnotationRequestError(made.error);
    await this.stores.change(place.root, (list) => [...list.filter((a) => !made.replaces(a)), made.annotation]);
    this.apply();
    if (made.annotation.document === '*') diagnostics.publishAll();
    else diagnostics.publish(params.uri);
    this.ports.changed();
    return { id: made.annotation.id, message: describeAnnotation(made.annotation) };
  }

  /** Removes one annotation by id; false when no store of the document's folder has it. */
  async remove(params: RemoveAnnotationParams): Promise<boolean> {
    const place = this.ports.rootOf(params?.uri);
    if (!place) return false;
    let found = false;
    await this.stores.change(place.root, (list) => list.filter((a) => (a.id === params.id ? ((found = true), false) : true)));
    this.apply();
    this.ports.diagnostics.publishAll();
    this.ports.changed();
    return found;
  }

  /**
   * File watching misses changes at times (out of inotify watches, network folders): a store
   * changed behind the editor is also noticed by a look at its size and time every few seconds.
   */
  startPolling(): void {
    this.poll = setInterval(async () => {
      if (this.polling) return;
      this.polling = true;
      try {
        for (const { root } of this.stores.roots()) if (await this.stores.changedOnDisk(root)) await this.reload(root);
      } catch (e) {
        this.ports.log(`Could not check the annotation stores: ${String(e)}`);
      } finally {
        this.polling = false;
      }
    }, STORE_POLL_MS);
    this.poll.unref();
  }
}
