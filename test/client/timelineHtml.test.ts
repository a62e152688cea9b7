// The timeline page: a strict Content-Security-Policy, and no way in for document text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFromWebview } from '../../src/client/timeline/messages.js';
import { contentSecurityPolicy, LEGEND, newNonce, timelineHtml } from '../../src/client/timeline/timelineHtml.js';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abc123==',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline/timeline.css',
  layoutScriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline/layout.js',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline/timeline.js',
  keysScriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/timeline/keys.js',
};

test('the policy allows nothing by default, scripts only by nonce, styles only from the extension or by nonce', () => {
  const csp = contentSecurityPolicy(resources.cspSource, 'N');
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, /script-src 'nonce-N'(;|$)/);
  assert.match(csp, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net 'nonce-N'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:(?!\/\/file\+)/);
});

test('the page carries the policy, and every script and stylesheet bears the nonce', () => {
  const html = timelineHtml(resources);
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'no CSP meta tag');
  assert.equal(meta[1], contentSecurityPolicy(resources.cspSource, resources.nonce));
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.equal(scripts.length, 3);
  for (const tag of [...scripts, /<link\b[^>]*>/.exec(html)![0]]) assert.match(tag, /nonce="abc123=="/);
  assert.doesNotMatch(html, /<script\b[^>]*>[^<\s]/, 'no inline script');
  assert.doesNotMatch(html, /\son\w+=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /style="/, 'no inline styles');
});

test('attribute values are escaped', () => {
  const html = timelineHtml({ ...resources, scriptUri: 'https://x/"><script>alert(1)</script>' });
  assert.doesNotMatch(html, /"><script>alert/);
});

test('nonces are fresh and long', () => {
  const a = newNonce();
  assert.notEqual(a, newNonce());
  assert.ok(Buffer.from(a, 'base64').length >= 16);
});

test('the webview script never turns data into markup', () => {
  for (const file of ['timeline.js', 'layout.js']) {
    const js = readFileSync(path.resolve('media/timeline', file), 'utf8');
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
  }
});

test('messages from the webview are checked', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready', lanes: 'participant' });
  assert.deepEqual(parseFromWebview({ type: 'ready', lanes: 'document' }), { type: 'ready', lanes: 'document' });
  assert.deepEqual(parseFromWebview({ type: 'window', lanes: 'odd', start: 19000, end: 19400.5 }), { type: 'window', lanes: 'participant', start: 19000, end: 19400.5 });
  assert.equal(parseFromWebview({ type: 'window', start: '19000', end: 19400 }), null);
  assert.equal(parseFromWebview({ type: 'window', start: 19000, end: Infinity }), null);
  assert.deepEqual(parseFromWebview({ type: 'openEvent', id: 'event:x', extra: 1 }), { type: 'openEvent', id: 'event:x' });
  assert.equal(parseFromWebview({ type: 'openEvent', id: 3 }), null);
  assert.equal(parseFromWebview({ type: 'runCommand', id: 'x' }), null);
  assert.equal(parseFromWebview('ready'), null);
  assert.equal(parseFromWebview(null), null);
});

test('the legend names every kind of event once, beside the colour the chart gives it', () => {
  const kinds = [.../type EventKind =([^;]+);/.exec(readFileSync(path.resolve('src/core/events/kinds.ts'), 'utf8'))![1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
  const css = readFileSync(path.resolve('media/timeline/timeline.css'), 'utf8');
  /** The colour the stylesheet gives an event of this kind on the chart (the default for none). */
  const colourOf = (kind: string) => {
    for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      if (rule[1]!.split(',').some((sel) => sel.trim() === `[data-kind='${kind}'] .mark`)) return /background:\s*([^;]+);/.exec(rule[2]!)![1];
    }
    return 'default';
  };
  for (const kind of kinds) {
    const entries = LEGEND.filter(([, label]) => label.toLowerCase().split(', ').includes(kind));
    assert.equal(entries.length, 1, `${kind} is named ${entries.length} times in the legend`);
    assert.equal(colourOf(entries[0]![0]), colourOf(kind), `${kind} is drawn in another colour than its legend entry`);
  }
  const html = timelineHtml(resources);
  for (const [kind, label] of LEGEND) assert.ok(html.includes(`<li data-kind="${kind}"><span class="mark" aria-hidden="true"></span>${label}</li>`));
});
