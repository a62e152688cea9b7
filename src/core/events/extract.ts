// Event mentions in one document: the happenings the text reports, found by their trigger words
// (kinds.ts), kept only when what they tell happened or is planned for a definite time (realis.ts),
// with who did what to whom and where read from the clause (roles.ts) and a date from the sentence;
// then the mentions of one happening in the document are gathered (corefer.ts), so that a headline,
// "the meeting" and "this visit" tell the same event, dated and peopled alike.
import type { EntityMention } from '../entities/recognize.js';
import { lowerOf, type Sentence, type Token } from '../entities/tokenize.js';
import type { Span } from '../types.js';
import { gatherHappenings, type Candidate } from './corefer.js';
import { KINDS, PHRASES, TRIGGERS, type EventKind, type TriggerEntry } from './kinds.js';
import { readingOf, realisOf, type Reading } from './realis.js';
import { rolesOf } from './roles.js';
import { ClauseTable, SentenceReader } from './sentenceReader.js';
import { countedHarm, fallDistance, vehicleStrike } from './impactSenses.js';
import { DETERMINERS, PREPOSITIONS, SUBORDINATORS } from './words.js';

/** Words that open an adverbial clause: a date after one belongs to what that clause tells. */
const ADVERBIAL_OPENERS = new Set(['as', 'when', 'since', 'because', 'while', 'although', 'though', 'after', 'before', 'until', 'if', 'unless']);

export { COMPATIBLE, type EventKind } from './kinds.js';

export interface EventDate extends Span {
  /** ISO value at the precision the text gives: 2024-03-05, 2024-03, 2024, XXXX-03-22. */
  value: string;
}

export interface EventMention extends Span {
  kind: EventKind;
  /** The trigger as written ("met", "attack"). */
  trigger: string;
  /** The word a title tells the happening with: a verb's lemma ("remove", "meet") or a noun ("meeting"). */
  lemma: string;
  /** The sentence reporting it. */
  sentence: Span;
  sentenceIndex: number;
  /** The line (paragraph) it stands on. */
  line: number;
  /**
   * The happening it tells within its document: mentions of one happening share this number (the
   * line of its first mention × 64 + its place among the happenings first told on that line).
   */
  happening: number;
  /** Who did it (the speaker of a statement), as the happening's mentions tell it. */
  agent: EntityMention[];
  /** To whom or what it was done: the one met, arrested, attacked. */
  patient: EntityMention[];
  /** Agent and patient together. */
  participants: EntityMention[];
  /** Where it happened. */
  place: EntityMention | null;
  /** The happening's date, from any of its mentions in the document, or null. */
  date: EventDate | null;
  /** 'planned': the text tells it as to come, at a definite time. */
  modality: 'actual' | 'planned';
}

/** A timex as the date recogniser gives it; only the fields events need. */
export interface TimexLike extends Span {
  type: string;
  value: string | null;
}

/** Prepositions a sentence opens with when it tells the occasion first: "In a meeting with …,". */
const PREPOSITION_OPENERS = new Set(['in', 'at', 'during', 'after', 'following']);

/** Only calendar values date an event (not durations, sets or vague references). */
const CALENDAR_VALUE = /^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$/;
/** A weekday of an unknown week ("on Thursday", "Friday night"): no date, but a definite time. */
const WEEKDAY_VALUE = /^XXXX-WXX-\d/;

/**
 * `sentenceBase`: the number of sentences before the first of `sentences` (a passage of a document
 * read alone), so that the mentions' sentence numbers and the reports' are the document's.
 */
export function extractEvents(tokens: Token[], sentences: Sentence[], entities: EntityMention[], timex: TimexLike[], text: string, sentenceBase = 0): EventMention[] {
  return gatherHappenings(findCandidates(tokens, sentences, entities, timex, sentenceBase), entities, text);
}

/** Every trigger that reports a happening, with its reading, roles and date, before the document's mentions of one happening are gathered. */
export function findCandidates(tokens: Token[], sentences: Sentence[], entities: EntityMention[], timex: TimexLike[], sentenceBase = 0): Candidate[] {
  const candidates: Candidate[] = [];
  /** The sentence's words that may start a trigger, found in one pass (reused from sentence to sentence). */
  const words: number[] = [];
  const clauses = new ClauseTable(tokens.length);
  let e = 0;
  let t = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    while (e < entities.length && entities[e].end <= sentence.start) e++;
    while (t < timex.length && timex[t].end <= sentence.start) t++;
    // Most sentences hold no word that could tell a happening: nothing to read there.
    words.length = 0;
    for (let k = sentence.first; k < sentence.last; k++) if (mayTrigger(tokens[k])) words.push(k);
    if (words.length === 0) continue;
    const sentenceEntities: EntityMention[] = [];
    for (let k = e; k < entities.length && entities[k].start < sentence.end; k++) if (within(entities[k], sentence)) sentenceEntities.push(entities[k]);
    const dates: EventDate[] = [];
    const allDates: Span[] = [];
    /** Days named without a calendar date to place them ("on Thursday" in an article with no date of its own). */
    const days: Span[] = [];
    for (let k = t; k < timex.length && timex[k].start < sentence.end; k++) {
      const x = timex[k];
      if (!within(x, sentence)) continue;
      allDates.push(x);
      // A range ("February 18-19, 2024") dates an event by its first day.
      const value = x.value == null ? null : firstOfRange(x.value);
      if (value && CALENDAR_VALUE.test(value) && (x.type === 'DATE' || x.type === 'TIME')) dates.push({ start: x.start, end: x.end, value });
      else if (value && WEEKDAY_VALUE.test(value) && (x.type === 'DATE' || x.type === 'TIME')) days.push(x);
    }
    const reader = new SentenceReader(tokens, sentence, sentenceEntities, allDates, clauses);
    // First the triggers that tell a happening, so that dates go to those only ("removed … from its
    // list of banned organizations on March 3": the date is the removal's, not the modifier's).
    const found: Array<{ k: number; reading: Reading; last: number; realis: 'actual' | 'planned' }> = [];
    let after = sentence.first;
    for (const k of words) {
      // A multi-word trigger's words are read with it.
      if (k < after || reader.entity(k)) continue;
      const trigger = triggerAt(reader, k);
      if (!trigger) continue;
      const { reading, last } = trigger;
      const realis = realisOf(reader, k, reading, definiteIn(reader, dates, k));
      if (realis === 'actual' || realis === 'planned') found.push({ k, reading, last, realis });
      after = last + 1;
    }
    const accepted = found.map((f) => f.k);
    for (const { k, reading, last, realis } of found) {
      const token = tokens[k];
      const roles = rolesOf(reader, k, last, reading, reading.entry.kind);
      const clause = reader.clauseStart(k);
      const clauseFrom = tokens[clause].start;
      const clauseTo = tokens[reader.clauseEnd(k) - 1].end;
      // "the decisions by Kazakhstan and Kyrgyzstan": one happening for each.
      const agents = reading.plural && roles.agent.length > 1 && roles.agent.every((m) => m.type !== 'PERSON') ? roles.agent : [null];
      const lemma = roles.complement && TRIGGERS.get(roles.complement)?.some((e) => e.kind === 'decision') ? roles.complement : reading.entry.lemma;
      const date = dateFor(reader, dates, k, last, accepted);
      const recently = hasRecently(reader, k);
      const onDay = days.some((d) => d.start >= clauseFrom && d.end <= clauseTo);
      const thatClause = reader.word(reader.startOf(k) - 1) === 'that' || reader.word(k - 2) === 'that' || reader.word(k - 3) === 'that';
      const span = { start: sentence.start, end: sentence.end };
      const fronted = reading.pos === 'noun' && clause <= reader.opening && PREPOSITION_OPENERS.has(reader.word(reader.opening));
      const occasion = reading.pos === 'noun' && (OCCASION.has(reader.word(k - 2)) || OCCASION.has(reader.word(k - 1)));
      const quantified = reading.plural && GATHERING.has(reader.word(k - 2)) || GATHERING.has(reader.word(k - 3));
      const relativeTo = reading.pos === 'verb' ? relativeHead(reader, k) : undefined;
      const told = listing(reader, last, lemma);
      for (const agent of agents) {
        candidates.push({
          start: token.start,
          end: tokens[last].end,
          token: k,
          kind: reading.entry.kind,
          lemma: told,
          weak: reading.entry.weak,
          pos: reading.pos,
          determiner: reading.determiner,
          plural: reading.plural,
          roles: agent ? { ...roles, agent: [agent] } : roles,
          date,
          recently,
          onDay,
          thatClause,
          modality: realis,
          sentence: span,
          sentenceIndex: sentenceBase + s,
          line: token.line,
          clause,
          fronted,
          headline: reader.headline,
          occasion,
          split: agents.length > 1,
          quantified,
          relativeTo,
        });
      }
    }
  }
  return candidates;
}

/** Words before a noun that make it the occasion of what follows: "at the meeting", "during this visit". */
const OCCASION = new Set(['at', 'during']);
/** Words before a plural that gather happenings already told: "all the meetings", "both visits". */
const GATHERING = new Set(['all', 'both']);

function within(x: Span, sentence: Span): boolean {
  return x.start >= sentence.start && x.end <= sentence.end;
}

/** "2024-02-18/2024-02-19" → "2024-02-18"; a value that is no range, as it is. */
function firstOfRange(value: string): string {
  const slash = value.indexOf('/');
  return slash < 0 ? value : value.slice(0, slash);
}

/** Words that senseOf may read as a trigger whatever the lexicon says. */
const SENSE_TRIGGERS = ['fired', 'fire', 'firing', 'strike', 'strikes', 'held', 'dead', 'claimed', 'added', 'hit', 'hits', 'struck', 'striking', 'rocked', 'rocks', 'shook', 'shakes', 'fell', 'fall', 'falls', 'falling', 'fallen', 'slipped', 'slipping', 'hitting'];
/** Nouns of a disaster that may "hit" or "strike": "an earthquake struck", "the storm hit the coast". */
const DISASTER_SUBJECTS = new Set(['earthquake', 'quake', 'tremor', 'aftershock', 'hurricane', 'typhoon', 'cyclone', 'tornado', 'storm', 'tsunami', 'landslide', 'flood', 'floods', 'avalanche', 'wildfire', 'fire', 'blaze']);
/** After a fall: where from, or how far ("fell from a ridge", "slipped and fell 200 feet"). */
const FALL_AFTER = new Set(['from', 'off', 'down', 'into', 'onto', 'about', 'around', 'nearly', 'some', 'more', 'over']);
/** Who falls "into" or "down" something: a person, not prices or a rate. */
const PRONOUNS_FALLING = new Set(['he', 'she', 'they', 'climber', 'man', 'woman', 'boy', 'girl', 'worker', 'hiker', 'child']);
/** Every word triggerAt may find a trigger at: the first word of a phrase, a trigger word, a word read by its sense. */
const MAY_TRIGGER = new Set([...PHRASES.keys(), ...TRIGGERS.keys(), ...SENSE_TRIGGERS]);

/** The trigger words' lengths (1: some word has it): a word of another length ("a", "of") is ruled out before its lower case is made. */
const TRIGGER_LENGTH = new Uint8Array(Math.max(...[...MAY_TRIGGER].map((w) => w.length)) + 1);
for (const w of MAY_TRIGGER) TRIGGER_LENGTH[w.length] = 1;

function mayTrigger(token: Token): boolean {
  // Lower-casing keeps the length of a word whose lower case is ASCII, as every trigger word is.
  return token.kind === 'word' && TRIGGER_LENGTH[token.text.length] === 1 && MAY_TRIGGER.has(lowerOf(token));
}

/** The clause of the trigger at k gives a day or a month. */
function definiteIn(r: SentenceReader, dates: EventDate[], k: number): boolean {
  if (dates.length === 0) return false;
  const from = r.tokens[r.clauseStart(k)].start;
  const to = r.tokens[r.clauseEnd(k) - 1].end;
  return dates.some((d) => d.start >= from && d.end <= to && d.value.length >= 7);
}

/** The trigger starting at token k (a multi-word one first: "took control", "stepped down"), read in its context. */
function triggerAt(r: SentenceReader, k: number): { reading: Reading; last: number } | null {
  const word = r.word(k);
  for (const phrase of PHRASES.get(word) ?? []) {
    if (phrase.rest.every((w, i) => r.word(k + 1 + i) === w)) {
      const entry: TriggerEntry = { kind: phrase.kind, lemma: phrase.lemma, form: phrase.form, weak: false };
      const reading = readingOf(r, k, [entry]);
      if (reading) return { reading, last: k + phrase.rest.length };
    }
  }
  let entries = TRIGGERS.get(word);
  const sense = senseOf(r, k, word);
  if (sense === null) return null;
  if (sense) entries = [sense];
  if (!entries) return null;
  const reading = readingOf(r, k, entries);
  return reading ? { reading, last: k } : null;
}

/**
 * Words whose kind depends on their neighbours: "fired shots" is an attack, "fired the coach" a
 * dismissal; "hunger strike" a protest; "were also held" an arrest; "found dead" a death;
 * "claimed 144 lives" a killing. Null: no trigger here; undefined: as the lexicon says. A word
 * given an entry here that the lexicon lacks goes in SENSE_TRIGGERS.
 */
function senseOf(r: SentenceReader, k: number, word: string): TriggerEntry | null | undefined {
  const next = r.word(k + 1);
  const prev = r.word(k - 1);
  const impact = vehicleStrike(r, k, word) ?? countedHarm(r, k, word);
  if (impact) return impact;
  if ((word === 'fired' || word === 'fire' || word === 'firing') && !DETERMINERS.has(prev) && !r.tokens[k - 1]?.possessive && ['shots', 'rockets', 'missiles', 'at', 'on', 'upon', 'bullets', 'shells', 'into', 'tear', 'warning'].includes(next)) {
    return { kind: 'attack', lemma: 'fire', form: word === 'fire' ? 'verb' : word === 'firing' ? 'ing' : 'past', weak: false };
  }
  if (word === 'fire' && (prev === 'opened' || prev === 'open' || prev === 'under' || prev === 'cease')) return null;
  if ((word === 'strike' || word === 'strikes') && ['hunger', 'general', 'labour', 'labor', 'workers', 'rail', 'transport', 'teachers'].includes(prev)) return { kind: 'protest', lemma: 'strike', form: 'noun', weak: false };
  if ((word === 'released' || word === 'release' || word === 'releases') && (next === 'from' || next === 'on')) return null;
  if (word === 'charge' && prev === 'in') return null;
  if (word === 'held' && (r.word(k - 1) === 'were' || r.word(k - 2) === 'were' || r.word(k - 1) === 'being') && !['talks', 'a', 'an', 'the', 'in', 'on', 'at'].includes(next)) return { kind: 'arrest', lemma: 'hold', form: 'participle', weak: false };
  // "an earthquake struck", "the 6.1-magnitude quake hit Qeshm island": the disaster's own verb.
  if (/^(hit|hits|struck|strike|strikes|striking|rocked|rocks|shook|shakes)$/.test(word)) {
    for (let j = k - 1; j >= r.first && j >= k - 3; j--) if (DISASTER_SUBJECTS.has(r.word(j))) return { kind: 'disaster', lemma: 'strike', form: word.endsWith('ing') ? 'ing' : word.endsWith('s') ? 'verb' : 'past', weak: false };
    if (word === 'hit' || word === 'hits' || word === 'rocked' || word === 'rocks' || word === 'shook' || word === 'shakes' || word === 'struck') return null;
  }
  // "fell from a ridge", "died after slipping and falling 200 feet": a fall; "prices fell", not.
  if (/^(fell|fall|falls|falling|fallen|slipped|slipping)$/.test(word)) {
    const far = fallDistance(r, k);
    if (!(FALL_AFTER.has(next) && next !== 'about' && next !== 'around' && next !== 'some' && next !== 'more' && next !== 'nearly' || far || (next === 'and' && /^(fell|fall|falling)$/.test(r.word(k + 2))))) return null;
    if ((next === 'into' || next === 'down' || next === 'over') && !['PERSON'].includes(r.entity(k - 1)?.type ?? '') && !PRONOUNS_FALLING.has(prev)) return null;
    return { kind: 'accident', lemma: 'fall', form: word.endsWith('ing') ? 'ing' : word === 'fallen' ? 'participle' : word.startsWith('fal') && !word.endsWith('s') && word !== 'fell' ? 'verb' : 'past', weak: false };
  }
  // "1 dead, 2 hurt": a headline's count.
  if ((word === 'dead' || word === 'hurt') && r.tokens[k - 1]?.kind === 'number') return { kind: word === 'dead' ? 'death' : 'injury', lemma: word === 'dead' ? 'die' : 'hurt', form: 'participle', weak: false };
  if (word === 'dead' && ['found', 'was', 'were', 'is', 'are', 'shot', 'left', 'lay', 'declared', 'pronounced'].includes(prev)) return { kind: 'death', lemma: 'die', form: 'participle', weak: false };
  if (word === 'claimed' && r.tokens[k + 1]?.kind === 'number' && r.word(k + 2) === 'lives') return { kind: 'killing', lemma: 'kill', form: 'past', weak: false };
  if ((word === 'shot' || word === 'shoot' || word === 'shooting') && next === 'down') return null;
  // "left Afghanistan", "left from": a withdrawal; "left 155 people injured": not.
  if ((word === 'left' || word === 'leave' || word === 'leaves' || word === 'leaving') && !(r.entity(k + 1)?.type === 'PLACE' || next === 'from')) return null;
  // "was added to the list": a listing.
  if (word === 'added' && next === 'to' && (/^lists?$/.test(r.word(k + 3)) || /^lists?$/.test(r.word(k + 4)))) return { kind: 'decision', lemma: 'list', form: 'participle', weak: false };
  return undefined;
}

/** "remove … from the list", "the removal … from their lists": a listing's undoing is told as "delist". */
function listing(r: SentenceReader, last: number, lemma: string): string {
  if (lemma !== 'remove' && lemma !== 'removal') return lemma;
  for (let j = last + 1; j < r.clauseEnd(last) && j < last + 12; j++) if (r.word(j) === 'from') return /^lists?$/.test(r.word(j + 2)) || /^lists?$/.test(r.word(j + 3)) || /^lists?$/.test(r.word(j + 4)) ? 'delist' : lemma;
  return lemma;
}

/** A verb of a relative clause ("…, and which the Taliban also boycotted"): the trigger noun the clause hangs on. */
function relativeHead(r: SentenceReader, k: number): number | undefined {
  const start = r.clauseStart(k);
  let rel = -1;
  for (let j = start; j < k; j++) if (r.word(j) === 'which' || (r.word(j) === 'that' && j === start)) rel = j;
  if (rel < 0) return undefined;
  for (let j = rel - 1; j >= r.first; j--) {
    if (r.entity(j)) continue;
    const entries = TRIGGERS.get(r.word(j));
    if (entries?.some((e) => e.form === 'noun' || e.form === 'plural')) return j;
  }
  return undefined;
}

/** "recently said": a happening the text places near its own date. */
function hasRecently(r: SentenceReader, k: number): boolean {
  for (let j = Math.max(r.first, k - 3); j < k; j++) if (r.word(j) === 'recently' || r.word(j) === 'lately') return true;
  return false;
}

/**
 * The date of the trigger at k: a date written right before it ("the March 22, 2024 attack"), or
 * lent by a trigger of the same happening right before it in the sentence; else an unbound date of
 * its clause; else the date the sentence opens with ("On March 5, 2024, … met"; "In April 2023,
 * speaking at …, Shoigu stated"); else, when the sentence reports this happening alone, its date.
 */
function dateFor(r: SentenceReader, dates: EventDate[], k: number, last: number, accepted: number[]): EventDate | null {
  if (dates.length === 0) return null;
  const tokens = r.tokens;
  const boundTo = (d: EventDate, j: number) => {
    const prev = tokens[j - 1];
    const prev2 = tokens[j - 2];
    // "the March 22 attack", "the March 22 terror attack"; not "on March 5, 2024 to discuss".
    const modifier = !!prev && prev.kind === 'word' && !prev.capitalised && !PREPOSITIONS.has(r.word(j - 1)) && !SUBORDINATORS.has(r.word(j - 1)) && r.word(j - 1) !== 'to';
    return (!!prev && d.end === prev.end) || (!!prev2 && d.end === prev2.end && modifier);
  };
  const own = dates.find((d) => boundTo(d, k));
  if (own) return own;
  const isTrigger = (j: number) => accepted.includes(j);
  const bound = new Set<EventDate>();
  for (let j = r.first; j < r.last; j++) if (isTrigger(j)) for (const d of dates) if (boundTo(d, j)) bound.add(d);
  // A date belongs to the nearest trigger before it in its clause ("held a meeting with X on February
  // 14, 2024"; "the UN meeting … held in Doha on February 18-19"), or, with none before, the first
  // after it; a date that closes an opening phrase ("as in August 2022, X was killed") to the verb of
  // the clause it opens.
  const owner = (d: EventDate) => {
    // The date's first token (the sentence's tokens: those before it end before the date starts).
    let at = r.first;
    while (at < tokens.length && tokens[at].end <= d.start) at++;
    if (at === tokens.length) at = -1;
    const first = r.clauseStart(at);
    const end = r.clauseEnd(at);
    let before = -1;
    let after = -1;
    // An adverbial opener ("as in August 2022, …") starts the date's own clause.
    let from = first;
    for (let j = at - 1; j >= first; j--) if (ADVERBIAL_OPENERS.has(r.word(j))) { from = j; break; }
    for (let j = from; j < end; j++) {
      if (!isTrigger(j)) continue;
      if (tokens[j].end <= d.start) before = j;
      else if (tokens[j].start >= d.end && after < 0) after = j;
    }
    if (before >= 0) return before;
    const comma = end < r.last && tokens[end].text === ',' ? end : -1;
    const opener = r.word(comma + 1);
    if (comma >= 0 && ['in', 'on', 'since'].includes(r.word(at - 1)) && !SUBORDINATORS.has(opener) && !PREPOSITIONS.has(opener) && !opener.endsWith('ing')) {
      for (let j = comma + 1; j < r.clauseEnd(comma + 1); j++) if (isTrigger(j)) return j;
    }
    return after;
  };
  const owned = dates.find((d) => !bound.has(d) && owner(d) >= k && owner(d) <= last);
  if (owned) return owned;
  // The sentence's opening adverbials: dates in the clauses before the first that holds a trigger
  // ("Most recently, in March, a deadly attack …") date the main clause.
  let opening = r.first;
  while (opening < r.last) {
    const end = r.clauseEnd(opening);
    let triggered = false;
    for (let j = opening; j < end; j++) if (isTrigger(j)) triggered = true;
    if (triggered) break;
    opening = end + 1;
  }
  const openingDate = opening > r.first ? dates.find((d) => !bound.has(d) && d.end <= tokens[opening - 1].end) : undefined;
  // "took control … in August 2021, following the withdrawal of US-led forces": what it followed is of that time.
  if (['following', 'after', 'amid', 'amidst'].includes(r.word(r.clauseStart(k))) && r.clauseStart(k) > r.first) {
    const prior = r.clauseStart(k) - 1;
    const near = dates.filter((d) => !bound.has(d) && d.end <= tokens[prior].end && d.start >= tokens[r.clauseStart(prior)].start);
    if (near.length) return near[near.length - 1];
  }
  let subordinate = false;
  for (let j = r.clauseStart(k); j < k; j++) if (['which', 'who', 'whom', 'that', 'where'].includes(r.word(j))) subordinate = true;
  if (openingDate && opening <= k && !subordinate) return openingDate;
  // A date in another clause of a sentence with one trigger.
  let count = 0;
  for (let j = r.first; j < r.last; j++) if (isTrigger(j)) count++;
  return count === 1 ? dates.find((d) => !bound.has(d)) ?? null : null;
}

export { KINDS };
