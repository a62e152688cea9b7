// What the three sidebar trees share: data fetched from the server when the view asks for it,
// dropped and fetched again after the index changes (debounced; not when it holds the change
// already), and a message in the view when the answer is empty, the index is still being built,
// or the server did not answer. Nodes carry stable ids, so VS Code keeps what was expanded across
// a refresh.
import * as vscode from 'vscode';
import type { IndexChangedParams } from '../../protocol.js';
import { requestFailure, type CorpusServer } from '../corpusServer.js';
import { debounce } from '../debounce.js';

/** How long after the last index change the trees refresh. */
export const REFRESH_DEBOUNCE_MS = 200;

export abstract class ServerTree<Data, Node> implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private data: Promise<Data | undefined> | undefined;
  /** Whether the server was indexing when the data was asked for (the view's message says so). */
  private dataWhileIndexing: boolean | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    viewId: string,
    protected readonly server: CorpusServer,
  ) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true });
    const refreshSoon = debounce((state: IndexChangedParams) => void this.refreshFor(state), REFRESH_DEBOUNCE_MS);
    this.subscriptions.push(this.view, this.changed, server.onIndexChanged((state) => refreshSoon(state)), { dispose: () => refreshSoon.cancel() });
  }

  /** After the index changed: fetched again, unless the data already answers that state of the index. */
  private async refreshFor(state: IndexChangedParams): Promise<void> {
    const indexing = this.dataWhileIndexing;
    const data = await this.data;
    if (data !== undefined && indexing === state.indexing && this.answers(data, state)) return;
    this.refresh();
  }

  /**
   * Whether data fetched already holds every change up to this state of the index. Views whose
   * answer says the version it was read at say so; the others are fetched again after each change.
   */
  protected answers(data: Data, state: IndexChangedParams): boolean {
    void data;
    void state;
    return false;
  }

  /** Forgets the data; the view asks again for what it shows. */
  refresh(): void {
    this.generation++;
    this.data = undefined;
    this.changed.fire(undefined);
  }

  /** The data, fetched once per refresh. Undefined when the server failed (the view says so). */
  protected current(): Promise<Data | undefined> {
    const generation = this.generation;
    if (!this.data) this.dataWhileIndexing = this.server.state?.indexing;
    this.data ??= this.fetch().then(
      (data) => {
        if (generation === this.generation) this.view.message = this.messageFor(data);
        return data;
      },
      (error: unknown) => {
        if (generation === this.generation) this.view.message = requestFailure(error);
        return undefined;
      },
    );
    return this.data;
  }

  private messageFor(data: Data): string | undefined {
    const empty = this.emptyMessage(data);
    if (this.server.state?.indexing) return empty ? 'Indexing the corpus…' : undefined;
    return this.welcomeShown(data) ? undefined : empty;
  }

  /**
   * The view's welcome content (package.json, viewsWelcome) says what to do next instead of the
   * message: by default while the corpus has no documents.
   */
  protected welcomeShown(data: Data): boolean {
    void data;
    return this.server.state?.documents === 0;
  }

  protected abstract fetch(): Promise<Data>;
  /** The view's message for this answer: say why it is empty; undefined when there is something to show. */
  protected abstract emptyMessage(data: Data): string | undefined;
  abstract getTreeItem(node: Node): vscode.TreeItem;
  abstract getChildren(node?: Node): Promise<Node[]>;

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
