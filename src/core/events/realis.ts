// Whether a trigger word reports a happening: which reading it has here (a verb or a noun, active or
// passive), and whether what it tells happened (or is planned for a definite time), or is negated,
// hypothetical, conditional, generic, habitual, a modifier ("banned organizations"), an infinitive
// that another happening holds ("decided to remove"), or a source ("according to a report").
import type { EventKind, TriggerEntry } from './kinds.js';
import { finiteVerbLike, type SentenceReader } from './sentenceReader.js';
import { LIGHT_VERBS } from './words.js';
import { TRIGGERS } from './kinds.js';
import { gerundNoun, realisedGerund } from './gerunds.js';
import { particularPlural } from './plurals.js';
import {
  ANAPHORIC, BE, CONDITIONAL, DETERMINERS, DO, GENERIC_QUANTIFIERS, HABITUAL, HAVE, IRREALIS_BEFORE_TO, LY_ADJECTIVES, MODALS, NEGATIONS, PREPOSITIONS,
  PRONOUNS, STATE_VERBS, SUBORDINATORS, modifierLike, negatedWord,
} from './words.js';

export type Realis = 'actual' | 'planned' | 'negated' | 'hypothetical' | 'generic' | 'modifier' | 'nonfinite' | 'attribution';

export interface Reading {
  entry: TriggerEntry;
  pos: 'verb' | 'noun';
  passive: boolean;
  /** A determiner that points back ("this meeting", "these visits"), or "the" before a singular noun. */
  determiner: string | null;
  plural: boolean;
}

const NOUN_FORMS = new Set(['noun', 'plural']);
/** Numbers that may stand as a subject: "two die", "three killed". */
export const COUNTS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozens', 'hundreds', 'thousands']);

/**
 * The reading of the trigger at k: a noun after a determiner, a possessive, an adjective or a
 * preposition; a verb after a subject, "to", a modal or an auxiliary. Null when no reading fits
 * ("the state", "a note").
 */
export function readingOf(r: SentenceReader, k: number, entries: TriggerEntry[]): Reading | null {
  const prev = r.word(k - 1);
  const prevToken = r.tokens[k - 1];
  const next = r.word(k + 1);
  const { nouns, verbs } = formsOf(entries);
  const possessiveBefore = k - 1 >= r.first && (prevToken?.possessive || prev === "'s" || prev === '’s' || prev === '’');
  const nounContext = DETERMINERS.has(prev) || possessiveBefore || (PREPOSITIONS.has(prev) && prev !== 'to') || prevToken?.kind === 'number' || r.inDate(k - 1) || LY_ADJECTIVES.has(prev)
    || (prevToken?.kind === 'word' && !prevToken.capitalised && modifierLike(prev) && !prev.endsWith('ly') && !PRONOUNS.has(prev)) || (!!r.entity(k - 1) && nouns.length > 0 && !verbObjectAfter(r, k));
  const verbContext = prev === 'to' || MODALS.has(prev) || DO.has(prev) || BE.has(prev) || HAVE.has(prev) || negatedWord(prev) || PRONOUNS.has(prev) || (prev.endsWith('ly') && !LY_ADJECTIVES.has(prev));
  const determiner = nearestDeterminer(r, k);
  if (nouns.length && (verbs.length === 0 || (nounContext && !verbContext) || (!verbContext && !verbObjectAfter(r, k) && nouns[0].form === 'plural' && !r.entity(k - 1)))) {
    if (verbs.length === 0 && verbContext && prev === 'to') return null;
    const entry = nouns[0];
    return { entry, pos: 'noun', passive: false, determiner, plural: entry.form === 'plural' };
  }
  if (!verbs.length) return null;
  // A verb form after a determiner or a possessive is a noun we do not know ("the state", "a note").
  // A count before a past form with no noun reading is its subject: "Three killed as rioters bomb bank".
  const countedSubject = COUNTS.has(prev) && nouns.length === 0 && verbs.some((e) => e.form === 'past' || e.form === 'participle' || e.form === 'verb');
  const gerund = gerundNoun(r, k, verbs, nouns);
  if (gerund) return { entry: gerund, pos: 'noun', passive: false, determiner, plural: false };
  if (nounContext && !verbContext && (DETERMINERS.has(prev) || possessiveBefore) && !countedSubject) return null;
  const passiveAux = auxBefore(r, k, BE);
  const participle = verbs.find((e) => e.form === 'participle');
  const past = verbs.find((e) => e.form === 'past');
  let entry = verbs[0];
  let passive = false;
  if (participle && passiveAux) {
    entry = participle;
    passive = true;
  } else if (participle && !past && !auxBefore(r, k, HAVE)) {
    entry = participle;
  } else if (past) entry = past;
  // A participle right after a noun with "by" or a date after it reads as a reduced passive: "a statement issued by", "Ashurov, captured on April 16".
  if (!passive && (entry.form === 'past' || entry.form === 'participle') && participle && (next === 'by' || (r.tokens[k - 1]?.text === ',' && (next === 'on' || next === 'in')))) {
    const subject = r.subjectBefore(k);
    if (next === 'by' || subject.names.length) {
      entry = participle;
      passive = true;
    }
  }
  return { entry, pos: 'verb', passive, determiner: null, plural: false };
}

/** A trigger's entries as a noun and as a verb, split once per list (the lexicon's lists are shared). */
const SPLIT = new WeakMap<TriggerEntry[], { nouns: TriggerEntry[]; verbs: TriggerEntry[] }>();

function formsOf(entries: TriggerEntry[]): { nouns: TriggerEntry[]; verbs: TriggerEntry[] } {
  let split = SPLIT.get(entries);
  if (!split) SPLIT.set(entries, (split = { nouns: entries.filter((e) => NOUN_FORMS.has(e.form)), verbs: entries.filter((e) => !NOUN_FORMS.has(e.form)) }));
  return split;
}

/** A name or a determiner right after the word: it is a verb with an object ("attack Moscow"), not a noun. */
function verbObjectAfter(r: SentenceReader, k: number): boolean {
  const next = r.word(k + 1);
  return (DETERMINERS.has(next) && next !== 'no') || (!!r.entity(k + 1) && r.tokens[k + 1]?.capitalised === true && !r.entity(k - 1));
}

/** An auxiliary of the set within two words before k (adverbs and "not" between): "was not officially removed". */
function auxBefore(r: SentenceReader, k: number, set: Set<string>): boolean {
  for (let j = k - 1; j >= r.first && j >= k - 4; j--) {
    const w = r.word(j);
    if (set.has(w)) return true;
    if (!(w.endsWith('ly') || NEGATIONS.has(w) || w === 'also' || w === 'been' || w === 'being' || w === 'then' || w === 'later' || w === 'again' || w === 'reportedly' || w === 'still')) return false;
  }
  return false;
}

/** The determiner of a noun's phrase, over adjectives and names: "this meeting", "the March 5, 2024 meeting", "these two visits". */
function nearestDeterminer(r: SentenceReader, k: number): string | null {
  for (let j = k - 1; j >= r.first && j >= k - 8; j--) {
    const w = r.word(j);
    if (DETERMINERS.has(w) && w !== 'two' && w !== 'recent' && w !== 'new' && w !== 'first' && w !== 'second' && w !== 'last' && w !== 'latest' && w !== 'other' && w !== 'further' && w !== 'one' && w !== 'three') return w;
    if (r.tokens[j].possessive) return 'possessive';
    if (r.tokens[j].kind === 'punct' && !r.inDate(j) && r.tokens[j].text !== '-' && r.tokens[j].text !== "'" && r.tokens[j].text !== '’') return null;
    if (PREPOSITIONS.has(w) || BE.has(w) || HAVE.has(w)) return null;
  }
  return null;
}

/**
 * Whether the reading reports a happening. `definiteDate`: the clause gives a day or a month (a
 * future happening with one is planned; without, it is not listed).
 */
export function realisOf(r: SentenceReader, k: number, reading: Reading, definiteDate: boolean): Realis {
  const start = r.clauseStart(k);
  const w = (j: number) => r.word(j);
  if (r.tokens[r.last - 1].text === '?') return 'hypothetical';
  if (reading.pos === 'noun') {
    // "According to a Russian media report": a source.
    for (let j = k - 1; j >= start && j >= k - 6; j--) if (w(j) === 'according' && w(j + 1) === 'to') return 'attribution';
    // A noun before another noun modifies it ("election campaign"), unless a name or a preposition follows.
    const next = r.tokens[k + 1];
    if (next && next.kind === 'word' && !next.capitalised && !PREPOSITIONS.has(w(k + 1)) && !DETERMINERS.has(w(k + 1)) && !r.entity(k + 1) && !BE.has(w(k + 1)) && !HAVE.has(w(k + 1)) && !MODALS.has(w(k + 1))
      && !SUBORDINATORS.has(w(k + 1)) && /^[a-z]+$/.test(next.text) && !isVerbLike(w(k + 1)) && !DETERMINERS.has(w(k + 2)) && !next.hyphenJoined && !tellsAboutNoun(w(k + 1))) return 'modifier';
    if (reading.plural && !reading.determiner && !r.headline) {
      // "relentless attacks", "cross-border attacks": a bare plural is generic, unless counted or dated.
      let j = k - 1;
      while (j >= start && r.tokens[j].kind === 'word' && !r.entity(j) && !PREPOSITIONS.has(w(j))) j--;
      if (!(r.tokens[j]?.kind === 'number' || r.inDate(j) || r.entity(j) || LIGHT_VERBS.has(w(j)) || particularPlural(r, k, reading.entry.lemma === w(k)))) return 'generic';
    }
    for (let j = k - 1; j >= start && j >= k - 5; j--) {
      if (GENERIC_QUANTIFIERS.has(w(j))) return 'generic';
      if (w(j) === 'no' || w(j) === 'without') return 'negated';
    }
  } else {
    const prev = w(k - 1);
    // A participle before a noun is a modifier ("banned organizations", "Taliban-appointed ambassadors").
    const next = r.tokens[k + 1];
    if ((reading.entry.form === 'participle' || reading.entry.form === 'past') && next?.kind === 'word' && !next.capitalised && !PREPOSITIONS.has(w(k + 1))
      && !DETERMINERS.has(w(k + 1)) && !SUBORDINATORS.has(w(k + 1)) && !PRONOUNS.has(w(k + 1)) && !BE.has(w(k + 1)) && !HAVE.has(w(k + 1)) && !MODALS.has(w(k + 1))
      && (DETERMINERS.has(prev) || PREPOSITIONS.has(prev) || r.tokens[k].hyphenJoined || (modifierLike(prev) && !r.entity(k - 1)) || prev === '')) return 'modifier';
    if (r.tokens[k].hyphenJoined) return 'modifier';
    // "which remains outlawed": a state.
    if ((reading.entry.form === 'participle' || reading.entry.form === 'past') && (STATE_VERBS.has(prev) || (prev.endsWith('ly') && STATE_VERBS.has(w(k - 2))))) return 'modifier';
    // "to ratify", "not to participate": the content of another verb, told by that one.
    if (prev === 'to' || (NEGATIONS.has(prev) && w(k - 2) === 'to')) return IRREALIS_BEFORE_TO.has(w(k - 2)) || IRREALIS_BEFORE_TO.has(w(k - 3)) ? 'hypothetical' : 'nonfinite';
    // A gerund after a preposition ("in accepting", "for removing") or opening a subject ("Recognising the Taliban … seems").
    if (reading.entry.form === 'ing' && !realisedGerund(r, k, kindOfTrigger)) {
      // "has followed in the footsteps of Kazakhstan in accepting the Taliban": how the happening before it went.
      if (prev === 'in' && elaborates(r, k)) return 'actual';
      if (PREPOSITIONS.has(prev) && prev !== 'after' && prev !== 'before' && prev !== 'while') return 'nonfinite';
      // "A bomb exploded …, killing a police officer and critically injuring the chief": what the clause before it brought about.
      if (RESULTS.has(reading.entry.kind) && resultClause(r, k)) return 'actual';
      if (!auxBefore(r, k, BE)) {
        // "Addressing the … Consultation, Muttaqi admitted": an adjunct at the sentence's start tells a happening.
        let s0 = k - 1;
        while (s0 >= r.first && (r.tokens[s0].kind === 'punct' || r.inDate(s0))) s0--;
        const atStart = s0 < r.first || k <= r.opening;
        const comma = r.clauseEnd(k);
        if (!(atStart && r.tokens[comma]?.text === ',')) return 'nonfinite';
      } else if (['is', 'are', "'s", 'am'].includes(w(k - 1)) || ['is', 'are'].includes(w(k - 2))) return 'generic';
    }
    if (reading.entry.form === 'verb' && /ing$/.test(w(k + 1)) === false && HABITUAL_PRESENT.has(w(k - 1))) return 'generic';
  }
  // Cues before the trigger in its clause (stopping at a subordinator that opens the clause; for a
  // noun, at a preposition: "not to participate in the UN meeting" does not negate the meeting).
  let planned = false;
  for (let j = k - 1; j >= r.first && j >= k - 12; j--) {
    const word = w(j);
    if (j < start) break;
    if (reading.pos === 'noun' && PREPOSITIONS.has(word) && word !== 'without') break;
    // "so that", "has yet" (an adverb: "no country has yet recognized") and "and" between a noun's adjectives ("the undisputed and real victory") open no clause.
    if (SUBORDINATORS.has(word) && j < k - 1 && !(word === 'that' && w(j - 1) === 'so') && !(word === 'yet' && HAVE.has(w(j - 1))) && !(reading.pos === 'noun' && adjectivesJoined(r, j, k))) break;
    if (negatedWord(word)) return 'negated';
    if (CONDITIONAL.has(word)) return 'hypothetical';
    if (HABITUAL.has(word)) return 'generic';
    if (word === 'will' || word === "'ll" || word === 'shall') planned = true;
    else if (MODALS.has(word)) return 'hypothetical';
    if ((word === 'expected' || word === 'set' || word === 'due' || word === 'scheduled' || word === 'planned' || word === 'plans') && w(j + 1) === 'to') planned = true;
    if (IRREALIS_BEFORE_TO.has(word) && w(j + 1) === 'to' && !planned) return 'hypothetical';
  }
  // A condition after it in the same clause: "is removed unless …" is not; "impossible unless the label is removed" is.
  for (let j = k - 1; j >= start; j--) if (w(j) === 'unless' || w(j) === 'if') return 'hypothetical';
  for (let j = k + 1; j < r.clauseEnd(k) && j < k + 6; j++) if (HABITUAL.has(w(j))) return 'generic';
  if (planned) return definiteDate ? 'planned' : 'hypothetical';
  return 'actual';
}

/** The kind a word tells as a trigger, if any. */
function kindOfTrigger(word: string): EventKind | undefined {
  return TRIGGERS.get(word)?.[0]?.kind;
}

/** Kinds an -ing clause tells as what the happening before it brought about (not "…, urging", "…, promoting"). */
const RESULTS = new Set<EventKind>(['killing', 'death', 'injury', 'damage', 'attack', 'crime', 'escape', 'arrest']);

/** An -ing form after a comma that closes a clause (adverbs between), or after "and" that joins it to such a one. */
function resultClause(r: SentenceReader, k: number): boolean {
  let j = k - 1;
  while (j > r.first && r.word(j).endsWith('ly')) j--;
  if (j <= r.first) return false;
  if (r.tokens[j].text === ',') return r.tokens[j - 1]?.kind === 'word' || r.tokens[j - 1]?.kind === 'number';
  if (r.word(j) !== 'and') return false;
  // "…, flattening seven villages and killing 10 people": the -ing clause need not tell a happening itself.
  for (let i = j - 1; i > r.first && i >= j - 15; i--) if (r.tokens[i].text === ',' && /ing$/.test(r.word(i + 1))) return true;
  return false;
}

/** "and" or "or" at j joins adjectives of the noun at k: "the undisputed and real victory". */
function adjectivesJoined(r: SentenceReader, j: number, k: number): boolean {
  if (r.word(j) !== 'and' && r.word(j) !== 'or') return false;
  const adjective = (i: number) => r.tokens[i]?.kind === 'word' && !r.tokens[i].capitalised && !DETERMINERS.has(r.word(i)) && (modifierLike(r.word(i)) || /ed$/.test(r.word(i)));
  if (!adjective(j - 1)) return false;
  for (let i = j + 1; i < k; i++) if (!adjective(i)) return false;
  return true;
}

/** A gerund after "in" that tells how a realised verb of its clause went ("followed … in accepting"). */
function elaborates(r: SentenceReader, k: number): boolean {
  for (let j = k - 2; j >= r.clauseStart(k); j--) {
    const w = r.word(j);
    if (r.entity(j)) continue;
    if (MODALS.has(w) || negatedWord(w)) return false;
    if (r.tokens[j].kind === 'word' && /ed$/.test(w) && !r.tokens[j].capitalised && (HAVE.has(r.word(j - 1)) || !BE.has(r.word(j - 1)))) return true;
  }
  return false;
}

/**
 * A word after a noun that tells about it rather than being the noun it modifies: "an earthquake
 * measuring 5.6", "a fire virtually destroyed", "the deal likely hinges", "news of her death spread".
 */
function tellsAboutNoun(word: string): boolean {
  return /(ing|ly)$/.test(word) || AFTER_NOUN.has(word);
}
const AFTER_NOUN = new Set(['early', 'late', 'spread', 'meant', 'hit', 'shook', 'struck', 'broke', 'took', 'left', 'came', 'went', 'began', 'fell', 'rose', 'hurt', 'led', 'held', 'tore', 'swept', 'forced', 'caused', 'sparked']);

/** Present-tense habits: "continues to attack" reads through IRREALIS; "keeps", "routinely" here. */
const HABITUAL_PRESENT = new Set(['routinely', 'often', 'usually', 'always', 'repeatedly', 'regularly', 'frequently']);

/** A verb-like word after a noun, so the noun is the subject, not a modifier: "the meeting comes", "the decision requires". */
function isVerbLike(word: string): boolean {
  return (/(ed|es|s)$/.test(word) && !/(ss|us|is|ics)$/.test(word)) || LIGHT_VERBS.has(word) || TRIGGERS.has(word) || finiteVerbLike(word);
}

export { ANAPHORIC };
