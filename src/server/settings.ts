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

/** Reads whatever the client sent, falling back to defaults for anything missing or ill-typed. */
export function readSettings(raw: unknown): ServerSettings {
  const r = (raw ?? {}) as Record<string, any>;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const strings = (v: unknown, d: string[]) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : d);
  const d = DEFAULT_SETTINGS;
  return {
    files: {
      include: strings(r.files?.include, d.files.include),
      exclude: strings(r.files?.exclude, d.files.exclude),
      followCorpusJson: bool(r.files?.followCorpusJson, d.files.followCorpusJson),
      maxSizeMB: typeof r.files?.maxSizeMB === 'number' && r.files.maxSizeMB > 0 ? r.files.maxSizeMB : d.files.maxSizeMB,
    },
    indexing: { workers: typeof r.indexing?.workers === 'number' && r.indexing.workers >= 0 ? Math.floor(r.indexing.workers) : d.indexing.workers },
    hover: { enabled: bool(r.hover?.enabled, d.hover.enabled) },
    inlayHints: { dates: bool(r.inlayHints?.dates, d.inlayHints.dates) },
    codeLens: { enabled: bool(r.codeLens?.enabled, d.codeLens.enabled) },
    diagnostics: {
      enabled: bool(r.diagnostics?.enabled, d.diagnostics.enabled),
      footnoteOrder: bool(r.diagnostics?.footnoteOrder, d.diagnostics.footnoteOrder),
      unusedFootnotes: bool(r.diagnostics?.unusedFootnotes, d.diagnostics.unusedFootnotes),
      spelling: bool(r.diagnostics?.spelling, d.diagnostics.spelling),
    },
    learning: { enabled: bool(r.learning?.enabled, d.learning.enabled) },
  };
}

export type FileSettings = ServerSettings['files'];

/** Do two folders' file rules pick the same documents (a re-index is due when not)? */
export function sameFileRules(a: FileSettings | undefined, b: FileSettings | undefined): boolean {
  if (!a || !b) return a === b;
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return same(a.include, b.include) && same(a.exclude, b.exclude) && a.followCorpusJson === b.followCorpusJson && a.maxSizeMB === b.maxSizeMB;
}
