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
  visit: ['visit', 'visited', 'visits', 'trip', 'travelled', 'traveled', 'arrived'],
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

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside']);
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
    let date: EventDate | null = null;
    for (let k = t; k < timex.length && timex[k].start < sentence.end; k++) {
      const x = timex[k];
      if (inSentence(x) && x.value && CALENDAR_VALUE.test(x.value) && (x.type === 'DATE' || x.type === 'TIME')) {
        date = { start: x.start, end: x.end, value: x.value };
        break;
      }
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
      const participants = sentenceEntities.filter((m) => m.type !== 'MISC');
      if (participants.length === 0) continue; // a happening with nobody named is not worth a place in the tree
      seenKinds.add(kind);
      events.push({
        start: token.start,
        end: token.end,
        kind,
        trigger: token.text,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceIndex: s,
        participants,
        place: placeOf(tokens, sentence, sentenceEntities, text),
        date,
      });
    }
  }
  return events;
}

/** The first place named after "in", "at" or "near" in the sentence. */
function placeOf(tokens: Token[], sentence: Sentence, entities: EntityMention[], text: string): EntityMention | null {
  for (const m of entities) {
    if (m.type !== 'PLACE') continue;
    const before = text.slice(Math.max(sentence.start, m.start - 12), m.start).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    if (PLACE_PREPOSITIONS.has(before)) return m;
  }
  void tokens;
  return null;
}
