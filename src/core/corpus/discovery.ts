// Which files are corpus documents, and finding them under a folder through an injected reader
// (the core does no IO itself). Paths here are relative to the folder, with '/' separators.
import picomatch from 'picomatch';

export interface CorpusRules {
  /** Globs of corpus documents, e.g. `**\/seeds/**\/*.txt`. */
  include: string[];
  /** Globs never indexed (files or folders). */
  exclude: string[];
  /** Every `.txt` under a folder holding a corpus.json is a corpus document. */
  followCorpusJson: boolean;
}

export const DEFAULT_RULES: CorpusRules = {
  include: ['**/seeds/**/*.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  followCorpusJson: true,
};

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'other';
}

/** Lists one folder, given relative to the root ('' for the root itself). */
export type DirectoryReader = (relativeDir: string) => Promise<DirectoryEntry[]>;

export interface Discovery {
  /** Corpus documents, sorted. */
  documents: string[];
  /** Folders holding a corpus.json ('' for the root), sorted. */
  corpusJsonDirs: string[];
  /** Folders that could not be listed, with the reason. */
  errors: Array<{ path: string; message: string }>;
  /** True when the walk stopped at the file limit or was cancelled. */
  incomplete: boolean;
}

const MAX_ENTRIES = 200_000;

/** The part of node:fs/promises a directory reader needs; passed in, so the core does no IO itself. */
export interface FileSystemLike {
  readdir(path: string, options: { withFileTypes: true }): Promise<Array<{ name: string; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }>>;
  stat(path: string): Promise<{ isFile(): boolean }>;
}

/**
 * A reader of the folders under `root`. A link to a file counts as a file, and a broken link too,
 * so that reading it reports why; links to folders are not followed (they could loop).
 */
export function directoryReader(root: string, fsLike: FileSystemLike): DirectoryReader {
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join('/');
  return async (relativeDir) => {
    const dir = join(root, relativeDir);
    const entries = await fsLike.readdir(dir, { withFileTypes: true });
    return Promise.all(entries.map(async (e): Promise<DirectoryEntry> => {
      if (!e.isSymbolicLink()) return { name: e.name, kind: e.isDirectory() ? 'directory' : e.isFile() ? 'file' : 'other' };
      const target = await fsLike.stat(join(dir, e.name)).catch(() => null);
      return { name: e.name, kind: !target || target.isFile() ? 'file' : 'other' };
    }));
  };
}

export class CorpusMatcher {
  private readonly included: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;

  /**
   * `folderName`: the name of the folder paths are relative to. A glob also matches with it in front,
   * so that `**\/seeds/**` takes in the files of a workspace folder that is itself named `seeds`.
   */
  constructor(private readonly rules: CorpusRules, folderName = '') {
    const include = picomatch(rules.include.length ? rules.include : ['\0'], { dot: true, nocase: true });
    this.included = folderName ? (path) => include(path) || include(`${folderName}/${path}`) : include;
    this.excluded = picomatch(rules.exclude.length ? rules.exclude : ['\0'], { dot: true });
  }

  isExcluded(path: string): boolean {
    return this.excluded(path) || this.excluded(`${path}/`);
  }

  /** Is this relative path a corpus document, given the folders that hold a corpus.json? */
  isDocument(path: string, corpusJsonDirs: Iterable<string>): boolean {
    if (!path.toLowerCase().endsWith('.txt') || this.isExcluded(path)) return false;
    if (this.included(path)) return true;
    return this.rules.followCorpusJson && nearestCorpusJsonDir(path, corpusJsonDirs) !== null;
  }
}

/** The deepest folder holding a corpus.json that contains the path, or null. */
export function nearestCorpusJsonDir(path: string, corpusJsonDirs: Iterable<string>): string | null {
  let best: string | null = null;
  for (const dir of corpusJsonDirs) {
    const inside = dir === '' || path.startsWith(`${dir}/`);
    if (inside && (best === null || dir.length > best.length)) best = dir;
  }
  return best;
}

export async function discoverCorpus(
  read: DirectoryReader,
  rules: CorpusRules,
  isCancelled: () => boolean = () => false,
  folderName = '',
): Promise<Discovery> {
  const matcher = new CorpusMatcher(rules, folderName);
  const textFiles: string[] = [];
  const corpusJsonDirs: string[] = [];
  const errors: Discovery['errors'] = [];
  const pending = [''];
  let seen = 0;
  let incomplete = false;
  while (pending.length > 0) {
    if (isCancelled() || seen > MAX_ENTRIES) {
      incomplete = true;
      break;
    }
    const dir = pending.pop()!;
    let entries: DirectoryEntry[];
    try {
      entries = await read(dir);
    } catch (e) {
      errors.push({ path: dir, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const entry of entries) {
      seen++;
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.kind === 'directory') {
        if (!matcher.isExcluded(path)) pending.push(path);
      } else if (entry.kind === 'file') {
        if (entry.name === 'corpus.json') corpusJsonDirs.push(dir);
        else if (entry.name.toLowerCase().endsWith('.txt')) textFiles.push(path);
      }
    }
  }
  const documents = textFiles.filter((p) => matcher.isDocument(p, corpusJsonDirs)).sort();
  return { documents, corpusJsonDirs: corpusJsonDirs.sort(), errors, incomplete };
}
