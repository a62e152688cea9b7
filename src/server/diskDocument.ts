// A corpus document not open in the editor, as the requests see it: its text, and offsets turned
// into LSP positions and back. Its line starts are found with indexOf, not character by character:
// references to a name in every article touch 10,000 documents at once (TextDocument took 329 ms
// for their first positions, this 27 ms). Positions count UTF-16 code units, as LSP's default;
// CRLF, CR and LF end a line, and a position never falls inside a line break.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';

/** What requests read of a document, open (TextDocument) or not (DiskDocument). */
export type DocumentText = Pick<TextDocument, 'uri' | 'languageId' | 'version' | 'lineCount' | 'getText' | 'positionAt' | 'offsetAt'>;

export class DiskDocument implements DocumentText {
  readonly languageId = 'corpus';
  readonly version = 0;
  private starts: Int32Array | null = null;

  constructor(readonly uri: string, private readonly text: string) {}

  get lineCount(): number {
    return this.lineStarts().length;
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    // The last line starting at or before the offset.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: this.beforeLineBreak(at, starts[low]) - starts[low] };
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

  private lineStarts(): Int32Array {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts: number[] = [0];
    if (text.indexOf('\r') < 0) {
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) starts.push(++i + 1);
        else if (c === 10 || c === 13) starts.push(i + 1);
      }
    }
    return (this.starts = Int32Array.from(starts));
  }
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}
