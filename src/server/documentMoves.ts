// Annotations follow their documents. A rename the editor reports (workspace/didRenameFiles, for
// files and folders) rewrites the store's paths; a move only the file watcher sees (git mv: a delete
// and a create) is recognised by content: the text of the document just removed, or the quotes of
// its annotations. A store document that stays missing is listed as orphaned, with the files that
// could be it, and the user points it at the right one.
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { findMoves, moveDocuments, movedPath, openingOf, rankCandidates, storeDocuments, targetOf, type Annotation, type Corpus, type MissingDocument, type MoveCandidate } from '../core/index.js';
import type { AnnotationFiles } from './annotationFiles.js';

/** Texts of removed documents kept to recognise them elsewhere (only those with annotations). */
const REMEMBERED_REMOVALS = 200;

export interface MovesHost {
  readonly corpus: Corpus;
  readonly stores: AnnotationFiles;
  /** The workspace folder holding a URI, and the path relative to it. */
  rootOf(uri: string): { root: string; relative: string } | null;
  /** The stores changed on disk: apply them again and republish. */
  storesChanged(): void;
  log(message: string): void;
}

/** A store document with no corpus document: its folder, its store path, its URI and its annotations. */
export interface MissingStoreDocument {
  root: string;
  document: string;
  uri: string;
  annotations: Annotation[];
}

/** The URI of a store path in a workspace folder. */
export function documentUri(root: string, document: string): string {
  return URI.file(path.join(root, ...document.split('/'))).toString();
}

export class DocumentMoves {
  private readonly removedTexts = new Map<string, string>();
  private readonly added = new Set<string>();
  /** Missing documents already compared with the whole corpus. */
  private readonly comparedWithAll = new Set<string>();
  private settling: Promise<void> = Promise.resolve();

  constructor(private readonly host: MovesHost) {}

  /** A document left the corpus: its text is kept a while when the store has annotations for it. */
  removed(uri: string, text: string): void {
    if (this.host.corpus.annotations(uri).length === 0) return;
    this.removedTexts.delete(uri);
    this.removedTexts.set(uri, text);
    if (this.removedTexts.size > REMEMBERED_REMOVALS) this.removedTexts.delete(this.removedTexts.keys().next().value!);
  }

  /** A document joined the corpus: it may be where a missing one went. */
  addedDocument(uri: string): void {
    this.added.add(uri);
  }

  /**
   * Files or folders were renamed (as the editor reports them): their annotations move with them,
   * across workspace folders too. Returns how many annotations moved.
   */
  async renamed(files: ReadonlyArray<{ oldUri: string; newUri: string }>): Promise<number> {
    let moved = 0;
    for (const { oldUri, newUri } of files) {
      const from = this.host.rootOf(oldUri);
      const to = this.host.rootOf(newUri);
      if (!from || !to) continue;
      moved += from.root === to.root
        ? await this.moveWithin(from.root, from.relative, to.relative)
        : await this.moveAcross(from, to);
      this.removedTexts.delete(oldUri);
    }
    if (moved > 0) this.host.storesChanged();
    return moved;
  }

  /**
   * Points the annotations of one document (missing, or any) at another document. A review then
   * remembers that document's opening, so a later move is recognised by it.
   */
  async point(fromUri: string, toUri: string): Promise<number> {
    const moved = await this.renamed([{ oldUri: fromUri, newUri: toUri }]);
    const to = this.host.rootOf(toUri);
    const text = this.host.corpus.inputs.document(toUri)?.text;
    if (to && text !== undefined) {
      const opening = openingOf(text);
      const target = targetOf(text, opening.start, opening.end);
      await this.host.stores.change(to.root, (list) => {
        const stale = list.some((a) => a.kind === 'reviewed' && a.document === to.relative && a.target?.exact !== target.exact);
        return stale ? list.map((a) => (a.kind === 'reviewed' && a.document === to.relative ? { ...a, target } : a)) : list;
      });
    }
    return moved;
  }

  /**
   * Moves the missing documents that are surely somewhere else now. `everywhere`: every document
   * without annotations is a candidate (after indexing); otherwise those added since the last call.
   */
  settle(everywhere = false): Promise<void> {
    const candidatesFrom = everywhere ? null : new Set(this.added);
    this.added.clear();
    this.settling = this.settling.then(() => this.settleNow(candidatesFrom)).catch((e) => this.host.log(`Could not follow moved documents: ${e instanceof Error ? e.stack : String(e)}`));
    return this.settling;
  }

  private async settleNow(candidatesFrom: Set<string> | null): Promise<void> {
    let missing = this.missing();
    if (missing.length === 0) {
      this.removedTexts.clear();
      return;
    }
    if (candidatesFrom === null) {
      // Compared with every document once per session (16 ms per missing document at 10,000
      // documents, bench/moves.ts); after that, with the documents that arrive.
      missing = missing.filter((m) => !this.comparedWithAll.has(m.uri));
      for (const m of missing) this.comparedWithAll.add(m.uri);
      if (missing.length === 0) return;
    }
    const candidates = this.candidates(candidatesFrom);
    if (candidates.length === 0) return;
    const wanted: MissingDocument[] = missing.map((m) => ({ id: m.uri, annotations: m.annotations, text: this.removedTexts.get(m.uri) }));
    const moves = findMoves(wanted, candidates).map(({ from, to }) => ({ oldUri: from, newUri: to }));
    if (moves.length === 0) return;
    for (const m of moves) this.host.log(`Annotations of ${m.oldUri} follow the document to ${m.newUri}.`);
    await this.renamed(moves);
  }

  /** Store documents that are not in the corpus, by folder, in store order. */
  missing(): MissingStoreDocument[] {
    const out: MissingStoreDocument[] = [];
    for (const state of this.host.stores.roots()) {
      for (const [document, annotations] of storeDocuments(state.store?.annotations ?? [])) {
        const uri = documentUri(state.root, document);
        if (!this.host.corpus.inputs.has(uri)) out.push({ root: state.root, document, uri, annotations });
      }
    }
    return out;
  }

  /** The corpus documents that could hold a missing document's annotations, best first. */
  candidatesFor(uri: string): Array<{ uri: string; fits: number; total: number }> {
    const missing = this.missing().find((m) => m.uri === uri);
    const annotations = missing?.annotations ?? this.host.corpus.annotations(uri);
    return rankCandidates(annotations, this.candidates(null)).map((r) => ({ uri: r.id, fits: r.fits, total: r.total }));
  }

  /** Analysed corpus documents without annotations of their own (of those given, or all). */
  private candidates(only: Set<string> | null): MoveCandidate[] {
    const docs = only ? [...only].flatMap((uri) => this.host.corpus.inputs.document(uri) ?? []) : this.host.corpus.documents();
    return docs.filter((d) => !d.skipped && this.host.corpus.annotations(d.path).length === 0).map((d) => ({ id: d.path, text: d.text }));
  }

  private async moveWithin(root: string, from: string, to: string): Promise<number> {
    let moved = 0;
    await this.host.stores.change(root, (list) => {
      const result = moveDocuments(list, from, to);
      moved = result.moved;
      return result.moved ? result.annotations : list;
    });
    return moved;
  }

  /** To another workspace folder's store: written there first, then taken out here (a crash between keeps both). */
  private async moveAcross(from: { root: string; relative: string }, to: { root: string; relative: string }): Promise<number> {
    const source = (await this.host.stores.load(from.root)).store?.annotations ?? [];
    const taken = source.flatMap((a) => {
      const document = a.document === '*' ? null : movedPath(a.document, from.relative, to.relative);
      return document === null ? [] : [{ ...a, document }];
    });
    if (taken.length === 0) return 0;
    const ids = new Set(taken.map((a) => a.id));
    await this.host.stores.change(to.root, (list) => [...list.filter((a) => !ids.has(a.id)), ...taken]);
    await this.host.stores.change(from.root, (list) => list.filter((a) => !ids.has(a.id)));
    return taken.length;
  }
}
