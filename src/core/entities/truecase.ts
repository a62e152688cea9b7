// Headlines in capitals ("MAFIA BOSS HANGS HIMSELF IN SICILY") and datelines ("LOS ANGELES, Dec 6
// (Reuters) -") say nothing by their capitals, and neither the rules nor the model read them as
// well as running text. Before names are read, such words are written as the document's running
// text writes them: "Sicily" where the article says "Sicily", "police" where it says "police". A
// word the article does not use otherwise is lower case when it is a common word, kept in capitals
// when short (an acronym: "CNN", "NFL"), and else capitalised ("GUPTA" → "Gupta"). Only the case
// of letters changes, and only where that keeps each word's length, so every offset stands.
import { wordFacts, spanFacts, COMMON, FUNCTION_WORD, KNOWN, GIVEN, PLACE, NATIONALITY, TITLE } from './wordFacts.js';
import type { Token, Tokenized } from './tokenize.js';

/** A line in capitals: at least two words of two letters or more, 60% of them upper case. */
const CAPITAL_SHARE = 0.6;
/** The longest word in capitals read as an acronym when the article gives no other spelling. */
const ACRONYM_LENGTH = 4;
/** A dateline opens a line: one to four words in capitals before a comma, a bracket, a dash or a date. */
const DATELINE_WORDS = 4;

/** The text with its headlines and datelines in capitals written as running text would, or null when it has none. */
export function truecaseHeadlines(text: string, { tokens }: Tokenized): string | null {
  const capitalLines = linesInCapitals(tokens);
  const datelines = datelineTokens(tokens, capitalLines);
  if (capitalLines.size === 0 && datelines.size === 0) return null;
  const spelling = runningSpelling(tokens, capitalLines, datelines);
  const named = knownNames(tokens, capitalLines);
  let out = '';
  let copied = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !(capitalLines.has(t.line) || datelines.has(k)) || !isUpper(t.text)) continue;
    // A dateline names a place: capitalised unless the article spells it otherwise.
    const written = named.has(k) ? capitalise(t.text) : datelines.has(k) ? spelling.get(t.text.toLowerCase()) ?? capitalise(t.text) : respell(t, spelling);
    if (written === t.text || written.length !== t.text.length) continue;
    out += text.slice(copied, t.start) + written;
    copied = t.end;
  }
  return copied === 0 ? null : out + text.slice(copied);
}

/** In capitals: "SICILY", "U.S."; read by character code, as most words are ASCII and most hold a lower-case letter early. */
function isUpper(word: string): boolean {
  let letter = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 128) return word !== word.toLowerCase() && word === word.toUpperCase();
    if (c >= 65 && c <= 90) letter = true;
  }
  return letter;
}

/** Tokens come line by line: each line's words are counted as the scan passes. */
function linesInCapitals(tokens: readonly Token[]): Set<number> {
  const lines = new Set<number>();
  let line = -1;
  let words = 0;
  let upper = 0;
  const close = () => {
    if (words >= 2 && upper / words >= CAPITAL_SHARE) lines.add(line);
  };
  for (const t of tokens) {
    if (t.line !== line) {
      close();
      line = t.line;
      words = upper = 0;
    }
    if (t.kind !== 'word' || t.text.length < 2) continue;
    words++;
    if (isUpper(t.text)) upper++;
  }
  close();
  return lines;
}

/** "WASHINGTON (AP) —", "LOS ANGELES, Dec 6": the words in capitals opening a line of running text. */
function datelineTokens(tokens: readonly Token[], capitalLines: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // Only a line's first token may open a dateline: asked first, it spares a set lookup per token.
    if ((k > 0 && tokens[k - 1].line === t.line) || capitalLines.has(t.line)) continue;
    let j = k;
    while (j < tokens.length && j - k < DATELINE_WORDS && tokens[j].line === t.line && tokens[j].kind === 'word' && isUpper(tokens[j].text)) j++;
    const after = tokens[j];
    if (j > k && after && after.line === t.line && (/^[,(\-–—]$/.test(after.text) || after.kind === 'number') && !(j - k === 1 && tokens[k].text.length <= ACRONYM_LENGTH && wordFacts(tokens[k].text) === 0)) {
      for (let i = k; i < j; i++) out.add(i);
    }
  }
  return out;
}

/**
 * How the running text writes each word (by its lower case), inside sentences, where capitals
 * mean something: the most frequent spelling.
 */
function runningSpelling(tokens: readonly Token[], capitalLines: ReadonlySet<number>, datelines: ReadonlySet<number>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.sentenceStart || capitalLines.has(t.line) || datelines.has(k)) continue;
    const key = t.text.toLowerCase();
    let forms = counts.get(key);
    if (!forms) counts.set(key, (forms = new Map()));
    forms.set(t.text, (forms.get(t.text) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [key, forms] of counts) {
    let best = '';
    let most = 0;
    for (const [form, n] of forms) if (n > most) [best, most] = [form, n];
    out.set(key, best);
  }
  return out;
}

/** The longest name the lexicon knows of two or more words: a name spans several words. */
const LONGEST_NAME = 4;

/** Words of names of several words the lexicon knows ("MIDDLE EAST", "CHAPEL HILL"), capitalised in running text whatever each word is alone. */
function knownNames(tokens: readonly Token[], capitalLines: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (let k = 0; k < tokens.length; k++) {
    if (!capitalLines.has(tokens[k].line) || tokens[k].kind !== 'word' || wordFacts(capitalise(tokens[k].text)) & FUNCTION_WORD) continue;
    let name = capitalise(tokens[k].text);
    for (let j = k + 1; j < tokens.length && j - k < LONGEST_NAME; j++) {
      const t = tokens[j];
      if (t.kind !== 'word' || t.line !== tokens[k].line || t.start !== tokens[j - 1].end + 1) break;
      name += ' ' + capitalise(t.text);
      if (spanFacts(name) & KNOWN) for (let i = k; i <= j; i++) out.add(i);
    }
  }
  return out;
}

function capitalise(word: string): string {
  return word[0] + word.slice(1).toLowerCase();
}

/** The word as running text would write it; "CAROLINA'S" → "Carolina's". */
function respell(t: Token, spelling: ReadonlyMap<string, string>): string {
  const apostrophe = t.text.search(/['’]/);
  if (apostrophe > 0) {
    const base = respell({ ...t, text: t.text.slice(0, apostrophe) }, spelling);
    return base + t.text.slice(apostrophe).toLowerCase();
  }
  const lower = t.text.toLowerCase();
  const seen = spelling.get(lower);
  if (seen) return t.sentenceStart ? seen[0].toUpperCase() + seen.slice(1) : seen;
  if (t.text.includes('.')) return t.text; // "U.S."
  const capitalised = capitalise(t.text);
  const facts = wordFacts(capitalised);
  const name = facts & (KNOWN | PLACE | NATIONALITY | GIVEN);
  if (facts & TITLE && !(facts & COMMON)) return capitalised; // "DR SANJAY GUPTA"
  if (!name && facts & (COMMON | FUNCTION_WORD)) return t.sentenceStart ? capitalised : lower;
  if (!name && t.text.length <= ACRONYM_LENGTH) return t.text;
  return capitalised;
}
