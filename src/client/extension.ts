// The VS Code side: starts the language server, gives corpus documents their language, and
// offers the commands. Everything about the text itself is the server's business.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DocumentsRequest, IndexChangedNotification, LearnedNotification, SERVER_NODE_ARGS, type IndexChangedParams, type LearnedResult, type Request } from '../protocol.js';
import { registerLearning, showLearned } from './learning.js';
import { CorpusServer } from './corpusServer.js';
import { RestartPolicy } from './restartPolicy.js';
import { heldMessage, SizeGate } from './sizeGate.js';
import { registerViews } from './views/register.js';
import { registerReview } from './views/reviewCommands.js';
import { registerAnnotationCommands } from './annotate.js';
import { registerExportCommands } from './exportCommands.js';
import { registerFirstRun } from './firstRun.js';
import { registerWalkthrough } from './walkthrough.js';

const LANGUAGE_ID = 'corpus';
/** package.json's default of corpusLens.files.maxSizeMB. */
const DEFAULT_MAX_SIZE_MB = 20;
let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activating = performance.now();
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_ARGS } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6010'] } },
  };
  const sizeDiagnostics = vscode.languages.createDiagnosticCollection('corpusLens.size');
  const sizeGate = new SizeGate<vscode.TextDocument>({
    key: (doc) => doc.uri.toString(),
    limitMB: (doc) => vscode.workspace.getConfiguration('corpusLens', doc.uri).get<number>('files.maxSizeMB', DEFAULT_MAX_SIZE_MB),
    held: (doc, bytes, limitMB) => {
      if (bytes === null || serverSaysTooLarge(doc.uri)) sizeDiagnostics.delete(doc.uri);
      else {
        const problem = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), heldMessage(bytes, limitMB), vscode.DiagnosticSeverity.Warning);
        problem.source = 'corpus-lens';
        problem.code = 'file.tooLarge';
        sizeDiagnostics.set(doc.uri, [problem]);
      }
    },
  });
  // The server says the same of a file it found on disk: one message is enough.
  const serverSaysTooLarge = (uri: vscode.Uri) =>
    vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'file.tooLarge').length > (sizeDiagnostics.get(uri)?.length ?? 0);
  context.subscriptions.push(
    sizeDiagnostics,
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) if (sizeDiagnostics.has(uri) && serverSaysTooLarge(uri)) sizeDiagnostics.delete(uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpusLens.files.maxSizeMB')) void sizeGate.limitChanged();
    }),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: {
      configurationSection: 'corpusLens',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/{*.txt,corpus.json,.corpus-lens/annotations.json}'),
        // A folder deleted or moved in (git mv) is one event: the server drops, or reads, every document under it.
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
      ],
    },
    outputChannelName: 'Corpus Lens',
    errorHandler: new RestartPolicy(),
    middleware: {
      didOpen: (doc, next) => sizeGate.open(doc, next),
      didChange: (event, next) => sizeGate.change(event.document, () => next(event)),
      didSave: (doc, next) => (sizeGate.isHeld(doc.uri.toString()) ? Promise.resolve() : next(doc)),
      didClose: (doc, next) => sizeGate.close(doc, next),
    },
  };
  // The id 'corpusLens' makes the client honour the `corpusLens.trace.server` setting.
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
  const languageAssigner = new CorpusLanguageAssigner(client);

  context.subscriptions.push(
    languageAssigner,
    vscode.commands.registerCommand('corpusLens.treatAsCorpusDocument', treatAsCorpusDocument),
    vscode.commands.registerCommand('corpusLens.restartServer', () => client?.restart()),
    vscode.commands.registerCommand('corpusLens.showOutput', () => client?.outputChannel.show()),
  );
  const started = client.start();
  const server = new CorpusServer(client, started);
  // One handler per notification (the client keeps only the last): it feeds the language
  // assigner and the views. Registered in the same tick as start, so none is missed.
  client.onNotification(IndexChangedNotification.method, (params: IndexChangedParams) => {
    void languageAssigner.refresh();
    server.indexChanged(params);
  });
  client.onNotification(LearnedNotification.method, (params: LearnedResult) => showLearned(params));
  context.subscriptions.push(server);
  registerViews(context, server);
  registerReview(context, server, registerAnnotationCommands(context, server));
  registerLearning(context, server);
  registerExportCommands(context, server);
  registerFirstRun(context, server);
  registerWalkthrough(context, server);
  void started.catch(
    (e: unknown) => void vscode.window.showErrorMessage(`Corpus Lens: the language server did not start: ${e instanceof Error ? e.message : String(e)}`),
  );
  // The benchmark reads this line from the e2e logs (bench/scale.ts).
  client.info(`Corpus Lens activated in ${(performance.now() - activating).toFixed(1)} ms`);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/**
 * Corpus documents that no static file pattern names (those under a folder holding a corpus.json,
 * or named by the user's globs) are plain text to VS Code: the server knows which they are.
 */
class CorpusLanguageAssigner implements vscode.Disposable {
  private corpusUris = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly languageClient: LanguageClient) {
    this.subscription = vscode.workspace.onDidOpenTextDocument((doc) => void this.assign(doc));
  }

  async refresh(): Promise<void> {
    const docs = await sendRequest(this.languageClient, DocumentsRequest, {});
    this.corpusUris = new Set(docs.map((d) => d.uri));
    for (const doc of vscode.workspace.textDocuments) await this.assign(doc);
  }

  private async assign(doc: vscode.TextDocument): Promise<void> {
    if (doc.languageId === 'plaintext' && this.corpusUris.has(doc.uri.toString())) {
      await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Makes the active .txt file a corpus document now, and remembers it in the folder's settings. */
async function treatAsCorpusDocument(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Corpus Lens: open a .txt file first.');
    return;
  }
  const doc = editor.document;
  await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  if (!folder || doc.isUntitled) return;
  const relative = vscode.workspace.asRelativePath(doc.uri, false);
  const config = vscode.workspace.getConfiguration('corpusLens', folder.uri);
  const include = config.get<string[]>('files.include', []);
  if (!include.includes(relative)) {
    await config.update('files.include', [...include, relative], vscode.ConfigurationTarget.WorkspaceFolder);
    void vscode.window.showInformationMessage(`Corpus Lens: ${relative} is now a corpus document (added to corpusLens.files.include).`);
  }
}

/** Sends a custom request typed in protocol.ts. */
function sendRequest<P, R>(languageClient: LanguageClient, request: Request<P, R>, params: P): Promise<R> {
  return languageClient.sendRequest<R>(request.method, params);
}
