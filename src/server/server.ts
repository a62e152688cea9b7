// LSP wiring. Each handler: unknown document → empty answer; else ask the corpus's snapshot (one
// module per feature in src/core/snapshot/) and convert. A failing handler is logged and answers
// empty; it never takes the server down. The parts with state of their own are modules: the
// diagnostics publisher, the annotation controller, the indexer, the analysis of open documents.
import {
  CodeActionKind, CodeLensRefreshRequest, FileChangeType, InlayHintKind, ResponseError, ErrorCodes, TextDocumentSyncKind, TextDocuments,
  type CancellationToken, type CodeAction, type Connection, type CodeLens, type InitializeParams, type InlayHint, type SymbolInformation,
  type CompletionItem, type FoldingRange, type SelectionRange,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  Corpus, definitionAt, documentCounts, documentLens, highlightsAt, hoverAt, outline, renameFootnoteEdits, resolvedDates, workspaceSymbols,
  STORE_PATH, type CorpusDocument, type CorpusEvent,
} from '../core/index.js';
import {
  AnnotateRequest, RemoveAnnotationRequest, type AnnotateParams, type AnnotateResult, type RemoveAnnotationParams,
  DocumentsRequest, EntitiesRequest, EntityAtRequest, EntityMentionsRequest, EventsRequest, EventTreeRequest, IndexChangedNotification, TimelineRequest,
  ReviewRequest, type ReviewList, type ReviewParams,
  type DocumentsParams, type DocumentSummary, type EntitiesParams, type EntityAtParams, type EntityMentionsParams, type EntitySummary,
  type EventsParams, type EventSummary, type EventTreeLevel, type EventTreeParams, type Location as ProtocolLocation, type Request,
  type TimelineParams, type TimelineWindow,
} from '../protocol.js';
import { entitySymbolKind, toDocumentSymbol, toHighlight, toRange, toTextEdit } from './convert.js';
import { semanticTokens, SEMANTIC_LEGEND } from './semanticTokens.js';
import { foldingRangesOf, footnoteCompletionsOf, selectionRangesOf } from './prose.js';
import { toHover } from './hover.js';
import { Configuration } from './configuration.js';
import { WorkspaceIndex } from './workspaceIndex.js';
import { AnalysisPool, poolSize } from './analysisPool.js';
import { DiskDocument, type DocumentText } from './diskDocument.js';
import { StoreError } from './annotationFiles.js';
import {
  ExportRequest, ForgetLearnedRequest, LearnedNotification, MoveAnnotationsRequest, MoveCandidatesRequest, OrphansRequest, type ExportParams, type ExportResult, type MoveAnnotationsParams, type MoveCandidate,
  type MoveCandidatesParams, type OrphanedAnnotation, type OrphansParams,
} from '../protocol.js';
import { exportCorpus } from './exportRequest.js';
import { installShippedNameModel } from './nameModelFile.js';
import { orphanedAnnotations } from './orphans.js';
import { OpenDocumentAnalysis } from './openAnalysis.js';
import { workDoneProgress } from './progress.js';
import { CatchUp } from './catchUp.js';
import { eventSummary } from './eventSummary.js';
import { EventViews } from './eventViews.js';
import { references } from './references.js';
import { DiagnosticsPublisher } from './diagnostics.js';
import { AnnotationController, AnnotationRequestError } from './annotationController.js';
import { Learning } from './learning.js';
import { readTextSync } from './loadFile.js';
import { Indexer } from './indexer.js';
import { ANNOTATE_KIND, codeActions, RENUMBER_KIND } from './codeActions.js';
import { documentSummary, entitySummary } from './summaries.js';
import { reviewList } from './review.js';
import { ReviewAhead } from './reviewAhead.js';

/** Coalesces bursts of index changes into one notification to the client. */
const INDEX_CHANGED_DELAY_MS = 100;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const corpus = new Corpus();
  const configuration = new Configuration((items) => connection.workspace.getConfiguration(items), (message) => log(message));
  /** The window's settings now (read per request: a change applies at once). */
  const settings = () => configuration.settings;
  let folders: string[] = [];
  let supportsConfiguration = false;
  let indexChangedTimer: NodeJS.Timeout | undefined;
  const diskDocuments = new WeakMap<CorpusDocument, DocumentText>();
  let supportsSemanticRefresh = false;
  let supportsCodeLensRefresh = false;
  let supportsInlayHintRefresh = false;

  const log = (message: string) => connection.console.log(message);
  const nameModel = installShippedNameModel();

  /** The text document for a corpus path: the open editor's, else one made from the indexed text. */
  function textDocument(uri: string): DocumentText | undefined {
    const open = documents.get(uri);
    if (open) return open;
    const doc = corpus.current.document(uri);
    if (!doc) return undefined;
    // Keyed by the corpus entry: a new analysis is a new entry, so no text comparison per request.
    let cached = diskDocuments.get(doc);
    if (!cached) {
      cached = new DiskDocument(uri, doc.text);
      diskDocuments.set(doc, cached);
    }
    return cached;
  }

  /**
   * A document's text as it was analysed, for its diagnostics' positions: with the line starts the
   * analysis thread found for a large open document (the open one's would be found on the main
   * thread, 50-150 ms for 10 MB), else the text document.
   */
  function analysedText(uri: string): DocumentText | undefined {
    const doc = corpus.current.document(uri);
    return (doc && diskDocuments.get(doc)) ?? textDocument(uri);
  }

  const diagnostics = new DiagnosticsPublisher({
    corpus,
    send: (uri, list) => connection.sendDiagnostics({ uri, diagnostics: list }),
    isOpen: (uri) => documents.get(uri) !== undefined,
    textDocument: analysedText,
    settings: () => settings().diagnostics,
  });

  // A large change (a long document opened) is linked and joined a slice at a time, between
  // requests; the views hear of it once it is all in.
  /**
   * Requests between their dispatch and their written answer: the catch-up's slices wait for them.
   * vscode-jsonrpc writes an answer from a setImmediate of its own, so a request counts until two
   * turns after its handler is done.
   */
  let requestsWaiting = 0;
  const reviewAhead = new ReviewAhead(corpus);
  const catchUp = new CatchUp(corpus, () => indexChanged(), () => requestsWaiting > 0, {
    due: () => eventViews.timelineDue() || reviewAhead.due(),
    step: () => eventViews.timelineStep() && reviewAhead.step(),
  });

  /** `delay` coalesces bursts of changes (typing, files saved together); the end of indexing sends at once. */
  function indexChanged(delay = INDEX_CHANGED_DELAY_MS): void {
    // While indexing, it waits for the end (reindex sends it): the client answers it by asking for
    // entities and events, which links the whole corpus again, seconds at 10,000 documents.
    if (indexer.indexing) return;
    catchUp.schedule();
    clearTimeout(indexChangedTimer);
    indexChangedTimer = setTimeout(() => {
      diagnostics.republishLinked();
      if (supportsSemanticRefresh) void connection.languages.semanticTokens.refresh();
      void connection.sendNotification(IndexChangedNotification.method, { version: corpus.inputs.revision, documents: corpus.inputs.size, indexing: indexer.indexing });
    }, delay);
  }

  // Files from disk are analysed on worker threads (bundled next to this file as analysisWorker.js);
  // the documents open in the editor are analysed here, at once, so they never wait for indexing.
  const pool = new AnalysisPool(poolSize(settings().indexing.workers), path.join(__dirname, 'analysisWorker.js'), log);

  const index = new WorkspaceIndex({
    corpus,
    isOpen: (uri) => documents.get(uri) !== undefined,
    documentChanged: (uri) => {
      annotations.moves.addedDocument(uri);
      diagnostics.publish(uri);
      indexChanged();
    },
    openDocumentBack: (uri) => {
      const open = documents.get(uri);
      if (open) openAnalysis.analyze(open.uri, open.version, open.getText());
    },
    documentRemoved: (uri, text) => {
      annotations.moves.removed(uri, text);
      diagnostics.removed(uri);
      indexChanged();
    },
    fileProblems: (uri, text, problems) => diagnostics.corpusJson(uri, text, problems),
    log,
  }, pool);

  const annotations: AnnotationController = new AnnotationController({
    corpus,
    diagnostics,
    rootOf: (uri) => index.rootOf(uri),
    indexing: () => indexer.indexing,
    changed: () => indexChanged(),
    applied: () => learning.follow(),
    log,
  });
  annotations.startPolling();

  // What the decisions teach the name model: laid over it on every thread, the documents it reaches analysed again.
  const learning: Learning = new Learning({
    corpus,
    stores: () => annotations.stores.roots(),
    enabled: () => settings().learning.enabled,
    share: (learned) => {
      pool.useLearned(learned);
      openAnalysis.useLearned(learned);
    },
    isOpen: (uri) => documents.get(uri) !== undefined,
    analyseOpen: (uri) => {
      const open = documents.get(uri);
      if (open) openAnalysis.analyze(open.uri, open.version, open.getText());
    },
    analyseFromDisk: (uri) => index.loadFromDisk(uri),
    readText: (uri) => readTextSync(URI.parse(uri).fsPath),
    take: (uri, loaded) => index.take(uri, loaded),
    done: (result) => void connection.sendNotification(LearnedNotification.method, result),
    log,
  });

  const indexer: Indexer = new Indexer({
    index,
    annotations,
    diagnostics,
    folders: () => folders,
    filesOf: (folder) => configuration.filesOf(folder),
    progress: () => connection.window.createWorkDoneProgress(),
    releaseWorkers: () => pool.release(),
    // Said once at the start (indexChanged waits for the end while indexing): the views show that
    // indexing runs instead of an empty tree.
    started: () => void connection.sendNotification(IndexChangedNotification.method, { version: corpus.inputs.revision, documents: corpus.inputs.size, indexing: true }),
    finished: () => indexChanged(0),
    warn: (message) => void connection.window.showWarningMessage(message),
    log,
  });

  // Open documents: analysed here when little is left to analyse (a keystroke), on a worker thread
  // of their own when much is (a long document opened), not at all over the size limit.
  const openAnalysis = new OpenDocumentAnalysis({
    analysed: (uri, version, loaded, lineStarts) => {
      if (documents.get(uri)?.version !== version) return; // closed or changed meanwhile
      const added = !corpus.inputs.has(uri);
      learning.took(uri, corpus.inputs.document(uri)?.analysis, loaded.analysis);
      corpus.update(uri, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
      if (lineStarts) diskDocuments.set(corpus.inputs.document(uri)!, new DiskDocument(uri, loaded.text, lineStarts));
      diagnostics.publish(uri);
      indexChanged();
      // A document opened under a new name (renamed by another tool) may be where a missing one went.
      if (added) {
        annotations.moves.addedDocument(uri);
        void annotations.followMoves();
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

  const reindex = () => indexer.reindex();

  /** Runs a handler; an exception is logged and answered with the fallback, never a crash. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      // A request that must first link the corpus or join its events again (seconds at 10,000
      // documents after an edit) waits until the diagnostics just published are written out (the
      // writer takes several turns of the event loop): typing never waits on other documents.
      requestsWaiting++;
      try {
        if (!corpus.current.upToDate) await diagnostics.written();
        if (token.isCancellationRequested) return fallback;
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${e instanceof Error ? e.stack : String(e)}`);
        return fallback;
      } finally {
        setImmediate(() => setImmediate(() => requestsWaiting--));
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
    learning.settingChanged();
    diagnostics.publishAll();
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
        await annotations.reload(storeRoot);
        continue;
      }
      try {
        corpusJsonChanged = (await index.fileChanged(change.uri, change.type === FileChangeType.Deleted)) || corpusJsonChanged;
      } catch (e) {
        log(`Could not update ${change.uri}: ${String(e)}`);
      }
    }
    if (corpusJsonChanged) await reindex();
    else await annotations.followMoves();
  });

  // The annotations move first, then the documents: their new paths are read with their annotations.
  connection.workspace.onDidRenameFiles(async ({ files }) => {
    try {
      const moved = await annotations.moves.renamed(files);
      if (moved) log(`Renamed in the editor: ${files.map((f) => `${f.oldUri} → ${f.newUri}`).join(', ')}; ${moved} annotations follow.`);
      let corpusJsonChanged = false;
      for (const { oldUri, newUri } of files) {
        corpusJsonChanged = (await index.fileChanged(oldUri, true)) || corpusJsonChanged;
        corpusJsonChanged = (await index.fileChanged(newUri, false)) || corpusJsonChanged;
      }
      if (corpusJsonChanged) await reindex();
      else await annotations.followMoves();
    } catch (e) {
      log(`Could not follow a rename: ${e instanceof Error ? e.stack : String(e)}`);
    }
  });

  // Fired on open as well as on each change: one listener, one analysis per open.
  documents.onDidChangeContent(({ document }) => openAnalysis.analyze(document.uri, document.version, document.getText()));
  documents.onDidClose(async ({ document }) => {
    openAnalysis.close(document.uri);
    // A round of learning waiting for its new analysis goes on without it: the file is read again below.
    learning.closed(document.uri);
    // Back to what is on disk: the editor may have closed without saving.
    if (index.isCorpusDocument(document.uri)) {
      await index.readFromDisk(document.uri);
    } else {
      index.remove(document.uri);
    }
  });

  // The editor's features: each handler finds the document (unknown → empty answer), asks the
  // snapshot through the feature's module in src/core/snapshot/, and converts the answer.

  connection.onHover(guard('hover', null, ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    if (!doc || !settings().hover.enabled) return null;
    const info = hoverAt(corpus.current, uri, doc.offsetAt(position), { indexing: indexer.indexing });
    return info && toHover(doc, info, textDocument);
  }));

  connection.onDefinition(guard('definition', [], ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    if (!doc) return [];
    return definitionAt(corpus.current, uri, doc.offsetAt(position)).flatMap((loc) => {
      const target = textDocument(loc.path);
      return target ? [{ uri: loc.path, range: toRange(target, loc) }] : [];
    });
  }));

  connection.onReferences((params, token, _progress, partial) => guard('references', [], ({ textDocument: { uri }, position, context }: typeof params) => {
    const doc = textDocument(uri);
    return doc ? references(corpus.current, textDocument, uri, doc.offsetAt(position), context.includeDeclaration, token, partial) : [];
  })(params, token));

  connection.onDocumentHighlight(guard('documentHighlight', [], ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    return doc ? highlightsAt(corpus.current, uri, doc.offsetAt(position)).map((h) => toHighlight(doc, h)) : [];
  }));

  connection.onDocumentSymbol(guard('documentSymbol', [], ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    return doc ? outline(corpus.current, uri).map((item) => toDocumentSymbol(doc, item)) : [];
  }));

  connection.onCodeAction(guard('codeAction', [] as CodeAction[], (params) => {
    const doc = textDocument(params.textDocument.uri);
    return doc ? codeActions(corpus.current, doc, params) : [];
  }));

  connection.onPrepareRename(guard('prepareRename', null, ({ textDocument: { uri }, position }) => {
    const doc = textDocument(uri);
    const hit = doc && corpus.current.footnoteAt(uri, doc.offsetAt(position));
    if (!doc || !hit) return null;
    return { range: toRange(doc, { start: hit.span.start + 1, end: hit.span.end - 1 }), placeholder: hit.label };
  }));

  connection.onRenameRequest(guard('rename', null, ({ textDocument: { uri }, position, newName }) => {
    const doc = textDocument(uri);
    const footnotes = corpus.current.document(uri)?.analysis.footnotes;
    const hit = doc && corpus.current.footnoteAt(uri, doc.offsetAt(position));
    if (!doc || !footnotes || !hit) return null;
    const result = renameFootnoteEdits(footnotes, hit.label, newName);
    if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
    return { changes: { [uri]: result.edits.map((e) => toTextEdit(doc, e)) } };
  }));

  connection.onWorkspaceSymbol(guard('workspaceSymbol', [] as SymbolInformation[], ({ query }) => workspaceSymbols(corpus.current, query).flatMap(({ entity, location }) => {
    const doc = textDocument(location.path);
    if (!doc) return [];
    return [{ name: entity.name, kind: entitySymbolKind(entity.type), containerName: `${entity.type} · ${entity.mentions.length} mentions`, location: { uri: location.path, range: toRange(doc, location) } }];
  })));

  // Above each article's title: what the corpus found in it; clicking filters the Events view to it.
  connection.onCodeLens(guard('codeLens', [] as CodeLens[], ({ textDocument: { uri } }) => {
    const doc = textDocument(uri);
    const lens = doc && settings().codeLens.enabled ? documentLens(corpus.current, uri) : null;
    if (!doc || !lens) return [];
    return [{ range: toRange(doc, { start: lens.at, end: lens.at }), command: { title: lens.title, command: 'corpusLens.events.showDocument', arguments: [] } }];
  }));

  // After a relative or partial date ("the next day", "March 22"), the value it resolves to.
  connection.languages.inlayHint.on(guard('inlayHint', [] as InlayHint[], ({ textDocument: { uri }, range }) => {
    const doc = textDocument(uri);
    if (!doc || !corpus.inputs.has(uri) || !settings().inlayHints.dates) return [];
    return resolvedDates(corpus.current, uri, doc.offsetAt(range.start), doc.offsetAt(range.end))
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

  onRequest(connection, AnnotateRequest, (params: AnnotateParams): Promise<AnnotateResult> => annotationRequest(() => annotations.annotate(params, textDocument(params?.uri))));
  onRequest(connection, RemoveAnnotationRequest, (params: RemoveAnnotationParams): Promise<boolean> => annotations.remove(params));
  onRequest(connection, ForgetLearnedRequest, (): Promise<string> => learning.forget());

  onRequest(connection, ExportRequest, guard('export', { files: [], message: 'Export cancelled; nothing was written.' } as ExportResult, (params: ExportParams, token) => exportCorpus({ corpus, roots: () => index.rootPaths(), indexing: () => indexer.indexing, isCorpusDocument: (uri) => index.isCorpusDocument(uri), log }, params, token)));
  onRequest(connection, OrphansRequest, guard('orphans', [] as OrphanedAnnotation[], (params: OrphansParams | null) => orphanedAnnotations(corpus, annotations.missing(), params)));
  onRequest(connection, MoveCandidatesRequest, guard('moveCandidates', [] as MoveCandidate[], (params: MoveCandidatesParams) => annotations.moves.candidatesFor(params?.uri)));
  onRequest(connection, MoveAnnotationsRequest, async (params: MoveAnnotationsParams): Promise<number> => {
    if (!index.rootOf(params?.from) || !corpus.inputs.has(params?.to) || !index.rootOf(params.to)) throw new ResponseError(ErrorCodes.InvalidParams, 'Point the annotations at a corpus document inside the workspace.');
    return annotationRequest(() => annotations.moves.point(params.from, params.to));
  });

  onRequest(connection, DocumentsRequest, guard('documents', [] as DocumentSummary[], (params: DocumentsParams | undefined) => {
    const snapshot = corpus.current;
    const wanted = params?.uris ? new Set(params.uris) : null;
    return snapshot.documents().filter((d) => !wanted || wanted.has(d.path)).map((d) => documentSummary(d, documentCounts(snapshot, d.path)));
  }));

  onRequest(connection, EntitiesRequest, guard('entities', [] as EntitySummary[], (params: EntitiesParams | undefined) => {
    const snapshot = corpus.current;
    const only = params?.uri ? new Set(snapshot.mentions(params.uri).map((m) => m.entity)) : null;
    return snapshot.entities().filter((e) => !only || only.has(e.id)).flatMap((e) => entitySummary(e, textDocument) ?? []);
  }));

  onRequest(connection, EntityMentionsRequest, guard('entityMentions', [] as ProtocolLocation[], (params: EntityMentionsParams) => {
    const entity = corpus.current.entity(params?.id);
    return entity ? entity.mentions.flatMap((m) => {
      const doc = textDocument(m.path);
      return doc ? [{ uri: m.path, range: toRange(doc, m) }] : [];
    }) : [];
  }));

  onRequest(connection, EntityAtRequest, guard('entityAt', null as EntitySummary | null, (params: EntityAtParams) => {
    const doc = textDocument(params?.uri);
    const hit = doc && corpus.current.entityAt(params.uri, doc.offsetAt(params.position));
    return hit ? entitySummary(hit.entity, textDocument) : null;
  }));

  const summary = (e: CorpusEvent, brief = false) => eventSummary(corpus, textDocument, e, brief);
  const eventViews = new EventViews(corpus, summary);

  onRequest(connection, EventsRequest, guard('events', [] as EventSummary[], (params: EventsParams | undefined) => {
    return eventViews.filtered(params).filter((e) => !params?.id || e.id === params.id).map((e) => summary(e, params?.brief === true));
  }));

  onRequest(connection, EventTreeRequest, guard('eventTree', { groups: [], events: [], total: 0, joining: false } as EventTreeLevel, (params: EventTreeParams | undefined) => eventViews.eventTree(params)));
  onRequest(connection, TimelineRequest, guard('timeline', null as TimelineWindow | null, (params: TimelineParams | undefined) => eventViews.timelineWindow(params)));
  onRequest(connection, ReviewRequest, guard('review', { items: [], total: 0, version: -1 } as ReviewList, (params: ReviewParams | undefined) => reviewList(corpus, textDocument, params, learning.changedNames())));

  documents.listen(connection);
  connection.listen();
}

/** Runs a request on the annotations: the user's mistakes and the store's failures become response errors. */
async function annotationRequest<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AnnotationRequestError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
    if (e instanceof StoreError) throw new ResponseError(ErrorCodes.InternalError, e.message);
    throw e;
  }
}

/** Registers a handler for a custom request typed in protocol.ts. */
function onRequest<P, R>(connection: Connection, request: Request<P, R>, handler: (params: P, token: CancellationToken) => Promise<R>): void {
  connection.onRequest(request.method, (params: P, token: CancellationToken) => handler(params, token));
}
