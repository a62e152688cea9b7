// Words with their offsets and the facts the recogniser asks of them: capitalised, at a sentence
// start, joined to the previous word by a hyphen, followed by a possessive.
import { splitLines, type Line } from '../document/lines.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** The text in lower case, once asked (null until then): see lowerOf. */
  lower: string | null;
  /** A word (letters, digits, acronym dots, inner apostrophes), else punctuation or a number. */
  kind: 'word' | 'number' | 'punct';
  /** Starts with an upper-case letter. */
  capitalised: boolean;
  /** Upper-case letters only (two or more), with optional dots: NATO, U.S., IS. */
  acronym: boolean;
  /** First word of a sentence, or first after an opening quotation mark or a colon. */
  sentenceStart: boolean;
  /** Joined to the previous token by a hyphen or dash with no space: the "led" of "US-led". */
  hyphenJoined: boolean;
  /** A possessive (’s, 's, or a bare ’ after s) directly follows the word. */
  possessive: boolean;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** Index of the line the token stands on. */
  line: number;
  /** The recogniser's lexicon facts about the word, once asked (-1 until then): see recognize.ts. */
  lex: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Tokens [first, last) of the sentence. */
  first: number;
  last: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: Sentence[];
  lines: Line[];
}

// Web addresses as names (Ufuqnews.com), acronyms with dots (U.S., U.N.), words with inner apostrophes (O'Brien, don't), numbers, punctuation.
export const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*(?:\.(?:com|org|net|gov|edu|info|news|tv|io|af|pk|ru|in|de|fr)\b)?|\p{N}+(?:[.,:/]\p{N}+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const POSSESSIVE = /^['’]s?$/;
const OPENING = new Set(['"', '“', '‘', "'", '(', '[', ':', '«']);
const HYPHENS = new Set(['-', '‐', '‑', '–', '—']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSING = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** Words after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'No', 'Gen', 'Col', 'Lt', 'Sgt', 'Capt', 'Maj', 'Sen', 'Rep', 'Gov', 'Prof', 'Jr', 'Sr', 'Inc', 'Ltd', 'Co', 'Corp', 'vs', 'Jan', 'Feb', 'Mar', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Mt', 'Ft']);

/** Word, number or punctuation, by the first character (ASCII without a regular expression). */
function tokenKind(word: string): Token['kind'] {
  const c = word.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'word';
  if (c >= 48 && c <= 57) return 'number';
  if (c < 128) return 'punct';
  return /^[\p{L}\p{M}]/u.test(word) ? 'word' : /^\p{N}/u.test(word) ? 'number' : 'punct';
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** After an ASCII word or number, the ASCII characters after which it may go on: ' and . ("don't", "x.com"); . , : / ("2.5"). */
const WORD_GOES_ON = [39, 46];
const NUMBER_GOES_ON = [46, 44, 58, 47];

/** The span of the last token nextToken found (one object, reused: no match object per token). */
const found = { start: 0, end: 0 };

/**
 * The next match of TOKEN at or after `from`, the one TOKEN.exec finds, into `found`. ASCII words,
 * numbers and punctuation are read by character code (most of the text); whatever could read
 * otherwise (non-ASCII, "U.S.", "don't", "Ufuqnews.com", "2.5") is left to the expression.
 */
function nextToken(s: string, from: number, limit: number = s.length): boolean {
  let p = from;
  while (p < limit && isAsciiSpace(s.charCodeAt(p))) p++;
  if (p >= limit) return false;
  const c = s.charCodeAt(p);
  if (isAsciiLetter(c) && !(c <= 90 && s.charCodeAt(p + 1) === 46 /* . */)) {
    let end = p + 1;
    while (end < limit && isAsciiAlnum(s.charCodeAt(end))) end++;
    if (end >= limit || endsPlainly(s, end, WORD_GOES_ON) || wordEndsAt(s, end)) return setFound(p, end);
  } else if (isAsciiDigit(c)) {
    let end = p + 1;
    while (end < limit && isAsciiDigit(s.charCodeAt(end))) end++;
    if (end >= limit || endsPlainly(s, end, NUMBER_GOES_ON)) return setFound(p, end);
  } else if (c < 128 && !isAsciiLetter(c)) {
    return setFound(p, p + 1);
  }
  TOKEN.lastIndex = p;
  const m = TOKEN.exec(s);
  // No match holds a line break: one that starts before the limit ends before it.
  return m !== null && m.index < limit && setFound(m.index, m.index + m[0].length);
}

/**
 * The spans nextToken reads in a line, or in [start, limit) of a text, in order (for tests: they
 * must be TOKEN's matches in the line alone).
 */
export function tokenSpans(line: string, start = 0, limit = line.length): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let at = start; nextToken(line, at, limit); at = found.end) spans.push([found.start, found.end]);
  return spans;
}

function setFound(start: number, end: number): true {
  found.start = start;
  found.end = end;
  return true;
}

/** The token ends at `end`: the text ends, or an ASCII character follows that cannot continue it. */
function endsPlainly(s: string, end: number, continuing: readonly number[]): boolean {
  if (end >= s.length) return true;
  const c = s.charCodeAt(end);
  if (c >= 128) return false;
  for (const k of continuing) if (c === k) return false;
  return true;
}

/**
 * An ASCII word also ends before a full stop that no web address ending follows (every ending
 * starts with a lower-case letter: ".com"), and before quotation marks, dashes and an ellipsis,
 * which no word holds: the sentence's last word and quoted words need no expression.
 */
function wordEndsAt(s: string, end: number): boolean {
  const c = s.charCodeAt(end);
  if (c === 46 /* . */) {
    const d = s.charCodeAt(end + 1);
    return !(d >= 97 && d <= 122);
  }
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2013 || c === 0x2014 || c === 0x2026;
}

/** \s within ASCII: tab, line feed, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A lower-case second letter: no acronym ("Kabul"), without the expression. */
function isAsciiLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiAlnum(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c);
}

/**
 * The token's text in lower case, made on first asking and kept on the token (the event reader
 * asks many times per word): the text itself when it has no upper-case ASCII letter and no other
 * character (most words), else from a cache (toLowerCase is slow on the two-byte strings of news
 * text with curly quotes, and capitalised words repeat across documents).
 */
export function lowerOf(token: Token): string {
  if (token.lower !== null) return token.lower;
  const text = token.text;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return (token.lower = cachedLower(text));
  }
  return (token.lower = text);
}

/** Lower cases of words, bounded (some 20,000 short words: a few MB at most). */
const LOWER = new Map<string, string>();

function cachedLower(word: string): string {
  // A slice of 13 characters or more keeps the whole text alive in V8: not a key for the cache.
  if (word.length >= 13) return word.toLowerCase();
  let lower = LOWER.get(word);
  if (lower === undefined) {
    if (LOWER.size >= 20_000) LOWER.clear();
    LOWER.set(word, (lower = word.toLowerCase()));
  }
  return lower;
}

/** "Mr", "Gen" or an initial ("J"): a full stop after it does not end the sentence. */
function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word) || (word.length <= 2 && /^\p{Lu}$/u.test(word));
}

export function tokenize(text: string, lines: Line[] = splitLines(text)): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceFirst = 0;
  let atSentenceStart = true;
  /** A full stop was seen: the sentence ends before the next token that is not a closing quote. */
  let endPending = false;
  const closeSentence = () => {
    if (tokens.length > sentenceFirst) {
      sentences.push({ start: tokens[sentenceFirst].start, end: tokens[tokens.length - 1].end, first: sentenceFirst, last: tokens.length });
    }
    sentenceFirst = tokens.length;
    atSentenceStart = true;
    endPending = false;
  };
  for (const line of lines) {
    // Each line is at least one paragraph: a sentence never runs across a line break.
    closeSentence();
    let afterOpening = true;
    // The document's text between the line's bounds, not the line's own string: that one is a
    // slice of the text, slower to read character by character.
    for (let at = line.start; nextToken(text, at, line.end); at = found.end) {
      const raw = text.slice(found.start, found.end);
      const start = found.start;
      const prev = tokens.length > sentenceFirst ? tokens[tokens.length - 1] : undefined;
      const adjacent = prev !== undefined && prev.end === start;
      // "Taliban’s": the possessive belongs to the word before it, not a token of its own.
      if (prev && adjacent && prev.kind === 'word' && isApostrophe(raw.charCodeAt(0)) && POSSESSIVE.test(raw) && !endPending) {
        prev.possessive = true;
        continue;
      }
      if (endPending && !CLOSING.has(raw)) closeSentence();
      const possessiveInside = raw.length > 2 && raw.charCodeAt(raw.length - 1) === 115 /* s */ && isApostrophe(raw.charCodeAt(raw.length - 2)) ? /^(.*\p{L})['’]s$/u.exec(raw) : null;
      const word = possessiveInside ? possessiveInside[1] : raw;
      const kind = tokenKind(word);
      const isWord = kind === 'word';
      const last = tokens.length > sentenceFirst ? tokens[tokens.length - 1] : undefined;
      const beforeLast = tokens.length > sentenceFirst + 1 ? tokens[tokens.length - 2] : undefined;
      const joined = !!(isWord && last && beforeLast && last.end === start && HYPHENS.has(last.text) && beforeLast.end === last.start && beforeLast.kind === 'word');
      tokens.push({
        start,
        end: start + word.length,
        text: word,
        lower: null,
        kind,
        capitalised: isWord && startsUpper(word),
        acronym: isWord && word.length >= 2 && startsUpper(word) && !isAsciiLower(word.charCodeAt(1)) && /^(?:\p{Lu}\.?){2,}$/u.test(word),
        sentenceStart: isWord && (atSentenceStart || afterOpening),
        hyphenJoined: joined,
        possessive: possessiveInside !== null,
        sentence: sentences.length,
        line: line.index,
        lex: -1,
      });
      // A footnote label "[1]" at the start of a line does not start the sentence: its next word does.
      const label = kind === 'number' && last?.text === '[';
      if (kind !== 'punct' && !label) {
        atSentenceStart = false;
        afterOpening = false;
      } else if (OPENING.has(word)) {
        afterOpening = true;
      }
      if (kind === 'punct' && SENTENCE_END.has(word) && !(prev && adjacent && isAbbreviation(prev.text))) endPending = true;
    }
  }
  closeSentence();
  return { tokens, sentences, lines };
}
