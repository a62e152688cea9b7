// What happens when the language server process dies: restart it, a bounded number of times in a
// window of time, and tell the user each time; past the bound, stop and say how to start it again.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages in a row can be noise; many mean the connection is gone.
    return { action: count && count > 3 ? ErrorAction.Shutdown : ErrorAction.Continue };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      void vscode.window.showErrorMessage(
        `Corpus Lens: the language server stopped ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. See "Corpus Lens: Show Server Log", then run "Corpus Lens: Restart Language Server".`,
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    void vscode.window.showWarningMessage(`Corpus Lens: the language server stopped unexpectedly and was restarted (${this.restarts.length} of ${MAX_RESTARTS}).`);
    return { action: CloseAction.Restart, handled: true };
  }
}
