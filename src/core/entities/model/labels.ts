// BILOU labels over the five name types: O, then B/I/L/U of each type. A label sequence is valid
// when every name opens with B and closes with L (or is one U token).
import type { EntityType } from '../recognize.js';

export const TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'];
export const PARTS = ['B', 'I', 'L', 'U'] as const;
export const LABEL_COUNT = 1 + TYPES.length * PARTS.length;
export const O = 0;

export function label(type: number, part: 0 | 1 | 2 | 3): number {
  return 1 + type * 4 + part;
}

export function typeOf(l: number): number {
  return (l - 1) >> 2;
}

export function partOf(l: number): number {
  return (l - 1) & 3;
}

export function labelName(l: number): string {
  return l === O ? 'O' : `${PARTS[partOf(l)]}-${TYPES[typeOf(l)]}`;
}

/** May label b follow label a? */
export function allowed(a: number, b: number): boolean {
  const open = a !== O && partOf(a) < 2; // B or I: the name goes on
  if (open) return b !== O && typeOf(b) === typeOf(a) && (partOf(b) === 1 || partOf(b) === 2);
  return b === O || partOf(b) === 0 || partOf(b) === 3;
}

/** May a segment open with label l (nothing open before it)? Close with it? */
export function mayStart(l: number): boolean {
  return l === O || partOf(l) === 0 || partOf(l) === 3;
}

export function mayEnd(l: number): boolean {
  return l === O || partOf(l) >= 2;
}

/** The labels of spans over n tokens: spans are [first, last) token ranges with a type index. */
export function encode(n: number, spans: ReadonlyArray<{ first: number; last: number; type: number }>): Uint8Array {
  const out = new Uint8Array(n);
  for (const s of spans) {
    if (s.last - s.first === 1) out[s.first] = label(s.type, 3);
    else {
      out[s.first] = label(s.type, 0);
      for (let k = s.first + 1; k < s.last - 1; k++) out[k] = label(s.type, 1);
      out[s.last - 1] = label(s.type, 2);
    }
  }
  return out;
}

/** Spans of a valid label sequence (its first n labels). */
export function decodeSpans(labels: ArrayLike<number>, n = labels.length): Array<{ first: number; last: number; type: number }> {
  const out: Array<{ first: number; last: number; type: number }> = [];
  let open = -1;
  for (let k = 0; k < n; k++) {
    const l = labels[k];
    if (l === O) continue;
    const p = partOf(l);
    if (p === 3) out.push({ first: k, last: k + 1, type: typeOf(l) });
    else if (p === 0) open = k;
    else if (p === 2 && open >= 0) {
      out.push({ first: open, last: k + 1, type: typeOf(l) });
      open = -1;
    }
  }
  return out;
}
