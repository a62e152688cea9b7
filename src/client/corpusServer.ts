// The views' handle on the language server: typed custom requests, and the index-changed
// notification as a VS Code event (the client allows one handler per notification, so
// extension.ts owns that handler and forwards it here).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { IndexChangedParams, Request } from '../protocol.js';

export class CorpusServer implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<IndexChangedParams>();
  /** Fires after the server's index changes (the server debounces; views debounce again). */
  readonly onIndexChanged = this.changed.event;
  /** The last notification: `indexing` says whether the workspace is still being read. */
  state: IndexChangedParams | undefined;

  /** `started` settles when the client has started (or failed to). */
  constructor(
    private readonly client: LanguageClient,
    private readonly started: Promise<void>,
  ) {}

  /** Sends a custom request typed in protocol.ts, once the client runs. */
  async request<P, R>(request: Request<P, R>, params: P, token?: vscode.CancellationToken): Promise<R> {
    await this.started;
    // Only a real token: an `undefined` third argument would be sent as a positional parameter.
    return token ? this.client.sendRequest<R>(request.method, params, token) : this.client.sendRequest<R>(request.method, params);
  }

  indexChanged(params: IndexChangedParams): void {
    // The views' welcome content keys on these (package.json, viewsWelcome).
    if (this.state?.indexing !== params.indexing) void vscode.commands.executeCommand('setContext', 'corpusLens.indexing', params.indexing);
    if (this.state?.documents !== params.documents) void vscode.commands.executeCommand('setContext', 'corpusLens.documentCount', params.documents);
    if (!this.state) void vscode.commands.executeCommand('setContext', 'corpusLens.started', true);
    this.state = params;
    this.changed.fire(params);
  }

  /** Resolves with the first index state that satisfies the predicate (now, or when it comes), or undefined after `timeoutMs`. */
  whenIndex(predicate: (state: IndexChangedParams) => boolean, timeoutMs: number): Promise<IndexChangedParams | undefined> {
    if (this.state && predicate(this.state)) return Promise.resolve(this.state);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(undefined);
      }, timeoutMs);
      const listener = this.onIndexChanged((state) => {
        if (!predicate(state)) return;
        clearTimeout(timer);
        listener.dispose();
        resolve(state);
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** A short reason for a failed request, for a view's message. */
export function requestFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `Corpus Lens: the language server did not answer (${text}).`;
}
