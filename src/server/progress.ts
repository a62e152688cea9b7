// A cancellable progress notification in the editor (LSP work done progress), as the open-document
// analysis reports it; undefined when the client does not show progress.
import type { Connection } from 'vscode-languageserver';
import type { ProgressReporter } from './openAnalysis.js';

export async function workDoneProgress(connection: Connection, title: string): Promise<ProgressReporter | undefined> {
  let reporter;
  try {
    reporter = await connection.window.createWorkDoneProgress();
  } catch {
    return undefined;
  }
  reporter.begin(title, 0, undefined, true);
  return {
    report: (percentage, message) => (message === undefined ? reporter.report(percentage) : reporter.report(percentage, message)),
    done: () => reporter.done(),
    onCancel: (listener) => void reporter.token.onCancellationRequested(listener),
  };
}
