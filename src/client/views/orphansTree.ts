// The Orphaned Annotations view: the user's annotations that no longer fit their document's text,
// and the documents the store names that are not in the corpus, each holding its annotations. Shown only when there are some (the `corpusLens.hasOrphans` context key), so the answer is
// fetched after every index change whether or not the view is on screen.
import * as vscode from 'vscode';
import { OrphansRequest, type OrphanedAnnotation } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import {
  missingDocumentDescription, missingDocumentLabel, missingDocumentTooltip, orphanDescription, orphanLabel, orphansSummary, orphanTooltip,
} from './orphanLabels.js';
import { ServerTree } from './serverTree.js';

export const ORPHANS_VIEW = 'corpusLens.orphans';
export const HAS_ORPHANS = 'corpusLens.hasOrphans';

export type OrphanNode =
  | { kind: 'orphan'; orphan: OrphanedAnnotation }
  | { kind: 'missingDocument'; uri: string; orphans: OrphanedAnnotation[] };

export class OrphansTree extends ServerTree<OrphanedAnnotation[], OrphanNode> {
  private shown: boolean | undefined;

  constructor(server: CorpusServer) {
    super(ORPHANS_VIEW, server);
    this.refresh();
  }

  /** Forgets the answer and asks again at once: the context key decides whether the view shows. */
  override refresh(): void {
    super.refresh();
    void this.current();
  }

  protected async fetch(): Promise<OrphanedAnnotation[]> {
    const orphans = await this.server.request(OrphansRequest, {});
    const has = orphans.length > 0;
    if (has !== this.shown) {
      this.shown = has;
      void vscode.commands.executeCommand('setContext', HAS_ORPHANS, has);
    }
    this.view.description = orphansSummary(orphans);
    return orphans;
  }

  protected emptyMessage(orphans: OrphanedAnnotation[]): string | undefined {
    return orphans.length === 0 ? 'Every annotation fits its document.' : undefined;
  }

  async getChildren(node?: OrphanNode): Promise<OrphanNode[]> {
    if (node?.kind === 'missingDocument') return node.orphans.map((orphan) => ({ kind: 'orphan', orphan }));
    if (node) return [];
    const orphans = (await this.current()) ?? [];
    const missing = new Map<string, OrphanedAnnotation[]>();
    for (const o of orphans) if (o.reason === 'document') missing.set(o.uri, [...(missing.get(o.uri) ?? []), o]);
    return [
      ...orphans.filter((o) => o.reason !== 'document').map((orphan): OrphanNode => ({ kind: 'orphan', orphan })),
      ...[...missing].map(([uri, list]): OrphanNode => ({ kind: 'missingDocument', uri, orphans: list })),
    ];
  }

  getTreeItem(node: OrphanNode): vscode.TreeItem {
    if (node.kind === 'missingDocument') {
      const relative = vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri), false);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      const item = new vscode.TreeItem(missingDocumentLabel(node.uri), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `missing:${node.uri}`;
      item.description = missingDocumentDescription(folder, node.orphans);
      item.tooltip = missingDocumentTooltip(relative);
      item.iconPath = new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
      item.contextValue = 'orphanDocument';
      return item;
    }
    const { orphan } = node;
    if (orphan.reason === 'document') {
      const item = new vscode.TreeItem(orphanLabel(orphan), vscode.TreeItemCollapsibleState.None);
      item.id = `orphan:${orphan.uri}#${orphan.id}`;
      item.description = orphan.description;
      item.tooltip = orphanTooltip(orphan);
      item.contextValue = 'orphan.ofMissing';
      return item;
    }
    const item = new vscode.TreeItem(orphanLabel(orphan), vscode.TreeItemCollapsibleState.None);
    item.id = `orphan:${orphan.uri}#${orphan.id}`;
    item.description = orphanDescription(orphan);
    item.tooltip = orphanTooltip(orphan);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    item.contextValue = 'orphan';
    item.command = { command: 'vscode.open', title: 'Open Document', arguments: [vscode.Uri.parse(orphan.uri)] };
    return item;
  }
}
