// The annotation store on disk, one per workspace folder (`.corpus-lens/annotations.json`).
// Every change re-reads the file first and applies only itself, so a change made behind the
// editor (git pull, another window) is merged, never overwritten. Writes are atomic: a temporary
// file, flushed, then renamed over the store. A store that cannot be parsed is reported and left
// untouched; the editor goes on with the automatic annotations. An annotation the store cannot use
// (an unknown type, a kind from a newer version) is kept in the file through every change.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseStore, serializeStore, emptyStore, STORE_PATH, type Annotation, type AnnotationStore, type Problem } from '../core/index.js';

export interface StoreState {
  root: string;
  file: string;
  /** The annotations in force, or null when the file is broken (then none are applied). */
  store: AnnotationStore | null;
  problems: Problem[];
  /** The file's items that are not applied (each with a warning): written back with every change. */
  unused: unknown[];
  text: string;
  /** The file's size and modification time when it was read or written: what `changedOnDisk` compares. */
  stamp: string;
}

export class StoreError extends Error {}

export class AnnotationFiles {
  private readonly states = new Map<string, StoreState>();
  /** The change in progress per folder: changes run one after another, so none reads a store another is about to replace. */
  private readonly writing = new Map<string, Promise<unknown>>();

  /** Reads (or re-reads) the store of a workspace folder. A missing file is an empty store. */
  async load(root: string): Promise<StoreState> {
    const file = path.join(root, STORE_PATH);
    // Stamped before reading: a write in between makes the stamp stale, so the next check reads again.
    const stamp = await stampOf(file);
    let text = '';
    let state: StoreState;
    try {
      text = await fs.readFile(file, 'utf8');
      const parsed = parseStore(text);
      state = { root, file, store: parsed.store, problems: parsed.problems, unused: parsed.unused, text, stamp };
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      state = missing
        ? { root, file, store: emptyStore(), problems: [], unused: [], text: '', stamp }
        : { root, file, store: null, unused: [], text: '', stamp, problems: [{ start: 0, end: 0, severity: 'error', code: 'store.unreadable', message: `The annotation store could not be read: ${String(e)}` }] };
    }
    this.states.set(root, state);
    await removeStaleTemporaries(file);
    return state;
  }

  roots(): StoreState[] {
    return [...this.states.values()];
  }

  /**
   * Whether a folder's store changed on disk since it was last read or written here. File watching
   * misses changes at times (out of inotify watches, network folders): the server also asks this
   * every few seconds, which costs one stat per folder.
   */
  async changedOnDisk(root: string): Promise<boolean> {
    const state = this.states.get(root);
    if (!state || this.writing.has(root)) return false;
    return (await stampOf(state.file)) !== state.stamp;
  }

  forget(root: string): void {
    this.states.delete(root);
  }

  /**
   * Applies one change to the store as it is on disk now, writes it atomically, and returns the
   * new state. Refuses (StoreError) when the file on disk cannot be parsed. An edit that returns
   * the same list writes nothing.
   */
  change(root: string, edit: (annotations: Annotation[]) => Annotation[]): Promise<StoreState> {
    const next = (this.writing.get(root) ?? Promise.resolve()).catch(() => undefined).then(() => this.changeNow(root, edit));
    this.writing.set(root, next);
    const settled = () => {
      if (this.writing.get(root) === next) this.writing.delete(root);
    };
    next.then(settled, settled);
    return next;
  }

  private async changeNow(root: string, edit: (annotations: Annotation[]) => Annotation[]): Promise<StoreState> {
    const current = await this.load(root);
    if (!current.store) {
      throw new StoreError(`The annotation store ${current.file} cannot be read (${current.problems[0]?.message ?? 'unknown error'}); fix it before annotating, nothing was changed.`);
    }
    const annotations = edit(current.store.annotations);
    if (annotations === current.store.annotations) return current;
    const next: AnnotationStore = { version: current.store.version, annotations };
    // The items the store does not use are the user's too: written back, with their warnings.
    const { unused } = current;
    const text = serializeStore(next, unused);
    await writeAtomically(current.file, text);
    const problems = unused.length > 0 ? parseStore(text).problems : [];
    const state: StoreState = { root, file: current.file, store: next, problems, unused, text, stamp: await stampOf(current.file) };
    this.states.set(root, state);
    return state;
  }
}

async function stampOf(file: string): Promise<string> {
  const stat = await fs.stat(file).catch(() => null);
  return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing';
}

/** Temporary file in the same folder, flushed to disk, then renamed over the target. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, file);
}

/** Temporary files a killed writer left behind (never the store itself), once they are a minute old. */
async function removeStaleTemporaries(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const temp = path.join(dir, name);
    const stat = await fs.stat(temp).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > 60_000) await fs.rm(temp, { force: true });
  }
}
