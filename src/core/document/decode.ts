// Bytes from disk to text, with a problem instead of an exception for anything odd.
import type { Problem } from '../types.js';

export interface DecodedText {
  /** The text, or null when the bytes are not text at all (binary). */
  text: string | null;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'binary';
  problems: Problem[];
}

const SNIFF_BYTES = 8192;

/** True when the bytes look like a binary file: NUL bytes or many control characters. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return n > 0 && control / n > 0.1;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', problems: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', problems: [] };
  }
  if (looksBinary(bytes)) {
    return {
      text: null,
      encoding: 'binary',
      problems: [{
        start: 0, end: 0, severity: 'warning', code: 'file.binary',
        message: 'This file looks binary (it holds NUL or control bytes), so it was not analysed.',
      }],
    };
  }
  try {
    // The default decoder drops a UTF-8 byte-order mark, as the editor does.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', problems: [] };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      problems: [{
        start: 0, end: 0, severity: 'warning', code: 'file.encoding',
        message: 'This file is not valid UTF-8; it was read as Windows-1252. Save it as UTF-8 to be sure of its characters.',
      }],
    };
  }
}

// Node's TextDecoder treats 'windows-1252' as ISO-8859-1, losing curly quotes and dashes, so the
// 0x80–0x9F block is mapped here (undefined bytes keep their Latin-1 code point).
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}
