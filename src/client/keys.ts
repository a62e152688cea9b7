// Keybindings as data: which key runs a command on a platform (the manifest's default, unless the
// user's keybindings.json says otherwise), and how VS Code writes it for people ("Shift+Alt+Z",
// "⌃⌘Z"). No `vscode` here (unit-tested in test/client/).

export type Platform = 'linux' | 'windows' | 'macos';

/** A keybinding as package.json and keybindings.json write it. */
export interface Keybinding {
  key?: string;
  mac?: string;
  linux?: string;
  win?: string;
  command?: string;
  when?: string;
}

export function platformOf(nodePlatform: string): Platform {
  return nodePlatform === 'darwin' ? 'macos' : nodePlatform === 'win32' ? 'windows' : 'linux';
}

/** The key a manifest keybinding gives on a platform ('' for none). */
export function manifestKey(binding: Keybinding, platform: Platform): string {
  const own = platform === 'macos' ? binding.mac : platform === 'windows' ? binding.win : binding.linux;
  return (own ?? binding.key ?? '').trim();
}

/**
 * The key that runs `command`: the last binding of the user's keybindings.json for it wins; one
 * that removes it ("-command") takes the default away; otherwise the manifest's default. Null when
 * no key runs it.
 */
export function keyFor(command: string, platform: Platform, manifest: readonly Keybinding[], user: readonly Keybinding[] = []): string | null {
  const defaults = manifest.filter((b) => b.command === command).map((b) => normaliseKey(manifestKey(b, platform))).filter(Boolean);
  let keys = [...defaults];
  for (const b of user) {
    const key = normaliseKey(b.key ?? '');
    if (!key) continue;
    if (b.command === command) keys = [...keys.filter((k) => k !== key), key];
    else if (b.command === `-${command}`) keys = keys.filter((k) => k !== key);
  }
  return keys.length ? keys[keys.length - 1] : null;
}

const MODIFIER_ORDER = ['ctrl', 'shift', 'alt', 'cmd', 'win'] as const;
const ALIASES: Record<string, string> = { control: 'ctrl', option: 'alt', meta: 'cmd', super: 'win' };

/** A key in one spelling: lower case, modifiers in VS Code's order ("alt+shift+P" → "shift+alt+p"), chords kept apart. */
export function normaliseKey(key: string): string {
  return key.trim().toLowerCase().split(/\s+/).filter(Boolean).map((chord) => {
    const parts = chord.split('+').map((p) => ALIASES[p] ?? p);
    // "ctrl++": the key is "+" itself.
    const last = chord.endsWith('++') ? '+' : parts[parts.length - 1];
    const modifiers = new Set(parts.slice(0, chord.endsWith('++') ? -2 : -1));
    return [...MODIFIER_ORDER.filter((m) => modifiers.has(m)), last].join('+');
  }).join(' ');
}

const MAC_SYMBOLS: Record<string, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', cmd: '⌘' };
const MAC_ORDER = ['ctrl', 'alt', 'shift', 'cmd'];
const WORDS: Record<string, string> = { ctrl: 'Ctrl', shift: 'Shift', alt: 'Alt', cmd: 'Cmd', win: 'Win', meta: 'Meta' };

/** How VS Code shows a key in its menus: "Shift+Alt+Z" on Linux and Windows, "⌃⌘Z" on macOS. */
export function displayKey(key: string, platform: Platform): string {
  return normaliseKey(key).split(' ').map((chord) => {
    const parts = chord.split('+');
    const last = parts.pop()!;
    const name = last.length === 1 ? last.toUpperCase() : last.charAt(0).toUpperCase() + last.slice(1);
    if (platform === 'macos') return `${MAC_ORDER.filter((m) => parts.includes(m)).map((m) => MAC_SYMBOLS[m]).join('')}${name}`;
    return [...parts.map((m) => WORDS[m] ?? m), name].join('+');
  }).join(' ');
}
