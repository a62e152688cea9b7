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

export function wordCount(s: string): number {
  const words = s.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}
