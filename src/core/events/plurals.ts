// A bare plural ("attacks", "protests") is read as generic unless something makes it particular. Here
// what does, beyond a count, a date, a name or a light verb before it: a stretch of time it filled
// ("five days of riots"), a plural-only noun one is in or faces ("in negotiations", "facing
// manslaughter charges"), a place and a date of its own ("elections in Turkmenistan … on December 15").
import type { SentenceReader } from './sentenceReader.js';

/** Units of time that a happening goes on for: "five days of riots", "weeks of protests". */
const STRETCHES = /^(days|weeks|nights|months|hours)$/;
/** Verbs that take a plural-only noun as one happening: "faces charges", "entered talks". */
const TAKING = new Set(['in', 'into', 'face', 'faces', 'faced', 'facing', 'on']);
/** Prepositions that place a happening: "elections in Turkmenistan", "riots across Greece". */
const PLACING = new Set(['in', 'across', 'throughout']);

/**
 * The bare plural at k tells a particular happening. `pluralOnly`: the noun has no singular that
 * tells the happening ("talks", "charges", "negotiations").
 */
export function particularPlural(r: SentenceReader, k: number, pluralOnly: boolean): boolean {
  if (r.word(k - 1) === 'of' && STRETCHES.test(r.word(k - 2))) return true;
  if (pluralOnly) {
    // "in negotiations", "facing manslaughter charges", "on first-degree murder charges": over the noun's modifiers.
    for (let j = k - 1; j >= r.first && j >= k - 4; j--) {
      if (TAKING.has(r.word(j))) return true;
      if (r.tokens[j].kind !== 'word' || r.entity(j)) break;
    }
  }
  if (!PLACING.has(r.word(k + 1)) || r.entity(k + 2)?.type !== 'PLACE') return false;
  for (let j = r.clauseStart(k); j < r.clauseEnd(k); j++) if (r.inDate(j)) return true;
  return false;
}
