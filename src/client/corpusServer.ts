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
    this.state = params;
    this.changed.fire(params);
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
