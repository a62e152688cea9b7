// The extension's default keys collide with nothing: checked against VS Code's own default
// keybindings of each platform (test/fixtures/vscode-keybindings/, written by
// scripts/vscode-keybindings.ts from a real VS Code; each file names its source), and against what a
// keyboard types: Ctrl+Alt is AltGr on Windows (and on Linux with many layouts: Polish ó, ł, ń, ż),
// Option+letter types a character on macOS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { displayKey, keyFor, manifestKey, normaliseKey, type Keybinding, type Platform } from '../../src/client/keys.js';

const manifest: Keybinding[] = JSON.parse(readFileSync('package.json', 'utf8')).contributes.keybindings;
const PLATFORMS: Platform[] = ['linux', 'windows', 'macos'];

function vscodeDefaults(platform: Platform): { source: string; keybindings: Array<{ key: string; command: string }> } {
  return JSON.parse(readFileSync(path.join('test', 'fixtures', 'vscode-keybindings', `${platform}.json`), 'utf8'));
}

/** Why a key of ours is not free on the platform, or null when it is. */
function collision(key: string, platform: Platform, defaults: Array<{ key: string; command: string }>): string | null {
  const chords = normaliseKey(key).split(' ');
  for (const chord of chords) {
    const mods = chord.split('+').slice(0, -1);
    if (platform !== 'macos' && mods.includes('ctrl') && mods.includes('alt')) return `${chord} is AltGr, which types characters on many layouts`;
    if (platform === 'macos' && mods.includes('alt') && !mods.includes('cmd') && !mods.includes('ctrl')) return `${chord} types a character (Option)`;
  }
  for (const d of defaults) {
    const theirs = normaliseKey(d.key).split(' ');
    // The same keys, or one is the start of the other's chord (the shorter one would shadow or be shadowed).
    const n = Math.min(theirs.length, chords.length);
    if (theirs.slice(0, n).join(' ') === chords.slice(0, n).join(' ')) return `VS Code binds ${d.key} to ${d.command}`;
  }
  return null;
}

for (const platform of PLATFORMS) {
  test(`keybindings: none of ours collides with VS Code's defaults on ${platform}, or types a character there`, () => {
    const defaults = vscodeDefaults(platform);
    assert.match(defaults.source, /^VS Code \d+\.\d+\.\d+ .*scripts\/vscode-keybindings\.ts$/);
    assert.ok(defaults.keybindings.length > 900, `only ${defaults.keybindings.length} defaults: the data is incomplete`);
    const ours = manifest.map((b) => ({ command: b.command!, key: manifestKey(b, platform) }));
    for (const { command, key } of ours) {
      assert.ok(key, `${command} has no key on ${platform}`);
      assert.equal(collision(key, platform, defaults.keybindings), null, `${command}: ${key} on ${platform}`);
    }
    const keys = ours.map((o) => normaliseKey(o.key));
    assert.equal(new Set(keys).size, keys.length, `two commands share a key on ${platform}: ${keys.join(', ')}`);
  });
}

test('keybindings: the check finds the collisions the old keys had', () => {
  const mac = vscodeDefaults('macos').keybindings;
  assert.match(collision('cmd+alt+l', 'macos', mac) ?? '', /toggleFindInSelection/);
  assert.match(collision('ctrl+alt+o', 'windows', vscodeDefaults('windows').keybindings) ?? '', /AltGr/);
  assert.match(collision('alt+p', 'macos', mac) ?? '', /Option/);
  assert.match(collision('ctrl+k', 'linux', vscodeDefaults('linux').keybindings) ?? '', /VS Code binds ctrl\+k /);
});

const lookups: Array<[string, Platform, Keybinding[], string | null]> = [
  ['the manifest default on Linux', 'linux', [], 'shift+alt+z'],
  ['the manifest default on macOS', 'macos', [], 'ctrl+cmd+z'],
  ['the user rebound it', 'linux', [{ key: 'ctrl+shift+alt+u', command: 'corpusLens.annotate.undo' }], 'ctrl+shift+alt+u'],
  ['the user removed the default', 'linux', [{ key: 'shift+alt+z', command: '-corpusLens.annotate.undo' }], null],
  ['the user removed the default and bound another', 'windows', [{ key: 'Alt+Shift+Z', command: '-corpusLens.annotate.undo' }, { key: 'f9', command: 'corpusLens.annotate.undo' }], 'f9'],
  ['another command\'s binding changes nothing', 'linux', [{ key: 'f9', command: 'editor.action.formatDocument' }], 'shift+alt+z'],
];

for (const [name, platform, user, expected] of lookups) {
  test(`keybindings: the key of Undo Last Annotation: ${name}`, () => assert.equal(keyFor('corpusLens.annotate.undo', platform, manifest, user), expected));
}

test('keybindings: shown as VS Code shows them', () => {
  assert.equal(displayKey('alt+shift+z', 'linux'), 'Shift+Alt+Z');
  assert.equal(displayKey('cmd+ctrl+z', 'macos'), '⌃⌘Z');
  assert.equal(displayKey('ctrl+k ctrl+i', 'windows'), 'Ctrl+K Ctrl+I');
  assert.equal(displayKey('f9', 'macos'), 'F9');
});
