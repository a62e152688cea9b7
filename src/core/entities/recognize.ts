// Named entities in one document: people, organisations, places, nationality/group words (NORP)
// and other named things (MISC). Written for news about places no English lexicon knows, so the
// evidence is the text's own: capitals, titles before names, head words ("Ministry", "Line",
// "Agreement"), acronyms defined in parentheses, and what the rest of the document says.
//
// Policy (see README): titles, possessives and a leading "the" stay outside names; a hyphenated
// "US-led" gives "US"; countries and cities are PLACE even when they act ("Moscow said"), while
// "the Kremlin" and "the White House" acting are ORG (they name an institution's seat).
import {
  isCommonWord, isFirmHead, isGivenName, isLanguage, isTitleWord, lookupAlias, lookupNationality, lookupPlace,
  MONTHS_AND_DAYS,
} from './lexicon.js';
import { decideByModel } from './decide.js';
import type { PossibleName } from './possibleNames.js';
import { currentNameModel, type NameModel } from './model/index.js';
import { truecaseHeadlines } from './truecase.js';
import { wordFacts, spanFacts, FUNCTION_WORDS, COMMON, KNOWN, PLACE, NATIONALITY, ALIAS, MONTH_OR_DAY, TITLE, TITLE_MODIFIER, TITLE_ALSO_NAME, GIVEN, ORG_HEAD, PLACE_HEAD, MISC_HEAD, ORG_PREFIX, LANGUAGE, FUNCTION_WORD, NOT_NAME } from './wordFacts.js';
import { tokenize, type Token, type Tokenized } from './tokenize.js';
import type { Span } from '../types.js';

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'NORP' | 'MISC';

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /**
   * The name the lexicon gives this mention (alias groups, places, nationalities), if any; for a
   * mention with a leading "the" at least its name without the article ("the GAO" → "GAO").
   */
  canonical?: string;
  /** For a NORP word: the country it belongs to, if any. */
  country?: string;
  /** For an acronym defined in parentheses: the span of its expansion. */
  expansion?: Span;
  /** Roles the text gives this mention: a title before it, an apposition after it. */
  roles: Array<Span & { text: string }>;
  /** Index of the sentence holding the mention. */
  sentence: number;
  /** How sure the trained model is of the span and type, in (0, 1); absent when the rules decided alone. */
  confidence?: number;
}

/** Lower-case words that may stand inside a name: "Islamic Emirate of Afghanistan", "Hizb ut Tahrir". */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'ul', 'ut', 'ud', 'de', 'da', 'del', 'van', 'von', 'der', 'e', 'y', 'la', 'le']);
const OF_WORDS = new Set(['of', 'for', 'on']);
/** Lower-case nouns that introduce an organisation's name: "German airline Lufthansa", "engine maker Europrop". */
const ORG_DESCRIPTORS = new Set(['airline', 'carrier', 'company', 'firm', 'manufacturer', 'maker', 'airframer', 'group', 'bank', 'newspaper', 'magazine', 'daily', 'agency', 'broadcaster', 'channel', 'website', 'outlet', 'giant', 'retailer', 'operator', 'conglomerate', 'startup', 'party', 'militia', 'organisation', 'organization', 'movement', 'network', 'team', 'club', 'university', 'insurer', 'lender', 'automaker', 'carmaker', 'publisher', 'studio', 'label', 'consortium', 'subsidiary', 'unit', 'rival', 'supplier', 'contractor']);
/** Lower-case words allowed in a title before a name: "Afghan foreign minister Muttaqi". */
const TITLE_MODIFIERS = new Set(['foreign', 'deputy', 'former', 'special', 'interior', 'defense', 'defence', 'prime', 'vice', 'senior', 'chief', 'acting', 'then', 'first', 'supreme', 'top', 'state', 'finance', 'economy', 'trade', 'the']);
const ROLE_CONNECTORS = new Set(['to', 'of', 'for', 'on', 'the', 'in']);
/** Prefixes that form one name with what follows a hyphen: "Al-Qaeda", "Trans-Afghan". */
const HYPHEN_PREFIXES = new Set(['al', 'el', 'trans', 'pan', 'ibn', 'bin', 'abu', 'umm']);
const MAX_APPOSITION_WORDS = 15;

interface Candidate {
  first: number;
  /** Exclusive. */
  last: number;
  /** A title word stood right before the name (in the same run or just before it). */
  titled: boolean;
  /** The name stands before a title ("Ryanair CEO") or after an organisation noun ("airline Ryanair"). */
  employer?: boolean;
}

/** `possible`, when given, receives the spans the model nearly read as names (decide.ts). */
export function recognizeEntities(text: string, tokenized: Tokenized = tokenize(text), model: NameModel | null = currentNameModel(), possible?: PossibleName[]): EntityMention[] {
  const cased = truecaseHeadlines(text, tokenized);
  if (cased === null) return readNames(text, tokenized, model, possible);
  const mentions = readNames(cased, tokenize(cased), model, possible);
  // The names as the document writes them ("SICILY"); linking folds case.
  const asWritten = <T extends { start: number; end: number; text: string }>(x: T) => {
    if (x.text === cased.slice(x.start, x.end)) x.text = text.slice(x.start, x.end);
  };
  for (const m of mentions) {
    asWritten(m);
    m.roles.forEach(asWritten);
  }
  return mentions;
}

function readNames(text: string, tokenized: Tokenized, model: NameModel | null, possible?: PossibleName[]): EntityMention[] {
  const { tokens } = tokenized;
  const titleCase = readDocument(text, tokens, findTitleCase(tokenized));
  const runs = nameRuns(tokens, titleCase);
  // Loops, not flatMap: no array per candidate that classifies to nothing.
  const candidates: Candidate[] = [];
  for (const run of runs) for (const c of splitRun(tokens, run, titleCase)) candidates.push(c);
  let mentions: EntityMention[] = [];
  for (const c of candidates) {
    const m = classify(tokens, c, titleCase);
    if (m) mentions.push(m);
  }
  mentions = defineAcronyms(text, tokens, mentions);
  mentions = harmonise(tokens, mentions, titleCase);
  mentions = joinPlaceWithRegion(text, tokens, mentions);
  // The rules' names are the model's evidence; with a model, it decides spans and types.
  if (model) mentions = decideByModel(text, tokenized, mentions, model, possible);
  for (const m of mentions) {
    // "Apple Inc.": the abbreviation's full stop belongs to the name.
    if (text.charCodeAt(m.end) !== 46 /* . */) continue;
    const last = tokenAt(tokens, m.end - 1);
    const dot = tokens[tokenIndexAt(tokens, m.end)];
    if (last.end === m.end && NAME_FINAL_ABBREVIATIONS.has(last.text) && dot?.text === '.' && dot.start === m.end) {
      m.canonical ??= m.text;
      m.end++;
      m.text += '.';
    }
  }
  const people = mentions.filter((m) => m.type === 'PERSON');
  // Which person each token belongs to: a role never runs into another person's name.
  const owner = new Map<number, EntityMention>();
  for (const p of people) for (let k = tokenIndexAt(tokens, p.start); k < tokens.length && tokens[k].end <= p.end; k++) owner.set(k, p);
  for (const m of people) if (!titleCase.has(tokenAt(tokens, m.start))) m.roles = findRoles(text, tokens, m, owner);
  return mentions;
}

/**
 * Headlines in title case: there, capitals say nothing about names. A line is one when function
 * words are capitalised inside it ("In", "And", "The"), or when nearly all its ordinary words are
 * and it does not end like a sentence.
 */
/** Tokens where capitals say nothing: title-case headline lines, and title-case quoted titles. */
interface TitleCase {
  has(token: Token): boolean;
}

/** Title case, and what the document's running text shows about words that are also ordinary. */
interface Reading extends TitleCase {
  /** Ordinary words written alone with a capital inside sentences: "by Apple," "from Shell". */
  lone: ReadonlySet<string>;
  /** Last words of names that open with a given name inside sentences: "Jobs" of "Steve Jobs". */
  surnames: ReadonlySet<string>;
  /** Ordinary words that open a firm's two-word name anywhere: "Apple" of "Apple Computer". */
  firms: ReadonlySet<string>;
  text: string;
}

/**
 * "Apple unveils …", "Jobs said": at a sentence start a capital says nothing, but the same word
 * capitalised alone inside a sentence elsewhere in the document, or as the surname of a full
 * name there, says it is a name here too.
 */
function readDocument(text: string, tokens: Token[], titleCase: TitleCase): Reading {
  const lone = new Set<string>();
  const surnames = new Set<string>();
  const firms = new Set<string>();
  const capitalWord = (t: Token | undefined) => !!t && t.kind === 'word' && t.capitalised;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!capitalWord(t) || titleCase.has(t) || t.acronym) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    // "Apple Computer": an ordinary word, then a firm's head word ending the run, even at a sentence start.
    if (capitalWord(next) && next.sentence === t.sentence && !next.hyphenJoined && isFirmHead(next.text) && !capitalWord(tokens[k + 2]) && !(capitalWord(prev) && prev.sentence === t.sentence) && isCommonWord(t.text.toLowerCase()) && !FUNCTION_WORDS.has(t.text.toLowerCase())) firms.add(t.text);
    if (t.sentenceStart) continue;
    if (capitalWord(next) && next.sentence === t.sentence) {
      if (!next.hyphenJoined && !capitalWord(tokens[k + 2]) && is(t, GIVEN)) surnames.add(next.text);
      continue;
    }
    if (next?.hyphenJoined || (capitalWord(prev) && prev.sentence === t.sentence)) continue;
    if (!is(t, COMMON) || is(t, FUNCTION_WORD | MONTH_OR_DAY | NOT_NAME | KNOWN)) continue;
    if (is(t, TITLE | TITLE_MODIFIER | ORG_HEAD | PLACE_HEAD | MISC_HEAD)) continue;
    lone.add(t.text);
  }
  return { has: titleCase.has, lone, surnames, firms, text };
}

function findTitleCase(tokenized: Tokenized): TitleCase {
  const lines = findTitleCaseLines(tokenized);
  const quoted = findTitleCaseQuotes(tokenized.tokens);
  // Asked of every token: a flag per line, and the set of quoted tokens only when it has any.
  const headline = new Uint8Array(tokenized.lines.length);
  for (const line of lines) headline[line] = 1;
  if (quoted.size === 0) return { has: (t) => headline[t.line] === 1 };
  return { has: (t) => headline[t.line] === 1 || quoted.has(t) };
}

/**
 * “Security Cooperation Between Russia And The Taliban: Why And How?”: an article or book title
 * quoted inside a sentence, recognised by its capitalised function words.
 */
function findTitleCaseQuotes(tokens: Token[]): Set<Token> {
  const inside = new Set<Token>();
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].kind !== 'punct' || !isOpeningQuote(tokens[k].text)) continue;
    let end = k + 1;
    let functionWords = 0;
    while (end < tokens.length && end - k < 40 && tokens[end].line === tokens[k].line && !isClosingQuote(tokens[end].text)) {
      const t = tokens[end];
      if (t.kind === 'word' && t.capitalised && !t.sentenceStart && is(t, FUNCTION_WORD)) functionWords++;
      end++;
    }
    if (functionWords >= 2 && end < tokens.length && isClosingQuote(tokens[end].text)) {
      for (let j = k + 1; j < end; j++) inside.add(tokens[j]);
    }
    k = end;
  }
  return inside;
}

// “ " ‘ and ” " ’, by character code: asked of every punctuation token and of each token inside quotes.
function isOpeningQuote(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 1 && (c === 0x201c || c === 34 || c === 0x2018);
}

function isClosingQuote(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length === 1 && (c === 0x201d || c === 34 || c === 0x2019);
}

function findTitleCaseLines({ tokens, lines }: Tokenized): Set<number> {
  const counts = new Map<number, { common: number; capitalised: number; functionWords: number; long: boolean; byWords: boolean }>();
  // Ordinary words count only on lines that may be headlines by them: ask the lexicon nowhere else.
  // Tokens come line by line: one count per line, started at its first word.
  let line = -1;
  let countCommon = false;
  let c = { common: 0, capitalised: 0, functionWords: 0, long: false, byWords: false };
  for (const t of tokens) {
    if (t.kind !== 'word' || t.sentenceStart) continue;
    if (t.line !== line) {
      line = t.line;
      // What the line's text says is read once, here, and kept for the verdict below.
      const text = lines[line].text.trim();
      const long = text.length > 300;
      countCommon = !long && mayBeHeadlineByWords(text);
      c = { common: 0, capitalised: 0, functionWords: 0, long, byWords: countCommon };
      counts.set(line, c);
    }
    if (t.capitalised && is(t, FUNCTION_WORD)) c.functionWords++;
    if (countCommon && t.text.length >= 4 && is(t, COMMON) && !is(t, KNOWN)) {
      c.common++;
      if (t.capitalised) c.capitalised++;
    }
  }
  const result = new Set<number>();
  for (const [line, c] of counts) {
    if (c.long) continue;
    const endsLikeSentence = !c.byWords;
    const mostlyCapitalised = c.common >= 3 ? c.capitalised / c.common >= 0.8 : c.common === 2 && c.capitalised === 2;
    if (c.functionWords >= 2 || (!endsLikeSentence && mostlyCapitalised)) result.add(line);
  }
  return result;
}

/** A (trimmed) line not ending like a sentence: the capitals of its ordinary words may make it a headline. */
export function mayBeHeadlineByWords(text: string): boolean {
  // !/[.;,]["”’)]?$/.test(text) by the last two characters: the expression tries every position.
  const n = text.length;
  let last = text.charCodeAt(n - 1);
  if (last === 34 /* " */ || last === 0x201d || last === 0x2019 || last === 41 /* ) */) last = text.charCodeAt(n - 2);
  return !(last === 46 /* . */ || last === 59 /* ; */ || last === 44 /* , */);
}

/** Could this token be part of a name at all? */
function nameish(t: Token, titleCase: boolean): boolean {
  if (t.kind !== 'word' || !t.capitalised) return false;
  if (is(t, MONTH_OR_DAY)) return false;
  if (titleCase && is(t, COMMON) && !is(t, KNOWN)) return false;
  return true;
}

function isKnownName(s: string): boolean {
  return !!(lookupPlace(s) || lookupNationality(s) || lookupAlias(s));
}

/** The token's wordFacts, kept on it. */
function factsOf(t: Token): number {
  return t.lex >= 0 ? t.lex : (t.lex = wordFacts(t.text));
}

/** Does the lexicon say `fact` (one of the bits above, or several: any of them) of the token's word? */
function is(t: Token, fact: number): boolean {
  return (factsOf(t) & fact) !== 0;
}

/** Maximal runs of capitalised words, with particles and "of" phrases inside, and hyphen compounds joined. */
function nameRuns(tokens: Token[], titleCase: TitleCase): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let pairs: SpacedPairs | undefined; // counted on the first spaced hyphen: most texts have none
  let i = 0;
  while (i < tokens.length) {
    const inTitleCase = titleCase.has(tokens[i]);
    if (!nameish(tokens[i], inTitleCase)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && tokens[end].sentence === tokens[i].sentence && (!tokens[end - 1].possessive || POSSESSIVE_IN_NAMES.has(tokens[end - 1].text))) {
      const t = tokens[end];
      // "AT&T", "Procter & Gamble": an ampersand between capitals joins one firm's name.
      if (t.text === '&' && tokens[end + 1] && nameish(tokens[end + 1], inTitleCase) && !tokens[end - 1].possessive) {
        end += 2;
        continue;
      }
      if (nameish(t, inTitleCase) && !t.hyphenJoined) {
        end++;
        continue;
      }
      // A particle between capitals: "Hizb ut Tahrir", "Osama bin Laden".
      if (t.kind === 'word' && NAME_PARTICLES.has(t.text) && tokens[end + 1] && nameish(tokens[end + 1], inTitleCase) && !tokens[end + 1].hyphenJoined) {
        end += 2;
        continue;
      }
      // "Ministry of Foreign Affairs", "Security Council of the Russian Federation": only after a head word.
      const before = tokens[end - 1];
      if (t.kind === 'word' && OF_WORDS.has(t.text) && (is(before, ORG_HEAD | MISC_HEAD | PLACE_HEAD | TITLE) || COUNTRY_HEADS.has(before.text))) {
        let next = end + 1;
        if (tokens[next]?.text === 'the') next++;
        if (tokens[next] && nameish(tokens[next], inTitleCase) && !tokens[next].hyphenJoined) {
          end = next + 1;
          continue;
        }
      }
      // A hyphen compound of capitals: "Daesh-KP", "Al-Qaeda", "Turkmenistan–Afghanistan–Pakistan–India Pipeline".
      if (HYPHEN_LIKE.has(t.text) && tokens[end + 1]?.hyphenJoined && nameish(tokens[end + 1], inTitleCase)) {
        end += 2;
        continue;
      }
      // "Wal - Mart": a spaced hyphen between two words that never stand apart in the document.
      if (end === i + 1 && t.text === '-' && !inTitleCase && spacedCompound(tokens, i, (pairs ??= spacedPairs(tokens)))) {
        end += 2;
        continue;
      }
      break;
    }
    runs.push([i, end]);
    i = end;
  }
  return runs;
}

/** How often each capitalised word occurs, and how often each "Left - Right" pair of them does. */
interface SpacedPairs {
  words: Map<string, number>;
  pairs: Map<string, number>;
}

function spacedPairs(tokens: Token[]): SpacedPairs {
  const words = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || !t.capitalised) continue;
    words.set(t.text, (words.get(t.text) ?? 0) + 1);
    if (tokens[k + 1]?.text === '-' && tokens[k + 2]?.kind === 'word') {
      const pair = `${t.text} - ${tokens[k + 2].text}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
    }
  }
  return { words, pairs };
}

/**
 * Is token i, a spaced hyphen and the word after it one name ("Wal - Mart")? Only when both are
 * single capitalised words no list knows as names or titles, and neither occurs in the document
 * but in this pair: "Boeing - Airbus", "London - Paris" and "Smith - Jones" stay two.
 */
function spacedCompound(tokens: Token[], i: number, { words, pairs }: SpacedPairs): boolean {
  const left = tokens[i];
  const dash = tokens[i + 1];
  const right = tokens[i + 2];
  if (!right || right.kind !== 'word' || !right.capitalised || right.sentence !== left.sentence) return false;
  if (dash.start !== left.end + 1 || right.start !== dash.end + 1) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 3];
  if ((before?.kind === 'word' && before.capitalised && before.sentence === left.sentence) || (after?.kind === 'word' && after.capitalised && after.sentence === left.sentence)) return false;
  for (const w of [left, right]) {
    if (w.acronym || isKnownName(w.text) || isGivenName(w.text) || isTitleWord(w.text) || MONTHS_AND_DAYS.has(w.text)) return false;
  }
  const n = pairs.get(`${left.text} - ${right.text}`) ?? 0;
  return n > 0 && words.get(left.text) === n && words.get(right.text) === n;
}

const HYPHEN_LIKE = new Set(['-', '‐', '‑', '–', '—']);
/** Heads of the formal names of states: "Republic of Korea", "Kingdom of Saudi Arabia", "United States of America". */
const COUNTRY_HEADS = new Set(['Republic', 'Kingdom', 'States', 'Emirates', 'Commonwealth', 'Principality', 'Sultanate']);
/** Plural nouns whose possessive is part of a name: "People's Republic of China", "Workers' Party". */
const POSSESSIVE_IN_NAMES = new Set(['People', 'Peoples', 'Workers', 'Women', 'Children', 'Veterans']);
/** Capitalised prefixes of a hyphen compound at a sentence start: "Pre-orders", "Anti-war protests". */
const WORD_PREFIXES = new Set(['pre', 'post', 'anti', 'non', 'co', 'ex', 'mid', 'multi', 'semi', 'sub', 're', 'self', 'inter', 'over', 'under', 'cross', 'pro', 'long', 'short', 'half', 'all', 'well', 'high', 'low', 'full', 'part']);
/** Holidays and festivals: named days, not organisations. */
const HOLIDAYS = new Set(['Christmas', 'Easter', 'Thanksgiving', 'Ramadan', 'Eid', 'Diwali', 'Hanukkah', 'Nowruz', 'Passover', 'Halloween', 'Lent', 'Advent']);
/** Ordinary words that open the names of public bodies: "National Security Council", "Government Accountability Office". */
const BODY_OPENERS = new Set(['National', 'Federal', 'General', 'Central', 'Royal', 'International', 'United', 'Government', 'State', 'Public', 'Supreme', 'High', 'Constitutional', 'Civil', 'Democratic', 'Republican', 'Liberal', 'Conservative', 'Labour', 'Labor', 'Green', 'Free', 'World', 'Special']);
/** Abbreviations that end a firm's name with their full stop: "Apple Inc.", "AirTanker Ltd.". */
const NAME_FINAL_ABBREVIATIONS = new Set(['Inc', 'Ltd', 'Corp', 'Co', 'Bros', 'Jr', 'Sr', 'Pty', 'Cie']);
/** People typed by a title before them: their type wins over an organisation reading of the same words. */
const TITLED_PEOPLE = new WeakSet<EntityMention>();
/** Capitalised words that make an organisation of the place they stand before: "Air Canada", "Radio Liberty". */
const ORG_BEFORE_PLACE = new Set(['Air', 'Radio', 'Royal', 'Bank', 'Aero', 'Voice']);
const QUOTES = new Set(['"', '“', '”', '‘', '’', "'"]);

/** Words of a token range as written (hyphens and spaces as in the text). */
function spanText(tokens: Token[], first: number, last: number, text?: string): string {
  if (text !== undefined) return text.slice(tokens[first].start, tokens[last - 1].end);
  let out = tokens[first].text;
  for (let k = first + 1; k < last; k++) out += (tokens[k].start === tokens[k - 1].end ? '' : ' ') + tokens[k].text;
  return out;
}

/** The words of a range, without hyphen tokens. */
function words(tokens: Token[], first: number, last: number): Token[] {
  const out: Token[] = [];
  for (let k = first; k < Math.min(last, tokens.length); k++) if (tokens[k].kind === 'word') out.push(tokens[k]);
  return out;
}

/**
 * Splits a run into the names it holds: titles out ("Interior Minister | Sirajuddin Haqqani"),
 * a known place before an unknown name apart ("Kabul | Dmitry Zhirnov"), hyphen compounds of known
 * places apart ("Tajikistan | Afghanistan"), ordinary words at a sentence start or in a headline out.
 */
function splitRun(tokens: Token[], [first, last]: [number, number], titleCase: Reading): Candidate[] {
  const out: Candidate[] = [];
  // Titles: everything up to the last title word is a title phrase; what it holds of known names stays.
  let titleEnd = -1;
  for (let k = first; k < last; k++) {
    if (tokens[k].kind !== 'word' || !is(tokens[k], TITLE) || isWholeKnown(tokens, first, last)) continue;
    // "Martin Luther King", "Larry King": a title word ending a name that opens with a given name is the surname.
    if (k === last - 1 && k > first && is(tokens[first], GIVEN)) continue;
    // "Amir Khan Muttaqi": a title that is also a name opens a name when two or more names follow.
    if (is(tokens[k], TITLE_ALSO_NAME) && words(tokens, k + 1, last).length >= 2) continue;
    titleEnd = k;
  }
  if (titleEnd >= 0) {
    // Before the title: known names ("Russian Ambassador"), or an employer ("Ryanair CEO").
    for (const c of splitPlain(tokens, first, titleEnd, titleCase)) {
      const known = isWholeKnown(tokens, c.first, c.last);
      const employer = words(tokens, c.first, c.last).some((w) => !is(w, COMMON | TITLE_MODIFIER | TITLE));
      if (known || employer) out.push({ first: c.first, last: c.last, titled: c.titled, employer: !known });
    }
    let rest = titleEnd + 1;
    while (rest < last && (OF_WORDS.has(tokens[rest].text) || tokens[rest].text === 'the')) rest++;
    const titledName = rest < last && !OF_WORDS.has(tokens[titleEnd + 1]?.text ?? '');
    for (const c of splitPlain(tokens, rest, last, titleCase)) out.push({ ...c, titled: titledName && c.first === rest });
    return out;
  }
  const before = tokens[first - 1];
  const titledBefore = !!before && before.kind === 'word' && !before.capitalised && is(before, TITLE);
  const orgBefore = !!before && before.kind === 'word' && ORG_DESCRIPTORS.has(before.text);
  // splitPlain's candidates are new: set the flags in place rather than copy each.
  const plain = splitPlain(tokens, first, last, titleCase);
  for (const c of plain) {
    c.titled = titledBefore && c.first === first;
    c.employer = orgBefore && c.first === first;
  }
  return plain;
}

/** /^the$/i without a regular expression. */
export function isThe(s: string): boolean {
  return s.length === 3 && (s.charCodeAt(0) | 32) === 116 && (s.charCodeAt(1) | 32) === 104 && (s.charCodeAt(2) | 32) === 101;
}

function isWholeKnown(tokens: Token[], first: number, last: number): boolean {
  return last - first === 1 ? is(tokens[first], KNOWN) : (spanFacts(spanText(tokens, first, last)) & KNOWN) !== 0;
}

function splitPlain(tokens: Token[], first: number, last: number, titleCase: Reading): Candidate[] {
  if (first >= last) return [];
  // Trim connectors and a leading article at the edges: "the Taliban" is "Taliban".
  while (first < last && (tokens[first].kind !== 'word' || isThe(tokens[first].text))) first++;
  while (last > first && (tokens[last - 1].kind !== 'word' || OF_WORDS.has(tokens[last - 1].text) || tokens[last - 1].text === 'the')) last--;
  if (first >= last) return [];
  const full = spanText(tokens, first, last);
  if (last - first === 1 ? is(tokens[first], KNOWN) : (spanFacts(full) & KNOWN) !== 0) return [{ first, last, titled: false }];
  if (last - first === 2 && ORG_BEFORE_PLACE.has(tokens[first].text) && is(tokens[first + 1], PLACE)) {
    return [{ first, last, titled: false, employer: true }];
  }
  // Hyphen compounds: split where a side is a known place or nationality and the whole is no head-word name.
  // The edges are words (trimmed above): the last token is the last word.
  const headed = is(tokens[last - 1], ORG_HEAD | PLACE_HEAD | MISC_HEAD);
  for (let k = first + 1; k < last; k++) {
    if (!tokens[k].hyphenJoined) continue;
    const leftWord = tokens[k - 2]?.text.toLowerCase() ?? '';
    if (HYPHEN_PREFIXES.has(leftWord) && k - 2 === first) continue;
    if (!headed && ((k - 1 - first === 1 ? is(tokens[first], KNOWN) : isKnownName(spanText(tokens, first, k - 1))) || is(tokens[k], KNOWN))) {
      return [...splitPlain(tokens, first, k - 1, titleCase), ...splitPlain(tokens, k, last, titleCase)];
    }
  }
  // A known place or nationality opening a run that then names someone: "Kabul | Dmitry Zhirnov".
  if (!headed) {
    for (let k = last - 1; k > first; k--) {
      if (tokens[k].hyphenJoined) continue;
      const head = spanText(tokens, first, k);
      const headFacts = k - first === 1 ? factsOf(tokens[first]) : spanFacts(head);
      if ((headFacts & (PLACE | NATIONALITY)) !== 0 && (spanFacts(full) & ALIAS) === 0) {
        const restKnown = lookupAlias(spanText(tokens, k, last));
        // "Afghan Taliban" stays one organisation; "Afghan Media" is a nationality and a word.
        if ((headFacts & NATIONALITY) !== 0 && restKnown?.type === 'ORG') break;
        return [{ first, last: k, titled: false }, ...splitPlain(tokens, k, last, titleCase)];
      }
    }
  }
  // An ordinary word opening a sentence ("According", "However", "Those") is not part of a name.
  const t0 = tokens[first];
  const headline = titleCase.has(t0);
  const bodyName = BODY_OPENERS.has(t0.text) && last - first >= 3 && is(tokens[last - 1], ORG_HEAD);
  if ((t0.sentenceStart || headline) && is(t0, COMMON) && !is(t0, KNOWN) && !t0.acronym && !bodyName && !nameByEvidence(tokens, first, last, titleCase)) {
    return splitPlain(tokens, first + 1, last, titleCase);
  }
  return [{ first, last, titled: false }];
}

/**
 * An ordinary word opening a sentence that the document shows to be a name: written alone with a
 * capital inside a sentence ("Apple"), before a firm's head word ("Apple Computer"), a surname of a full name ("Jobs"), or a given name before
 * a word no dictionary has ("Mark Papermaster").
 */
function nameByEvidence(tokens: Token[], first: number, last: number, reading: Reading): boolean {
  const word = tokens[first].text;
  if (reading.lone.has(word) || reading.firms.has(word)) return true;
  if (last - first === 1 && reading.surnames.has(word)) return true;
  const next = tokens[first + 1];
  return last - first >= 2 && is(tokens[first], GIVEN) && next.kind === 'word' && !next.hyphenJoined && !is(next, COMMON);
}

function classify(tokens: Token[], c: Candidate, reading: Reading): EntityMention | null {
  const ws = words(tokens, c.first, c.last);
  if (ws.length === 0) return null;
  // "US$100 billion": a currency, not the country.
  const after = tokens[c.last];
  if (after && after.start === tokens[c.last - 1].end && after.text === '$') return null;
  if (ws.length === 1 && is(ws[0], NOT_NAME)) return null;
  // "a 4GB model": a unit written onto a number.
  const before = tokens[c.first - 1];
  if (before?.kind === 'number' && before.end === tokens[c.first].start) return null;
  // "Pre-orders", "Anti-war": a prefix, not a name.
  if (ws.length === 1 && HYPHEN_LIKE.has(after?.text ?? '') && tokens[c.last + 1]?.hyphenJoined && WORD_PREFIXES.has(ws[0].text.toLowerCase())) return null;
  if (ws.length === 1 && HOLIDAYS.has(ws[0].text)) return { start: ws[0].start, end: ws[0].end, text: ws[0].text, type: 'MISC', roles: NO_ROLES, sentence: ws[0].sentence };
  // "Adam Air Flight 574": the airline is the name.
  if (ws.length > 1 && ws[ws.length - 1].text === 'Flight' && tokens[c.last]?.kind === 'number') {
    return classify(tokens, { ...c, last: c.last - 1, employer: true }, reading);
  }
  // "People's Republic of China": a possessive inside the name is written as in the text.
  let possessiveInside = false;
  let ampersand = false;
  for (let k = c.first; k < c.last; k++) {
    if (k < c.last - 1 && tokens[k].possessive) possessiveInside = true;
    if (tokens[k].text === '&') ampersand = true;
  }
  const text = possessiveInside ? reading.text.slice(tokens[c.first].start, tokens[c.last - 1].end) : spanText(tokens, c.first, c.last);
  const base = { start: tokens[c.first].start, end: tokens[c.last - 1].end, text, roles: NO_ROLES, sentence: tokens[c.first].sentence };
  // One token: its text is the token's, whose lexicon facts say which lookups can answer.
  const one = c.last - c.first === 1;
  const known = one ? factsOf(ws[0]) : spanFacts(text);
  const alias = (known & ALIAS) !== 0 ? lookupAlias(text) : undefined;
  if (alias) return typed(base, alias.type, alias.canonical);
  const place = (known & PLACE) !== 0 ? lookupPlace(text) : undefined;
  if (place) return typed(base, 'PLACE', place.canonical);
  const norp = (known & NATIONALITY) !== 0 ? lookupNationality(text) : undefined;
  if (norp) return typed(base, 'NORP', norp.canonical, norp.country);
  if (ws.length === 1 && (one ? is(ws[0], LANGUAGE) : isLanguage(text))) return typed(base, 'MISC');
  if (is(ws[0], ORG_PREFIX) || ampersand) return typed(base, 'ORG');
  const ofAt = ws.findIndex((w, k) => k > 0 && OF_WORDS.has(w.text));
  const lastWord = ws[(ofAt > 0 ? ofAt : ws.length) - 1];
  if (is(lastWord, ORG_HEAD)) return typed(base, 'ORG');
  if (is(lastWord, PLACE_HEAD) && ws.length > 1) return typed(base, 'PLACE');
  if (is(lastWord, MISC_HEAD) && ws.length > 1) return typed(base, 'MISC');
  if (ws.length > 1 && is(ws[0], NATIONALITY) && lookupAlias(spanText(tokens, c.first + 1, c.last))?.type === 'ORG') {
    return typed(base, 'ORG', lookupAlias(spanText(tokens, c.first + 1, c.last))!.canonical);
  }
  // Capitals inside running text are evidence even on ordinary words ("Apple", "Shell"), but not
  // a quoted phrase ("‘War Booty’") nor a lone head word ("the Ministry").
  const allCommon = ws.every((w) => is(w, COMMON));
  const quoted = QUOTES.has(tokens[c.first - 1]?.text ?? '') && QUOTES.has(tokens[c.last]?.text ?? '');
  // "Apple Computer", where "Apple" stands alone elsewhere: a firm named with ordinary words.
  const firmWord = ws.length > 1 && reading.lone.has(ws[0].text) && !is(ws[0], GIVEN);
  if (allCommon && !c.titled && !c.employer && !firmWord && (quoted || ws.length > 1)) {
    // "Long Beach, California": ordinary words named as a town by the state or country after them.
    return ws.length > 1 && !quoted && regionAfter(tokens, c.last) ? typed(base, 'PLACE') : null;
  }
  if (ws.length === 1) {
    const only = ws[0];
    // An initial, or the editorial "[N]umerous".
    if (only.text.length === 1) return null;
    if (only.acronym) return typed(base, 'ORG');
    if (allCommon && is(only, ORG_HEAD | PLACE_HEAD | MISC_HEAD | TITLE_MODIFIER)) return null;
    if (c.titled && !c.employer) return titledPerson(typed(base, 'PERSON'));
    return typed(base, 'ORG');
  }
  // People's names hold no acronyms ("EADS North America") nor spaced hyphens ("Wal - Mart"): companies.
  if (c.employer || firmWord || ws.some((w) => w.acronym) || text.includes(' - ')) return typed(base, 'ORG');
  return c.titled ? titledPerson(typed(base, 'PERSON')) : typed(base, 'PERSON');
}

/**
 * The candidate's mention: `{ ...base, type, canonical }` written out, in the same key order
 * (spreading allocates through a slow path, once per mention).
 */
/**
 * The roles of a mention that has none: one shared, frozen list instead of a million empty ones
 * (roles are only ever replaced, by findRoles, never added to).
 */
const NO_ROLES: never[] = Object.freeze([]) as never[];

function typed(base: { start: number; end: number; text: string; roles: never[]; sentence: number }, type: EntityType, canonical?: string, country?: string | null): EntityMention {
  if (canonical === undefined) return { start: base.start, end: base.end, text: base.text, roles: base.roles, sentence: base.sentence, type };
  if (country) return { start: base.start, end: base.end, text: base.text, roles: base.roles, sentence: base.sentence, type, canonical, country };
  return { start: base.start, end: base.end, text: base.text, roles: base.roles, sentence: base.sentence, type, canonical };
}

/** Is token k a comma before a known state, province or country ("…, California")? */
function regionAfter(tokens: Token[], k: number): boolean {
  if (tokens[k]?.text !== ',') return false;
  for (let last = k + 2; last <= Math.min(k + 3, tokens.length); last++) {
    const kind = lookupPlace(spanText(tokens, k + 1, last))?.kind;
    if ((kind === 'province' || kind === 'country') && !(tokens[last]?.kind === 'word' && tokens[last].capitalised)) return true;
  }
  return false;
}

function titledPerson(m: EntityMention): EntityMention {
  TITLED_PEOPLE.add(m);
  return m;
}

/** "Collective Security Treaty Organization (CSTO)": the acronym is a mention of the expansion's kind. */
function defineAcronyms(text: string, tokens: Token[], mentions: EntityMention[]): EntityMention[] {
  let byStart: Map<number, EntityMention> | undefined; // built on the first acronym: most texts define none
  let out = [...mentions];
  let terms: Set<string> | undefined;
  let listed: Set<EntityMention> | undefined;
  for (let k = 0; k + 2 < tokens.length; k++) {
    const open = tokens[k];
    const acr = tokens[k + 1];
    const close = tokens[k + 2];
    if (!acr.acronym || open.text !== '(' || close.text !== ')') continue;
    const at = lastEndingBefore(mentions, open.start);
    const before = mentions[at];
    const expansion = before && /^\s*$/.test(text.slice(before.end, open.start)) ? before : undefined;
    if (!expansion || expansion.type === 'NORP' || expansion.type === 'PERSON') continue;
    const words = termWords(text, mentions, at, acr.text);
    if (words) {
      // "Maintenance, Repair and Overhaul (MRO)": capitalised ordinary words spelling out a term, no name.
      for (const w of words) (listed ??= new Set()).add(w);
      (terms ??= new Set()).add(acr.text);
      continue;
    }
    byStart ??= new Map(mentions.map((m) => [m.start, m]));
    const existing = byStart.get(acr.start);
    const mention: EntityMention = {
      start: acr.start, end: acr.end, text: acr.text, type: expansion.type, roles: NO_ROLES, sentence: acr.sentence,
      expansion: { start: expansion.start, end: expansion.end },
      ...(expansion.canonical ? { canonical: expansion.canonical } : {}),
    };
    if (existing) Object.assign(existing, mention);
    else out.push(mention);
  }
  if (terms) out = out.filter((m) => !listed!.has(m) && !(terms!.has(m.text) && !m.expansion));
  // Most texts define no acronym: the mentions come sorted, and a stable sort would leave them so.
  return out.length === mentions.length && sortedByStart(out) ? out : out.sort((a, b) => a.start - b.start);
}

export function sortedByStart(mentions: Array<{ start: number }>): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i - 1].start > mentions[i].start) return false;
  return true;
}

/**
 * The single ordinary words, listed with commas and "and", that end at mention `at` and whose
 * initials spell the acronym after them ("Maintenance, Repair and Overhaul (MRO)"), or null.
 */
function termWords(text: string, mentions: EntityMention[], at: number, acronym: string): EntityMention[] | null {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  if (letters.length < 2) return null;
  const words: EntityMention[] = [];
  for (let j = at; j >= 0 && words.length < letters.length; j--) {
    const m = mentions[j];
    if (m.canonical || /\s/.test(m.text) || !isCommonWord(m.text.toLowerCase())) return null;
    if (words.length > 0 && !/^(?:, | and |, and | or |, or | & )$/.test(text.slice(m.end, words[words.length - 1].start))) return null;
    words.push(m);
  }
  if (words.length !== letters.length) return null;
  for (let n = 0; n < words.length; n++) if (words[words.length - 1 - n].text[0].toUpperCase() !== letters[n]) return null;
  return words;
}

/**
 * One document, one reading: a name typed confidently somewhere (by a head word, a title, a
 * lexicon) gives its type to its other mentions; a surname alone is a person when the full name
 * is; in headlines only names the body or the lexicon knows are kept.
 */
function harmonise(tokens: Token[], mentions: EntityMention[], titleCase: TitleCase): EntityMention[] {
  // "Amabassador Dmitry Zhirnov": a word no list knows before a full name the document gives is a
  // title (misspelt or unusual), not part of the name.
  // Sets filled by loops, not filter and map: no arrays in between.
  const people = new Set<string>();
  for (const m of mentions) if (m.type === 'PERSON' && hasSpace(m.text)) people.add(m.text);
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const cut = m.text.indexOf(' ');
    if (cut < 0 || !people.has(m.text.slice(cut + 1)) || m.text.slice(cut + 1).indexOf(' ') < 0) continue;
    m.start += cut + 1;
    m.text = m.text.slice(cut + 1);
  }
  const typeOf = new Map<string, EntityType>();
  const surnames = new Set<string>();
  const inHeadlines = headlineMentions(tokens, mentions, titleCase);
  // Whether each mention's text holds a space, asked five times below of texts no longer cut.
  const multiWord = new Uint8Array(mentions.length);
  for (let i = 0; i < mentions.length; i++) multiWord[i] = hasSpace(mentions[i].text) ? 1 : 0;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (inHeadlines.has(m)) continue;
    const multi = multiWord[i] === 1;
    if (multi || m.canonical || m.type !== 'ORG') typeOf.set(m.text, m.type);
    if (m.type === 'PERSON' && multi) surnames.add(lastWord(m.text));
  }
  // A two-word name whose first word also stands alone ("Lockheed Martin" … "Lockheed") is a
  // company: people are called by their surnames, firms by their first word. So is one that ends
  // with a given name but opens with none ("McDonnell Douglas"), unless a title or its last word
  // alone says it is someone.
  const alone = new Set<string>();
  for (let i = 0; i < mentions.length; i++) if (multiWord[i] === 0) alone.add(mentions[i].text);
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // Only a person of two words may turn out a company: split no other name.
    if (m.type !== 'PERSON' || m.canonical || multiWord[i] === 0) continue;
    const parts = m.text.split(/\s+/);
    if (parts.length !== 2 || alone.has(parts[1])) continue;
    if (alone.has(parts[0]) || (!TITLED_PEOPLE.has(m) && !isGivenName(parts[0]) && isGivenName(parts[1]))) m.type = 'ORG';
  }
  // "Irish airline Aer Lingus" … "Aer Lingus also has options": one name, one type; the
  // organisation reading (from a head word or an organisation noun) wins over the default person
  // reading of two capitalised words, unless a title made that one a person.
  const orgNames = new Set<string>();
  for (let i = 0; i < mentions.length; i++) if (mentions[i].type === 'ORG' && multiWord[i] === 1) orgNames.add(mentions[i].text);
  for (const m of mentions) if (m.type === 'PERSON' && !TITLED_PEOPLE.has(m) && orgNames.has(m.text)) m.type = 'ORG';
  const kept: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const inHeadline = inHeadlines.has(m);
    if (!m.canonical && multiWord[i] === 0) {
      if (surnames.has(m.text)) m.type = 'PERSON';
      else if (typeOf.has(m.text)) m.type = typeOf.get(m.text)!;
    }
    if (inHeadline && !m.canonical && !typeOf.has(m.text) && !surnames.has(m.text) && multiWord[i] === 0 && isCommonWord(m.text.toLowerCase())) continue;
    kept.push(m);
  }
  return kept;
}

/** s.split(/\s+/).pop(): the text after its last white space. */
function lastWord(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) if (isSpace(s, i)) return s.slice(i + 1);
  return s;
}

function isSpace(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && /\s/.test(s[i]));
}

/** /\s/.test(s), by character code for ASCII: asked several times of every mention. */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s, i)) return true;
  return false;
}

/**
 * "Toulouse, France", "Mobile, Alabama", "Long Beach, California": a town followed by its state
 * or country is one place. Not in lists ("Iran, Russia and China") nor after a country.
 */
/** States of the United States that share their name with a city the lexicon knows. */
const STATES_NAMED_LIKE_CITIES = new Set(['Washington', 'New York']);

function joinPlaceWithRegion(text: string, tokens: Token[], mentions: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const town = mentions[i];
    const region = mentions[i + 1];
    if (!region || region.start !== town.end + 2 || text.charCodeAt(town.end) !== 44 /* , */) {
      out.push(town);
      continue;
    }
    let regionKind = region && region.type === 'PLACE' ? lookupPlace(region.canonical ?? region.text)?.kind : undefined;
    const townPlace = town.type === 'PLACE' ? lookupPlace(town.canonical ?? town.text) : undefined;
    const unknownTown = !townPlace && !town.canonical && !/^the /i.test(town.text) && !tokenAt(tokens, town.start).acronym;
    const townLike = townPlace ? townPlace.kind === 'city' : unknownTown && ((town.type === 'ORG' && !/\s/.test(town.text)) || town.type === 'PLACE');
    // "Everett, Washington": a state named like a city, after a town no list knows.
    if (regionKind === 'city' && unknownTown && STATES_NAMED_LIKE_CITIES.has(region.text)) regionKind = 'province';
    if (!region || !townLike || (regionKind !== 'country' && regionKind !== 'province') || text.slice(town.end, region.start) !== ', ' || /^the /i.test(region.text)) {
      out.push(town);
      continue;
    }
    const next = tokens[tokenIndexAt(tokens, region.end)];
    const afterRegion = next && next.start >= region.end ? next : tokens[tokenIndexAt(tokens, region.end) + 1];
    const listBefore = text.slice(Math.max(0, town.start - 2), town.start) === ', ';
    // A known town of another country: "Kabul, Russia and Afghanistan" is a list.
    const elsewhere = !!townPlace?.country && regionKind === 'country' && townPlace.country !== (region.canonical ?? region.text);
    const listAfter = elsewhere || (!!afterRegion && ((!townPlace && /^(?:and|or)$/i.test(afterRegion.text) && mentions[i + 2]?.start === afterRegion.end + 1) || (afterRegion.text === ',' && mentions[i + 2]?.type === 'PLACE' && text.slice(region.end, mentions[i + 2].start) === ', ')));
    if (listBefore || listAfter) {
      out.push(town);
      continue;
    }
    out.push({ ...town, end: region.end, text: text.slice(town.start, region.end), type: 'PLACE', canonical: town.canonical ?? town.text });
    i++;
  }
  return out;
}

/** Mentions (sorted by start) whose first token is in a headline: one walk through the tokens, not a search per mention. */
function headlineMentions(tokens: Token[], mentions: EntityMention[], titleCase: TitleCase): Set<EntityMention> {
  const out = new Set<EntityMention>();
  let k = 0;
  for (const m of mentions) {
    if (tokens[k].start > m.start) k = tokenIndexAt(tokens, m.start); // out of order: search
    while (k + 1 < tokens.length && tokens[k + 1].start <= m.start) k++;
    if (titleCase.has(tokens[k])) out.add(m);
  }
  return out;
}

/** Index of the last mention (sorted by start) ending at or before the offset, or -1. */
function lastEndingBefore(mentions: EntityMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < offset) {
      if (mentions[mid].end <= offset) found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the last token starting at or before the offset (0 when none). */
function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function tokenAt(tokens: Token[], offset: number): Token {
  return tokens[tokenIndexAt(tokens, offset)];
}

/** Punctuation that closes an apposition (one set, not an array literal per token looked at). */
const APPOSITION_ENDS = new Set([',', ';', '.', ')', '–', '—', ':']);

/** "Russian Ambassador to Kabul Dmitry Zhirnov", "Zamir Kabulov, Russia’s special envoy for Afghanistan,". */
function findRoles(text: string, tokens: Token[], m: EntityMention, owner: Map<number, EntityMention>): Array<Span & { text: string }> {
  const roles: Array<Span & { text: string }> = [];
  const index = tokenIndexAt(tokens, m.start);
  if (tokens[index]?.start !== m.start) return roles;
  // A title phrase right before the name.
  let k = index - 1;
  let sawTitle = false;
  while (k >= 0 && tokens[k].sentence === m.sentence) {
    const t = tokens[k];
    const other = owner.get(k);
    const ok = t.kind === 'word' && (!other || other === m) && (t.capitalised || is(t, TITLE) || TITLE_MODIFIERS.has(t.text) || ROLE_CONNECTORS.has(t.text));
    if (!ok && !(HYPHEN_LIKE.has(t.text) && tokens[k + 1]?.hyphenJoined)) break;
    if (is(t, TITLE)) sawTitle = true;
    k--;
  }
  let from = k + 1;
  while (from < index && (ROLE_CONNECTORS.has(tokens[from].text) || !tokens[from].capitalised && !is(tokens[from], TITLE) && !TITLE_MODIFIERS.has(tokens[from].text))) from++;
  if (sawTitle && from < index) roles.push(role(text, tokens[from].start, tokens[index - 1].end));
  // An apposition: ", the Russian Defense Minister," after the name.
  let after = tokenIndexAt(tokens, m.end);
  if (after >= 0 && tokens[after] && tokens[after].start < m.end) after++;
  if (after >= tokens.length) after = -1;
  if (after >= 0 && tokens[after].text === ',' && tokens[after].sentence === m.sentence) {
    let end = after + 1;
    let count = 0;
    let titled = false;
    while (end < tokens.length && tokens[end].sentence === m.sentence && !APPOSITION_ENDS.has(tokens[end].text) && count < MAX_APPOSITION_WORDS) {
      if (is(tokens[end], TITLE)) titled = true;
      count++;
      end++;
    }
    const closed = end >= tokens.length || tokens[end].sentence !== m.sentence || APPOSITION_ENDS.has(tokens[end].text);
    if (titled && closed && end > after + 1) roles.push(role(text, tokens[after + 1].start, tokens[end - 1].end));
  }
  return roles;
}

function role(text: string, start: number, end: number): Span & { text: string } {
  const raw = text.slice(start, end);
  const possessive = /['’]s?$/.exec(raw);
  return { start, end, text: possessive ? raw : raw.trim() };
}
