// Offsets for tools that count Unicode code points (Python: brat, spaCy, doccano; the W3C Web
// Annotation model) instead of UTF-16 code units (JavaScript, LSP, the corpus-lens/1 export).
// The two differ only after a character outside the Basic Multilingual Plane (an emoji, 𝔸), which
// takes two UTF-16 code units and one code point.

export interface CodePointIndex {
  /** Code points in the text. */
  readonly length: number;
  /** The code point offset of a UTF-16 offset (one inside a surrogate pair counts as its start). */
  toCodePoint(utf16: number): number;
  /** The UTF-16 offset of a code point offset; null when outside the text. */
  toUtf16(codePoint: number): number | null;
}

/** An index of the text's surrogate pairs; identity (and free) for text without any. */
export function codePointIndex(text: string): CodePointIndex {
  /** UTF-16 offsets of the high surrogate of each pair, in order. */
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  const length = text.length - pairs.length;
  if (pairs.length === 0) {
    return {
      length,
      toCodePoint: (u) => Math.max(0, Math.min(u, text.length)),
      toUtf16: (cp) => (Number.isInteger(cp) && cp >= 0 && cp <= length ? cp : null),
    };
  }
  return {
    length,
    toCodePoint(u) {
      const clamped = Math.max(0, Math.min(u, text.length));
      // Each pair starting before the offset counts one code point for two units (an offset
      // between its halves thus maps to the pair's start).
      return clamped - countBelow(pairs, clamped);
    },
    toUtf16(cp) {
      if (!Number.isInteger(cp) || cp < 0 || cp > length) return null;
      // The k-th pair (0-based) starts at code point pairs[k] - k; pairs starting before cp add one unit each.
      let lo = 0;
      let hi = pairs.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pairs[mid] - mid < cp) lo = mid + 1;
        else hi = mid;
      }
      return cp + lo;
    },
  };
}

/** How many sorted values are < limit. */
function countBelow(sorted: number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Up to `max` characters (code points) of context before and after a span, never splitting a
 * surrogate pair: the prefix and suffix of a W3C TextQuoteSelector.
 */
export function quoteContext(text: string, start: number, end: number, max = 32): { prefix: string; suffix: string } {
  let from = start;
  for (let n = 0; n < max && from > 0; n++) from -= from >= 2 && isLow(text.charCodeAt(from - 1)) && isHigh(text.charCodeAt(from - 2)) ? 2 : 1;
  let to = end;
  for (let n = 0; n < max && to < text.length; n++) to += isHigh(text.charCodeAt(to)) && isLow(text.charCodeAt(to + 1)) ? 2 : 1;
  return { prefix: text.slice(from, start), suffix: text.slice(end, to) };
}

/** One line of free text for a tab-separated format: tabs and line breaks become spaces. */
export function oneLine(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029]+/g, ' ').trim();
}

/** A short, stable hash (cyrb53, 53 bits, 14 hex digits) for deterministic ids. */
export function stableHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
