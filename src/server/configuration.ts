// The settings in force: the window's (hover, diagnostics, inlay hints, CodeLens, workers) and each
// workspace folder's file rules (`files.*` are resource settings: a folder of a multi-root
// workspace may name its own documents). Read in one workspace/configuration request; a reload
// says which folders' rules changed, since only those need indexing again.
import type { ConfigurationItem } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS, readSettings, sameFileRules, type FileSettings, type ServerSettings } from './settings.js';

const SECTION = 'corpusLens';

export class Configuration {
  /** The window's settings (their `files` are those of no folder in particular). */
  settings: ServerSettings = DEFAULT_SETTINGS;
  private readonly folderFiles = new Map<string, FileSettings>();
  /** Settings were read once: a failure keeps them rather than the defaults. */
  private loaded = false;

  /** `read`: the client's workspace/configuration request (an answer per item); `log`: what could not be used, and why. */
  constructor(private readonly read: (items: ConfigurationItem[]) => Promise<unknown[]>, private readonly log: (message: string) => void) {}

  /** A folder's file rules (the window's when the folder was not read). */
  filesOf(folder: string): FileSettings {
    return this.folderFiles.get(folder) ?? this.settings.files;
  }

  /**
   * Reads the settings again, for these folders. Answers whether the file rules changed for any
   * folder (then, and only then, the corpus must be indexed again). Unreadable: the settings in
   * force are kept (the defaults, until some were read), logged; an ill-typed value: its default,
   * logged once however many folders inherit it.
   */
  async load(folders: readonly string[]): Promise<{ filesChanged: boolean }> {
    const before = new Map(folders.map((f) => [f, this.folderFiles.get(f)]));
    const warnings = new Set<string>();
    const warn = (message: string) => warnings.add(message);
    try {
      const [window, ...perFolder] = await this.read([
        { section: SECTION },
        ...folders.map((f) => ({ section: SECTION, scopeUri: URI.file(f).toString() })),
      ]);
      this.settings = readSettings(window, warn);
      this.folderFiles.clear();
      folders.forEach((f, i) => this.folderFiles.set(f, readSettings(perFolder[i] ?? window, warn).files));
      this.loaded = true;
    } catch (e) {
      this.log(`Could not read settings, keeping ${this.loaded ? 'those last read' : 'the defaults'}: ${String(e)}`);
    }
    for (const message of warnings) this.log(message);
    return { filesChanged: folders.some((f) => !sameFileRules(before.get(f), this.folderFiles.get(f))) };
  }
}
