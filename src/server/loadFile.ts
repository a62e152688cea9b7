// One corpus file from disk to a loaded document: the size limit, then the bytes, then the core's
// decoding and analysis. The analysis workers and the main thread both call this, so the rules are
// the same whichever thread reads the file.
import { promises as fs } from 'node:fs';
import { fileTooLarge, fileUnreadable, loadDocument, skippedDocument, type DocumentMeta, type LoadedDocument } from '../core/index.js';

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
