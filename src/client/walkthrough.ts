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
  await openAt(person.definition.uri, { start: { line: start.line, character: start.character + 1 }, end: { line: start.line, character: start.character + 1 } });
  await vscode.commands.executeCommand('editor.action.showHover');
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

async function openAt(uri: string, range: Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function noCorpus(what = 'a corpus with names'): void {
  void vscode.window.showInformationMessage(`Corpus Lens: this needs ${what}. Open the sample corpus, or make a folder of articles a corpus, first.`, 'Open Sample Corpus').then((answer) => {
    if (answer) void vscode.commands.executeCommand('corpusLens.openSampleCorpus');
  });
}
