// The `corpusLens.*` settings the server reads, with the defaults package.json declares.
import { DEFAULT_RULES, type CorpusRules } from '../core/index.js';

export interface ServerSettings {
  files: CorpusRules & { maxSizeMB: number };
  /** Worker threads that analyse files while indexing; 0 means one per processor core. */
  indexing: { workers: number };
  hover: { enabled: boolean };
  inlayHints: { dates: boolean };
  codeLens: { enabled: boolean };
  diagnostics: { enabled: boolean; footnoteOrder: boolean; unusedFootnotes: boolean; spelling: boolean };
  /** The name model learns from the user's decisions. */
  learning: { enabled: boolean };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  files: { ...DEFAULT_RULES, maxSizeMB: 20 },
  indexing: { workers: 0 },
  hover: { enabled: true },
  inlayHints: { dates: true },
  codeLens: { enabled: true },
  diagnostics: { enabled: true, footnoteOrder: true, unusedFootnotes: true, spelling: true },
  learning: { enabled: true },
};

/**
 * Reads whatever the client sent, falling back to defaults for anything missing or ill-typed; `warn`
 * hears of each ill-typed value: the setting, the value, and what is used instead.
 */
export function readSettings(raw: unknown, warn: (message: string) => void = () => undefined): ServerSettings {
  const r = (raw ?? {}) as Record<string, any>;
  /** The value when it fits, else the default, said when a value was given. */
  const read = <T>(name: string, v: unknown, d: T, fits: (v: unknown) => boolean, expected: string): T => {
    if (fits(v)) return v as T;
    if (v !== undefined && v !== null) warn(`Setting corpusLens.${name}: ${JSON.stringify(v)} is not ${expected}; using ${JSON.stringify(d)}.`);
    return d;
  };
  const bool = (name: string, v: unknown, d: boolean) => read(name, v, d, (x) => typeof x === 'boolean', 'true or false');
  const strings = (name: string, v: unknown, d: string[]) => read(name, v, d, (x) => Array.isArray(x) && x.every((s) => typeof s === 'string'), 'a list of globs');
  const d = DEFAULT_SETTINGS;
  return {
    files: {
      include: strings('files.include', r.files?.include, d.files.include),
      exclude: strings('files.exclude', r.files?.exclude, d.files.exclude),
      followCorpusJson: bool('files.followCorpusJson', r.files?.followCorpusJson, d.files.followCorpusJson),
      maxSizeMB: read('files.maxSizeMB', r.files?.maxSizeMB, d.files.maxSizeMB, (x) => typeof x === 'number' && x > 0, 'a number above 0'),
    },
    indexing: { workers: Math.floor(read('indexing.workers', r.indexing?.workers, d.indexing.workers, (x) => typeof x === 'number' && x >= 0, 'a number of 0 or more')) },
    hover: { enabled: bool('hover.enabled', r.hover?.enabled, d.hover.enabled) },
    inlayHints: { dates: bool('inlayHints.dates', r.inlayHints?.dates, d.inlayHints.dates) },
    codeLens: { enabled: bool('codeLens.enabled', r.codeLens?.enabled, d.codeLens.enabled) },
    diagnostics: {
      enabled: bool('diagnostics.enabled', r.diagnostics?.enabled, d.diagnostics.enabled),
      footnoteOrder: bool('diagnostics.footnoteOrder', r.diagnostics?.footnoteOrder, d.diagnostics.footnoteOrder),
      unusedFootnotes: bool('diagnostics.unusedFootnotes', r.diagnostics?.unusedFootnotes, d.diagnostics.unusedFootnotes),
      spelling: bool('diagnostics.spelling', r.diagnostics?.spelling, d.diagnostics.spelling),
    },
    learning: { enabled: bool('learning.enabled', r.learning?.enabled, d.learning.enabled) },
  };
}

export type FileSettings = ServerSettings['files'];

/** Do two folders' file rules pick the same documents (a re-index is due when not)? */
export function sameFileRules(a: FileSettings | undefined, b: FileSettings | undefined): boolean {
  if (!a || !b) return a === b;
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.include, b.include) && same(a.exclude, b.exclude) && a.followCorpusJson === b.followCorpusJson && a.maxSizeMB === b.maxSizeMB;
}
