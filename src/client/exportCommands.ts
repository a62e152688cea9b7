// "Corpus Lens: Export Corpus as …": the CLI's export formats as commands. Pick the workspace
// folder (when there are several), where to write (a save dialog; for brat, beside the .txt files
// or another folder), then the server writes it (`corpusLens/export`) under a progress
// notification, and a notification offers to open what was written.
import * as vscode from 'vscode';
import { ExportRequest, type ExportParams, type ExportResult } from '../protocol.js';
import type { CorpusServer } from './corpusServer.js';
import { EXPORT_CHOICES, failureMessage, fileToOpen, overwriteQuestion, overwriteRefusal, type ExportChoice } from './exportFormats.js';

export function registerExportCommands(context: vscode.ExtensionContext, server: CorpusServer): void {
  context.subscriptions.push(...EXPORT_CHOICES.map((choice) => vscode.commands.registerCommand(choice.command, () => exportAs(server, choice))));
}

async function exportAs(server: CorpusServer, choice: ExportChoice): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return;
  const target = choice.folder ? await pickBratFolder(folder) : await pickFile(folder, choice);
  if (!target) return;
  const params: ExportParams = { format: choice.format, folder: folder.uri.toString(), target: target.toString() };
  let result: ExportResult | undefined;
  try {
    result = await run(server, choice, params);
  } catch (error) {
    const existing = overwriteRefusal(error);
    if (!existing) {
      void vscode.window.showErrorMessage(`Corpus Lens: ${failureMessage(error)}`);
      return;
    }
    const overwrite = await vscode.window.showWarningMessage(overwriteQuestion(existing), { modal: true, detail: 'Corrections made in brat since that export would be lost; import them first (corpus-lens import --format brat).' }, 'Overwrite');
    if (overwrite !== 'Overwrite') return;
    try {
      result = await run(server, choice, { ...params, force: true });
    } catch (again) {
      void vscode.window.showErrorMessage(`Corpus Lens: ${failureMessage(again)}`);
      return;
    }
  }
  if (!result || result.files.length === 0) {
    if (result?.message) void vscode.window.showInformationMessage(`Corpus Lens: ${result.message}`);
    return;
  }
  const open = fileToOpen(result);
  const picked = await vscode.window.showInformationMessage(`Corpus Lens: ${result.message}`, ...(open ? ['Open'] : []));
  if (picked === 'Open' && open) await vscode.window.showTextDocument(vscode.Uri.parse(open), { preview: false });
}

function run(server: CorpusServer, choice: ExportChoice, params: ExportParams): Thenable<ExportResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Corpus Lens: exporting the corpus as ${choice.name}…`, cancellable: true },
    (_progress, token) => server.request(ExportRequest, params, token),
  );
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage('Corpus Lens: open a folder holding a corpus first.');
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Export the corpus of which folder?' });
}

async function pickFile(folder: vscode.WorkspaceFolder, choice: ExportChoice): Promise<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    title: `Export the corpus as ${choice.name}`,
    defaultUri: vscode.Uri.joinPath(folder.uri, choice.fileName),
    filters: choice.filters,
    saveLabel: 'Export',
  });
}

async function pickBratFolder(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  type Pick = vscode.QuickPickItem & { beside: boolean };
  const picked = await vscode.window.showQuickPick<Pick>(
    [
      { label: '$(files) Beside the .txt files', description: folder.name, detail: 'an .ann next to each .txt, and annotation.conf at the folder’s root', beside: true },
      { label: '$(folder-opened) In another folder…', detail: 'a brat collection: the .ann files with a copy of each .txt, mirroring the folder’s tree', beside: false },
    ],
    { title: 'Export the corpus as brat standoff', placeHolder: 'Where should the .ann files go?' },
  );
  if (!picked) return undefined;
  if (picked.beside) return folder.uri;
  const chosen = await vscode.window.showOpenDialog({ title: 'Export the corpus as brat standoff into…', canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Export Here' });
  return chosen?.[0];
}
