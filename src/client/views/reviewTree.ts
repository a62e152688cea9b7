// The Review view: the names nobody has decided and the spans the model nearly read as names,
// least sure first across the corpus, a page at a time (corpusLens/review); a last row loads the
// next page. Fetched again after every change of the index it does not hold yet, as many rows as
// were shown (a decision's own is fetched at once).
import * as vscode from 'vscode';
import { REVIEW_MAX_LIMIT, REVIEW_PAGE, ReviewRequest, type IndexChangedParams, type ReviewItem, type ReviewList } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { plural } from '../format.js';
import { moreLabel, reviewDescription, reviewTooltip } from './reviewLabels.js';
import { toRange } from './reveal.js';
import { ServerTree } from './serverTree.js';

export const REVIEW_VIEW = 'corpusLens.review';
export const REVIEW_COMMANDS = {
  open: 'corpusLens.review.open',
  more: 'corpusLens.review.more',
  accept: 'corpusLens.review.accept',
  changeType: 'corpusLens.review.changeType',
  notEntity: 'corpusLens.review.notEntity',
  refresh: 'corpusLens.review.refresh',
} as const;


export type ReviewNode = { kind: 'review'; item: ReviewItem; index: number } | { kind: 'reviewMore'; shown: number; total: number };

export class ReviewTree extends ServerTree<ReviewList, ReviewNode> {
  /** Rows to show after a refresh: the pages the user opened. */
  private wanted = REVIEW_PAGE;

  constructor(server: CorpusServer) {
    super(REVIEW_VIEW, server);
  }

  protected async fetch(): Promise<ReviewList> {
    const items: ReviewItem[] = [];
    let total = 0;
    let version = Infinity;
    do {
      const page = await this.server.request(ReviewRequest, { offset: items.length, limit: Math.min(REVIEW_MAX_LIMIT, this.wanted - items.length) });
      items.push(...page.items);
      total = page.total;
      // Pages read across a change hold it only from the later ones on: the oldest says.
      version = Math.min(version, page.version);
      if (page.items.length === 0) break;
    } while (items.length < Math.min(this.wanted, total));
    this.describe(total);
    return { items, total, version };
  }

  /**
   * A decision's own index change comes after afterDecision fetched the list again, which holds it
   * already: fetching it a second time would only show the same rows.
   */
  protected override answers(list: ReviewList, state: IndexChangedParams): boolean {
    return list.version >= state.version;
  }

  private describe(total: number): void {
    this.view.description = total > 0 ? `${plural(total, 'name')} to review` : undefined;
  }

  protected emptyMessage(list: ReviewList): string | undefined {
    return list.total === 0 ? 'Every name is decided: nothing to review.' : undefined;
  }

  /** Loads the next page below the rows shown. */
  async showMore(): Promise<void> {
    const list = await this.current();
    if (!list) return;
    const page = await this.server.request(ReviewRequest, { offset: list.items.length, limit: REVIEW_PAGE });
    list.items.push(...page.items);
    list.total = page.total;
    this.wanted = list.items.length;
    this.describe(page.total);
    this.changed.fire(undefined);
  }

  /** After a decision on the row at `index`: the list again, and the row now there selected, so the keys go on from it. */
  async afterDecision(index: number): Promise<void> {
    this.refresh();
    const rows = (await this.getChildren()).filter((n) => n.kind === 'review');
    const next = rows[Math.min(index, rows.length - 1)];
    if (next) await this.view.reveal(next, { select: true, focus: true });
  }

  async getChildren(node?: ReviewNode): Promise<ReviewNode[]> {
    if (node) return [];
    const list = await this.current();
    if (!list) return [];
    const rows: ReviewNode[] = list.items.map((item, index) => ({ kind: 'review', item, index }));
    if (list.items.length < list.total) rows.push({ kind: 'reviewMore', shown: list.items.length, total: list.total });
    return rows;
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    if (node.kind === 'reviewMore') {
      const item = new vscode.TreeItem(moreLabel(node.shown, node.total, REVIEW_PAGE), vscode.TreeItemCollapsibleState.None);
      item.id = 'review:more';
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: REVIEW_COMMANDS.more, title: 'Show More' };
      return item;
    }
    const { item: m } = node;
    const row = new vscode.TreeItem(m.text, vscode.TreeItemCollapsibleState.None);
    row.id = `review:${m.uri}#${m.range.start.line}:${m.range.start.character}:${m.range.end.line}:${m.range.end.character}`;
    row.description = reviewDescription(m);
    row.tooltip = reviewTooltip(m);
    row.iconPath = new vscode.ThemeIcon(m.changed ? 'sparkle' : m.possible ? 'search' : m.confidence === null ? 'circle-outline' : m.confidence < 0.5 ? 'question' : 'circle-large-outline');
    row.contextValue = 'review';
    row.command = { command: REVIEW_COMMANDS.open, title: 'Open', arguments: [node] };
    row.accessibilityInformation = { label: `${m.text}, ${reviewDescription(m)}` };
    return row;
  }
}

/** Shows the name in its document, leaving the keyboard in the view. */
export async function openReviewed(item: ReviewItem): Promise<void> {
  const range = toRange(item.range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(item.uri), { preview: true, preserveFocus: true, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
