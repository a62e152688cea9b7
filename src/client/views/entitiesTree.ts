// The Entities view: type → entity → its mentions (fetched when the entity is opened), each
// mention shown in its line with the name highlighted.
import * as vscode from 'vscode';
import { EntitiesRequest, EntityMentionsRequest, type EntitySummary, type EntityType, type Location } from '../../protocol.js';
import type { CorpusServer } from '../corpusServer.js';
import { fileNameOf, plural } from '../format.js';
import { DocumentLines } from './documentLines.js';
import { entityDescription, entityTooltip, groupEntitiesByType, snippetAround, type EntityGroup } from './entityGroups.js';
import { ServerTree } from './serverTree.js';

export const ENTITIES_VIEW = 'corpusLens.entities';

export type EntitiesNode =
  | { kind: 'entityGroup'; group: EntityGroup }
  | { kind: 'entity'; entity: EntitySummary }
  | { kind: 'entityMention'; key: string; entity: EntitySummary; location: Location; label: vscode.TreeItemLabel };

/** Codicons per type: https://code.visualstudio.com/api/references/icons-in-labels */
const TYPE_ICONS: Record<EntityType, string> = {
  PERSON: 'person',
  ORG: 'organization',
  PLACE: 'location',
  NORP: 'globe',
  MISC: 'symbol-misc',
};

export class EntitiesTree extends ServerTree<EntityGroup[], EntitiesNode> {
  private readonly lines = new DocumentLines();

  constructor(server: CorpusServer) {
    super(ENTITIES_VIEW, server);
  }

  override refresh(): void {
    this.lines.clear();
    super.refresh();
  }

  protected async fetch(): Promise<EntityGroup[]> {
    return groupEntitiesByType(await this.server.request(EntitiesRequest, {}));
  }

  protected override welcomeShown(groups: EntityGroup[]): boolean {
    return groups.length === 0;
  }

  protected emptyMessage(groups: EntityGroup[]): string | undefined {
    return groups.length === 0 ? 'No names found in the corpus yet.' : undefined;
  }

  async getChildren(node?: EntitiesNode): Promise<EntitiesNode[]> {
    if (!node) return ((await this.current()) ?? []).map((group) => ({ kind: 'entityGroup', group }));
    if (node.kind === 'entityGroup') return node.group.entities.map((entity) => ({ kind: 'entity', entity }));
    if (node.kind === 'entity') return this.mentionsOf(node.entity);
    return [];
  }

  private async mentionsOf(entity: EntitySummary): Promise<EntitiesNode[]> {
    let locations: Location[];
    try {
      locations = await this.server.request(EntityMentionsRequest, { id: entity.id });
    } catch (error) {
      void vscode.window.showWarningMessage(`Corpus Lens: the mentions of ${entity.name} could not be listed (${error instanceof Error ? error.message : String(error)}).`);
      return [];
    }
    return Promise.all(
      locations.map(async (location, index): Promise<EntitiesNode> => {
        const { start, end } = location.range;
        const text = await this.lines.line(location.uri, start.line);
        const snippet = snippetAround(text, start.character, start.line === end.line ? end.character : text.length);
        const label: vscode.TreeItemLabel = snippet.text.trim()
          ? { label: snippet.text, highlights: [snippet.highlight] }
          : { label: `${fileNameOf(location.uri)}:${start.line + 1}` };
        return { kind: 'entityMention', key: `${entity.id}|${index}|${location.uri}|${start.line}:${start.character}`, entity, location, label };
      }),
    );
  }

  getTreeItem(node: EntitiesNode): vscode.TreeItem {
    if (node.kind === 'entityGroup') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.group.key;
      item.description = plural(node.group.entities.length, 'entity', 'entities');
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.group.type]);
      item.contextValue = 'entityGroup';
      return item;
    }
    if (node.kind === 'entity') {
      const { entity } = node;
      const item = new vscode.TreeItem(entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `entity:${entity.id}`;
      item.description = entityDescription(entity);
      item.tooltip = entityTooltip(entity);
      item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[entity.type] ?? 'symbol-misc');
      item.contextValue = 'entity';
      return item;
    }
    const { location } = node;
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
    item.id = node.key;
    item.description = `${fileNameOf(location.uri)}:${location.range.start.line + 1}`;
    item.tooltip = `${node.entity.name} in ${fileNameOf(location.uri)}, line ${location.range.start.line + 1}`;
    item.iconPath = new vscode.ThemeIcon('symbol-text');
    item.contextValue = 'entityMention';
    item.command = { command: 'corpusLens.revealInEditor', title: 'Reveal in Editor', arguments: [node] };
    return item;
  }
}
