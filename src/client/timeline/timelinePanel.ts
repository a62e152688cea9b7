// The timeline: one webview panel plotting the corpus's events on a time axis. It is filled by
// message (the page itself holds no document text) with the window it shows, asked of the server
// as the user pans and zooms (corpusLens/timeline: events when zoomed in, counts when zoomed out),
// refreshed after the index changes, and a click on an event opens its reports.
import * as vscode from 'vscode';
import { EventsRequest, TimelineRequest, type TimelineParams, type TimelineWindow } from '../../protocol.js';
import { requestFailure, type CorpusServer } from '../corpusServer.js';
import { debounce } from '../debounce.js';
import { revealEvent } from '../views/reveal.js';
import { REFRESH_DEBOUNCE_MS } from '../views/serverTree.js';
import { parseFromWebview, type ToWebview } from './messages.js';
import { newNonce, timelineHtml } from './timelineHtml.js';
import { timelineModel, type LaneMode, type TimelineModel } from './timelineModel.js';

export const VIEW_TYPE = 'corpusLens.timeline';
const TITLE = 'Corpus Lens Timeline';
const EMPTY: TimelineWindow = { domain: null, window: null, lanes: [], otherLanes: 0, inWindow: 0, detail: 'events', events: [], unit: null, periods: [], counts: [], dated: 0, undated: 0, undatedEvents: [], joining: false };

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What the page last asked for (asked again after the index changes), and a count that drops answers overtaken by a newer request. */
  private params: TimelineParams = { lanes: 'participant' };
  private requests = 0;
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
        // The window around the event: it may lie outside the one drawn.
        if (this.ready) void this.update({ lanes: this.params.lanes, around: focus }, focus);
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
      const focus = this.pendingFocus;
      this.pendingFocus = null;
      await this.update(focus ? { lanes: message.lanes, around: focus } : { lanes: message.lanes }, focus);
    } else if (message?.type === 'window') {
      await this.update({ lanes: message.lanes, window: { start: message.start, end: message.end } });
    } else if (message?.type === 'openEvent') {
      try {
        const [event] = await this.server.request(EventsRequest, { id: message.id });
        if (event) await revealEvent(event);
      } catch (error) {
        void vscode.window.showWarningMessage(requestFailure(error));
      }
    }
  }

  /** Asks the server for a window (by default the last one asked for) and sends the page its model. */
  private async update(params: TimelineParams = this.params, focus: string | null = null): Promise<void> {
    if (!this.panel || !this.ready) return;
    // After a focus, the page goes on from the window drawn, not from the event.
    this.params = params.around ? { lanes: params.lanes } : params;
    const request = ++this.requests;
    const lanes: LaneMode = params.lanes;
    let model: TimelineModel;
    let note: string | null = null;
    try {
      const answer = await this.server.request(TimelineRequest, params);
      if (request !== this.requests) return; // a newer window was asked for meanwhile
      model = timelineModel(answer, lanes);
      if (answer.dated + answer.undated === 0) note = this.server.state?.indexing ? 'Indexing the corpus…' : answer.joining ? 'Joining the events of the corpus…' : 'No events found in the corpus yet.';
    } catch (error) {
      if (request !== this.requests) return;
      model = timelineModel(EMPTY, lanes);
      note = requestFailure(error);
    }
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
