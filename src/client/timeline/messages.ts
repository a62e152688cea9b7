// The messages between the timeline webview (media/timeline/timeline.js) and the extension.
// No `vscode` here.
import type { TimelineModel } from './timelineModel.js';

/** Extension → webview. */
export type ToWebview =
  /** The events to draw; `focus` is an event id to scroll to and highlight. */
  | { type: 'model'; model: TimelineModel; focus: string | null; message: string | null }
  /** Scroll to and highlight an event already drawn. */
  | { type: 'focus'; id: string };

/** Webview → extension. */
export type FromWebview =
  /** The page has loaded and listens: send the model. */
  | { type: 'ready' }
  /** The user clicked an event: open its reports. */
  | { type: 'openEvent'; id: string };

/** Checks what the webview sent: it is a page showing document text, so its messages are not trusted blindly. */
export function parseFromWebview(message: unknown): FromWebview | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'openEvent' && typeof m.id === 'string') return { type: 'openEvent', id: m.id };
  return null;
}
