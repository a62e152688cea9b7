// The way in: Make Folder a Corpus (a corpus.json at the folder's root makes every .txt under it a
// corpus document) and Open Sample Corpus (the five articles the extension ships, copied to a
// folder of their own and opened). Either ends with an article open, ready to hover a name.
import * as vscode from 'vscode';
import { DocumentsRequest } from '../protocol.js';
import type { CorpusServer } from './corpusServer.js';
import { plural } from './format.js';

const SAMPLE_FOLDER = 'Corpus Lens sample';
/** Set before the window opens the sample folder: the next activation there opens its first article. */
const OPEN_FIRST_KEY = 'corpusLens.openFirstArticle';
/** How long to wait for the server to index a new corpus before leaving the user with the Documents view. */
const INDEX_WAIT_MS = 60_000;

export function registerFirstRun(context: vscode.ExtensionContext, server: CorpusServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('corpusLens.makeFolderCorpus', (target?: vscode.Uri) => makeFolderCorpus(context, server, target)),
    vscode.commands.registerCommand('corpusLens.openSampleCorpus', () => openSampleCorpus(context, server)),
  );
  // Opened by Open Sample Corpus: show its first article once it is indexed.
  const pending = context.globalState.get<string>(OPEN_FIRST_KEY);
  if (pending && vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === pending)) {
    void context.globalState.update(OPEN_FIRST_KEY, undefined);
    void openFirstDocument(server);
  }
}

/** Writes a corpus.json at the root of the folder (the one clicked in the Explorer, or a workspace folder). */
async function makeFolderCorpus(context: vscode.ExtensionContext, server: CorpusServer, target?: vscode.Uri): Promise<void> {
  const folder = target ?? (await chooseFolder());
  if (!folder) return;
  const name = vscode.workspace.asRelativePath(folder, true) || folder.path.split('/').pop() || folder.toString();
  const corpusJson = vscode.Uri.joinPath(folder, 'corpus.json');
  const exists = await vscode.workspace.fs.stat(corpusJson).then(() => true, () => false);
  if (!exists) {
    await vscode.workspace.fs.writeFile(corpusJson, new TextEncoder().encode('{\n  "documents": {}\n}\n'));
  }
  const articles = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.txt'), '**/{node_modules,.git}/**', 100_000)).length;
  if (!vscode.workspace.getWorkspaceFolder(folder)) {
    // Not open here: open it, and show its first article there.
    await openFolder(context, folder);
    return;
  }
  vscode.window.setStatusBarMessage(
    exists
      ? `Corpus Lens: ${name} is a corpus already (it has a corpus.json).`
      : articles
        ? `Corpus Lens: the ${plural(articles, '.txt article')} in ${name} are now a corpus (corpus.json added: give dates and titles there).`
        : `Corpus Lens: ${name} is now a corpus; every .txt article you add to it is a corpus document.`,
    10_000,
  );
  if (articles) await openFirstDocument(server);
}

async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]!.uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder holds the articles?' }))?.uri;
  const [picked] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Make Folder a Corpus', title: 'The folder holding your .txt articles' })) ?? [];
  return picked;
}

/** Copies the shipped articles to a folder of their own (once: the user's edits and annotations stay) and opens it. */
async function openSampleCorpus(context: vscode.ExtensionContext, server: CorpusServer): Promise<void> {
  const target = vscode.Uri.joinPath(context.globalStorageUri, SAMPLE_FOLDER);
  const seeds = vscode.Uri.joinPath(context.extensionUri, 'seeds');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, 'seeds'));
  for (const [name, type] of await vscode.workspace.fs.readDirectory(seeds)) {
    if (type !== vscode.FileType.File || !name.endsWith('.txt')) continue;
    const copy = vscode.Uri.joinPath(target, 'seeds', name);
    if (!(await vscode.workspace.fs.stat(copy).then(() => true, () => false))) await vscode.workspace.fs.copy(vscode.Uri.joinPath(seeds, name), copy);
  }
  if (vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === target.toString())) {
    await openFirstDocument(server);
    return;
  }
  await openFolder(context, target);
}

/** Opens a folder (in a new window when this one has a workspace) and its first article once it is indexed there. */
async function openFolder(context: vscode.ExtensionContext, folder: vscode.Uri): Promise<void> {
  await context.globalState.update(OPEN_FIRST_KEY, folder.toString());
  await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
}

/** Once the corpus is indexed, opens its first article (unless one is already in front) and shows the Documents view. */
async function openFirstDocument(server: CorpusServer): Promise<void> {
  await vscode.commands.executeCommand('corpusLens.documents.focus');
  const indexed = await server.whenIndex((s) => !s.indexing && s.documents > 0, INDEX_WAIT_MS);
  if (!indexed || vscode.window.activeTextEditor?.document.languageId === 'corpus') return;
  const [first] = await server.request(DocumentsRequest, {});
  if (first) await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { preview: false });
}
