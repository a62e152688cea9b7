// What the name model learned from the user's decisions, on the client's side: the status bar
// says how many names the last decisions changed across the corpus, and a command forgets what was
// learned.
import * as vscode from 'vscode';
import { ForgetLearnedRequest, type LearnedResult } from '../protocol.js';
import { requestFailure, type CorpusServer } from './corpusServer.js';
import { learnedMessage } from './learnedMessage.js';

export function registerLearning(context: vscode.ExtensionContext, server: CorpusServer): void {
  context.subscriptions.push(vscode.commands.registerCommand('corpusLens.forgetLearned', async () => {
    try {
      void vscode.window.showInformationMessage(`Corpus Lens: ${await server.request(ForgetLearnedRequest, null)}`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Corpus Lens: could not forget what was learned: ${requestFailure(e)}`);
    }
  }));
}

/** The server's notification that the learned weights changed and the corpus followed. */
export function showLearned(result: LearnedResult): void {
  vscode.window.setStatusBarMessage(learnedMessage(result), 10_000);
}
