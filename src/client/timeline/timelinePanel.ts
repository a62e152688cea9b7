// The timeline: one webview panel plotting the corpus's events on a time axis. It is filled by
// message (the page itself holds no document text), refreshed after the index changes, and a
// click on an event opens its reports.
import * as vscode from 'vscode';
import { EventsRequest, type EventSummary } from '../../protocol.js';
import { requestFailure, type CorpusServer } from '../corpusServer.js';
import { debounce } from '../debounce.js';
import { revealEvent } from '../views/reveal.js';
import { REFRESH_DEBOUNCE_MS } from '../views/serverTree.js';
import { parseFromWebview, type ToWebview } from './messages.js';
import { newNonce, timelineHtml } from './timelineHtml.js';
import { buildTimelineModel, type TimelineModel } from './timelineModel.js';

export const VIEW_TYPE = 'corpusLens.timeline';
const TITLE = 'Corpus Lens Timeline';

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private events: EventSummary[] = [];
  /** The page has said it listens. */
  private ready = false;
  /** An event to bring into view once the model is drawn. */
  private pendingFocus: string | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: CorpusServer,
  ) {
    const refreshSoon = debounce(() => void this.update(), REFRESH_DEBOUNCE_MS);
    this.subscriptions.push(server.onIndexChanged(() => this.panel && refreshSoon()), { dispose: () => refreshSoon.cancel() });
  }

  /** Opens the timeline beside the article (or brings it forward); with an event id, scrolls to that event. */
  show(focus: string | null = null): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      if (focus) {
        if (this.ready) void this.post({ type: 'focus', id: focus });
        else this.pendingFocus = focus;
      }
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, TITLE, vscode.ViewColumn.Beside, this.options());
    this.attach(panel, focus);
  }

  /** A timeline panel VS Code kept across a window reload (the serializer): filled again; the page keeps its lanes and zoom. */
  restore(panel: vscode.WebviewPanel): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.attach(panel, null);
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline')] };
  }

  private attach(panel: vscode.WebviewPanel, focus: string | null): void {
    this.pendingFocus = focus;
    this.ready = false;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline');
    // Drawn for each theme: one icon would fade on light themes or glare on dark ones.
    panel.iconPath = { light: vscode.Uri.joinPath(media, 'icon-light.svg'), dark: vscode.Uri.joinPath(media, 'icon-dark.svg') };
    const uri = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(media, file)).toString();
    panel.webview.html = timelineHtml({
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      styleUri: uri('timeline.css'),
      layoutScriptUri: uri('layout.js'),
      scriptUri: uri('timeline.js'),
      keysScriptUri: uri('keys.js'),
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw));
    // A hidden webview loses its page (messages to it are dropped); shown again, the page loads
    // anew and says 'ready', and gets the model (and any focus asked for meanwhile) then.
    panel.onDidChangeViewState(({ webviewPanel }) => {
      if (!webviewPanel.visible) this.ready = false;
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.ready = false;
    });
    this.panel = panel;
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (message?.type === 'ready') {
      this.ready = true;
      await this.update();
    } else if (message?.type === 'openEvent') {
      const event = this.events.find((e) => e.id === message.id);
      if (event) await revealEvent(event);
    }
  }

  /** Fetches the events and sends the page its model. */
  private async update(): Promise<void> {
    if (!this.panel || !this.ready) return;
    let model: TimelineModel;
    let note: string | null = null;
    try {
      this.events = await this.server.request(EventsRequest, {});
      model = buildTimelineModel(this.events);
      if (this.events.length === 0) note = this.server.state?.indexing ? 'Indexing the corpus…' : 'No events found in the corpus yet.';
    } catch (error) {
      this.events = [];
      model = buildTimelineModel([]);
      note = requestFailure(error);
    }
    const focus = this.pendingFocus;
    this.pendingFocus = null;
    await this.post({ type: 'model', model, focus, message: note });
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel?.webview.postMessage(message) ?? Promise.resolve(false);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
