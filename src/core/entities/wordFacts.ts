// What the lexicon says of one word, as bits: the rules, the headline reader and the model's
// features ask some twenty questions of each capitalised word, each a hash lookup. Answered once
// per distinct text (WORD_FACTS) and kept on the token (`lex`, see recognize.ts).
import {
  isCommonWord, isGivenName, isLanguage, isMiscHead, isOrgHead, isOrgPrefix, isPlaceHead, isTitleAlsoName, isTitleModifier, isTitleWord, lookupAlias, lookupNationality, lookupPlace,
  MONTHS_AND_DAYS,
} from './lexicon.js';

/** Words written in lower case inside running text; capitalised, they mark a title-case headline. */
export const FUNCTION_WORDS = new Set(['and', 'the', 'to', 'by', 'in', 'of', 'for', 'with', 'on', 'at', 'from', 'between', 'into', 'over', 'about', 'as', 'or', 'but', 'is', 'are', 'was', 'were', 'its', 'their', 'how', 'why']);
/** Capitalised tokens that are not names: time zones, currencies, common abbreviations. */
const NOT_NAMES = new Set(['UTC', 'GMT', 'EST', 'EDT', 'PST', 'PDT', 'CET', 'CEST', 'IST', 'USD', 'EUR', 'GBP', 'GDP', 'CEO', 'CFO', 'COO', 'CTO', 'AM', 'PM', 'TV', 'OK', 'ID', 'PDF', 'URL', 'FAQ', 'DNA', 'HIV', 'AIDS', 'Covid', 'COVID', 'I']);

export const COMMON = 1 << 0; // isCommonWord of its lower case
export const KNOWN = 1 << 1; // isKnownName: a place, nationality or alias
export const PLACE = 1 << 2;
export const NATIONALITY = 1 << 3;
export const ALIAS = 1 << 4;
export const MONTH_OR_DAY = 1 << 5;
export const TITLE = 1 << 6;
export const TITLE_MODIFIER = 1 << 7;
export const TITLE_ALSO_NAME = 1 << 8;
export const GIVEN = 1 << 9;
export const ORG_HEAD = 1 << 10;
export const PLACE_HEAD = 1 << 11;
export const MISC_HEAD = 1 << 12;
export const ORG_PREFIX = 1 << 13;
export const LANGUAGE = 1 << 14;
export const FUNCTION_WORD = 1 << 15; // FUNCTION_WORDS of its lower case
export const NOT_NAME = 1 << 16;

const WORD_FACTS = new Map<string, number>();

/** The lexicon facts of a word (the bits above). */
export function wordFacts(text: string): number {
  let f = WORD_FACTS.get(text);
  if (f !== undefined) return f;
  const lower = text.toLowerCase();
  f = nameFacts(text) | (isCommonWord(lower) ? COMMON : 0)
    | (MONTHS_AND_DAYS.has(text) ? MONTH_OR_DAY : 0) | (isTitleWord(text) ? TITLE : 0) | (isTitleModifier(text) ? TITLE_MODIFIER : 0)
    | (isTitleAlsoName(text) ? TITLE_ALSO_NAME : 0) | (isGivenName(text) ? GIVEN : 0) | (isOrgHead(text) ? ORG_HEAD : 0) | (isPlaceHead(text) ? PLACE_HEAD : 0)
    | (isMiscHead(text) ? MISC_HEAD : 0) | (isOrgPrefix(text) ? ORG_PREFIX : 0) | (isLanguage(text) ? LANGUAGE : 0)
    | (FUNCTION_WORDS.has(lower) ? FUNCTION_WORD : 0) | (NOT_NAMES.has(text) ? NOT_NAME : 0);
  if (WORD_FACTS.size >= 50_000) WORD_FACTS.clear();
  WORD_FACTS.set(text, f);
  return f;
}

/** KNOWN, PLACE, NATIONALITY and ALIAS of a name. */
function nameFacts(text: string): number {
  const place = !!lookupPlace(text);
  const nationality = !!lookupNationality(text);
  const alias = !!lookupAlias(text);
  return (place || nationality || alias ? KNOWN : 0) | (place ? PLACE : 0) | (nationality ? NATIONALITY : 0) | (alias ? ALIAS : 0);
}

const SPAN_FACTS = new Map<string, number>();

/** nameFacts of a name of several words: one lookup where isKnownName and classify asked three each. */
export function spanFacts(text: string): number {
  let f = SPAN_FACTS.get(text);
  if (f !== undefined) return f;
  f = nameFacts(text);
  if (SPAN_FACTS.size >= 50_000) SPAN_FACTS.clear();
  SPAN_FACTS.set(text, f);
  return f;
}
