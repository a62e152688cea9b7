// The -ing form of a happening's verb where it tells the happening itself rather than another verb's
// content: a noun ("the stabbing", "the police killing of a teenager", "whose killing by police"),
// a compound's head ("an office party shooting"), the act a charge or a verdict is about ("convicted of murdering", "charged with killing"), or an
// adjunct of time or means ("after fleeing", "by stopping Rahman in the seventh round").
import type { TriggerEntry } from './kinds.js';
import type { SentenceReader } from './sentenceReader.js';
import { ADVERBS, BE, DETERMINERS, DO, HAVE, MODALS, PREPOSITIONS, PRONOUNS, SUBORDINATORS, negatedWord } from './words.js';

/** Prepositions after which an -ing form tells what happened before, after or by which the clause's happening came. */
const ADJUNCT_PREPOSITIONS = new Set(['after', 'before', 'since', 'upon', 'following', 'by']);
/** Kinds whose trigger takes the act it is about after "of", "for", "with": "convicted of murdering", "arrested for stealing". */
const ABOUT_AN_ACT = new Set(['charge', 'verdict', 'sentence', 'arrest', 'trial']);
/** Statement verbs whose -ing object is a happening the speaker owns to: "admitted killing two coworkers". */
const OWNING_TO = new Set(['admitted', 'admits', 'admit', 'confessed', 'confesses', 'confess']);

/**
 * The noun reading of an -ing form of a trigger verb: after a determiner, a possessive or "whose",
 * or before "of". Null when it reads as a verb.
 */
export function gerundNoun(r: SentenceReader, k: number, verbs: readonly TriggerEntry[], nouns: readonly TriggerEntry[]): TriggerEntry | null {
  const ing = verbs.find((e) => e.form === 'ing');
  if (!ing) return null;
  const prev = r.word(k - 1);
  const nounPosition = r.word(k + 1) === 'of' || (DETERMINERS.has(prev) && prev !== 'no' && prev !== 'that') || prev === 'whose' || r.tokens[k - 1]?.possessive === true
    || (nouns.length > 0 && compoundHead(r, k));
  if (!nounPosition) return null;
  return nouns[0] ?? { kind: ing.kind, lemma: ing.lemma, form: 'noun', weak: ing.weak };
}

/**
 * "an office Christmas party shooting", "Kraft Factory Shooting: Police": a listed -ing noun after a
 * noun that modifies it, with no object after it (not "party killing one man").
 */
function compoundHead(r: SentenceReader, k: number): boolean {
  const prev = r.word(k - 1);
  const before = r.tokens[k - 1];
  if (!before || before.kind !== 'word' || k - 1 < r.first) return false;
  if (BE.has(prev) || HAVE.has(prev) || DO.has(prev) || MODALS.has(prev) || PRONOUNS.has(prev) || ADVERBS.has(prev) || negatedWord(prev) || prev === 'to' || prev.endsWith('ly') || PREPOSITIONS.has(prev) || SUBORDINATORS.has(prev)) return false;
  // A word before it that may be a verb ("began shooting", "Examines Meeting Between") does not modify it.
  if (/(ed|ing|[^s]s)$/.test(prev) && !r.entity(k - 1)) return false;
  const after = r.tokens[k + 1];
  return !after || k + 1 >= r.last || (after.kind === 'punct' && !QUOTE_OR_DASH.has(after.text)) || PREPOSITIONS.has(r.word(k + 1)) || r.inDate(k + 1);
}
const QUOTE_OR_DASH = new Set(['-', '–', '—']);

/**
 * An -ing verb form that tells a happening of its own, as its clause tells it: after "after",
 * "by" and the like; after "of", "for" or "with" that a charge, a verdict or an arrest takes; as
 * the object of "admitted".
 */
export function realisedGerund(r: SentenceReader, k: number, kindOf: (word: string) => string | undefined): boolean {
  let j = k - 1;
  while (j > r.first && r.word(j).endsWith('ly')) j--;
  const prev = r.word(j);
  if (ADJUNCT_PREPOSITIONS.has(prev) || OWNING_TO.has(prev)) return true;
  if (prev === 'of' || prev === 'for' || prev === 'with') {
    // The charge may stand a few words back: "convicted a gang member of murdering".
    for (let h = j - 1; h >= r.first && h >= j - 5 && !r.isBreak(h); h--) {
      const kind = kindOf(r.word(h) === 'guilty' ? 'convicted' : r.word(h));
      if (kind !== undefined && ABOUT_AN_ACT.has(kind)) return true;
    }
    return false;
  }
  // "admitted killing two coworkers and seriously wounding a third": as the -ing form it is joined to.
  if (prev === 'and' || prev === 'or') {
    for (let h = j - 1; h >= r.first && h >= j - 10 && !r.isBreak(h); h--) if (r.word(h).endsWith('ing') && kindOf(r.word(h)) !== undefined) return realisedGerund(r, h, kindOf);
  }
  return false;
}
