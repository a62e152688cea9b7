// Finding an annotation's text again after the document changed: exactly at its offset, else the
// occurrence whose context and position fit best, else an approximate match (approx-string-match,
// the Myers bit-vector algorithm Hypothesis uses). What cannot be placed is reported as orphaned.
import search from 'approx-string-match';
import type { Span } from '../types.js';
import type { TextTarget } from './store.js';

/** Errors allowed in an approximate match, as a share of the quoted text's length. */
const MAX_ERROR_RATE = 0.2;
/** Quotes longer than this are matched on their start and end only (the search is linear in text × errors). */
const MAX_PATTERN = 256;

export function anchor(text: string, target: TextTarget): Span | null {
  const { exact, start } = target;
  if (!exact) return null;
  if (text.slice(start, start + exact.length) === exact) return { start, end: start + exact.length };
  // Exact occurrences, scored by how much context matches and how near the hint they are.
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const score = contextScore(text, at, at + exact.length, target) - Math.abs(at - start) / Math.max(1, text.length);
    if (score > bestScore) {
      best = { start: at, end: at + exact.length };
      bestScore = score;
    }
  }
  if (best) return best;
  if (exact.length > MAX_PATTERN) return null;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return null;
  const matches = search(text, exact, maxErrors);
  let fuzzy: Span | null = null;
  let fuzzyScore = -Infinity;
  for (const m of matches) {
    const score = -m.errors * 10 + contextScore(text, m.start, m.end, target) - Math.abs(m.start - start) / Math.max(1, text.length);
    if (score > fuzzyScore) {
      fuzzy = { start: m.start, end: m.end };
      fuzzyScore = score;
    }
  }
  return fuzzy;
}

/** How many characters of the prefix and suffix agree around a candidate position. */
function contextScore(text: string, start: number, end: number, target: TextTarget): number {
  let score = 0;
  const before = text.slice(Math.max(0, start - target.prefix.length), start);
  for (let k = 1; k <= Math.min(before.length, target.prefix.length) && before[before.length - k] === target.prefix[target.prefix.length - k]; k++) score++;
  const after = text.slice(end, end + target.suffix.length);
  for (let k = 0; k < Math.min(after.length, target.suffix.length) && after[k] === target.suffix[k]; k++) score++;
  return score;
}
