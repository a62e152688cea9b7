// Line splitting that keeps offsets into the original text (CRLF, CR and LF all end a line).

export interface Line {
  /** Zero-based line number. */
  index: number;
  start: number;
  /** End of the line's text, before its line break. */
  end: number;
  text: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Most texts end their lines with LF alone: found by indexOf, faster than the expression.
  if (text.indexOf('\r') < 0) {
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.push({ index: lines.length, start, end, text: text.slice(start, end) });
      start = end + 1;
    }
    lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
    return lines;
  }
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    lines.push({ index: lines.length, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, start, end: text.length, text: text.slice(start) });
  return lines;
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** More than n words (runs of characters other than \s): read only as far as the word after the n-th. */
export function hasMoreWordsThan(s: string, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord && ++words > n) return true;
    inWord = !space;
  }
  return false;
}

/** \s of a regular expression (and what trim() removes): ASCII blanks, line breaks, Unicode spaces, BOM. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
