// The export commands' wording and choices: one command per format, the save dialog's file name
// and filter, what a refusal to overwrite means, which written file "Open" shows. No `vscode` here
// (unit-tested in test/client/).
import { EXPORT_WOULD_OVERWRITE, type ExportFormat, type ExportRefusal, type ExportResult } from '../protocol.js';
import { fileNameOf, plural } from './format.js';

export interface ExportChoice {
  format: ExportFormat;
  /** The command id, as package.json declares it. */
  command: string;
  /** The format's name in messages ("JSONL", "brat standoff"). */
  name: string;
  /** brat writes a folder of files; the others one file. */
  folder: boolean;
  /** The default file name (single-file formats). */
  fileName: string;
  /** The save dialog's filter: label → extensions without the dot. */
  filters: Record<string, string[]>;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { format: 'json', command: 'corpusLens.export.json', name: 'JSON', folder: false, fileName: 'corpus-lens.json', filters: { 'corpus-lens/1 JSON': ['json'] } },
  { format: 'brat', command: 'corpusLens.export.brat', name: 'brat standoff', folder: true, fileName: '', filters: {} },
  { format: 'conll', command: 'corpusLens.export.conll', name: 'CoNLL-2003', folder: false, fileName: 'corpus-lens.conll', filters: { 'CoNLL-2003': ['conll', 'txt'] } },
  { format: 'jsonl', command: 'corpusLens.export.jsonl', name: 'JSONL', folder: false, fileName: 'corpus-lens.jsonl', filters: { 'JSON Lines': ['jsonl'] } },
  { format: 'webanno', command: 'corpusLens.export.webanno', name: 'W3C Web Annotation', folder: false, fileName: 'corpus-lens.annotations.jsonld', filters: { 'W3C Web Annotation (JSON-LD)': ['jsonld', 'json'] } },
];

export function exportChoice(format: ExportFormat): ExportChoice {
  return EXPORT_CHOICES.find((c) => c.format === format)!;
}

/** The files a brat export found in its way, when the error is that refusal; else null. */
export function overwriteRefusal(error: unknown): string[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, data } = error as { code?: unknown; data?: unknown };
  if (code !== EXPORT_WOULD_OVERWRITE) return null;
  const existing = (data as Partial<ExportRefusal> | undefined)?.existing;
  return Array.isArray(existing) ? existing.filter((f): f is string => typeof f === 'string') : [];
}

/** The question asked before overwriting: how many files, the first few by name. */
export function overwriteQuestion(existing: readonly string[]): string {
  const names = existing.slice(0, 3).map(fileNameOf);
  const more = existing.length > 3 ? `, and ${existing.length - 3} more` : '';
  const anns = existing.filter((f) => /\.ann$/i.test(f)).length;
  const what = anns === existing.length ? plural(existing.length, '.ann file') : plural(existing.length, 'file');
  return `${what} from an earlier export ${existing.length === 1 ? 'is' : 'are'} already there (${names.join(', ')}${more}). Overwrite ${existing.length === 1 ? 'it' : 'them'}?`;
}

/** The file "Open" shows after an export: the one file, or brat's first .ann. */
export function fileToOpen(result: ExportResult): string | undefined {
  return result.files.find((f) => /\.ann$/i.test(f)) ?? result.files[0];
}

/** The message of a failed request (the server's ResponseError message). */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}
