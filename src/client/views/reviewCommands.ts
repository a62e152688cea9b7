// The Review view's commands: accept a name as the machine typed it, give it another type, or say
// it is no name; from the row's buttons, its context menu, or the keys (A, T, X while the view has
// the focus: package.json). Each decision goes through the annotating commands' own path, so Undo
// Last Annotation takes it back too.
import * as vscode from 'vscode';
import type { AnnotateParams, EntityType } from '../../protocol.js';
import type { Decide } from '../annotate.js';
import type { CorpusServer } from '../corpusServer.js';
import { ENTITY_TYPES } from './entityGroups.js';
import { openReviewed, REVIEW_COMMANDS, ReviewTree, type ReviewNode } from './reviewTree.js';

export function registerReview(context: vscode.ExtensionContext, server: CorpusServer, decide: Decide): void {
  const tree = new ReviewTree(server);

  /** The row a command is for: the one whose button or menu was used, else the selected one. */
  const rowOf = (node?: ReviewNode): Extract<ReviewNode, { kind: 'review' }> | undefined => {
    const row = node ?? tree.view.selection[0];
    return row?.kind === 'review' ? row : undefined;
  };

  // Keys pressed while a decision is under way wait for it: until the next row is selected they
  // would act on the row being left, and a pick opened meanwhile would close when the view takes
  // the focus back.
  let busy: Promise<unknown> = Promise.resolve();

  function decideOn(node: ReviewNode | undefined, params: Pick<AnnotateParams, 'action' | 'type'>): Promise<void> {
    const run = busy.then(async () => {
      const row = rowOf(node);
      if (!row) {
        vscode.window.setStatusBarMessage('Corpus Lens: select a name in the Review view first.', 3000);
        return;
      }
      // An entity without a type: the row's, as the machine says.
      const type = params.action === 'entity' ? (params.type ?? row.item.type) : undefined;
      if (await decide({ uri: row.item.uri, range: row.item.range, action: params.action, type })) await tree.afterDecision(row.index);
    });
    busy = run.catch(() => undefined);
    return run;
  }

  async function changeType(node?: ReviewNode): Promise<void> {
    await busy;
    const row = rowOf(node);
    if (!row) return decideOn(undefined, { action: 'entity' });
    type Pick = vscode.QuickPickItem & { type: EntityType };
    const picks = ENTITY_TYPES.map(({ type, label }): Pick => ({ label, description: type === row.item.type ? 'as the machine says' : undefined, type }));
    const chosen = await vscode.window.showQuickPick(picks, { placeHolder: `What is “${row.item.text}”?` });
    if (chosen) await decideOn(row, { action: 'entity', type: chosen.type });
  }

  context.subscriptions.push(
    tree,
    vscode.commands.registerCommand(REVIEW_COMMANDS.open, async (node?: ReviewNode) => {
      const row = rowOf(node);
      if (row) await openReviewed(row.item);
    }),
    vscode.commands.registerCommand(REVIEW_COMMANDS.more, () => tree.showMore()),
    vscode.commands.registerCommand(REVIEW_COMMANDS.accept, (node?: ReviewNode) => decideOn(node, { action: 'entity' })),
    vscode.commands.registerCommand(REVIEW_COMMANDS.changeType, changeType),
    vscode.commands.registerCommand(REVIEW_COMMANDS.notEntity, (node?: ReviewNode) => decideOn(node, { action: 'not-entity' })),
    vscode.commands.registerCommand(REVIEW_COMMANDS.refresh, () => tree.refresh()),
  );
}
