// The Events view: year → month → event (undated events last), each event's reports under it.
// A filter (one entity, or one document) narrows it; the view's description names the filter.
import * as vscode from 'vscode';
import { EventsRequest, type EventMentionSummary, type EventsParams, type EventSummary } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { fileNameOf } from '../format.js';
import {
  eventDescription, eventTooltip, firstMentionPerDocument, groupDescription, groupEventsByDate, mentionDescription,
  type DateGroup, type EventEntry, type MonthGroup,
} from './eventGroups.js';
import { ServerTree } from './serverTree.js';

export const EVENTS_VIEW = 'corpusLens.events';
/** Context key: true while the Events view is filtered (shows the Clear Filter button). */
const FILTERED_CONTEXT = 'corpusLens.events.filtered';

export type EventsFilter = { entity: { id: string; name: string } } | { document: { uri: string; title: string } };

export type EventsNode =
  | { kind: 'dateGroup'; group: DateGroup | MonthGroup }
  | { kind: 'event'; entry: EventEntry }
  | { kind: 'eventMention'; key: string; event: EventSummary; mention: EventMentionSummary };

export class EventsTree extends ServerTree<DateGroup[], EventsNode> {
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

  protected async fetch(): Promise<DateGroup[]> {
    const f = this.filter;
    // Brief: at 10,000 articles the mentions of every event are 150 MB; an event's come when it is expanded.
    const params: EventsParams = { brief: true, ...(!f ? {} : 'entity' in f ? { entity: f.entity.id } : { uri: f.document.uri }) };
    return groupEventsByDate(await this.server.request(EventsRequest, params));
  }

  /** Unfiltered and empty, the welcome content speaks (whether or not there are documents). */
  protected override welcomeShown(groups: DateGroup[]): boolean {
    return groups.length === 0 && !this.filter;
  }

  protected emptyMessage(groups: DateGroup[]): string | undefined {
    if (groups.length > 0) return undefined;
    const f = this.filter;
    if (!f) return 'No events found in the corpus yet.';
    return 'entity' in f ? `No events with ${f.entity.name} found.` : `No events reported in ${f.document.title}.`;
  }

  async getChildren(node?: EventsNode): Promise<EventsNode[]> {
    if (!node) return ((await this.current()) ?? []).map((group) => ({ kind: 'dateGroup', group }));
    if (node.kind === 'dateGroup') {
      const group = node.group;
      const events: EventsNode[] = group.events.map((entry) => ({ kind: 'event', entry }));
      const months: EventsNode[] = group.kind === 'year' ? group.months.map((month) => ({ kind: 'dateGroup', group: month })) : [];
      return [...events, ...months];
    }
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

  getTreeItem(node: EventsNode): vscode.TreeItem {
    if (node.kind === 'dateGroup') {
      const group = node.group;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = group.key;
      const count = group.kind === 'year' ? group.count : group.events.length;
      item.description = groupDescription(count);
      item.iconPath = new vscode.ThemeIcon(group.kind === 'undated' ? 'question' : group.kind === 'year' ? 'calendar' : 'milestone');
      item.contextValue = 'dateGroup';
      return item;
    }
    if (node.kind === 'event') {
      const { key, event } = node.entry;
      const item = new vscode.TreeItem(event.title, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = key;
      item.description = eventDescription(event);
      item.tooltip = eventTooltip(event);
      item.iconPath = new vscode.ThemeIcon('symbol-event');
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
