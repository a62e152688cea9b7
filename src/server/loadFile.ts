// One corpus file from disk to a loaded document: the size limit, then the bytes, then the core's
// decoding and analysis. The analysis workers and the main thread both call this, so the rules are
// the same whichever thread reads the file.
import { promises as fs, readFileSync, statSync } from 'node:fs';
import { decodeText, fileTooLarge, fileUnreadable, loadDocument, skippedDocument, type DocumentMeta, type LoadedDocument } from '../core/index.js';

export type { LoadedDocument };

export interface LoadTask {
  /** Absolute file path. */
  file: string;
  meta: DocumentMeta;
  /** Files larger than this are not read (setting corpusLens.files.maxSizeMB). */
  limitBytes: number;
}

/** An IO failure is a problem on the file; an exception from the analysis itself is thrown. */
export async function loadFile({ file, meta, limitBytes }: LoadTask): Promise<LoadedDocument> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (stat.size > limitBytes) return skippedDocument(meta, [fileTooLarge(stat.size, limitBytes)]);
    bytes = await fs.readFile(file);
  } catch (e) {
    return skippedDocument(meta, [fileUnreadable(e instanceof Error ? e.message : String(e))]);
  }
  return loadDocument(bytes, meta);
}

/**
 * The same, reading synchronously: for a worker thread, which has nothing else to do meanwhile. At
 * 10,000 files of 5 KB, the promise API's round trips through the thread pool cost more than the reads.
 */
export function loadFileSync({ file, meta, limitBytes }: LoadTask): LoadedDocument {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (size > limitBytes) return skippedDocument(meta, [fileTooLarge(size, limitBytes)]);
    bytes = readFileSync(file);
  } catch (e) {
    return skippedDocument(meta, [fileUnreadable(e instanceof Error ? e.message : String(e))]);
  }
  return loadDocument(bytes, meta);
}

/** A file's text decoded as the corpus files are (byte-order marks, UTF-16, Windows-1252); undefined when unreadable or binary. */
export function readTextSync(file: string): string | undefined {
  try {
    return decodeText(readFileSync(file)).text ?? undefined;
  } catch {
    return undefined;
  }
}
