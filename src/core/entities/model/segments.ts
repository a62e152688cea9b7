// Where names can be: runs of tokens holding a capital letter, with the small words names keep
// inside them ("Bank of England", "Osama bin Laden", "Procter & Gamble", "al-Qaeda"), a trailing
// number ("Boeing 737") or abbreviation stop ("Mining Co."). The model labels only these tokens;
// every other token is outside any name, which keeps the model's work a fraction of the text.
import { lowerOf, type Token } from '../tokenize.js';

/** A segment: tokens [first, last). */
export interface Segment {
  first: number;
  last: number;
}

const INNER = new Set(['of', 'the', 'and', '&', 'de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'al', 'el', 'bin', 'ibn', 'bint', 'van', 'von', 'der', 'den', 'ter', 'y', 'e', 'ul', 'ut', 'ud', 'for', 'on', 'upon', 'in', 'an', 'a', 'at', 'am', "'n'", '-', '‐', '–', '.', "'", '’', '/']);
const OPENING_PARTICLES = new Set(['al', 'el', 'de', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'abu', 'ul']);
const STOP_ABBREVIATIONS = new Set(['Co', 'Inc', 'Corp', 'Ltd', 'Jr', 'Sr', 'St', 'Bros', 'Pty', 'Cie', 'Dr', 'Mt', 'Ft', 'Cos', 'Mfg', 'Assn', 'Dept', 'Univ', 'Gov', 'Sen', 'Rep', 'Gen', 'Col', 'Lt', 'Capt', 'Mr', 'Mrs', 'Ms', 'Prof']);
/**
 * Words that open a segment only by a capital at a sentence start or in a headline ("The", "In",
 * "He"): left out of it, they stay the context of what follows. A name that begins with one
 * ("The Hague") is then found without it.
 */
const NEVER_FIRST = new Set(['the', 'an', 'in', 'on', 'at', 'to', 'of', 'for', 'with', 'by', 'from', 'and', 'or', 'but', 'so', 'as', 'if', 'when', 'while',
  'after', 'before', 'since', 'he', 'she', 'it', 'they', 'we', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'there', 'here', 'what', 'who', 'how', 'why', 'where', 'which', 'not', 'no', 'yes', 'all', 'some', 'many', 'most', 'one', 'two', 'three', 'also',
  'however', 'meanwhile', 'according', 'although', 'though', 'because', 'then', 'now', 'today', 'yesterday', 'is', 'are', 'was', 'were', 'will', 'would',
  'has', 'have', 'had', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'said', 'says']);
/** Inner tokens allowed between two capitalised tokens. */
const MAX_GAP = 3;

/** Holds a capital letter: "Kabul", "NATO", "iPhone", "McDonald". */
export function strong(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (t.capitalised) return true;
  const s = t.text;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c >= 128 && s[i] !== s[i].toLowerCase()) return true;
  }
  return false;
}

export function findSegments(tokens: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!strong(tokens[k])) {
      k++;
      continue;
    }
    let first = k;
    // "al-Qaeda", "de Gaulle", "van Gogh": a particle before the capital, on the same line.
    const p1 = tokens[first - 1];
    if (p1 && p1.line === tokens[first].line && p1.kind === 'punct' && (p1.text === '-' || p1.text === '‐') && p1.end === tokens[first].start) {
      const p2 = tokens[first - 2];
      if (p2 && p2.end === p1.start && OPENING_PARTICLES.has(lowerOf(p2))) first -= 2;
    } else if (p1 && p1.line === tokens[first].line && OPENING_PARTICLES.has(p1.text)) first -= 1;
    let last = k + 1;
    for (;;) {
      // Extend over up to MAX_GAP inner tokens when a capitalised token follows them on the line.
      let j = last;
      while (j < tokens.length && j - last < MAX_GAP && tokens[j].line === tokens[k].line && !strong(tokens[j]) && INNER.has(tokens[j].text)) j++;
      if (j < tokens.length && tokens[j].line === tokens[k].line && strong(tokens[j]) && j - last <= MAX_GAP) {
        last = j + 1;
        continue;
      }
      break;
    }
    // "Boeing 737", "AM 570"; "Homestake Mining Co.".
    const after = tokens[last];
    if (after && after.line === tokens[k].line) {
      if (after.kind === 'number' && after.start === tokens[last - 1].end + 1) last++;
      else if (after.text === '.' && after.start === tokens[last - 1].end && STOP_ABBREVIATIONS.has(tokens[last - 1].text)) last++;
    }
    while (first < last && NEVER_FIRST.has(lowerOf(tokens[first]))) first++;
    if (first < last) out.push({ first, last });
    k = last;
  }
  return out;
}
