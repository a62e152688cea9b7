// Senses of "hit", "struck", "dead" and "fell" that tell a happening by what is around them: a vehicle
// that hits someone ("was struck by a car", "the car that hit her", "hit and killed"), a count of the
// dead or hurt ("Ten dead in quake"), a fall of a distance ("fell around 200ft from a ridge").
import type { TriggerEntry, TriggerForm } from './kinds.js';
import { COUNTS } from './realis.js';
import type { SentenceReader } from './sentenceReader.js';

/** What hits a person on a road: "struck by a gray Toyota", "a drunken driver struck her". */
const VEHICLES = new Set(['car', 'truck', 'van', 'vehicle', 'bus', 'train', 'lorry', 'suv', 'motorcycle', 'motorbike', 'taxi', 'cab', 'tram', 'driver', 'motorist', 'trucker', 'jeep', 'sedan', 'minivan', 'pickup']);
/** What a hit is told with right after it: "hit and killed", "struck and injured". */
const HARMED = /^(killed|injured|wounded|hurt|killing|injuring)$/;
/** Words that come before a distance: "fell around 2000ft", "fell about 200 metres". */
const APPROXIMATORS = new Set(['about', 'around', 'nearly', 'some', 'roughly', 'almost', 'approximately']);
const DISTANCE_UNITS = /^(feet|ft|metres|meters|m|yards|storeys|stories|floors)$/;

function formOf(word: string): TriggerForm {
  return word.endsWith('ing') ? 'ing' : word === 'hits' || word === 'strikes' ? 'verb' : 'past';
}

/** A vehicle's impact: "hit", "struck" by one, by its driver, or with harm told right after. Undefined: not this sense. */
export function vehicleStrike(r: SentenceReader, k: number, word: string): TriggerEntry | undefined {
  if (!/^(hit|hits|struck|strikes|striking|hitting)$/.test(word)) return undefined;
  const next = r.word(k + 1);
  let vehicle = false;
  if (next === 'by') for (let j = k + 2; j < r.last && j <= k + 6 && !vehicle; j++) vehicle = VEHICLES.has(r.word(j));
  for (let j = k - 1; j >= r.first && j >= k - 4 && !vehicle; j--) vehicle = VEHICLES.has(r.word(j));
  if (!vehicle && !(next === 'and' && HARMED.test(r.word(k + 2)))) return undefined;
  return { kind: 'accident', lemma: 'hit', form: formOf(word), weak: false };
}

/** "Ten dead", "three hurt": a count of the dead or the injured, as a headline gives it. */
export function countedHarm(r: SentenceReader, k: number, word: string): TriggerEntry | undefined {
  if ((word !== 'dead' && word !== 'hurt') || !COUNTS.has(r.word(k - 1))) return undefined;
  return { kind: word === 'dead' ? 'death' : 'injury', lemma: word === 'dead' ? 'die' : 'hurt', form: 'participle', weak: false };
}

/** "fell around 200ft", "fell about 2,000 feet": a fall of a distance. */
export function fallDistance(r: SentenceReader, k: number): boolean {
  const at = APPROXIMATORS.has(r.word(k + 1)) ? k + 2 : k + 1;
  return r.tokens[at]?.kind === 'number' && at < r.last && DISTANCE_UNITS.test(r.word(at + 1));
}
