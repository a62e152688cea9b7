// Who did what to whom, and where, from the syntax of the trigger's clause: for a verb, its subject
// (the agent; the patient when passive), its object, "by" (the agent of a passive), "with" (the one
// met), "on"/"against" (the target), "in"/"at"/"near" (the place); for a noun, its possessor and the
// names before it, "of", "between … and …", "by", "with", "to", and the subject of a light verb that
// holds it ("Zhirnov had also held a meeting with Muttaqi").
import type { EntityMention } from '../entities/recognize.js';
import type { EventKind } from './kinds.js';
import type { Reading } from './realis.js';
import type { Phrase, SentenceReader } from './sentenceReader.js';
import { DETERMINERS, LIGHT_VERBS, PREPOSITIONS } from './words.js';

export interface Roles {
  agent: EntityMention[];
  patient: EntityMention[];
  place: EntityMention | null;
  /** A pronoun standing for the agent ("he met"), for the document to resolve. */
  pronoun: string | null;
  /** A title standing for the agent ("the Russian defense minister described"), for the document to resolve. */
  title?: string;
  /** For a decision noun, the verb of its "to" complement ("the decisions … to remove the Taliban"). */
  complement?: string;
  /** Other names of the agent's phrase ("Interior Ministry spokesman Abdul Matin Qane"): whom a statement speaks for. */
  affiliates?: EntityMention[];
}

/** Nouns of office a subject may be named by: "the Russian defense minister", "the foreign office spokesperson". */
const OFFICE = new Set(['minister', 'ambassador', 'president', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'envoy', 'representative', 'chief', 'director', 'leader', 'premier', 'chancellor', 'governor', 'mayor', 'commander', 'general', 'official', 'prime']);

/** Kinds whose possessor or "of" names the one it happened to: "Zawahiri's killing", "the arrest of X". */
const UNDERGOER: Set<EventKind> = new Set(['arrest', 'killing', 'death', 'charge', 'trial', 'verdict', 'sentence', 'appointment', 'resignation', 'dismissal', 'injury', 'treatment']);
/** Kinds told between two sides: a meeting "with", an agreement "with". */
const WITH_PATIENT: Set<EventKind> = new Set(['meeting', 'visit', 'agreement', 'acquisition', 'contest']);
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout']);
/** Heads of a phrase that give a place, whatever the preposition: "on the outskirts of Moscow". */
const PLACE_HEADS = new Set(['outskirts', 'city', 'province', 'town', 'village', 'region', 'area', 'capital', 'suburbs', 'suburb', 'centre', 'center', 'heart', 'border', 'streets']);
/** Kinds whose "to" is where they went. */
const MOVING: Set<EventKind> = new Set(['visit', 'withdrawal']);

export function rolesOf(r: SentenceReader, k: number, lastToken: number, reading: Reading, kind: EventKind): Roles {
  const roles = reading.pos === 'verb' ? verbRoles(r, k, lastToken, reading, kind) : nounRoles(r, k, kind);
  return clean(roles, r);
}

function verbRoles(r: SentenceReader, k: number, lastToken: number, reading: Reading, kind: EventKind): Roles {
  const subject = r.subjectBefore(k);
  let subjectNames = subject.names;
  let pronoun = subject.pronoun === 'he' || subject.pronoun === 'she' || subject.pronoun === 'they' || subject.pronoun === 'we' ? subject.pronoun : null;
  if (reading.entry.form === 'ing' && r.word(k - 1) === 'in') {
    // "has followed in the footsteps of Kazakhstan in accepting the Taliban": the clause's subject.
    const verb = clauseVerbBefore(r, k - 1);
    if (verb !== null) subjectNames = r.subjectBefore(verb).names;
  } else if (reading.entry.form === 'ing' && isFronted(r, k)) {
    // "Speaking about the December 2023 meeting, Kamran Aman said": the adjunct's doer is the main clause's subject.
    const main = mainSubjectAfter(r, k);
    subjectNames = main.names;
    pronoun = main.pronoun;
  }
  const phrases = r.phrasesAfter(lastToken, r.clauseEnd(lastToken), true);
  // "…,” explained the spokesperson" / "remarked Afghanistan foreign office deputy spokesperson": the subject after the verb.
  if (kind === 'statement' && subjectNames.length === 0 && !pronoun && quoteBefore(r, k) && phrases[0]?.prep === null) {
    subjectNames = phrases[0].names.length ? phrases[0].names : phrases[0].modifiers;
    phrases.shift();
  }
  const title = subjectNames.every((m) => r.adjectival(m)) && subject.head && OFFICE.has(subject.head) && subject.phrase ? textOf(r, subject.phrase) : undefined;
  const byPhrase = phrases.find((p) => p.prep === 'by');
  const object = phrases[0]?.prep === null ? phrases[0] : null;
  let agent: EntityMention[];
  let patient: EntityMention[] = [];
  if (reading.passive) {
    agent = byPhrase?.names ?? [];
    patient = subjectNames;
    // "where it was added to the list": the organisation the sentence is about.
    const expletive = r.word(lastToken + 1) === 'that' || r.word(lastToken + 1) === 'whether' || (r.word(lastToken + 1) === 'to' && !DETERMINERS.has(r.word(lastToken + 2)));
    if (!patient.length && subject.pronoun === 'it' && !expletive) patient = lastBefore(r, k, (m) => m.type === 'ORG');
    pronoun = null;
  } else {
    agent = subjectNames;
    // A direct object that is a name ( "met Haqqani"), not a noun with names in it ("announced a meeting of Haqqani").
    if (object && !object.head && !isPlaceOnly(object, kind)) patient = object.names;
    if (kind === 'meeting' || WITH_PATIENT.has(kind)) {
      const withPhrase = phrases.find((p) => p.prep === 'with');
      if (withPhrase && (patient.length === 0 || kind === 'meeting')) patient = withPhrase.names;
    }
    if (kind === 'attack' && patient.length === 0) patient = phrases.find((p) => p.prep === 'on' || p.prep === 'against')?.names ?? [];
    // "published … an article by one Hamid Ahmedi": the author speaks too.
    if ((reading.entry.lemma === 'publish' || reading.entry.lemma === 'write') && object?.head && phrases[1]?.prep === 'by') agent = [...agent, ...phrases[1].names];
  }
  if (kind === 'statement' && !reading.passive) patient = object && !object.head ? object.names : [];
  const place = placeOf(phrases, kind) ?? (object && isPlaceOnly(object, kind) ? object.names[0] : null);
  const affiliates = reading.passive ? [] : subject.all.filter((m) => !agent.includes(m) && m.type === 'ORG');
  const roles: Roles = { agent, patient, place, pronoun };
  if (title && !reading.passive) roles.title = title;
  if (affiliates.length) roles.affiliates = affiliates;
  return roles;
}

/** A comma or a closing quotation mark before k, with a quotation mark in it or in the token before: "…,” explained". */
function quoteBefore(r: SentenceReader, k: number): boolean {
  const before = r.tokens[k - 1]?.text ?? '';
  return /^[,”"’]$/.test(before) && /[”"’]/.test(before + (r.tokens[k - 2]?.text ?? ''));
}

/** A visit's or a withdrawal's object is where it went or left: "visited Kabul", "left Afghanistan". */
function isPlaceOnly(p: Phrase, kind: EventKind): boolean {
  return MOVING.has(kind) && p.names.length > 0 && p.names.every((m) => m.type === 'PLACE');
}

function nounRoles(r: SentenceReader, k: number, kind: EventKind): Roles {
  // Names before the noun in its phrase: a possessor ("Russia’s move"), a premodifier ("US drone strike", "Taliban victory").
  const before: EntityMention[] = [];
  let possessor: EntityMention[] = [];
  let j = k - 1;
  for (; j >= r.first && j >= k - 10; j--) {
    const w = r.word(j);
    if (w === ')' && r.word(j - 2) === '(') {
      // "the Shanghai Cooperation Organization (SCO) Defense Ministers' Meeting": over the acronym.
      j -= 2;
      continue;
    }
    const m = r.entity(j);
    if (m) {
      if (!before.includes(m)) before.unshift(m);
      if (r.tokens[r.endOf(j) - 1].possessive) possessor = [m];
      j = r.startOf(j);
      continue;
    }
    if (r.tokens[j].possessive && !possessor.length) possessor = [];
    if (DETERMINERS.has(w) || PREPOSITIONS.has(w) || LIGHT_VERBS.has(w) || (/ed$/.test(w) && !r.tokens[j].capitalised) || (r.tokens[j].kind === 'punct' && !r.inDate(j) && r.tokens[j].text !== '-' && r.tokens[j].text !== '’' && r.tokens[j].text !== "'")) break;
  }
  const phraseStart = j + 1;
  const phrases = r.phrasesAfter(k);
  let agent: EntityMention[] = [];
  let patient: EntityMention[] = [];
  let place = placeOf(phrases, kind);
  for (const m of before) {
    if (m.type === 'PLACE' && !place && !possessor.includes(m) && kind !== 'attack') place = m;
    else if (m.type === 'PLACE' && !place && kind === 'attack' && !possessor.includes(m)) place = m;
    else if (UNDERGOER.has(kind) && m.type === 'PERSON') patient.push(m);
    else if (m !== place) agent.push(m);
  }
  // "US drone strike in Afghanistan": a country before the noun, with the place given after it, is who did it.
  if (kind === 'attack' && place && before.includes(place) && placeOf(phrases, kind) && placeOf(phrases, kind) !== place) {
    agent.push(place);
    place = placeOf(phrases, kind);
  }
  for (const [n, p] of phrases.entries()) {
    if (p.names.length === 0) {
      // "the decisions by Kazakhstan … to remove the Taliban": the verb's object is the decision's patient.
      continue;
    }
    if (n === 0 && p.prep === null) continue; // a name right after the noun belongs to another phrase
    switch (p.prep) {
      case 'of':
        if (UNDERGOER.has(kind) || kind === 'decision' || kind === 'invasion' || kind === 'recognition' || kind === 'acquisition' || kind === 'sanction') patient.push(...p.names.filter((m) => m !== place));
        else if (agent.length === 0) agent.push(...p.names.filter((m) => m !== place));
        break;
      case 'between':
        if (agent.length === 0) {
          agent.push(p.names[0]);
          patient.push(...p.names.slice(1));
        } else patient.push(...p.names);
        break;
      case 'by':
        agent = [...p.names];
        break;
      case 'with':
        if (WITH_PATIENT.has(kind)) patient.push(...p.names);
        break;
      case 'on':
      case 'against':
        if (!PLACE_HEADS.has(p.head ?? '') && (kind === 'attack' || kind === 'sanction' || kind === 'decision' || kind === 'invasion')) patient.push(...p.names.filter((m) => m !== place));
        break;
      case 'to':
        if (p.head && !DETERMINERS.has(p.head) && kind !== 'visit' && kind !== 'statement') patient.push(...p.names.filter((m) => m !== place));
        else if (kind === 'statement' && p.head === 'presented') patient.push(...p.names);
        else if (kind === 'statement') patient.push(...p.names);
        break;
      default:
        break;
    }
  }
  let pronoun: string | null = null;
  if (agent.length === 0) {
    // The object of a light verb: its subject did it ("Zhirnov had also held a meeting", "Kabulov paid a daylong visit").
    let v = phraseStart - 1;
    while (v > r.first && (r.tokens[v].kind === 'word' && (DETERMINERS.has(r.word(v)) || r.word(v).endsWith('ly') || r.word(v) === 'also'))) v--;
    if (LIGHT_VERBS.has(r.word(v)) && !r.entity(v)) {
      const subject = r.subjectBefore(v);
      agent = subject.names;
      if (!agent.length && (subject.pronoun === 'he' || subject.pronoun === 'she' || subject.pronoun === 'they')) pronoun = subject.pronoun;
    } else if (PREPOSITIONS.has(r.word(v)) && !isFronted(r, v) && (kind === 'statement' || kind === 'meeting')) {
      // "Shoigu elaborated on these concerns in a briefing": the clause's verb did it.
      const verb = clauseVerbBefore(r, v);
      if (verb !== null) agent = r.subjectBefore(verb).names;
    } else if (['in', 'at', 'during'].includes(r.word(v)) && isFronted(r, v)) {
      // "In a meeting with Muttaqi in Kabul, the Prime Minister of Uzbekistan, Abdullah Nigmatovich Aripov, expressed…"; "During this visit, he met…".
      const main = mainSubjectAfter(r, v);
      agent = main.names;
      pronoun = main.pronoun;
    } else if (possessor.length === 0 && before.length === 0) {
      // "Russia’s Foreign Ministry announced on Friday that the decision to remove …": the announcer made it known.
      const that = thatClauseHead(r, phraseStart);
      if (that !== null) agent = r.subjectBefore(that).names;
    }
  }
  if (possessor.length && UNDERGOER.has(kind) && possessor[0].type === 'PERSON' && !patient.includes(possessor[0])) {
    patient.unshift(possessor[0]);
    agent = agent.filter((m) => m !== possessor[0]);
  }
  // "the attack … for which the Islamic State claimed responsibility"
  if (kind === 'attack' && agent.length === 0) agent = claimedBy(r);
  const complement = kind === 'decision' ? phrases.find((p) => p.prep === 'to' && p.head && !DETERMINERS.has(p.head))?.head ?? undefined : undefined;
  const roles: Roles = { agent, patient, place, pronoun };
  if (complement) roles.complement = complement;
  return roles;
}

/** The last name before token k in the sentence that passes the test. */
function lastBefore(r: SentenceReader, k: number, test: (m: EntityMention) => boolean): EntityMention[] {
  for (let j = k - 1; j >= r.first; j--) {
    const m = r.entity(j);
    if (m && test(m)) return [m];
  }
  return [];
}

/** The verb of the clause a phrase hangs on: the nearest word before it that reads as a past-tense verb. */
function clauseVerbBefore(r: SentenceReader, k: number): number | null {
  const start = r.clauseStart(k);
  for (let j = k - 1; j >= start; j--) {
    if (r.entity(j)) continue;
    const w = r.word(j);
    if (r.tokens[j].kind === 'word' && /ed$/.test(w) && !r.tokens[j].capitalised) return j;
  }
  return null;
}

/** A prepositional phrase opening the sentence: "In a meeting …, X expressed". */
function isFronted(r: SentenceReader, prep: number): boolean {
  if (prep <= r.opening) return true;
  let j = prep - 1;
  while (j >= r.first && (r.tokens[j].kind === 'punct' || r.inDate(j))) j--;
  return j < r.first;
}

/** The names the main clause after a fronted phrase opens with (a person's over others), or its pronoun. */
function mainSubjectAfter(r: SentenceReader, prep: number): { names: EntityMention[]; pronoun: string | null } {
  const comma = r.clauseEnd(prep);
  if (r.tokens[comma]?.text !== ',') return { names: [], pronoun: null };
  const names: EntityMention[] = [];
  for (let j = comma + 1; j < r.last && j < comma + 20; j++) {
    const w = r.word(j);
    if (w === 'he' || w === 'she' || w === 'they') return { names: [], pronoun: w };
    const m = r.entity(j);
    if (m && !names.includes(m)) names.push(m);
    if (r.tokens[j].kind === 'word' && !m && !r.tokens[j].capitalised && /(ed|s)$/.test(w) && !PREPOSITIONS.has(w) && j > comma + 1 && !DETERMINERS.has(w)) break;
  }
  const people = names.filter((m) => m.type === 'PERSON');
  return { names: people.length ? [people[people.length - 1]] : names.slice(0, 1), pronoun: null };
}

/** The verb a "that" clause holding token k hangs on: "X announced that the decision …". */
function thatClauseHead(r: SentenceReader, k: number): number | null {
  for (let j = k - 1; j >= r.first && j >= k - 4; j--) {
    if (r.word(j) === 'that') {
      let v = j - 1;
      while (v > r.first && (r.inDate(v) || ['on', 'in', 'at', 'yesterday', 'today', 'also'].includes(r.word(v)))) v--;
      return r.tokens[v]?.kind === 'word' && /ed$/.test(r.word(v)) ? v : null;
    }
  }
  return null;
}

function claimedBy(r: SentenceReader): EntityMention[] {
  for (let j = r.first; j < r.last - 1; j++) {
    if (r.word(j) === 'claimed' && (r.word(j + 1) === 'responsibility' || r.word(j + 1) === 'credit')) return r.subjectBefore(j).names;
  }
  return [];
}

function placeOf(phrases: Phrase[], kind: EventKind): EntityMention | null {
  for (const p of phrases) {
    const place = p.names.find((m) => m.type === 'PLACE');
    if (!place) continue;
    if ((p.prep && PLACE_PREPS.has(p.prep)) || PLACE_HEADS.has(p.head ?? '') || (p.prep === 'to' && MOVING.has(kind)) || (p.prep === 'from' && kind === 'withdrawal')) return place;
    // "an earthquake struck Herat", "a blast rocked Kabul".
    if (p.prep === null && STRIKING.has(p.head ?? '') && (kind === 'disaster' || kind === 'attack' || kind === 'accident')) return place;
  }
  return null;
}

/** Verbs by which a disaster or an attack is told to hit a place. */
const STRIKING = new Set(['struck', 'strikes', 'hit', 'hits', 'rocked', 'rocks', 'shook', 'shakes', 'devastated', 'battered', 'ravaged']);

/** Roles without repeats, a name in one role only, the place in none, no nationality adjective ("Russian officials"). */
function clean(roles: Roles, r: SentenceReader): Roles {
  const agent = distinct(roles.agent).filter((m) => m !== roles.place && m.type !== 'MISC' && !r.adjectival(m));
  const patient = distinct(roles.patient).filter((m) => m !== roles.place && !agent.includes(m) && m.type !== 'MISC' && !r.adjectival(m));
  // A fresh object from verbRoles or nounRoles: cleaned in place (a title, when there is one, stays).
  if (agent.length) roles.pronoun = null;
  roles.agent = agent;
  roles.patient = patient;
  return roles;
}

/** The names without repeats, first seen first (a role holds a few: no set needed). */
function distinct(names: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of names) if (!out.includes(m)) out.push(m);
  return out;
}

/** The words of a span of the sentence, lower case: "the russian defense minister". */
function textOf(r: SentenceReader, span: { start: number; end: number }): string {
  return r.tokens.slice(r.first, r.last).filter((t) => t.start >= span.start && t.end <= span.end).map((t) => t.text.toLowerCase()).join(' ');
}
