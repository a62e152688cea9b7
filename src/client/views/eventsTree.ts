// The Events view: year → month → event (undated events last), each event's reports under it. Each
// level is asked of the server when it is opened (corpusLens/eventTree): the years with their
// counts first, a year's months when it is expanded, a month's events a page at a time, so the
// view opens at once at any size. A filter (one entity, or one document) is applied by the server;
// the view's description names it.
import * as vscode from 'vscode';
import { EventsRequest, EventTreeRequest, type EventMentionSummary, type EventSummary, type EventTreeGroup, type EventTreeLevel, type EventTreeParams } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { fileNameOf, plural } from '../format.js';
import { eventDescription, eventTooltip, firstMentionPerDocument, groupDescription, mentionDescription, uniqueEventKeys, type EventEntry } from './eventGroups.js';
import { kindStyle } from './eventKinds.js';
import { ServerTree } from './serverTree.js';

export const EVENTS_VIEW = 'corpusLens.events';
/** Context key: true while the Events view is filtered (shows the Clear Filter button). */
const FILTERED_CONTEXT = 'corpusLens.events.filtered';

export type EventsFilter = { entity: { id: string; name: string } } | { document: { uri: string; title: string } };

export type EventsNode =
  | { kind: 'dateGroup'; group: EventTreeGroup }
  | { kind: 'event'; entry: EventEntry }
  /** The next page of a group's events, opened on demand. */
  | { kind: 'more'; group: string; offset: number; remaining: number }
  | { kind: 'eventMention'; key: string; event: EventSummary; mention: EventMentionSummary };

export class EventsTree extends ServerTree<EventTreeLevel, EventsNode> {
  private filter: EventsFilter | undefined;

  constructor(server: CorpusServer) {
    super(EVENTS_VIEW, server);
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  }

  get activeFilter(): EventsFilter | undefined {
    return this.filter;
  }

  setFilter(filter: EventsFilter | undefined): void {
    this.filter = filter;
    this.view.description = !filter ? undefined : 'entity' in filter ? `Entity: ${filter.entity.name}` : `Document: ${filter.document.title}`;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, filter !== undefined);
    this.refresh();
  }

  private params(group?: string, offset?: number): EventTreeParams {
    const f = this.filter;
    return { ...(!f ? {} : 'entity' in f ? { entity: f.entity.id } : { uri: f.document.uri }), ...(group === undefined ? {} : { group }), ...(offset ? { offset } : {}) };
  }

  /** The top level: the years and the undated group, with their counts. */
  protected fetch(): Promise<EventTreeLevel> {
    return this.server.request(EventTreeRequest, this.params());
  }

  /** Unfiltered and empty, the welcome content speaks (whether or not there are documents). */
  protected override welcomeShown(top: EventTreeLevel): boolean {
    return top.groups.length === 0 && !top.joining && !this.filter;
  }

  protected emptyMessage(top: EventTreeLevel): string | undefined {
    if (top.groups.length > 0) return undefined;
    if (top.joining) return 'Joining the events of the corpus…';
    const f = this.filter;
    if (!f) return 'No events found in the corpus yet.';
    return 'entity' in f ? `No events with ${f.entity.name} found.` : `No events reported in ${f.document.title}.`;
  }

  async getChildren(node?: EventsNode): Promise<EventsNode[]> {
    if (!node) return ((await this.current())?.groups ?? []).map((group) => ({ kind: 'dateGroup', group }));
    if (node.kind === 'dateGroup') return this.page(node.group.key, 0);
    if (node.kind === 'more') return this.page(node.group, node.offset);
    if (node.kind === 'event') {
      const { key } = node.entry;
      let event;
      try {
        [event] = await this.server.request(EventsRequest, { id: node.entry.event.id });
      } catch (error) {
        void vscode.window.showWarningMessage(`Corpus Lens: the reports of “${node.entry.event.title}” could not be listed (${error instanceof Error ? error.message : String(error)}).`);
        return [];
      }
      if (!event) return [];
      return firstMentionPerDocument(event).map((mention) => ({ kind: 'eventMention', key: `${key}|${mention.uri}`, event, mention }));
    }
    return [];
  }

  /** A group's events from `offset` (then its months, on the first page), and a node for the rest. */
  private async page(group: string, offset: number): Promise<EventsNode[]> {
    let level: EventTreeLevel;
    try {
      level = await this.server.request(EventTreeRequest, this.params(group, offset));
    } catch (error) {
      void vscode.window.showWarningMessage(`Corpus Lens: the events could not be listed (${error instanceof Error ? error.message : String(error)}).`);
      return [];
    }
    const events: EventsNode[] = uniqueEventKeys(level.events).map((entry) => ({ kind: 'event', entry }));
    const next = offset + level.events.length;
    const more: EventsNode[] = next < level.total && level.events.length > 0 ? [{ kind: 'more', group, offset: next, remaining: level.total - next }] : [];
    const groups: EventsNode[] = offset === 0 ? level.groups.map((g) => ({ kind: 'dateGroup', group: g })) : [];
    return [...events, ...more, ...groups];
  }

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (node.kind === 'dateGroup') {
      const { group } = node;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = group.kind === 'undated' ? 'undated' : `${group.kind}:${group.key}`;
      item.description = groupDescription(group.count);
      item.iconPath = new vscode.ThemeIcon(group.kind === 'undated' ? 'question' : group.kind === 'year' ? 'calendar' : 'milestone');
      item.contextValue = 'dateGroup';
      return item;
    }
    if (node.kind === 'more') {
      const item = new vscode.TreeItem(`${plural(node.remaining, 'more event')}…`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `more:${node.group}:${node.offset}`;
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = 'moreEvents';
      return item;
    }
    if (node.kind === 'event') {
      const { key, event } = node.entry;
      const item = new vscode.TreeItem(event.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = key;
      item.description = eventDescription(event);
      item.tooltip = eventTooltip(event);
      const style = kindStyle(event.kind);
      item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color));
      item.contextValue = event.date ? 'event.dated' : 'event.undated';
      return item;
    }
    const { mention } = node;
    const item = new vscode.TreeItem(mention.documentTitle || fileNameOf(mention.uri), vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = mentionDescription(mention);
    item.tooltip = `${mention.sentence}\n— ${mention.documentTitle || fileNameOf(mention.uri)}`;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'eventMention';
    item.command = { command: 'corpusLens.revealInEditor', title: 'Reveal in Editor', arguments: [node] };
    return item;
  }
}
