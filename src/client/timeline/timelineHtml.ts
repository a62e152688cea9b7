// The timeline webview's page: a fixed shell with a strict Content-Security-Policy. It carries no
// document text; the data comes afterwards by message and the script places it with textContent.
// No `vscode` here (unit-tested in test/client/).
import { randomBytes } from 'node:crypto';
import { groupLabel, KIND_GROUPS } from '../views/eventKinds.js';

export interface TimelinePageResources {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Webview URIs (as strings) of the files in media/timeline/. */
  styleUri: string;
  layoutScriptUri: string;
  scriptUri: string;
  keysScriptUri: string;
  /** A fresh random value per page; see {@link newNonce}. */
  nonce: string;
}

/** 128 random bits, base64: a CSP nonce. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The Content-Security-Policy: nothing but our own stylesheet and our scripts, by nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** The kinds of event and the colour each group has (timeline.css, eventKinds.ts), for the legend: a kind that shares its group's colour is named with it. */
export const LEGEND: ReadonlyArray<readonly [string, string]> = KIND_GROUPS.map((group) => [group.key, groupLabel(group)]);

const escapeAttribute = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function timelineHtml(r: TimelinePageResources): string {
  const a = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${a(contentSecurityPolicy(r.cspSource, r.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${a(r.styleUri)}" nonce="${a(r.nonce)}">
<title>Corpus Lens Timeline</title>
</head>
<body>
<header class="toolbar" role="toolbar" aria-label="Timeline">
  <span class="lanes-switch" role="radiogroup" aria-label="Lanes">
    <span class="switch-label">Lanes:</span>
    <button type="button" id="lanes-participant" role="radio" aria-checked="true">Participants</button>
    <button type="button" id="lanes-document" role="radio" aria-checked="false">Documents</button>
  </span>
  <span class="zoom" aria-label="Zoom">
    <button type="button" id="zoom-out" title="Zoom out (Ctrl+wheel)" aria-label="Zoom out">−</button>
    <button type="button" id="zoom-in" title="Zoom in (Ctrl+wheel)" aria-label="Zoom in">+</button>
    <button type="button" id="zoom-fit" title="Show the whole time span">Fit</button>
  </span>
  <span id="summary" class="summary" aria-live="polite"></span>
</header>
<ul class="legend" aria-label="Kinds of event">
${LEGEND.map(([kind, label]) => `  <li data-kind="${kind}"><span class="mark" aria-hidden="true"></span>${label}</li>`).join('\n')}
</ul>
<main>
  <p id="message" class="message" hidden></p>
  <div id="chart" class="chart" tabindex="0" aria-label="Dated events on a time axis, in lanes. Tab to the events; the arrow keys move between them, Enter opens one; plus and minus zoom." aria-roledescription="timeline"></div>
  <section id="undated" class="undated" aria-labelledby="undated-heading" hidden>
    <h2 id="undated-heading"></h2>
    <ul id="undated-list"></ul>
  </section>
</main>
<script nonce="${a(r.nonce)}" src="${a(r.layoutScriptUri)}"></script>
<script nonce="${a(r.nonce)}" src="${a(r.scriptUri)}"></script>
<script nonce="${a(r.nonce)}" src="${a(r.keysScriptUri)}"></script>
</body>
</html>
`;
}
