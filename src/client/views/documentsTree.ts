// The Documents view: every corpus document with its date, title, counts and review state (the
// view's description: "2/5 reviewed"); a click opens it.
import * as vscode from 'vscode';
import { DocumentsRequest, type DocumentSummary } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { documentDescription, documentLabel, documentTooltip, reviewProgress } from './documentLabels.js';
import { ServerTree } from './serverTree.js';

export const DOCUMENTS_VIEW = 'corpusLens.documents';

export type DocumentsNode = { kind: 'document'; doc: DocumentSummary };

export class DocumentsTree extends ServerTree<DocumentSummary[], DocumentsNode> {
  constructor(server: CorpusServer) {
    super(DOCUMENTS_VIEW, server);
  }

  protected async fetch(): Promise<DocumentSummary[]> {
    const docs = await this.server.request(DocumentsRequest, {});
    this.view.description = reviewProgress(docs);
    return docs;
  }

  protected emptyMessage(docs: DocumentSummary[]): string | undefined {
    return docs.length === 0 ? 'No corpus documents in this workspace yet.' : undefined;
  }

  async getChildren(node?: DocumentsNode): Promise<DocumentsNode[]> {
    if (node) return [];
    return ((await this.current()) ?? []).map((doc) => ({ kind: 'document', doc }));
  }

  getTreeItem({ doc }: DocumentsNode): vscode.TreeItem {
    const item = new vscode.TreeItem(documentLabel(doc), vscode.TreeItemCollapsibleState.None);
    item.id = `document:${doc.uri}`;
    item.description = documentDescription(doc);
    item.tooltip = documentTooltip(doc);
    item.iconPath = doc.skipped || doc.footnoteProblems > 0
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
      : doc.reviewed ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('file');
    item.contextValue = 'document';
    item.command = { command: 'vscode.open', title: 'Open Document', arguments: [vscode.Uri.parse(doc.uri)] };
    return item;
  }
}
