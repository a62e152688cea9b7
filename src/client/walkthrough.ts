// The walkthrough's "show me" buttons: each opens an article beside the walkthrough where the step
// is about (a person's name, a footnote marker) and does what the step describes (the hover card,
// go to definition), so a new user sees it happen before trying it.
import * as vscode from 'vscode';
import { DocumentsRequest, EntitiesRequest, type Range } from '../protocol.js';
import type { CorpusServer } from './corpusServer.js';

export function registerWalkthrough(context: vscode.ExtensionContext, server: CorpusServer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('corpusLens.walkthrough.hoverName', () => hoverName(server)),
    vscode.commands.registerCommand('corpusLens.walkthrough.followFootnote', () => followFootnote(server)),
  );
}

/** The person the corpus names most, in the article that first names them in full, with their card. */
async function hoverName(server: CorpusServer): Promise<void> {
  const entities = await server.request(EntitiesRequest, {});
  const person = entities.find((e) => e.type === 'PERSON' && e.documents > 1) ?? entities.find((e) => e.type === 'PERSON') ?? entities[0];
  if (!person) return noCorpus();
  const { start } = person.definition.range;
  const at = { line: start.line, character: start.character + 1 };
  const editor = await openAt(person.definition.uri, { start: at, end: at });
  await untilHoverReady(editor.document.uri, new vscode.Position(at.line, at.character));
  // The card shows in the focused editor, and the walkthrough's page takes the focus back when its
  // command returns: the editor is focused and the card shown just after that.
  setTimeout(() => {
    void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false })
      .then(() => vscode.commands.executeCommand('editor.action.showHover'));
  }, 300);
}

/** On a busy machine the card may not be ready the moment the article opens: ask until it is (10 s at most). */
async function untilHoverReady(uri: vscode.Uri, position: vscode.Position): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    if (hovers && hovers.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first footnote marker of the corpus, then its note (Go to Definition, F12). */
async function followFootnote(server: CorpusServer): Promise<void> {
  const doc = (await server.request(DocumentsRequest, {})).find((d) => d.footnoteMarkers > 0 && d.footnoteDefinitions > 0);
  if (!doc) return noCorpus('a document with footnotes');
  const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(doc.uri))).getText();
  // A marker: "[n]" after a word or punctuation, not the "[n] " that starts a note's line.
  const marker = /(?<=\S)\[(\d+)\]/.exec(text);
  if (!marker) return noCorpus('a footnote marker');
  const lines = text.slice(0, marker.index + 1).split(/\r\n|\r|\n/);
  const at = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  await openAt(doc.uri, { start: at, end: at });
  await vscode.commands.executeCommand('editor.action.revealDefinition');
}

async function openAt(uri: string, range: Range): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

function noCorpus(what = 'a corpus with names'): void {
  void vscode.window.showInformationMessage(`Corpus Lens: this needs ${what}. Open the sample corpus, or make a folder of articles a corpus, first.`, 'Open Sample Corpus').then((answer) => {
    if (answer) void vscode.commands.executeCommand('corpusLens.openSampleCorpus');
  });
}
