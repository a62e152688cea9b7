// "Point at Another File…": gives the annotations of a document the store names but the corpus does
// not hold (deleted, or moved where Corpus Lens could not follow) to the document where it is now.
// The quick pick lists first the documents holding the texts those annotations quote.
import * as vscode from 'vscode';
import { DocumentsRequest, MoveAnnotationsRequest, MoveCandidatesRequest, OrphansRequest } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { fileNameOf, plural } from '../format.js';

type Pick = vscode.QuickPickItem & { uri?: string };

/** `from`: the missing document's URI; without it, the user picks one of the missing documents first. */
export async function pointAtAnotherFile(server: CorpusServer, from?: string): Promise<void> {
  try {
    from ??= await pickMissingDocument(server);
    if (!from) return;
    const [candidates, documents] = await Promise.all([server.request(MoveCandidatesRequest, { uri: from }), server.request(DocumentsRequest, {})]);
    const ranked = new Set(candidates.map((c) => c.uri));
    const relative = (uri: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
    const picks: Pick[] = [
      ...candidates.map((c): Pick => ({ label: fileNameOf(c.uri), description: relative(c.uri), detail: `holds ${c.fits} of the ${plural(c.total, 'marked text')} with their context`, uri: c.uri })),
      ...(candidates.length ? [{ label: 'other corpus documents', kind: vscode.QuickPickItemKind.Separator } as Pick] : []),
      ...documents.filter((d) => !ranked.has(d.uri)).map((d): Pick => ({ label: fileNameOf(d.uri), description: relative(d.uri), uri: d.uri })),
    ];
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: `Where is ${relative(from)} now? Its annotations will belong to the file you pick`, matchOnDescription: true });
    if (!chosen?.uri) return;
    const moved = await server.request(MoveAnnotationsRequest, { from, to: chosen.uri });
    vscode.window.setStatusBarMessage(`Corpus Lens: ${plural(moved, 'annotation')} of ${fileNameOf(from)} now belong to ${relative(chosen.uri)}.`, 5000);
  } catch (error) {
    void vscode.window.showErrorMessage(`Corpus Lens: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function pickMissingDocument(server: CorpusServer): Promise<string | undefined> {
  const missing = [...new Set((await server.request(OrphansRequest, {})).filter((o) => o.reason === 'document').map((o) => o.uri))];
  if (missing.length === 0) {
    void vscode.window.showInformationMessage('Corpus Lens: every document the annotation store names is in the corpus.');
    return undefined;
  }
  if (missing.length === 1) return missing[0];
  const chosen = await vscode.window.showQuickPick(missing.map((uri) => ({ label: fileNameOf(uri), description: vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false), uri })), {
    placeHolder: 'Which missing document do you want to point at another file?',
  });
  return chosen?.uri;
}
