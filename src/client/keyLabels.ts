// The key the user actually presses for a command, for messages ("Undo: Shift+Alt+Z"): the
// extension's default for this platform unless the user's keybindings.json changed it.
import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { displayKey, keyFor, platformOf, type Keybinding } from './keys.js';

export class KeyLabels {
  constructor(private readonly context: vscode.ExtensionContext) {}

  /** "Shift+Alt+Z" (or "⌃⌘Z" on macOS), or null when no key runs the command. */
  async label(command: string): Promise<string | null> {
    const platform = platformOf(process.platform);
    const manifest = (this.context.extension.packageJSON as { contributes?: { keybindings?: Keybinding[] } }).contributes?.keybindings ?? [];
    const key = keyFor(command, platform, manifest, await this.userKeybindings());
    return key ? displayKey(key, platform) : null;
  }

  /**
   * The default profile's keybindings.json, beside the extension's global storage folder
   * (User/globalStorage/<extension> → User/keybindings.json). Missing or unreadable: none.
   */
  private async userKeybindings(): Promise<Keybinding[]> {
    const file = vscode.Uri.joinPath(this.context.globalStorageUri, '..', '..', 'keybindings.json');
    try {
      const parsed: unknown = parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      return Array.isArray(parsed) ? parsed.filter((b): b is Keybinding => typeof b === 'object' && b !== null) : [];
    } catch {
      return [];
    }
  }
}
