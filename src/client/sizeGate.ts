// A document over `corpusLens.files.maxSizeMB` is not sent to the language server: sending 25 MB
// over JSON-RPC takes about a second on its own, only for the server to answer that it will not read
// it. The gate holds such a document back, says so at once, and sends it when the limit is raised or
// the document shrinks under it. Plain logic over callbacks: extension.ts wires it to the client's
// middleware and to a diagnostic on the file.

export interface GatedDocument {
  getText(): string;
}

export interface SizeGateHost<D extends GatedDocument> {
  /** What names the document (its URI). */
  key(doc: D): string;
  /** The limit for this document's folder, in MB. */
  limitMB(doc: D): number;
  /** The document is held back (bytes: its size), or sent after all (bytes: null). */
  held(doc: D, bytes: number | null, limitMB: number): void;
}

/** The document's size in UTF-8 bytes when it is over the limit, else null (counted only when it could be). */
export function overLimit(text: string, limitMB: number): number | null {
  const limit = limitMB * 1024 * 1024;
  // A UTF-16 code unit is one to three UTF-8 bytes.
  if (text.length * 3 <= limit) return null;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : null;
}

/** The size of a held document as a person reads it: "This file is 25.0 MB, over …". */
export function heldMessage(bytes: number, limitMB: number): string {
  // The server's words for a file too large on disk (core/load.ts fileTooLarge): one message, whoever says it.
  return `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${limitMB.toFixed(1)} MB limit (setting corpusLens.files.maxSizeMB), so it was not analysed. Raise the limit to analyse it.`;
}

type Send<D> = (doc: D) => Promise<void>;

export class SizeGate<D extends GatedDocument> {
  /** Held documents, with what sends each one's opening. */
  private readonly waiting = new Map<string, { doc: D; open: Send<D> }>();

  constructor(private readonly host: SizeGateHost<D>) {}

  open(doc: D, open: Send<D>): Promise<void> {
    const limit = this.host.limitMB(doc);
    const bytes = overLimit(doc.getText(), limit);
    if (bytes === null) return open(doc);
    this.waiting.set(this.host.key(doc), { doc, open });
    this.host.held(doc, bytes, limit);
    return Promise.resolve();
  }

  /** A held document's change is not sent; one that brings it under the limit sends it whole. */
  change(doc: D, send: () => Promise<void>): Promise<void> {
    const key = this.host.key(doc);
    return this.waiting.has(key) ? this.recheck(key) : send();
  }

  close(doc: D, close: Send<D>): Promise<void> {
    if (!this.waiting.delete(this.host.key(doc))) return close(doc);
    this.host.held(doc, null, this.host.limitMB(doc));
    return Promise.resolve();
  }

  /** The setting changed: send what is now under the limit. */
  async limitChanged(): Promise<void> {
    for (const key of [...this.waiting.keys()]) await this.recheck(key);
  }

  isHeld(key: string): boolean {
    return this.waiting.has(key);
  }

  private recheck(key: string): Promise<void> {
    const entry = this.waiting.get(key);
    if (!entry) return Promise.resolve();
    const limit = this.host.limitMB(entry.doc);
    const bytes = overLimit(entry.doc.getText(), limit);
    if (bytes !== null) {
      this.host.held(entry.doc, bytes, limit);
      return Promise.resolve();
    }
    this.waiting.delete(key);
    this.host.held(entry.doc, null, limit);
    return entry.open(entry.doc);
  }
}
