// Opening documents where the sidebar and the timeline point: a range selected (the cursor at its
// start, so a long wrapped sentence shows from its beginning), or a choice of reports.
import * as vscode from 'vscode';
import type { EventMentionSummary, EventSummary, Location, Range } from '../../protocol.js';
import { fileNameOf, shorten } from '../format.js';
import { firstMentionPerDocument } from './eventGroups.js';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Opens the document with the range selected and in view. */
export async function revealRange(uri: string, range: Range): Promise<vscode.TextEditor> {
  const target = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
  editor.selection = new vscode.Selection(target.end, target.start);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function revealLocation(location: Location): Promise<vscode.TextEditor> {
  return revealRange(location.uri, location.range);
}

/** Opens the report's sentence. */
export function revealMention(mention: EventMentionSummary): Promise<vscode.TextEditor> {
  return revealRange(mention.uri, mention.sentenceRange);
}

/** Opens the event's report; when several documents report it, asks which. */
export async function revealEvent(event: EventSummary): Promise<void> {
  const reports = firstMentionPerDocument(event);
  if (reports.length === 0) {
    void vscode.window.showInformationMessage(`Corpus Lens: no report of “${event.title}” is open to the server.`);
    return;
  }
  if (reports.length === 1) {
    await revealMention(reports[0]!);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    reports.map((mention) => ({
      label: mention.documentTitle || fileNameOf(mention.uri),
      description: fileNameOf(mention.uri),
      detail: shorten(mention.sentence, 160),
      mention,
    })),
    { title: `${event.title}${event.date ? ` (${event.date})` : ''}: reported by ${reports.length} documents`, placeHolder: 'Open the report in…', matchOnDetail: true },
  );
  if (picked) await revealMention(picked.mention);
}
