// The settings in force: the window's (hover, diagnostics, inlay hints, CodeLens, workers) and each
// workspace folder's file rules (`files.*` are resource settings: a folder of a multi-root
// workspace may name its own documents). Read in one workspace/configuration request; a reload
// says which folders' rules changed, since only those need indexing again.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS, readSettings, sameFileRules, type FileSettings, type ServerSettings } from './settings.js';

const SECTION = 'corpusLens';

export class Configuration {
  /** The window's settings (their `files` are those of no folder in particular). */
  settings: ServerSettings = DEFAULT_SETTINGS;
  private readonly folderFiles = new Map<string, FileSettings>();

  constructor(private readonly connection: Connection, private readonly log: (message: string) => void) {}

  /** A folder's file rules (the window's when the folder was not read). */
  filesOf(folder: string): FileSettings {
    return this.folderFiles.get(folder) ?? this.settings.files;
  }

  /**
   * Reads the settings again, for these folders. Answers whether the file rules changed for any
   * folder (then, and only then, the corpus must be indexed again). Unreadable: defaults, logged.
   */
  async load(folders: readonly string[]): Promise<{ filesChanged: boolean }> {
    const before = new Map(folders.map((f) => [f, this.folderFiles.get(f)]));
    try {
      const [window, ...perFolder] = await this.connection.workspace.getConfiguration([
        { section: SECTION },
        ...folders.map((f) => ({ section: SECTION, scopeUri: URI.file(f).toString() })),
      ]) as unknown[];
      this.settings = readSettings(window);
      this.folderFiles.clear();
      folders.forEach((f, i) => this.folderFiles.set(f, readSettings(perFolder[i] ?? window).files));
    } catch (e) {
      this.log(`Could not read settings, using defaults: ${String(e)}`);
    }
    return { filesChanged: folders.some((f) => !sameFileRules(before.get(f), this.folderFiles.get(f))) };
  }
}
