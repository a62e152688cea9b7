// Annotating from the editor: commands on the selection (or the name under the cursor) that record
// the user's decision through the server, an undo for the last decisions, and the review progress
// in the status bar.
import * as vscode from 'vscode';
import {
  AnnotateRequest, DocumentsRequest, EntitiesRequest, RemoveAnnotationRequest,
  type AnnotateAction, type AnnotateParams, type EntityType,
} from '../protocol.js';
import type { CorpusServer } from './corpusServer.js';
import { KeyLabels } from './keyLabels.js';

interface Done {
  uri: string;
  id: string;
  message: string;
}

const TYPES: Array<[string, EntityType]> = [
  ['person', 'PERSON'], ['organisation', 'ORG'], ['place', 'PLACE'], ['nationality', 'NORP'], ['other', 'MISC'],
];

/** Records one decision through the server, undoable with Undo Last Annotation; whether it was recorded. */
export type Decide = (params: AnnotateParams) => Promise<boolean>;

export function registerAnnotationCommands(context: vscode.ExtensionContext, server: CorpusServer): Decide {
  const undo: Done[] = [];
  const keys = new KeyLabels(context);
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = 'corpusLens.documents.focus';

  /** Sends one decision for the active editor's selection. */
  async function annotate(action: AnnotateAction, extra: Partial<AnnotateParams> = {}): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'corpus') {
      void vscode.window.showInformationMessage('Corpus Lens: open a corpus document and select the text to annotate.');
      return;
    }
    const { start, end } = editor.selection;
    await decide({
      uri: editor.document.uri.toString(),
      range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
      action,
      ...extra,
    });
  }

  async function decide(params: AnnotateParams): Promise<boolean> {
    try {
      const result = await server.request(AnnotateRequest, params);
      undo.push({ uri: params.uri, id: result.id, message: result.message });
      const undoKey = (await keys.label('corpusLens.annotate.undo')) ?? 'Corpus Lens: Undo Last Annotation';
      vscode.window.setStatusBarMessage(`Corpus Lens: ${result.message}. (Undo: ${undoKey})`, 5000);
      return true;
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Lens: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  async function linkToEntity(): Promise<void> {
    const entities = await server.request(EntitiesRequest, {});
    type Pick = vscode.QuickPickItem & { id?: string; type?: EntityType };
    const picks: Pick[] = [
      ...TYPES.map(([word, type]): Pick => ({ label: `$(add) New ${word}`, description: 'an entity of its own', type })),
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      ...entities.map((e): Pick => ({ label: e.name, description: `${e.type} · ${e.mentions} mentions · ${e.documents} documents`, detail: e.roles.slice(0, 2).join('; ') || undefined, id: e.id, type: e.type })),
    ];
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: 'Link the selection to an entity (type to search)', matchOnDescription: true, matchOnDetail: true });
    if (!chosen || !chosen.type) return;
    await annotate('entity', { type: chosen.type, entity: chosen.id ?? null });
  }

  /** The entity under the cursor joins another, chosen from a quick pick. */
  async function mergeInto(): Promise<void> {
    const entities = await server.request(EntitiesRequest, {});
    const picks = entities.map((e) => ({ label: e.name, description: `${e.type} · ${e.mentions} mentions`, id: e.id }));
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: 'Merge the entity under the cursor into… (type to search)', matchOnDescription: true });
    if (chosen) await annotate('merge', { entity: chosen.id });
  }

  async function rename(): Promise<void> {
    const name = await vscode.window.showInputBox({ prompt: 'The name this entity should be shown by', validateInput: (v) => (v.trim() ? null : 'Type a name') });
    if (!name) return;
    const description = await vscode.window.showInputBox({ prompt: 'A description (optional): who or what it is', placeHolder: 'e.g. Russia’s ambassador to Afghanistan since 2020' });
    await annotate('entity-name', { value: name, ...(description ? { description } : {}) });
  }

  async function setDate(): Promise<void> {
    const value = await vscode.window.showInputBox({
      prompt: 'The TIMEX3 value of the selected date (or the date under the cursor)',
      placeHolder: '2024-03-22, 2024-03, XXXX-03-22, P2Y, PAST_REF',
      validateInput: (v) => (v.trim() ? null : 'Type a value such as 2024-03-22'),
    });
    if (value) await annotate('date', { value });
  }

  async function undoLast(): Promise<void> {
    const last = undo.pop();
    if (!last) {
      vscode.window.setStatusBarMessage('Corpus Lens: no annotation to undo.', 3000);
      return;
    }
    try {
      await server.request(RemoveAnnotationRequest, { uri: last.uri, id: last.id });
      vscode.window.setStatusBarMessage(`Corpus Lens: undone: ${last.message}.`, 5000);
    } catch (e) {
      undo.push(last);
      void vscode.window.showErrorMessage(`Corpus Lens: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function refreshStatus(): Promise<void> {
    try {
      const docs = await server.request(DocumentsRequest, {});
      const reviewed = docs.filter((d) => d.reviewed).length;
      const annotations = docs.reduce((n, d) => n + d.userAnnotations, 0);
      status.text = `$(checklist) ${reviewed}/${docs.length} reviewed · ${annotations} annotation${annotations === 1 ? '' : 's'}`;
      status.tooltip = 'Corpus Lens: documents marked as reviewed, and your annotations that apply to them';
      status.show();
    } catch {
      status.hide();
    }
  }

  context.subscriptions.push(
    status,
    ...TYPES.map(([word, type]) => vscode.commands.registerCommand(`corpusLens.annotate.${word}`, () => annotate('entity', { type }))),
    vscode.commands.registerCommand('corpusLens.annotate.notEntity', () => annotate('not-entity')),
    vscode.commands.registerCommand('corpusLens.annotate.notEntityEverywhere', () => annotate('not-entity-everywhere')),
    vscode.commands.registerCommand('corpusLens.annotate.linkToEntity', linkToEntity),
    vscode.commands.registerCommand('corpusLens.annotate.setDate', setDate),
    vscode.commands.registerCommand('corpusLens.annotate.merge', mergeInto),
    vscode.commands.registerCommand('corpusLens.annotate.split', () => annotate('split')),
    vscode.commands.registerCommand('corpusLens.annotate.rename', rename),
    vscode.commands.registerCommand('corpusLens.annotate.markReviewed', () => annotate('reviewed')),
    vscode.commands.registerCommand('corpusLens.annotate.undo', undoLast),
    server.onIndexChanged(() => void refreshStatus()),
  );
  void refreshStatus();
  return decide;
}
