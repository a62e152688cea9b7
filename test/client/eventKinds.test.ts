// Each kind of event has its own icon in the Events view, in the colour of its group on the timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KIND_GROUPS, kindStyle } from '../../src/client/views/eventKinds.js';

/** The kinds the core extracts (src/core/events/kinds.ts), and `other`. */
const KINDS = [...[.../type EventKind =([^;]+);/.exec(readFileSync(path.resolve('src/core/events/kinds.ts'), 'utf8'))![1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!), 'other'];

/** The colour the timeline's stylesheet gives a kind, as a theme colour id: `--vscode-charts-red` → `charts.red`. */
function timelineColour(kind: string): string {
  const css = readFileSync(path.resolve('media/timeline/timeline.css'), 'utf8');
  for (const rule of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (rule[1]!.split(',').some((sel) => sel.trim() === `[data-kind='${kind}'] .mark`)) return themeColour(rule[2]!);
  }
  return themeColour(/\n\.mark\s*\{([^}]*)\}/.exec(css)![1]!);
}
const themeColour = (declarations: string) => /background:\s*var\(--vscode-([\w-]+?)[,)]/.exec(declarations)![1]!.replace('-', '.');

function check(kind: string, expected: { icon: string; color: string }): void {
  assert.deepEqual(kindStyle(kind), expected, kind);
}

test('every kind has an icon of its own, in the colour the timeline gives it', () => {
  const icons = new Map<string, string>();
  for (const kind of KINDS) {
    const { icon, color } = kindStyle(kind);
    assert.equal(color, timelineColour(kind), `${kind}: the tree's colour is not the timeline's`);
    assert.equal(icons.get(icon), undefined, `${kind} and ${icons.get(icon)} share the icon ${icon}`);
    icons.set(icon, kind);
  }
  assert.deepEqual(new Set(KIND_GROUPS.flatMap((g) => g.kinds.map(([k]) => k))), new Set(KINDS), 'the groups list exactly the kinds');
});

test('a few kinds, as a reader sees them', () => {
  check('meeting', { icon: 'comment-discussion', color: 'charts.blue' });
  check('attack', { icon: 'flame', color: 'charts.red' });
  check('verdict', { icon: 'checklist', color: 'charts.orange' });
  check('disaster', { icon: 'zap', color: 'charts.foreground' });
  // A kind a newer server sends and this client does not know: drawn as `other`.
  check('coronation', { icon: 'symbol-event', color: 'charts.foreground' });
});
