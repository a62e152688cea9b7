// A corpus document not open in the editor, as the requests see it: its text, and offsets turned
// into LSP positions and back. Its line starts (core/positions.ts) are found with indexOf, not
// character by character: references to a name in every article touch 10,000 documents at once
// (TextDocument took 329 ms for their first positions; the same line starts by indexOf, 27 ms). Positions count UTF-16 code units, as LSP's default;
// CRLF, CR and LF end a line, and a position never falls inside a line break.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { lineIndexAt, lineStarts } from '../core/index.js';

/** What requests read of a document, open (TextDocument) or not (DiskDocument). */
export type DocumentText = Pick<TextDocument, 'uri' | 'languageId' | 'version' | 'lineCount' | 'getText' | 'positionAt' | 'offsetAt'>;

export class DiskDocument implements DocumentText {
  readonly languageId = 'corpus';
  readonly version = 0;
  /** `starts`: where the text's lines start, when known already (lineStarts of core/positions.ts). */
  constructor(readonly uri: string, private readonly text: string, private starts: number[] | null = null) {}

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    const line = lineIndexAt(starts, at);
    return { line, character: this.beforeLineBreak(at, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[position.line];
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeLineBreak(Math.min(start + Math.max(0, position.character), next), start);
  }

  /** An offset moved back out of the line break that ends its line. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStarts(this.text));
  }
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
