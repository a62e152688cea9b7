// The sidebar (Events, Entities, Documents, Orphaned Annotations) and the timeline, with their
// commands. extension.ts calls registerViews once the language client exists.
import * as vscode from 'vscode';
import { AnnotateRequest, DocumentsRequest, EntityAtRequest, RemoveAnnotationRequest } from '../../protocol.js';
import { requestFailure, type CorpusServer } from '../corpusServer.js';
import { TimelinePanel, VIEW_TYPE as TIMELINE_VIEW_TYPE } from '../timeline/timelinePanel.js';
import { fileNameOf } from '../format.js';
import { documentLabel } from './documentLabels.js';
import { DocumentsTree, type DocumentsNode } from './documentsTree.js';
import { EntitiesTree, type EntitiesNode } from './entitiesTree.js';
import { EventsTree, EVENTS_VIEW, type EventsFilter, type EventsNode } from './eventsTree.js';
import { OrphansTree, type OrphanNode } from './orphansTree.js';
import { pointAtAnotherFile } from './pointAt.js';
import { revealEvent, revealLocation, revealMention } from './reveal.js';

type SidebarNode = EventsNode | EntitiesNode | DocumentsNode | OrphanNode;

/** Command ids, as package.json declares them. */
export const COMMANDS = {
  openTimeline: 'corpusLens.openTimeline',
  revealInEditor: 'corpusLens.revealInEditor',
  copyIsoDate: 'corpusLens.copyIsoDate',
  showOnTimeline: 'corpusLens.showOnTimeline',
  showEventsOfEntityAtCursor: 'corpusLens.events.showEntityAtCursor',
  showEventsOfEntity: 'corpusLens.events.showEntity',
  showEventsOfDocument: 'corpusLens.events.showDocument',
  clearEventsFilter: 'corpusLens.events.clearFilter',
  markDocumentReviewed: 'corpusLens.documents.markReviewed',
  openOrphanDocument: 'corpusLens.orphans.openDocument',
  deleteOrphan: 'corpusLens.orphans.delete',
  pointOrphansAt: 'corpusLens.orphans.pointAt',
} as const;

export function registerViews(context: vscode.ExtensionContext, server: CorpusServer): void {
  const events = new EventsTree(server);
  const entities = new EntitiesTree(server);
  const documents = new DocumentsTree(server);
  const orphans = new OrphansTree(server);
  const timeline = new TimelinePanel(context.extensionUri, server);

  const filterEvents = async (filter: EventsFilter): Promise<void> => {
    events.setFilter(filter);
    await vscode.commands.executeCommand(`${EVENTS_VIEW}.focus`);
  };

  context.subscriptions.push(
    events,
    entities,
    documents,
    orphans,
    timeline,
    vscode.commands.registerCommand(COMMANDS.openTimeline, () => timeline.show()),
    // A timeline open when the window closed comes back with it.
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => timeline.restore(panel) }),
    vscode.commands.registerCommand(COMMANDS.revealInEditor, (node?: SidebarNode) => revealNode(node)),
    vscode.commands.registerCommand(COMMANDS.copyIsoDate, async (node?: SidebarNode) => {
      if (node?.kind !== 'event' || !node.entry.event.date) return;
      await vscode.env.clipboard.writeText(node.entry.event.date);
      vscode.window.setStatusBarMessage(`Copied ${node.entry.event.date}`, 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.showOnTimeline, (node?: SidebarNode) => {
      timeline.show(node?.kind === 'event' ? node.entry.event.id : node?.kind === 'eventMention' ? node.event.id : null);
    }),
    vscode.commands.registerCommand(COMMANDS.showEventsOfEntityAtCursor, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Corpus Lens: put the cursor on a name in a corpus document first.');
        return;
      }
      const position = editor.selection.active;
      let entity;
      try {
        entity = await server.request(EntityAtRequest, { uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } });
      } catch (error) {
        void vscode.window.showWarningMessage(requestFailure(error));
        return;
      }
      if (!entity) {
        void vscode.window.showInformationMessage('Corpus Lens: no recognised name under the cursor.');
        return;
      }
      await filterEvents({ entity: { id: entity.id, name: entity.name } });
    }),
    vscode.commands.registerCommand(COMMANDS.showEventsOfEntity, async (node?: SidebarNode) => {
      if (node?.kind === 'entity' || node?.kind === 'entityMention') await filterEvents({ entity: { id: node.entity.id, name: node.entity.name } });
    }),
    vscode.commands.registerCommand(COMMANDS.showEventsOfDocument, async (node?: SidebarNode | vscode.Uri) => {
      const uri = node instanceof vscode.Uri ? node.toString() : node?.kind === 'document' ? node.doc.uri : vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri) {
        void vscode.window.showInformationMessage('Corpus Lens: open a corpus document first.');
        return;
      }
      let summary;
      try {
        [summary] = await server.request(DocumentsRequest, { uris: [uri] });
      } catch (error) {
        void vscode.window.showWarningMessage(requestFailure(error));
        return;
      }
      if (!summary) {
        void vscode.window.showInformationMessage('Corpus Lens: this file is not a corpus document.');
        return;
      }
      await filterEvents({ document: { uri, title: documentLabel(summary) } });
    }),
    vscode.commands.registerCommand(COMMANDS.clearEventsFilter, () => events.setFilter(undefined)),
    vscode.commands.registerCommand(COMMANDS.markDocumentReviewed, async (node?: SidebarNode | vscode.Uri) => {
      const uri = node instanceof vscode.Uri ? node.toString() : node?.kind === 'document' ? node.doc.uri : undefined;
      if (!uri) return;
      const start = { line: 0, character: 0 };
      try {
        const result = await server.request(AnnotateRequest, { uri, range: { start, end: start }, action: 'reviewed' });
        vscode.window.setStatusBarMessage(`Corpus Lens: ${result.message}.`, 5000);
      } catch (error) {
        void vscode.window.showErrorMessage(`Corpus Lens: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.openOrphanDocument, async (node?: SidebarNode) => {
      if (node?.kind === 'orphan') await vscode.window.showTextDocument(vscode.Uri.parse(node.orphan.uri), { preview: true });
    }),
    vscode.commands.registerCommand(COMMANDS.pointOrphansAt, async (node?: SidebarNode) => {
      await pointAtAnotherFile(server, node?.kind === 'missingDocument' ? node.uri : undefined);
      orphans.refresh();
    }),
    vscode.commands.registerCommand(COMMANDS.deleteOrphan, async (node?: SidebarNode) => {
      if (node?.kind !== 'orphan' && node?.kind !== 'missingDocument') return;
      const list = node.kind === 'orphan' ? [node.orphan] : node.orphans;
      if (list.length > 1) {
        const answer = await vscode.window.showWarningMessage(`Delete the ${list.length} annotations of ${fileNameOf(list[0]!.uri)} from the store?`, { modal: true }, 'Delete');
        if (answer !== 'Delete') return;
      }
      try {
        let found = 0;
        for (const o of list) if (await server.request(RemoveAnnotationRequest, { uri: o.uri, id: o.id })) found++;
        const what = list.length === 1 ? `the annotation of “${list[0]!.exact || list[0]!.kind}”` : `${found} annotations`;
        vscode.window.setStatusBarMessage(found ? `Corpus Lens: deleted ${what}.` : 'Corpus Lens: that annotation was already gone.', 5000);
      } catch (error) {
        void vscode.window.showErrorMessage(`Corpus Lens: ${error instanceof Error ? error.message : String(error)}`);
      }
      orphans.refresh();
    }),
  );
}

/** Opens where a tree node points: an event's report, a report's sentence, an entity's definition, a mention, a document. */
async function revealNode(node: SidebarNode | undefined): Promise<void> {
  switch (node?.kind) {
    case 'event':
      return revealEvent(node.entry.event);
    case 'eventMention':
      await revealMention(node.mention);
      return;
    case 'entity':
      await revealLocation(node.entity.definition);
      return;
    case 'entityMention':
      await revealLocation(node.location);
      return;
    case 'document':
      await vscode.window.showTextDocument(vscode.Uri.parse(node.doc.uri), { preview: true });
      return;
    case 'orphan':
      if (node.orphan.reason === 'text') await vscode.window.showTextDocument(vscode.Uri.parse(node.orphan.uri), { preview: true });
      return;
    default:
      return;
  }
}
