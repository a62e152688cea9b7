// Event mentions in one document: a happening the text reports (a meeting, an attack, an arrest, a
// statement, a decision, an agreement, an invasion, a withdrawal), found by its trigger word, with
// the entities and the date its sentence gives.
import type { EntityMention } from '../entities/recognize.js';
import type { Sentence, Token } from '../entities/tokenize.js';
import type { Span } from '../types.js';

export type EventKind =
  | 'meeting' | 'visit' | 'attack' | 'killing' | 'arrest' | 'statement' | 'decision' | 'agreement'
  | 'invasion' | 'withdrawal' | 'election' | 'sanction' | 'recognition';

export interface EventDate extends Span {
  /** ISO value at the precision the text gives: 2024-03-05, 2024-03, 2024, XXXX-03-22. */
  value: string;
}

export interface EventMention extends Span {
  kind: EventKind;
  /** The trigger as written ("met", "attack"). */
  trigger: string;
  /** The sentence reporting it. */
  sentence: Span;
  sentenceIndex: number;
  /** The line (paragraph) it stands on. */
  line: number;
  /** Entity mentions of the sentence taking part (people, organisations, nationalities, places). */
  participants: EntityMention[];
  /** Where it happened: a place after "in", "at", "near" in the sentence, else none. */
  place: EntityMention | null;
  /** A date of the sentence, or null. */
  date: EventDate | null;
}

/** A timex as the date recogniser gives it; only the fields events need. */
export interface TimexLike extends Span {
  type: string;
  value: string | null;
}

/** Trigger words by kind: verbs in their reported forms and the nouns news uses for the happening. */
const TRIGGERS: Record<EventKind, string[]> = {
  meeting: ['met', 'meet', 'meets', 'meeting', 'meetings', 'talks', 'summit', 'conference', 'consultations', 'negotiations', 'hosted'],
  visit: ['visit', 'visited', 'visits', 'trip', 'travelled', 'traveled', 'arrived', 'delegation'],
  attack: ['attack', 'attacks', 'attacked', 'bombing', 'bombings', 'blast', 'explosion', 'assault', 'raid', 'airstrike', 'airstrikes', 'shooting', 'massacre', 'ambush', 'crash', 'crashed', 'earthquake'],
  killing: ['killed', 'kill', 'killing', 'killings', 'murdered', 'assassinated', 'assassination', 'deaths', 'died', 'executed'],
  arrest: ['arrested', 'arrest', 'arrests', 'detained', 'detention', 'captured', 'capture', 'seized', 'extradited', 'charged', 'convicted', 'sentenced'],
  statement: ['announced', 'announcement', 'statement', 'declared', 'declaration', 'stated', 'warned', 'urged', 'briefing', 'interview', 'published', 'reported'],
  decision: ['decided', 'decision', 'removed', 'removal', 'delisting', 'delisted', 'approved', 'banned', 'ban', 'ratify', 'ratified', 'designated', 'suspended', 'lifted', 'appointed', 'resigned', 'fired'],
  agreement: ['agreed', 'agreement', 'signed', 'signing', 'deal', 'accord', 'treaty', 'ordered', 'order', 'purchase', 'acquired', 'acquisition', 'merger'],
  invasion: ['invaded', 'invasion', 'occupied', 'occupation', 'offensive', 'seized'],
  withdrawal: ['withdrew', 'withdrawal', 'withdrawn', 'pulled', 'retreat', 'evacuation', 'evacuated'],
  election: ['elected', 'election', 'elections', 'vote', 'voted', 'referendum', 'won'],
  sanction: ['sanctioned', 'sanctions', 'embargo'],
  recognition: ['recognized', 'recognised', 'recognition', 'recognize', 'recognise'],
};

const KIND_OF = new Map<string, EventKind>();
for (const [kind, words] of Object.entries(TRIGGERS) as Array<[EventKind, string[]]>) {
  for (const w of words) if (!KIND_OF.has(w)) KIND_OF.set(w, kind);
}

/** Kinds that name the same happening from two sides: a visit is reported as a meeting. */
export const COMPATIBLE: Partial<Record<EventKind, EventKind[]>> = {
  meeting: ['visit'],
  visit: ['meeting'],
  attack: ['killing'],
  killing: ['attack'],
  decision: ['statement', 'recognition'],
  statement: ['decision'],
  recognition: ['decision'],
};

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside']);
/** A visit's place is where it went: "a delegation to Kabul". */
const VISIT_PREPOSITIONS = new Set([...PLACE_PREPOSITIONS, 'to']);
/** Only calendar values date an event (not durations, sets or vague references). */
const CALENDAR_VALUE = /^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$/;

export function extractEvents(tokens: Token[], sentences: Sentence[], entities: EntityMention[], timex: TimexLike[], text: string): EventMention[] {
  const events: EventMention[] = [];
  let e = 0;
  let t = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s];
    while (e < entities.length && entities[e].end <= sentence.start) e++;
    while (t < timex.length && timex[t].end <= sentence.start) t++;
    const inSentence = (x: Span) => x.start >= sentence.start && x.end <= sentence.end;
    const sentenceEntities: EntityMention[] = [];
    for (let k = e; k < entities.length && entities[k].start < sentence.end; k++) if (inSentence(entities[k])) sentenceEntities.push(entities[k]);
    const dates: EventDate[] = [];
    for (let k = t; k < timex.length && timex[k].start < sentence.end; k++) {
      const x = timex[k];
      // A range ("February 18-19, 2024") dates an event by its first day.
      const value = x.value?.split('/')[0] ?? null;
      if (inSentence(x) && value && CALENDAR_VALUE.test(value) && (x.type === 'DATE' || x.type === 'TIME')) dates.push({ start: x.start, end: x.end, value });
    }
    const seenKinds = new Set<EventKind>();
    for (let k = sentence.first; k < sentence.last; k++) {
      const token = tokens[k];
      if (token.kind !== 'word') continue;
      const kind = KIND_OF.get(token.text.toLowerCase());
      if (!kind) continue;
      if (sentenceEntities.some((m) => token.start >= m.start && token.end <= m.end)) continue; // part of a name
      // "in order to" is no purchase order.
      if (token.text === 'order' && tokens[k + 1]?.text === 'to') continue;
      // Who took part: the names of the trigger's clause (between commas, semicolons, dashes), else of
      // the sentence. "…the March 22 attack on Crocus City Hall in Moscow, …, Zhirnov met Haqqani"
      // gives the attack Crocus City Hall and Moscow, and the meeting Zhirnov and Haqqani.
      const clause = clauseAround(tokens, sentence, k, dates);
      const inClause = sentenceEntities.filter((m) => m.type !== 'MISC' && m.start >= clause.start && m.end <= clause.end);
      // The sentence's subject stands before an apposition's commas: "Dmitry Zhirnov, the Russian ambassador, had … met".
      const subject = sentenceEntities.find((m) => m.start < token.start && (m.type === 'PERSON' || m.type === 'ORG'));
      if (subject && subject.start === firstWordStart(tokens, sentence) && !inClause.includes(subject)) inClause.unshift(subject);
      let participants = inClause.length > 0 ? inClause : sentenceEntities.filter((m) => m.type !== 'MISC');
      let place = placeOf(sentence, inClause.length > 0 ? inClause : sentenceEntities, text, kind === 'visit' ? VISIT_PREPOSITIONS : PLACE_PREPOSITIONS);
      if (participants.length === 0) {
        // "The attack on March 22 claimed 144 lives": the same paragraph's last report of this kind
        // names who and where; otherwise a happening with nobody named has no place in the tree.
        const antecedent = [...events].reverse().find((ev) => tokens[k].line === lineOf(tokens, ev) && (ev.kind === kind || COMPATIBLE[ev.kind]?.includes(kind)));
        if (!antecedent) continue;
        participants = antecedent.participants;
        place = antecedent.place;
      }
      seenKinds.add(kind);
      // "this meeting", "the same attack": the paragraph's last report of the kind, with its date.
      const anaphoric = ANAPHORA.has(tokens[k - 1]?.text.toLowerCase() ?? '') ? [...events].reverse().find((ev) => tokens[k].line === lineOf(tokens, ev) && ev.kind === kind) : undefined;
      if (anaphoric) {
        // The sentence may name other things; the happening is the one referred to.
        participants = anaphoric.participants;
        place = anaphoric.place;
      }
      events.push({
        start: token.start,
        end: token.end,
        kind,
        trigger: token.text,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceIndex: s,
        line: token.line,
        participants,
        place,
        date: anaphoric ? anaphoric.date : dateFor(dates, token, tokens, k),
      });
    }
  }
  // A report with neither a person nor an organisation nor a date says too little to be listed
  // ("the meeting … Russian"); it served above as an antecedent only.
  return events.filter((ev) => ev.date !== null || ev.participants.some((p) => p.type === 'PERSON' || p.type === 'ORG'));
}

/**
 * A date written right before a trigger dates that trigger ("the March 22, 2024 attack"); other
 * triggers take the sentence's first date not bound that way ("On March 5, 2024, … met").
 */
function dateFor(dates: EventDate[], trigger: Span, tokens: Token[], index: number): EventDate | null {
  const boundTo = (d: EventDate, k: number) => {
    // The trigger follows the date directly, or after one word ("the March 22 terror attack").
    const prev = tokens[k - 1];
    const prev2 = tokens[k - 2];
    return (prev && d.end === prev.end) || (prev2 && d.end === prev2.end && prev.kind === 'word' && !prev.capitalised);
  };
  const own = dates.find((d) => boundTo(d, index));
  if (own) return own;
  // "the March 22 attack … in which 144 people were killed": the nearest trigger before, of a kind
  // that tells the same happening, lends its date.
  const kind = KIND_OF.get(tokens[index].text.toLowerCase())!;
  for (let k = index - 1; k >= 0 && tokens[k].sentence === tokens[index].sentence; k--) {
    const other = KIND_OF.get(tokens[k].text.toLowerCase());
    if (!other) continue;
    const lent = dates.find((d) => boundTo(d, k));
    if (lent && (other === kind || COMPATIBLE[other]?.includes(kind))) return lent;
    break;
  }
  // Dates bound to a trigger of this sentence (the sentence only: scanning the document made
  // this quadratic on long texts).
  const bound = new Set<EventDate>();
  const sentence = tokens[index].sentence;
  let first = index;
  while (first > 0 && tokens[first - 1].sentence === sentence) first--;
  for (let k = first; k < tokens.length && tokens[k].sentence === sentence; k++) {
    if (KIND_OF.has(tokens[k].text.toLowerCase())) for (const d of dates) if (boundTo(d, k)) bound.add(d);
  }
  void trigger;
  return dates.find((d) => !bound.has(d)) ?? null;
}

const ANAPHORA = new Set(['this', 'that', 'same']);

function firstWordStart(tokens: Token[], sentence: Sentence): number {
  for (let k = sentence.first; k < sentence.last; k++) if (tokens[k].kind === 'word') return tokens[k].start;
  return -1;
}

const CLAUSE_BREAKS = new Set([',', ';', ':', '—', '–']);

/** The clause holding token k: between the nearest breaks, ignoring commas inside dates ("March 5, 2024"). */
function clauseAround(tokens: Token[], sentence: Sentence, k: number, dates: EventDate[]): Span {
  const isBreak = (t: Token) => CLAUSE_BREAKS.has(t.text) && !dates.some((d) => t.start >= d.start && t.end <= d.end);
  let first = k;
  while (first > sentence.first && !isBreak(tokens[first - 1])) first--;
  let last = k;
  while (last < sentence.last - 1 && !isBreak(tokens[last + 1])) last++;
  return { start: tokens[first].start, end: tokens[last].end };
}

function lineOf(tokens: Token[], span: Span): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= span.start) lo = mid;
    else hi = mid - 1;
  }
  return tokens[lo]?.line ?? -1;
}

/** The first place named after "in", "at" or "near" in the sentence. */
function placeOf(sentence: Sentence, entities: EntityMention[], text: string, prepositions: Set<string>): EntityMention | null {
  for (const m of entities) {
    if (m.type !== 'PLACE') continue;
    const before = text.slice(Math.max(sentence.start, m.start - 12), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (prepositions.has(before)) return m;
  }
  return null;
}
