// Long documents are analysed passage by passage, so that a keystroke re-analyses only the passage
// it falls in (issue #7: fresh results within 30 ms in a 1 MB document). A passage is a run of
// whole lines: a sentence never runs across a line break, so no sentence is cut. What the
// recogniser decides for a whole document (a name typed once is typed alike everywhere, a surname
// standing alone) holds within a passage of a long document; articles of ordinary length are one
// passage, analysed whole.
import type { Line } from './lines.js';

/** Documents up to this many characters are one passage. */
export const WHOLE_DOCUMENT_MAX = 32 * 1024;
/** A passage of a longer document ends at the first eligible line start past this size… */
export const PASSAGE_MIN = 16 * 1024;
/** …or at the first line start past this size, eligible or not. */
export const PASSAGE_MAX = 48 * 1024;
/** About one line start in this many is eligible (by a hash of the line's text). */
const ELIGIBLE_ONE_IN = 8;

export interface Passage {
  start: number;
  /** Where the next passage starts (the text's length for the last). */
  end: number;
  /** Lines [firstLine, lastLine) of the document. */
  firstLine: number;
  lastLine: number;
}

/**
 * Cuts a text into passages at line starts. Where a passage ends depends on its size and on the
 * text of the line after the cut, not on the offsets before it: an edit moves the cuts near it
 * only, so the passages after it keep their text (and their analysis can be reused).
 */
export function cutPassages(textLength: number, lines: readonly Line[]): Passage[] {
  if (textLength <= WHOLE_DOCUMENT_MAX) return [{ start: 0, end: textLength, firstLine: 0, lastLine: lines.length }];
  const passages: Passage[] = [];
  let first = 0;
  for (let l = 1; l < lines.length; l++) {
    const size = lines[l].start - lines[first].start;
    if (size >= PASSAGE_MAX || (size >= PASSAGE_MIN && eligible(lines[l].text))) {
      passages.push({ start: lines[first].start, end: lines[l].start, firstLine: first, lastLine: l });
      first = l;
    }
  }
  passages.push({ start: lines[first].start, end: textLength, firstLine: first, lastLine: lines.length });
  return passages;
}

/** A cheap hash (FNV-1a over the first 64 characters) picks about one line start in ELIGIBLE_ONE_IN. */
function eligible(text: string): boolean {
  let h = 0x811c9dc5;
  const n = Math.min(text.length, 64);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % ELIGIBLE_ONE_IN === 0;
}
