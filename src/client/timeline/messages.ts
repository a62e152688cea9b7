// The messages between the timeline webview (media/timeline/timeline.js) and the extension.
// No `vscode` here.
import type { LaneMode, TimelineModel } from './timelineModel.js';

/** Extension → webview. */
export type ToWebview =
  /** A window to draw; `focus` is an event id to scroll to and highlight. */
  | { type: 'model'; model: TimelineModel; focus: string | null; message: string | null }
  /** Scroll to and highlight an event already drawn. */
  | { type: 'focus'; id: string };

/** Webview → extension. */
export type FromWebview =
  /** The page has loaded and listens: send the first view, with these lanes. */
  | { type: 'ready'; lanes: LaneMode }
  /** The user panned, zoomed or switched lanes: send these days, [start, end), at the detail that fits. */
  | { type: 'window'; lanes: LaneMode; start: number; end: number }
  /** The user clicked an event: open its reports. */
  | { type: 'openEvent'; id: string };

const laneMode = (v: unknown): LaneMode => (v === 'document' ? 'document' : 'participant');

/** Checks what the webview sent: it is a page showing document text, so its messages are not trusted blindly. */
export function parseFromWebview(message: unknown): FromWebview | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready', lanes: laneMode(m.lanes) };
  if (m.type === 'window' && Number.isFinite(m.start) && Number.isFinite(m.end)) return { type: 'window', lanes: laneMode(m.lanes), start: m.start as number, end: m.end as number };
  if (m.type === 'openEvent' && typeof m.id === 'string') return { type: 'openEvent', id: m.id };
  return null;
}
