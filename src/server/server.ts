// LSP wiring. Each handler: unknown document → empty answer; else ask the corpus and convert.
// A failing handler is logged and answers empty; it never takes the server down.
import {
  CodeActionKind, CodeLensRefreshRequest, FileChangeType, InlayHintKind, ResponseError, ErrorCodes, TextDocumentSyncKind, TextDocuments,
  type CancellationToken, type CodeAction, type Connection, type Diagnostic, type CodeLens, type InitializeParams, type InlayHint, type SymbolInformation,
  type WorkDoneProgressServerReporter, type CompletionItem, type FoldingRange, type SelectionRange,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  addDefinitionEdit, Corpus, renameFootnoteEdits, renumberFootnotesEdits,
  footnoteAt, groupAnnotations, missingDocumentProblems, type CorpusDocument, STORE_PATH, type GroupedAnnotations, type CorpusEvent, type Entity, type Problem, type TextEdit,
} from '../core/index.js';
import {
  AnnotateRequest, RemoveAnnotationRequest, type AnnotateParams, type AnnotateResult, type RemoveAnnotationParams,
  DocumentsRequest, EntitiesRequest, EntityAtRequest, EntityMentionsRequest, EventsRequest, EventTreeRequest, IndexChangedNotification, TimelineRequest,
  type DocumentsParams, type DocumentSummary, type EntitiesParams, type EntityAtParams, type EntityMentionsParams, type EntitySummary,
  type EventsParams, type EventSummary, type EventTreeLevel, type EventTreeParams, type Location as ProtocolLocation, type Request,
  type TimelineParams, type TimelineWindow,
} from '../protocol.js';
import { entitySymbolKind, toDiagnostic, toDocumentSymbol, toHighlight, toRange, toTextEdit } from './convert.js';
import { semanticTokens, SEMANTIC_LEGEND } from './semanticTokens.js';
import { foldingRangesOf, footnoteCompletionsOf, selectionRangesOf } from './prose.js';
import { hoverMarkdown } from './hover.js';
import { Configuration } from './configuration.js';
import { WorkspaceIndex } from './workspaceIndex.js';
import { AnalysisPool, poolSize } from './analysisPool.js';
import { DiskDocument, type DocumentText } from './diskDocument.js';
import { AnnotationFiles, StoreError } from './annotationFiles.js';
import { annotationFor, describeAnnotation } from './annotationRequests.js';
import {
  ExportRequest, MoveAnnotationsRequest, MoveCandidatesRequest, OrphansRequest, type ExportParams, type ExportResult, type MoveAnnotationsParams, type MoveCandidate,
  type MoveCandidatesParams, type OrphanedAnnotation, type OrphansParams,
} from '../protocol.js';
import { exportCorpus } from './exportRequest.js';
import { installShippedNameModel } from './nameModelFile.js';
import { orphanedAnnotations } from './orphans.js';
import { DocumentMoves, documentUri } from './documentMoves.js';
import { OpenDocumentAnalysis } from './openAnalysis.js';
import { workDoneProgress } from './progress.js';
import { CatchUp } from './catchUp.js';
import { eventSummary } from './eventSummary.js';
import { EventViews } from './eventViews.js';
import { references } from './references.js';

const RENUMBER_KIND = `${CodeActionKind.Source}.corpusLens.renumberFootnotes`;
const ANNOTATE_KIND = `${CodeActionKind.QuickFix}.corpusLens.annotate`;
/** The annotating commands the light bulb offers on a name, by the type they set. */
const ANNOTATE_ACTIONS: Array<[string, string, string]> = [
  ['a person', 'PERSON', 'corpusLens.annotate.person'],
  ['an organisation', 'ORG', 'corpusLens.annotate.organisation'],
  ['a place', 'PLACE', 'corpusLens.annotate.place'],
  ['a nationality or group', 'NORP', 'corpusLens.annotate.nationality'],
  ['another named thing', 'MISC', 'corpusLens.annotate.other'],
];
/** Coalesces bursts of index changes into one notification to the client. */
const INDEX_CHANGED_DELAY_MS = 100;

/** How often the annotation stores are checked for changes the file watcher did not report. */
const STORE_POLL_MS = 2000;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const corpus = new Corpus();
  const configuration = new Configuration(connection, (message) => log(message));
  /** The window's settings now (read per request: a change applies at once). */
  const settings = () => configuration.settings;
  let folders: string[] = [];
  let supportsConfiguration = false;
  let indexing = false;
  /** Aborts the indexing run in progress (when the user cancels, or a newer run starts). */
  let indexRun: AbortController | undefined;
  let indexChangedTimer: NodeJS.Timeout | undefined;
  const diskDocuments = new WeakMap<CorpusDocument, DocumentText>();
  /** Resolves once the last diagnostics published have been written to the client. */
  let diagnosticsWritten: Promise<void> = Promise.resolve();
  const corpusJsonWithProblems = new Set<string>();
  let supportsSemanticRefresh = false;
  let supportsCodeLensRefresh = false;
  let supportsInlayHintRefresh = false;
  /** Documents whose diagnostics depend on other documents (spelling variants), as last published. */
  let linkedProblemKeys = new Map<string, string>();
  /** Documents whose diagnostics went out before the corpus-wide linking caught up. */
  let publishedBeforeLinking = new Set<string>();
  /** Documents whose last published diagnostics were not empty. */
  const withDiagnostics = new Set<string>();

  /** Cross-document problems change when any document changes: republish where they did. */
  function republishLinkedProblems(): void {
    const next = new Map<string, string>();
    for (const v of corpus.linked().variants) next.set(v.path, `${next.get(v.path) ?? ''}|${v.start}:${v.preferred}`);
    const stale = publishedBeforeLinking;
    publishedBeforeLinking = new Set();
    for (const path of new Set([...next.keys(), ...linkedProblemKeys.keys()])) {
      if (next.get(path) !== linkedProblemKeys.get(path) || (stale.has(path) && next.has(path))) publish(path);
    }
    linkedProblemKeys = next;
  }

  const log = (message: string) => connection.console.log(message);
  const nameModel = installShippedNameModel();

  /** The text document for a corpus path: the open editor's, else one made from the indexed text. */
  function textDocument(uri: string): DocumentText | undefined {
    const open = documents.get(uri);
    if (open) return open;
    const doc = corpus.get(uri);
    if (!doc) return undefined;
    // Keyed by the corpus entry: a new analysis is a new entry, so no text comparison per request.
    let cached = diskDocuments.get(doc);
    if (!cached) {
      cached = new DiskDocument(uri, doc.text);
      diskDocuments.set(doc, cached);
    }
    return cached;
  }

  function visible(problem: Problem): boolean {
    const d = settings().diagnostics;
    if (problem.code.startsWith('file.') || problem.code.startsWith('corpusJson.')) return true;
    if (!d.enabled) return false;
    if (problem.code === 'footnote.order') return d.footnoteOrder;
    if (problem.code === 'footnote.unused') return d.unusedFootnotes;
    if (problem.code === 'entity.spelling') return d.spelling;
    return true;
  }

  function publish(uri: string): void {
    const open = documents.get(uri);
    if (!open && !corpus.has(uri)) return;
    if (!corpus.linkingCurrent) publishedBeforeLinking.add(uri);
    const problems = corpus.problems(uri).filter(visible);
    // An empty list only clears what the editor shows: a closed document that shows nothing needs
    // no message (nor a text document to place diagnostics in). Most documents have no problems:
    // at 10,000 that skips ~10,000 messages per index. Open documents always get theirs (the
    // editor waits for fresh diagnostics after an edit).
    if (problems.length === 0 && !withDiagnostics.has(uri) && !open) return;
    const doc = textDocument(uri)!;
    const diagnostics: Diagnostic[] = problems.map((p) => toDiagnostic(doc, p));
    if (diagnostics.length > 0) withDiagnostics.add(uri);
    else withDiagnostics.delete(uri);
    diagnosticsWritten = connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
  }

  // A large change (a long document opened) is linked and joined a slice at a time, between
  // requests; the views hear of it once it is all in.
  const catchUp = new CatchUp(corpus, () => indexChanged());

  /** `delay` coalesces bursts of changes (typing, files saved together); the end of indexing sends at once. */
  function indexChanged(delay = INDEX_CHANGED_DELAY_MS): void {
    // While indexing, it waits for the end (reindex sends it): the client answers it by asking for
    // entities and events, which links the whole corpus again, seconds at 10,000 documents.
    if (indexing) return;
    catchUp.schedule();
    clearTimeout(indexChangedTimer);
    indexChangedTimer = setTimeout(() => {
      republishLinkedProblems();
      if (supportsSemanticRefresh) void connection.languages.semanticTokens.refresh();
      void connection.sendNotification(IndexChangedNotification.method, { version: corpus.version, documents: corpus.size, indexing });
    }, delay);
  }

  // Files from disk are analysed on worker threads (bundled next to this file as analysisWorker.js);
  // the documents open in the editor are analysed here, at once, so they never wait for indexing.
  const pool = new AnalysisPool(poolSize(settings().indexing.workers), path.join(__dirname, 'analysisWorker.js'), log);

  const index = new WorkspaceIndex({
    corpus,
    isOpen: (uri) => documents.get(uri) !== undefined,
    documentChanged: (uri) => {
      moves.addedDocument(uri);
      publish(uri);
      indexChanged();
    },
    openDocumentBack: (uri) => {
      const open = documents.get(uri);
      if (open) openAnalysis.analyze(open.uri, open.version, open.getText());
    },
    documentRemoved: (uri, text) => {
      moves.removed(uri, text);
      // Only a document that shows diagnostics needs them cleared (as in publish).
      if (withDiagnostics.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      indexChanged();
    },
    fileProblems: (uri, text, problems) => {
      const doc = TextDocument.create(uri, 'json', 0, text);
      if (problems.length) corpusJsonWithProblems.add(uri);
      else corpusJsonWithProblems.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: problems.map((p) => toDiagnostic(doc, p)) });
    },
    log,
  }, pool);

  const stores = new AnnotationFiles();
  const moves = new DocumentMoves({
    corpus,
    stores,
    rootOf: (uri) => index.rootOf(uri),
    storesChanged: () => {
      applyStores();
      publishStoreProblems();
      for (const d of corpus.documents()) publish(d.path);
      indexChanged();
    },
    log,
  });

  /**
   * The problems of each store file: what its parsing found and, once the corpus is indexed, the
   * documents it names that are not in the corpus.
   */
  const storeDiagnostics = new Map<string, string>();
  function publishStoreProblems(): void {
    const missing = indexing ? [] : moves.missing();
    for (const state of stores.roots()) {
      const uri = URI.file(state.file).toString();
      const doc = TextDocument.create(uri, 'json', 0, state.text);
      const gone = missingDocumentProblems(state.text, missing.filter((m) => m.root === state.root), () => 'Point them at the right document in the Orphaned Annotations view (Point at Another File…), or delete them there.');
      const diagnostics = [...state.problems, ...gone].map((p) => toDiagnostic(doc, p));
      const key = JSON.stringify(diagnostics);
      if (storeDiagnostics.get(uri) === key) continue;
      storeDiagnostics.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** After documents came or went (not while indexing: its end does it for all): annotations follow moved documents. */
  async function followMoves(): Promise<void> {
    if (indexing) return;
    await moves.settle();
    publishStoreProblems();
  }

  /** Gives the corpus every workspace folder's annotations, by document URI. */
  function applyStores(): void {
    const grouped: GroupedAnnotations = { byPath: new Map(), everywhere: [], decisions: [] };
    for (const state of stores.roots()) {
      groupAnnotations(state.store?.annotations ?? [], (document) => documentUri(state.root, document), grouped);
    }
    corpus.setAnnotations(grouped.byPath, grouped.everywhere, grouped.decisions);
  }

  /** Reads one folder's store again, reports its problems on the file, and applies it. */
  async function reloadStore(root: string): Promise<void> {
    await stores.load(root);
    publishStoreProblems();
    applyStores();
    for (const d of corpus.documents()) publish(d.path);
    indexChanged();
  }

  // File watching misses changes at times (out of inotify watches, network folders): a store
  // changed behind the editor is also noticed by a look at its size and time every few seconds.
  let polling = false;
  const storePoll = setInterval(async () => {
    if (polling) return;
    polling = true;
    try {
      for (const { root } of stores.roots()) if (await stores.changedOnDisk(root)) await reloadStore(root);
    } catch (e) {
      log(`Could not check the annotation stores: ${String(e)}`);
    } finally {
      polling = false;
    }
  }, STORE_POLL_MS);
  storePoll.unref();

  // Open documents: analysed here when little is left to analyse (a keystroke), on a worker thread
  // of their own when much is (a long document opened), not at all over the size limit.
  const openAnalysis = new OpenDocumentAnalysis({
    analysed: (uri, version, loaded) => {
      if (documents.get(uri)?.version !== version) return; // closed or changed meanwhile
      const added = !corpus.has(uri);
      corpus.update(uri, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
      publish(uri);
      indexChanged();
      // A document opened under a new name (renamed by another tool) may be where a missing one went.
      if (added) {
        moves.addedDocument(uri);
        void followMoves();
      }
    },
    metaFor: (uri) => ({ path: URI.parse(uri).fsPath, metadata: index.metadataFor(uri) }),
    limitBytes: () => settings().files.maxSizeMB * 1024 * 1024,
    progress: (title) => workDoneProgress(connection, title),
    log,
  }, path.join(__dirname, 'openAnalysisWorker.js'));

  /** Reads the settings again; true when some folder's file rules changed (a re-index is due). */
  async function loadSettings(): Promise<boolean> {
    if (!supportsConfiguration) return false;
    const { filesChanged } = await configuration.load(folders);
    // Set here, not per file: asking the system for its cores 10,000 times cost ~50 ms.
    pool.size = poolSize(settings().indexing.workers);
    return filesChanged;
  }

  /** Indexes every workspace folder, with cancellable progress; a newer run cancels an older one. */
  async function reindex(): Promise<void> {
    indexRun?.abort();
    const run = new AbortController();
    indexRun = run;
    let progress: WorkDoneProgressServerReporter | undefined;
    try {
      progress = await connection.window.createWorkDoneProgress();
    } catch {
      progress = undefined;
    }
    let userCancelled = false;
    progress?.token.onCancellationRequested(() => {
      userCancelled = true;
      run.abort();
    });
    progress?.begin('Corpus Lens: indexing', 0, 'finding corpus documents…', true);
    indexing = true;
    // Said once at the start (indexChanged waits for the end while indexing): the views show that
    // indexing runs instead of an empty tree.
    void connection.sendNotification(IndexChangedNotification.method, { version: corpus.version, documents: corpus.size, indexing: true });
    const start = Date.now();
    const previousCorpusJson = new Set(corpusJsonWithProblems);
    try {
      // Annotations first: each document's diagnostics then apply them once, as it is indexed.
      for (const root of stores.roots().map((r) => r.root)) if (!folders.includes(root)) stores.forget(root);
      for (const root of folders) await reloadStore(root);
      const count = await index.indexFolders(folders.map((f) => ({ path: f, files: configuration.filesOf(f) })), {
        signal: run.signal,
        report: (done, total) => progress?.report(total ? Math.round((done / total) * 100) : 100, `${done}/${total} documents`),
      });
      // The workers' memory is not needed until the next files change on disk.
      if (run === indexRun) pool.release();
      for (const uri of previousCorpusJson) {
        if (!corpusJsonWithProblems.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      if (run !== indexRun) return; // a newer run replaced this one
      // Documents moved while the server was not running are recognised now that all are read.
      if (!userCancelled) await moves.settle(true);
      log(`Indexed ${count} documents in ${Date.now() - start} ms${userCancelled ? ' (cancelled)' : ''}.`);
      if (userCancelled) void connection.window.showWarningMessage('Corpus Lens: indexing was cancelled; documents not yet read are left out until the next change.');
    } catch (e) {
      log(`Indexing failed: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      if (run === indexRun) {
        indexing = false;
        publishStoreProblems();
      }
      progress?.done();
      indexChanged(0);
    }
  }

  /** Runs a handler; an exception is logged and answered with the fallback, never a crash. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      // A request that must first link the corpus or join its events again (seconds at 10,000
      // documents after an edit) waits until the diagnostics just published are written out (the
      // writer takes several turns of the event loop): typing never waits on other documents.
      if (!corpus.upToDate) await diagnosticsWritten;
      if (token.isCancellationRequested) return fallback;
      try {
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams) => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsSemanticRefresh = !!params.capabilities.workspace?.semanticTokens?.refreshSupport;
    supportsCodeLensRefresh = !!params.capabilities.workspace?.codeLens?.refreshSupport;
    supportsInlayHintRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: 'Corpus Lens' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, RENUMBER_KIND, ANNOTATE_KIND] },
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        // By range too: the editor asks for what is on screen first in a large document.
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true, range: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        completionProvider: { triggerCharacters: ['['] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          // Renames in the editor (Explorer, refactorings) of corpus files and of any folder.
          fileOperations: { didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.txt', matches: 'file', options: { ignoreCase: true } } }, { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] } },
        },
      },
      serverInfo: { name: 'corpus-lens' },
    };
  });

  connection.onInitialized(async () => {
    log(nameModel.message);
    if (!nameModel.ok) void connection.window.showErrorMessage(`Corpus Lens: ${nameModel.message}`);
    if (supportsConfiguration) {
      connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        const removed = new Set(event.removed.map((f) => URI.parse(f.uri).fsPath));
        folders = folders.filter((f) => !removed.has(f)).concat(event.added.map((f) => URI.parse(f.uri).fsPath));
        await loadSettings();
        await reindex();
      });
    }
    await loadSettings();
    await reindex();
  });

  // A change applies at once: diagnostics are published again and the editor asks again for
  // CodeLens and inlay hints; only a change of the file rules indexes the corpus again.
  connection.onDidChangeConfiguration(async () => {
    const filesChanged = await loadSettings();
    openAnalysis.limitChanged(documents.all());
    for (const doc of corpus.documents()) publish(doc.path);
    if (supportsCodeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (supportsInlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (filesChanged) await reindex();
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let corpusJsonChanged = false;
    for (const change of changes) {
      const file = URI.parse(change.uri).fsPath;
      const storeRoot = folders.find((root) => file === path.join(root, STORE_PATH));
      if (storeRoot) {
        await reloadStore(storeRoot);
        continue;
      }
      try {
        corpusJsonChanged = (await index.fileChanged(change.uri, change.type === FileChangeType.Deleted)) || corpusJsonChanged;
      } catch (e) {
        log(`Could not update ${change.uri}: ${String(e)}`);
      }
    }
    if (corpusJsonChanged) await reindex();
    else await followMoves();
  });

  // The annotations move first, then the documents: their new paths are read with their annotations.
  connection.workspace.onDidRenameFiles(async ({ files }) => {
    try {
      const moved = await moves.renamed(files);
      if (moved) log(`Renamed in the editor: ${files.map((f) => `${f.oldUri} → ${f.newUri}`).join(', ')}; ${moved} annotations follow.`);
      let corpusJsonChanged = false;
      for (const { oldUri, newUri } of files) {
        corpusJsonChanged = (await index.fileChanged(oldUri, true)) || corpusJsonChanged;
        corpusJsonChanged = (await index.fileChanged(newUri, false)) || corpusJsonChanged;
      }
      if (corpusJsonChanged) await reindex();
      else await followMoves();
    } catch (e) {
      log(`Could not follow a rename: ${e instanceof Error ? e.stack : String(e)}`);
    }
  });

  // Fired on open as well as on each change: one listener, one analysis per open.
  documents.onDidChangeContent(({ document }) => openAnalysis.analyze(document.uri, document.version, document.getText()));
  documents.onDidClose(async ({ document }) => {
    openAnalysis.close(document.uri);
    // Back to what is on disk: the editor may have closed without saving.
    if (index.isCorpusDocument(document.uri)) {
      await index.readFromDisk(document.uri);
    } else {
      index.remove(document.uri);
    }
  });

  connection.onHover(guard('hover', null, ({ textDocument: { uri }, position }) => {
    const doc = documents.get(uri) ?? textDocument(uri);
    if (!doc || !settings().hover.enabled) return null;
    // While indexing, a corpus-wide card would first link every document indexed so far; a long
    // document just analysed is linked a step at a time (catchUp.ts): its names wait for that.
    const offset = doc.offsetAt(position);
    const info = indexing && !corpus.linkingCurrent ? corpus.documentHoverAt(uri, offset)
      : corpus.awaitsLinking(uri) ? corpus.documentHoverAt(uri, offset, 'linking') : corpus.hoverAt(uri, offset);
    if (!info) return null;
    const linkTo = (m: { path: string; start: number }) => {
      const target = textDocument(m.path);
      const p = target ? target.positionAt(m.start) : { line: 0, character: 0 };
      return `${m.path}#L${p.line + 1},${p.character + 1}`;
    };
    return { contents: { kind: 'markdown', value: hoverMarkdown(info, linkTo, (path) => corpus.get(path)?.analysis.dct ?? null) }, range: toRange(doc, info.span) };
  }));

  connection.onDefinition(guard('definition', [], ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    if (!doc) return [];
    return corpus.definitionAt(uri, doc.offsetAt(position)).flatMap((loc) => {
      const target = textDocument(loc.path);
      return target ? [{ uri: loc.path, range: toRange(target, loc) }] : [];
    });
  }));

  connection.onReferences((params, token, _progress, partial) => guard('references', [], ({ textDocument: { uri }, position, context }: typeof params) => {
    const doc = textDocument(uri);
    return doc ? references(corpus, textDocument, uri, doc.offsetAt(position), context.includeDeclaration, token, partial) : [];
  })(params, token));

  connection.onDocumentHighlight(guard('documentHighlight', [], ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    return doc ? corpus.highlightsAt(uri, doc.offsetAt(position)).map((h) => toHighlight(doc, h)) : [];
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    return doc ? corpus.outline(uri).map((item) => toDocumentSymbol(doc, item)) : [];
  }));

  connection.onCodeAction(guard('codeAction', [] as CodeAction[], (params) => {
    const { textDocument: { uri }, context } = params;
    const doc = textDocument(uri);
    const entry = corpus.get(uri);
    if (!doc || !entry) return [];
    const footnotes = entry.analysis.footnotes;
    const workspaceEdit = (edits: TextEdit[]) => ({ changes: { [uri]: edits.map((e) => toTextEdit(doc, e)) } });
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const preferred = (diagnostic.data as { preferred?: string } | undefined)?.preferred;
      if (diagnostic.code === 'entity.spelling' && preferred) {
        actions.push({
          title: `Change to “${preferred}”, the spelling most of the corpus uses`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
          edit: { changes: { [uri]: [{ range: diagnostic.range, newText: preferred }] } },
        });
      }
      const label = (diagnostic.data as { label?: string } | undefined)?.label;
      if (diagnostic.code === 'footnote.undefined' && label) {
        actions.push({
          title: `Add a definition for footnote [${label}] to the notes`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
          edit: workspaceEdit([addDefinitionEdit(entry.text, footnotes, label)]),
        });
      }
    }
    // On a name (or a selection): the annotating commands, as quick fixes under the light bulb.
    const at = doc.offsetAt(params.range.start);
    const selected = doc.offsetAt(params.range.end) > at;
    const hit = corpus.entityAt(uri, at);
    if ((hit || selected) && !context.only) {
      const current = hit?.mention.type;
      for (const [word, type, command] of ANNOTATE_ACTIONS) {
        if (type === current) continue;
        actions.push({ title: `Corpus Lens: annotate as ${word}`, kind: ANNOTATE_KIND, command: { title: `Annotate as ${word}`, command } });
      }
      if (hit) {
        actions.push({ title: `Corpus Lens: “${hit.mention.text}” is not an entity here`, kind: ANNOTATE_KIND, command: { title: 'Not an entity', command: 'corpusLens.annotate.notEntity' } });
        actions.push({ title: 'Corpus Lens: link to another entity…', kind: ANNOTATE_KIND, command: { title: 'Link to entity', command: 'corpusLens.annotate.linkToEntity' } });
      }
    }
    const wantsRenumber = context.diagnostics.some((d) => d.code === 'footnote.order') || context.only?.some((k) => RENUMBER_KIND.startsWith(k));
    if (wantsRenumber) {
      const result = renumberFootnotesEdits(entry.text, footnotes);
      if ('edits' in result && result.edits.length > 0) {
        actions.push({
          title: 'Renumber footnotes in order of appearance',
          kind: context.only ? RENUMBER_KIND : CodeActionKind.QuickFix,
          diagnostics: context.diagnostics.filter((d) => d.code === 'footnote.order'),
          edit: workspaceEdit(result.edits),
        });
      }
    }
    return actions;
  }));

  connection.onPrepareRename(guard('prepareRename', null, ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    const footnotes = corpus.get(uri)?.analysis.footnotes;
    const hit = doc && footnotes && footnoteAt(footnotes, doc.offsetAt(position));
    if (!doc || !hit) return null;
    return { range: toRange(doc, { start: hit.span.start + 1, end: hit.span.end - 1 }), placeholder: hit.label };
  }));

  connection.onRenameRequest(guard('rename', null, ({ textDocument: { uri }, position, newName }) => {
    const doc = textDocument(uri);
    const footnotes = corpus.get(uri)?.analysis.footnotes;
    const hit = doc && footnotes && footnoteAt(footnotes, doc.offsetAt(position));
    if (!doc || !footnotes || !hit) return null;
    const result = renameFootnoteEdits(footnotes, hit.label, newName);
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return { changes: { [uri]: result.edits.map((e) => toTextEdit(doc, e)) } };
  }));

  connection.onWorkspaceSymbol(guard('workspaceSymbol', [] as SymbolInformation[], ({ query }) => corpus.workspaceSymbols(query).flatMap(({ entity, location }) => {
    const doc = textDocument(location.path);
    if (!doc) return [];
    return [{ name: entity.name, kind: entitySymbolKind(entity.type), containerName: `${entity.type} · ${entity.mentions.length} mentions`, location: { uri: location.path, range: toRange(doc, location) } }];
  })));

  // Above each article's title: what the corpus found in it; clicking filters the Events view to it.
  connection.onCodeLens(guard('codeLens', [] as CodeLens[], ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    const entry = corpus.get(uri);
    if (!doc || !entry || entry.skipped || !settings().codeLens.enabled) return [];
    const events = corpus.eventsIn(uri).length;
    const entities = new Set(corpus.mentions(uri).map((m) => m.entity)).size;
    const footnotes = entry.analysis.footnotes.definitions.length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const at = entry.analysis.title ?? { start: 0, end: 0 };
    return [{
      range: toRange(doc, { start: at.start, end: at.start }),
      command: { title: `${plural(events, 'event')} · ${plural(entities, 'entity').replace('entitys', 'entities')} · ${plural(footnotes, 'footnote')}`, command: 'corpusLens.events.showDocument', arguments: [] },
    }];
  }));

  // After a relative or partial date ("the next day", "March 22"), the value it resolves to.
  connection.languages.inlayHint.on(guard('inlayHint', [] as InlayHint[], ({ textDocument: { uri }, range }) => {
    const doc = textDocument(uri);
    const entry = corpus.get(uri);
    if (!doc || !entry || !settings().inlayHints.dates) return [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    return corpus.timex(uri)
      .filter((t) => t.end >= from && t.start <= to && t.resolution.anchor !== 'explicit' && /\d/.test(t.value) && (t.type === 'DATE' || t.type === 'TIME'))
      .map((t) => ({ position: doc.positionAt(t.end), label: ` = ${t.value}`, kind: InlayHintKind.Type, tooltip: t.resolution.reason, paddingLeft: false }));
  }));

  connection.languages.semanticTokens.on(guard('semanticTokens', { data: [] }, ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    return doc ? semanticTokens(doc, corpus, uri) : { data: [] };
  }));

  connection.languages.semanticTokens.onRange(guard('semanticTokensRange', { data: [] }, ({ textDocument: { uri }, range }) => {
    const doc = textDocument(uri);
    return doc ? semanticTokens(doc, corpus, uri, { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) }) : { data: [] };
  }));

  connection.onFoldingRanges(guard('foldingRanges', [] as FoldingRange[], ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    return doc ? foldingRangesOf(doc.getText(), corpus, uri) : [];
  }));

  connection.onSelectionRanges(guard('selectionRanges', [] as SelectionRange[], ({ textDocument: { uri }, positions }) => {
    const doc = textDocument(uri);
    return doc ? selectionRangesOf(doc, corpus, uri, positions) : [];
  }));

  connection.onCompletion(guard('completion', [] as CompletionItem[], ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    return doc ? footnoteCompletionsOf(doc, corpus, uri, position) : [];
  }));

  onRequest(connection, AnnotateRequest, async (params: AnnotateParams): Promise<AnnotateResult> => {
    const doc = textDocument(params?.uri);
    const place = doc && index.rootOf(params.uri);
    if (!doc || !place) throw new ResponseError(ErrorCodes.InvalidParams, 'Annotate a corpus document inside the workspace.');
    const start = doc.offsetAt(params.range.start);
    const end = doc.offsetAt(params.range.end);
    const made = annotationFor(corpus, params, place.relative, doc.getText(), start, end);
    if ('error' in made) throw new ResponseError(ErrorCodes.InvalidParams, made.error);
    try {
      await stores.change(place.root, (list) => [...list.filter((a) => !made.replaces(a)), made.annotation]);
    } catch (e) {
      if (e instanceof StoreError) throw new ResponseError(ErrorCodes.InternalError, e.message);
      throw e;
    }
    applyStores();
    for (const d of made.annotation.document === '*' ? corpus.documents().map((x) => x.path) : [params.uri]) publish(d);
    indexChanged();
    return { id: made.annotation.id, message: describeAnnotation(made.annotation) };
  });

  onRequest(connection, RemoveAnnotationRequest, async (params: RemoveAnnotationParams): Promise<boolean> => {
    const place = index.rootOf(params?.uri);
    if (!place) return false;
    let found = false;
    await stores.change(place.root, (list) => list.filter((a) => (a.id === params.id ? ((found = true), false) : true)));
    applyStores();
    for (const d of corpus.documents()) publish(d.path);
    indexChanged();
    return found;
  });

  onRequest(connection, ExportRequest, guard('export', { files: [], message: 'Export cancelled; nothing was written.' } as ExportResult, (params: ExportParams, token) => exportCorpus({ corpus, roots: () => index.rootPaths(), indexing: () => indexing, isCorpusDocument: (uri) => index.isCorpusDocument(uri), log }, params, token)));
  onRequest(connection, OrphansRequest, guard('orphans', [] as OrphanedAnnotation[], (params: OrphansParams | null) => orphanedAnnotations(corpus, indexing ? [] : moves.missing(), params)));
  onRequest(connection, MoveCandidatesRequest, guard('moveCandidates', [] as MoveCandidate[], (params: MoveCandidatesParams) => moves.candidatesFor(params?.uri)));
  onRequest(connection, MoveAnnotationsRequest, async (params: MoveAnnotationsParams): Promise<number> => {
    if (!index.rootOf(params?.from) || !corpus.has(params?.to) || !index.rootOf(params.to)) throw new ResponseError(ErrorCodes.InvalidParams, 'Point the annotations at a corpus document inside the workspace.');
    try {
      return await moves.point(params.from, params.to);
    } catch (e) {
      if (e instanceof StoreError) throw new ResponseError(ErrorCodes.InternalError, e.message);
      throw e;
    }
  });

  onRequest(connection, DocumentsRequest, guard('documents', [] as DocumentSummary[], (params: DocumentsParams | undefined) => {
    const wanted = params?.uris ? new Set(params.uris) : null;
    return corpus.documents().filter((d) => !wanted || wanted.has(d.path)).map((d): DocumentSummary => ({
      uri: d.path,
      title: d.analysis.displayTitle,
      dct: d.analysis.dct,
      dctSource: d.analysis.dctSource,
      footnoteMarkers: d.analysis.footnotes.markers.length,
      footnoteDefinitions: d.analysis.footnotes.definitions.length,
      footnoteProblems: d.analysis.footnotes.problems.filter((p) => p.severity !== 'hint').length,
      skipped: d.skipped,
      reason: d.skipped ? d.fileProblems.map((p) => p.message).join(' ') : null,
      entities: new Set(corpus.mentions(d.path).map((m) => m.entity)).size,
      dates: corpus.timex(d.path).length,
      reviewed: corpus.applied(d.path)?.reviewed ?? false,
      userAnnotations: corpus.annotations(d.path).length,
      events: corpus.eventsIn(d.path).length,
    }));
  }));

  /** An entity as the sidebar and other editors see it. */
  function entitySummary(e: Entity): EntitySummary | null {
    const doc = textDocument(e.definition.path);
    if (!doc) return null;
    const roles = [...new Set(e.roles.map((r) => r.text))];
    return { id: e.id, name: e.name, type: e.type, mentions: e.mentions.length, documents: e.documents.length, roles, definition: { uri: e.definition.path, range: toRange(doc, e.definition) } };
  }

  onRequest(connection, EntitiesRequest, guard('entities', [] as EntitySummary[], (params: EntitiesParams | undefined) => {
    const only = params?.uri ? new Set(corpus.mentions(params.uri).map((m) => m.entity)) : null;
    return corpus.entities().filter((e) => !only || only.has(e.id)).flatMap((e) => entitySummary(e) ?? []);
  }));

  onRequest(connection, EntityMentionsRequest, guard('entityMentions', [] as ProtocolLocation[], (params: EntityMentionsParams) => {
    const entity = corpus.linked().byId.get(params?.id);
    return entity ? entity.mentions.flatMap((m) => {
      const doc = textDocument(m.path);
      return doc ? [{ uri: m.path, range: toRange(doc, m) }] : [];
    }) : [];
  }));

  onRequest(connection, EntityAtRequest, guard('entityAt', null as EntitySummary | null, (params: EntityAtParams) => {
    const doc = textDocument(params?.uri);
    const hit = doc && corpus.entityAt(params.uri, doc.offsetAt(params.position));
    return hit ? entitySummary(hit.entity) : null;
  }));

  const summary = (e: CorpusEvent, brief = false) => eventSummary(corpus, textDocument, e, brief);
  const eventViews = new EventViews(corpus, summary);

  onRequest(connection, EventsRequest, guard('events', [] as EventSummary[], (params: EventsParams | undefined) => {
    return eventViews.filtered(params).filter((e) => !params?.id || e.id === params.id).map((e) => summary(e, params?.brief === true));
  }));

  onRequest(connection, EventTreeRequest, guard('eventTree', { groups: [], events: [], total: 0, joining: false } as EventTreeLevel, (params: EventTreeParams | undefined) => eventViews.eventTree(params)));
  onRequest(connection, TimelineRequest, guard('timeline', null as TimelineWindow | null, (params: TimelineParams | undefined) => eventViews.timelineWindow(params)));

  documents.listen(connection);
  connection.listen();
}

/** Registers a handler for a custom request typed in protocol.ts. */
function onRequest<P, R>(connection: Connection, request: Request<P, R>, handler: (params: P, token: CancellationToken) => Promise<R>): void {
  connection.onRequest(request.method, (params: P, token: CancellationToken) => handler(params, token));
}
