// One event per happening within a document. Mentions of a happening are gathered in text order: a
// mention joins the happening it points back to ("this meeting", "the same incident"; a weak word such
// as "the move"), the happening its sentence already tells under a compatible kind ("the attack …
// in which 144 people were killed"), or one that shares its people without contradicting its date,
// its other people or its place ("the meeting between Haqqani and Zhirnov" … "Haqqani met with
// Zhirnov"); a statement joins its speaker's statement. Happenings that name nobody (a headline's
// "Meetings in Kabul") join the nearest compatible one. A date found for one mention dates all.
import type { EntityMention } from '../entities/recognize.js';
import type { Span } from '../types.js';
import type { EventDate, EventMention } from './extract.js';
import { compatible, FAMILY, type EventKind } from './kinds.js';
import type { Roles } from './roles.js';

export interface Candidate extends Span {
  token: number;
  kind: EventKind;
  lemma: string;
  weak: boolean;
  pos: 'verb' | 'noun';
  determiner: string | null;
  plural: boolean;
  roles: Roles;
  date: EventDate | null;
  recently: boolean;
  /** Its clause names a day that no calendar date places ("on Thursday" where the article has no date): a definite time all the same. */
  onDay: boolean;
  /** Inside a "that" clause ("announced that the decision …"). */
  thatClause: boolean;
  /** "All the meetings": a plural that gathers happenings already told. */
  quantified?: boolean;
  /** For a verb in a relative clause ("… the UN meeting …, which the Taliban boycotted"): the happening the clause hangs on. */
  relativeTo?: number;
  /** It points back at a happening already told ("this meeting", "the move", "these visits"). */
  pointsBack?: boolean;
  /** One of the happenings a plural tells, one per agent ("the decisions by Kazakhstan and Kyrgyzstan"): never joins its siblings. */
  split?: boolean;
  modality: 'actual' | 'planned';
  sentence: Span;
  sentenceIndex: number;
  /** The first token of its clause. */
  clause: number;
  line: number;
  headline: boolean;
  /** A noun after "at", "during": the occasion of what its sentence tells next. */
  occasion: boolean;
  /** In a phrase opening its sentence ("In a meeting with …, X stated"). */
  fronted: boolean;
}

interface Chain {
  mentions: Candidate[];
  family: number;
  date: EventDate | null;
  /** People and organisations taking part, by key. */
  strong: Set<string>;
  place: string | null;
  /** For a statement: who speaks, and whom they speak for. */
  speakers: Set<string>;
  affiliates: Set<string>;
}

/** How many later statements about one happening a statement is compared with. */
const STATEMENT_REACH = 16;
/** How far back (in lines) "this meeting" and a weak word look for what they point to. */
const ANAPHORA_LINES = 8;
const WEAK_LINES = 3;
const POINTING = new Set(['this', 'that', 'these', 'those', 'same', 'such', 'their', 'his', 'her', 'its']);
/** Kinds of one happening told twice in a sentence: "the attack … killed 144", "announced that the decision". */
const ONE_HAPPENING_PAIRS = new Set(['attack/killing', 'killing/attack', 'attack/death', 'death/attack', 'killing/death', 'death/killing', 'statement/decision', 'decision/statement', 'statement/recognition', 'meeting/visit', 'visit/meeting', 'charge/trial', 'trial/verdict', 'verdict/sentence', 'charge/verdict',
  // Its harm: "the attack … left 155 people injured", "a fire destroyed the warehouse".
  'attack/injury', 'killing/injury', 'disaster/injury', 'accident/injury', 'attack/damage', 'disaster/damage', 'accident/damage', 'killing/damage']);
/** The same pairs by the first kind: asked per mention pair, without making a "kind/kind" string each time. */
const ONE_HAPPENING = new Map<string, Set<string>>();
for (const pair of ONE_HAPPENING_PAIRS) {
  const [a, b] = pair.split('/');
  ONE_HAPPENING.set(a, (ONE_HAPPENING.get(a) ?? new Set()).add(b));
}

function oneHappening(a: EventKind, b: EventKind): boolean {
  return ONE_HAPPENING.get(a)?.has(b) ?? false;
}

/** When kinds mix in one happening, the one it is told as. */
const KIND_RANK: Partial<Record<EventKind, number>> = { attack: 3, killing: 2, death: 1, visit: 2, meeting: 1, decision: 2, recognition: 2, statement: 1, sentence: 4, verdict: 3, trial: 2, charge: 1 };

export function gatherHappenings(candidates: Candidate[], entities: EntityMention[], text: string): EventMention[] {
  surnames = surnameForms(entities);
  nameKeys = new Map();
  const chains: Chain[] = [];
  const recent = new Recency();
  const ownerOf = new Map<Candidate, Chain>();
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (c.roles.pronoun) c.roles = { ...c.roles, agent: resolvePronoun(c, candidates, n, entities), pronoun: null };
    if (c.roles.title) c.roles = { ...c.roles, agent: resolveTitle(c, entities) };
    // "All the meetings between Russia and Afghanistan", "these two visits": they point at happenings, their names are not a happening's.
    c.pointsBack = (!!c.determiner && POINTING.has(c.determiner)) || c.weak || (c.plural && !!c.determiner && !c.split && (c.determiner !== 'the' || c.roles.agent.length === 0 || c.quantified));
    if ((c.plural && c.pointsBack) || c.weak) c.roles = { agent: [], patient: [], place: null, pronoun: null };
    const keys = strongKeys(c);
    const chain = chainFor(c, keys, recent.chains, ownerOf);
    if (chain) {
      chain.mentions.push(c);
      if (!chain.date || (c.date && c.date.value.length > chain.date.value.length)) chain.date = c.date ?? chain.date;
      for (const k of keys) chain.strong.add(k);
      chain.place ??= c.roles.place ? keyOf(c.roles.place) : null;
      if (c.kind === 'statement') {
        for (const m of c.roles.agent) chain.speakers.add(keyOf(m));
        for (const m of c.roles.affiliates ?? []) chain.affiliates.add(keyOf(m));
      }
      ownerOf.set(c, chain);
      recent.told(chain, c.start);
    } else if (!c.weak) {
      const fresh: Chain = { mentions: [c], family: FAMILY.get(c.kind)!, date: c.date, strong: new Set(keys), place: c.roles.place ? keyOf(c.roles.place) : null, speakers: new Set(c.kind === 'statement' ? c.roles.agent.map(keyOf) : []), affiliates: new Set(c.kind === 'statement' ? (c.roles.affiliates ?? []).map(keyOf) : []) };
      chains.push(fresh);
      ownerOf.set(c, fresh);
      recent.told(fresh, c.start);
    }
  }
  joinStatementsAbout(candidates, chains, ownerOf);
  absorbNameless(chains);
  joinRecent(chains);
  joinOccasions(chains);
  dateByOccasion(candidates, chains, ownerOf);
  joinBare(chains);
  const listed = chains.filter(worthListing).sort((a, b) => a.mentions[0].start - b.mentions[0].start);
  const onLine = new Map<number, number>();
  return listed.flatMap((ch) => {
    const line = ch.mentions[0].line;
    const ordinal = onLine.get(line) ?? 0;
    onLine.set(line, ordinal + 1);
    return describe(ch, line * 64 + Math.min(ordinal, 63), text);
  });
}

/**
 * The chains, most recently told first (by their last mention's start; among equals, first made
 * first): each moved to its place when told again, not all sorted for each mention.
 */
class Recency {
  readonly chains: Chain[] = [];
  private readonly made = new Map<Chain, number>();

  /** A mention starting at `start` was added to the chain. */
  told(chain: Chain, start: number): void {
    const { chains, made } = this;
    if (!made.has(chain)) made.set(chain, made.size);
    const at = chains.indexOf(chain);
    if (at >= 0) chains.splice(at, 1);
    const order = made.get(chain)!;
    let i = 0;
    while (i < chains.length && (lastStart(chains[i]) > start || (lastStart(chains[i]) === start && made.get(chains[i])! < order))) i++;
    chains.splice(i, 0, chain);
  }
}

function lastStart(ch: Chain): number {
  return ch.mentions[ch.mentions.length - 1].start;
}

/** The chain a mention joins, among the chains most recently told first. */
function chainFor(c: Candidate, keys: string[], recent: readonly Chain[], ownerOf: Map<Candidate, Chain>): Chain | null {
  const family = FAMILY.get(c.kind)!;
  const fits = (ch: Chain) => ch.family === family && !dateConflict(ch.date, c.date) && !placeConflict(ch.place, c.roles.place) && !(c.split && ch.mentions.some((m) => m.token === c.token));
  const lastLine = (ch: Chain) => ch.mentions[ch.mentions.length - 1].line;
  // The same sentence tells it under a compatible kind. (Mentions come in text order: a chain last
  // told in an earlier sentence has no mention in this one.)
  for (const ch of recent) {
    if (ch.mentions[ch.mentions.length - 1].sentenceIndex !== c.sentenceIndex) continue;
    const m = ch.mentions.find((x) => x.sentenceIndex === c.sentenceIndex && x.kind !== c.kind && oneHappening(x.kind, c.kind) && toldAs(x, c));
    const meets = FAMILY.get(m?.kind ?? 'statement') === FAMILY.get('meeting');
    if (m && fits(ch) && !roleConflict(m, c) && (!meets || keys.some((k) => ch.strong.has(k)))) return ch;
    const adjacent = ch.mentions.find((x) => x.sentenceIndex === c.sentenceIndex && x.kind === c.kind && x.end + 2 >= c.start);
    if (adjacent && fits(ch)) return ch;
  }
  // "this meeting", "the same attack", "the move", "these two visits": the most recent it can point to.
  if (c.pointsBack) {
    // A weak word points back only when definite ("the step taken", "this move"), not as "a significant step".
    if (c.weak && !c.determiner?.match(/^(the|this|that|these|those|same|such|their|his|her|its|possessive)$/) && c.pos === 'noun') return null;
    const reach = c.weak && !POINTING.has(c.determiner ?? '') ? WEAK_LINES : ANAPHORA_LINES;
    const target = recent.find((ch) => fits(ch) && (c.line - lastLine(ch) <= reach || (keys.length > 0 && keys.some((k) => ch.strong.has(k)))) && !partyConflict(ch.strong, keys) && ch.mentions.some((m) => sameHappeningKinds(m.kind, c.kind)));
    if (target || c.weak) return target ?? null;
  }
  // A statement joins its speaker's statement in the document, unless dated otherwise (a dated
  // one joins an undated one only in its paragraph).
  const speakers = c.kind === 'statement' ? c.roles.agent.map(keyOf) : [];
  if (speakers.length) {
    const affiliates = (c.roles.affiliates ?? []).map(keyOf);
    // Whom a speaker speaks for ties statements only within a paragraph ("the Interior Ministry announced …; its spokesman said").
    const affiliated = (ch: Chain) => lastLine(ch) === c.line && speaksFor(ch, speakers, affiliates);
    // "As Vladimir Putin recently described …" is another occasion than what he announced elsewhere in the article.
    const sameOccasion = (ch: Chain) => lastLine(ch) === c.line || c.recently === ch.mentions.some((m) => m.recently);
    const same = recent.filter((ch) => (speakers.some((k) => ch.speakers.has(k)) || affiliated(ch)) && sameOccasion(ch) && fits(ch) && (!c.date || ch.date || lastLine(ch) === c.line) && (c.date || !ch.date || lastLine(ch) === c.line || c.recently));
    if (same.length) return pickByDate(same, c);
  }
  // "the meeting", "the Russian delegation's visit": the happening of its kind the text is about, when it names no one else.
  const namesNoOne = c.roles.agent.concat(c.roles.patient).every((m) => m.type !== 'PERSON' && m.type !== 'ORG');
  if (namesNoOne && (c.determiner === 'the' || c.determiner === 'possessive') && !c.plural) {
    const targets = recent.filter((ch) => fits(ch) && ch.mentions.some((m) => m.kind === c.kind) && (ch.strong.size > 0 || c.line - lastLine(ch) <= 2));
    if (targets.length) return pickByDate(targets, c);
  }
  // Shares a person or organisation, is told as the same kind (a meeting as a visit too) and contradicts nothing.
  if (keys.length > 0 && c.kind !== 'statement') {
    const sameKind = (ch: Chain) => ch.mentions.some((m) => m.kind === c.kind || (oneHappening(m.kind, c.kind) && FAMILY.get(m.kind) === FAMILY.get('meeting')));
    // Across paragraphs one shared name is not enough to tie a dated mention to an undated happening, or the other way round.
    const enough = (ch: Chain) => lastLine(ch) === c.line || keys.filter((k) => ch.strong.has(k)).length >= 2 || (!!ch.date === !!c.date) || c.roles.agent.some((m) => ch.mentions.some((x) => x.roles.agent.some((a) => keyOf(a) === keyOf(m))));
    const sharing = recent.filter((ch) => fits(ch) && sameKind(ch) && keys.some((k) => ch.strong.has(k)) && !partyConflict(ch.strong, keys) && enough(ch));
    if (sharing.length) return pickByDate(sharing, c);
  }
  void ownerOf;
  return null;
}

/** Kinds one happening is referred back to by: a meeting as a visit, an attack by its dead, a trial by its verdict; a statement is not a decision. */
function sameHappeningKinds(a: EventKind, b: EventKind): boolean {
  return a === b || (compatible(a, b) && !(a === 'statement' || b === 'statement'));
}

/** "X announced that the decision …": the decision is what the statement told. */
function toldAs(a: Candidate, b: Candidate): boolean {
  if (a.kind !== 'statement' && b.kind !== 'statement') return true;
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  return first.kind === 'statement' && second.thatClause && second.token - first.token <= 8;
}

/** Among happenings a mention could join: the one of its date; an undated "recently …" the latest dated one; else the most recent. */
function pickByDate(options: Chain[], c: Candidate): Chain {
  if (c.date) return options.find((ch) => ch.date?.value === c.date!.value) ?? options[0];
  const here = options.find((ch) => ch.mentions.some((m) => m.line === c.line));
  if (here) return here;
  const dated = options.filter((ch) => ch.date);
  if (c.recently && dated.length) return [...dated].sort((a, b) => (a.date!.value < b.date!.value ? 1 : -1))[0];
  return options[0];
}

/** One of the speakers speaks for the chain's speakers, or the other way round ("the Interior Ministry" … "Interior Ministry spokesman"). */
function speaksFor(ch: Chain, speakers: string[], affiliates: string[]): boolean {
  const any = (keys: string[], set: Set<string>) => keys.some((k) => [...set].some((o) => sameOrganisation(k, o)));
  return any(speakers, ch.affiliates) || any(affiliates, ch.speakers);
}

/** Two keys of one organisation, one perhaps shortened to its head: "o:ministry", "o:interior ministry". */
function sameOrganisation(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith('o:') || !b.startsWith('o:')) return false;
  return a.endsWith(` ${b.slice(2)}`) || b.endsWith(` ${a.slice(2)}`);
}

/**
 * "The Interior Ministry has announced a meeting of …" … "the Taliban spokesmen stated that the
 * purpose of the meeting …": statements of one side (a speaker and whom it speaks for) about the same
 * happening, in different paragraphs, are one statement reported twice, unless their dates differ.
 */
function joinStatementsAbout(candidates: Candidate[], chains: Chain[], ownerOf: Map<Candidate, Chain>): void {
  const statement = FAMILY.get('statement');
  const bySentence = new Map<number, Candidate[]>();
  for (const o of candidates) {
    if (o.kind === 'statement') continue;
    const list = bySentence.get(o.sentenceIndex);
    if (list) list.push(o);
    else bySentence.set(o.sentenceIndex, [o]);
  }
  // Each named happening, with the statements that tell it after their own trigger, in text order.
  const tellers = new Map<Chain, Chain[]>();
  for (const ch of chains) {
    if (ch.family !== statement || !ch.speakers.size) continue;
    for (const m of ch.mentions) {
      for (const o of bySentence.get(m.sentenceIndex) ?? []) {
        const of = ownerOf.get(o);
        if (!of || of === ch || o.start <= m.start || of.strong.size === 0) continue;
        const list = tellers.get(of) ?? [];
        if (!list.includes(ch)) list.push(ch);
        tellers.set(of, list);
      }
    }
  }
  const merged = new Map<Chain, Chain>();
  const live = (ch: Chain) => {
    while (merged.has(ch)) ch = merged.get(ch)!;
    return ch;
  };
  for (const list of tellers.values()) {
    for (let n = 0; n < list.length; n++) {
      // Each statement looks among the next few that tell the happening: a long document stays linear.
      for (let o = n + 1; o < list.length && o <= n + STATEMENT_REACH; o++) {
        const [ch, other] = [live(list[n]), live(list[o])];
        if (ch === other || dateConflict(ch.date, other.date)) continue;
        if (!speaksFor(ch, [...other.speakers], [...other.affiliates]) && ![...other.speakers].some((k) => ch.speakers.has(k))) continue;
        const [into, from] = ch.mentions[0].start <= other.mentions[0].start ? [ch, other] : [other, ch];
        into.mentions.push(...from.mentions);
        into.mentions.sort((a, b) => a.start - b.start);
        into.date ??= from.date;
        for (const k of from.speakers) into.speakers.add(k);
        for (const k of from.affiliates) into.affiliates.add(k);
        for (const m of from.mentions) ownerOf.set(m, into);
        merged.set(from, into);
      }
    }
  }
  if (!merged.size) return;
  let kept = 0;
  for (const ch of chains) if (!merged.has(ch)) chains[kept++] = ch;
  chains.length = kept;
}

/** Happenings that name no person or organisation join the nearest compatible one (a headline's the one after it). */
function absorbNameless(chains: Chain[]): void {
  for (let n = 0; n < chains.length; n++) {
    const ch = chains[n];
    if (ch.strong.size > 0 || ch.speakers.size || ch.mentions.some((m) => m.roles.agent.length > 0 || m.roles.patient.length > 0 || m.kind === 'statement')) continue;
    const headline = ch.mentions[0].headline || ch.mentions[0].line === firstLine(chains);
    if (!headline && (ch.date || ch.place)) continue;
    if (!headline && chains.every((o) => o === ch || o.family !== ch.family || !o.mentions.some((m) => m.line === ch.mentions[0].line))) continue;
    const order = headline ? [...chains.slice(n + 1), ...chains.slice(0, n).reverse()] : [...chains.slice(0, n).reverse(), ...chains.slice(n + 1)];
    const into = order.find((o) => o !== ch && o.family === ch.family && (o.strong.size > 0 || headline) && !dateConflict(o.date, ch.date) && !(o.place && ch.place && o.place !== ch.place)
      && o.mentions.some((m) => ch.mentions.some((x) => m.kind === x.kind)) && Math.abs(o.mentions[0].line - ch.mentions[0].line) <= (headline ? 1e9 : ANAPHORA_LINES));
    if (!into) continue;
    into.mentions.push(...ch.mentions);
    into.mentions.sort((a, b) => a.start - b.start);
    if (!into.date || (ch.date && ch.date.value.length > into.date.value.length)) into.date = ch.date ?? into.date;
    into.place ??= ch.place;
    chains.splice(n, 1);
    n--;
  }
}

/** An undated happening told as recent ("who recently pinpointed") is its teller's latest dated one in the document, if any. */
function joinRecent(chains: Chain[]): void {
  for (let n = 0; n < chains.length; n++) {
    const ch = chains[n];
    if (ch.date || !ch.mentions.some((m) => m.recently)) continue;
    const same = chains.filter((o) => o !== ch && o.date && o.family === ch.family && ([...ch.speakers].some((k) => o.speakers.has(k)) || (!ch.speakers.size && [...ch.strong].some((k) => o.strong.has(k)))));
    if (!same.length) continue;
    const into = same.sort((a, b) => (a.date!.value < b.date!.value ? 1 : -1))[0];
    into.mentions.push(...ch.mentions);
    into.mentions.sort((a, b) => a.start - b.start);
    chains.splice(n, 1);
    n--;
  }
}

/**
 * "In a meeting with senior Russian military officials, Sergei Shoigu had stated": a meeting that
 * names no counterpart, opening the sentence in which its own doer makes a statement, is that statement's occasion, told as one.
 */
function joinOccasions(chains: Chain[]): void {
  for (let n = 0; n < chains.length; n++) {
    const ch = chains[n];
    const [m] = ch.mentions;
    if (ch.mentions.length !== 1 || ch.family !== FAMILY.get('meeting') || m.pos !== 'noun' || m.roles.patient.length || !m.roles.agent.length || !m.fronted) continue;
    const speaker = keyOf(m.roles.agent[0]);
    const into = chains.find((o) => o.speakers.has(speaker) && o.mentions.some((x) => x.sentenceIndex === m.sentenceIndex && x.kind === 'statement'));
    if (!into) continue;
    into.mentions.push(m);
    into.mentions.sort((a, b) => a.start - b.start);
    chains.splice(n, 1);
    n--;
  }
}

/**
 * "At this meeting the Afghan Taliban urged …", "the UN meeting …, which the Taliban also boycotted":
 * an undated happening told at another, or of another, takes its date.
 */
function dateByOccasion(candidates: Candidate[], chains: Chain[], ownerOf: Map<Candidate, Chain>): void {
  // Candidates come in text order: those of a sentence are together, a token's first among them.
  // Searched there, not among all: a long document stays linear.
  let live: Set<Chain> | null = null;
  const isLive = (ch: Chain) => (live ??= new Set(chains)).has(ch);
  const meeting = FAMILY.get('meeting');
  let sentenceFirst = 0;
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (n > 0 && candidates[n - 1].sentenceIndex !== c.sentenceIndex) sentenceFirst = n;
    const chain = ownerOf.get(c);
    if (!chain || chain.date || !isLive(chain)) continue;
    // The head a relative clause hangs on is a token before it in its sentence.
    let head: Candidate | undefined;
    if (c.relativeTo !== undefined) for (let o = sentenceFirst; o < n && !head; o++) if (candidates[o].token === c.relativeTo) head = candidates[o];
    const of = head && ownerOf.get(head);
    if (of && of !== chain && isLive(of) && of.date) {
      chain.date = of.date;
      continue;
    }
    let occasion: Candidate | undefined;
    for (let o = sentenceFirst; o < candidates.length && candidates[o].sentenceIndex === c.sentenceIndex && !occasion; o++) {
      const x = candidates[o];
      if (x.clause === c.clause && x.start < c.start && x.pos === 'noun' && FAMILY.get(x.kind) === meeting && x.occasion) occasion = x;
    }
    const at = occasion && ownerOf.get(occasion);
    if (at && at !== chain && isLive(at) && at.date) chain.date = at.date;
  }
}

function firstLine(chains: Chain[]): number {
  return Math.min(...chains.map((ch) => ch.mentions[0].line));
}

/**
 * "the fire", "the killing": a happening told with nobody named, no place and no date is most often
 * one the document tells elsewhere with its people; it joins the nearest such happening of its kind
 * told before it, else (in a headline, its paragraph or the next) the first after it, else the first bare
 * one of its kind.
 */
function joinBare(chains: Chain[]): void {
  const gone = new Set<Chain>();
  let made: BareIndex | null = null;
  for (const ch of chains) {
    // A statement nobody makes ("the two men spoke") is not another's statement.
    if (anchored(ch) || ch.mentions.every((m) => m.kind === 'statement' || m.weak)) continue;
    const index = (made ??= new BareIndex(chains));
    const at = ch.mentions[0].start;
    const fits = (o: Chain) => o.mentions.some((m) => ch.mentions.some((x) => sameHappeningKinds(m.kind, x.kind)));
    const before = index.before(ch.family, at, fits);
    // Told before its people only in a headline, or in its paragraph or the one before ("a fire … the fire at the church").
    const next = before ? null : index.after(ch.family, at, fits);
    const after = next && (ch.mentions[0].headline || next.mentions[0].line - ch.mentions[0].line <= 1) ? next : null;
    // With none named, "a fire" … "the fire" told paragraphs apart is one fire: the first bare one of its kind.
    const into = before ?? after ?? index.firstBare(ch, at, gone);
    if (!into) continue;
    into.mentions.push(...ch.mentions);
    into.mentions.sort((a, b) => a.start - b.start);
    index.grew(into, ch);
    gone.add(ch);
  }
  if (!gone.size) return;
  let kept = 0;
  for (const ch of chains) if (!gone.has(ch)) chains[kept++] = ch;
  chains.length = kept;
}

/**
 * What joinBare looks up, so that a long document is not read once per bare happening: the anchored
 * happenings of each family by where they are first told (among equals, in the chains' order), and
 * the bare ones by each kind they tell. Whether a happening is anchored does not change while bare
 * ones join others (they bring no name, date, place or day).
 */
class BareIndex {
  private readonly anchored = new Set<Chain>();
  /** By family: anchored chains sorted by their first mention's start, then by their place in the chains. */
  private readonly byFamily = new Map<number, Chain[]>();
  /** By kind: bare chains telling it, in the chains' order (`head`: those before it are gone). */
  private readonly bareByKind = new Map<EventKind, { chains: Chain[]; head: number }>();
  private readonly order = new Map<Chain, number>();

  constructor(chains: Chain[]) {
    chains.forEach((ch, n) => {
      this.order.set(ch, n);
      if (anchored(ch)) {
        this.anchored.add(ch);
        const list = this.byFamily.get(ch.family);
        if (list) list.push(ch);
        else this.byFamily.set(ch.family, [ch]);
      } else {
        for (const kind of new Set(ch.mentions.map((m) => m.kind))) this.addBare(kind, ch);
      }
    });
    for (const list of this.byFamily.values()) list.sort((a, b) => this.compare(a, b));
  }

  /** The anchored chain of the family told first last before `at` that fits (the first in the chains' order among equals). */
  before(family: number, at: number, fits: (o: Chain) => boolean): Chain | null {
    const list = this.byFamily.get(family) ?? [];
    let found: Chain | null = null;
    for (let i = this.firstAtOrAfter(list, at) - 1; i >= 0; i--) {
      const first = list[i].mentions[0].start;
      if (found && first < found.mentions[0].start) break;
      if (fits(list[i])) found = list[i];
    }
    return found;
  }

  /** The anchored chain of the family told first next after `at` that fits (the first in the chains' order among equals). */
  after(family: number, at: number, fits: (o: Chain) => boolean): Chain | null {
    const list = this.byFamily.get(family) ?? [];
    let i = this.firstAtOrAfter(list, at);
    while (i < list.length && list[i].mentions[0].start === at) i++;
    for (; i < list.length; i++) if (fits(list[i])) return list[i];
    return null;
  }

  /** The first bare chain (in the chains' order) told before `at`, not gone, telling a kind ch tells with a word of its own. */
  firstBare(ch: Chain, at: number, gone: Set<Chain>): Chain | null {
    let best: Chain | null = null;
    for (const kind of new Set(ch.mentions.filter((x) => !x.weak).map((x) => x.kind))) {
      const bare = this.bareByKind.get(kind);
      if (!bare) continue;
      while (bare.head < bare.chains.length && gone.has(bare.chains[bare.head])) bare.head++;
      for (let i = bare.head; i < bare.chains.length; i++) {
        const o = bare.chains[i];
        if (best && this.order.get(o)! > this.order.get(best)!) break;
        if (o !== ch && !gone.has(o) && o.mentions[0].start < at) {
          best = o;
          break;
        }
      }
    }
    return best;
  }

  /** `into` took the mentions of `from`: it may be told first elsewhere, and tell more kinds. */
  grew(into: Chain, from: Chain): void {
    if (this.anchored.has(into)) {
      const list = this.byFamily.get(into.family)!;
      list.splice(list.indexOf(into), 1);
      let i = this.firstAtOrAfter(list, into.mentions[0].start);
      while (i < list.length && this.compare(list[i], into) < 0) i++;
      list.splice(i, 0, into);
    } else {
      for (const m of from.mentions) this.addBare(m.kind, into);
    }
  }

  private addBare(kind: EventKind, ch: Chain): void {
    let bare = this.bareByKind.get(kind);
    if (!bare) this.bareByKind.set(kind, (bare = { chains: [], head: 0 }));
    const { chains } = bare;
    if (chains.includes(ch)) return;
    const n = this.order.get(ch)!;
    let i = chains.length;
    while (i > 0 && this.order.get(chains[i - 1])! > n) i--;
    chains.splice(i, 0, ch);
  }

  private compare(a: Chain, b: Chain): number {
    return a.mentions[0].start - b.mentions[0].start || this.order.get(a)! - this.order.get(b)!;
  }

  /** The first index of a sorted list whose chain is told first at or after `at`. */
  private firstAtOrAfter(list: Chain[], at: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].mentions[0].start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A happening says something of its own: a date, a name, a place or a day. */
function anchored(ch: Chain): boolean {
  if (ch.mentions.every((m) => m.weak)) return false;
  const named = ch.mentions.some((m) => m.roles.agent.length > 0 || m.roles.patient.length > 0);
  return named || ch.date !== null || ch.place !== null || ch.mentions.some((m) => m.onDay && !m.weak);
}

/**
 * A happening is listed when it has a mention of its own (not only weak words); a statement only
 * when it names who spoke or to whom. One that is told bare and joined no anchored one ("a fire"
 * where the document names nothing more) is listed all the same: it happened, and across documents
 * it may join the reports that tell more.
 */
function worthListing(ch: Chain): boolean {
  if (ch.mentions.every((m) => m.weak)) return false;
  return !ch.mentions.every((m) => m.kind === 'statement') || ch.mentions.some((m) => m.roles.agent.length > 0 || m.roles.patient.length > 0);
}

/** The chain's mentions as event mentions, each with the happening's kind, date, roles and place. */
function describe(ch: Chain, happening: number, text: string): EventMention[] {
  const kind = ch.mentions.reduce<EventKind>((best, m) => ((KIND_RANK[m.kind] ?? 0) > (KIND_RANK[best] ?? 0) && !m.weak ? m.kind : best), ch.mentions.find((m) => !m.weak)!.kind);
  const told = ch.mentions.filter((m) => m.kind === kind && !m.weak);
  // The word of a mention that names someone tells it best ("the Taliban boycotted", not a bare "decided").
  const named = told.filter((m) => m.roles.agent.length + m.roles.patient.length > 0);
  const lemma = (named.find((m) => m.pos === 'verb') ?? named[0] ?? told.find((m) => m.pos === 'verb') ?? told[0] ?? ch.mentions[0]).lemma;
  const symmetric = kind === 'meeting' || kind === 'agreement' || kind === 'visit';
  // A statement is one speaker's (the one named most, first).
  const agent = ranked(ch.mentions.flatMap((m) => m.roles.agent)).slice(0, kind === 'statement' ? 1 : undefined);
  const agentKeys = new Set(agent.map(keyOf));
  let patient = ranked(ch.mentions.flatMap((m) => m.roles.patient)).filter((p) => !agentKeys.has(keyOf(p)));
  if (symmetric && agent.length === 0 && patient.length > 1) agent.push(patient.shift()!);
  const places = ranked(ch.mentions.flatMap((m) => (m.roles.place ? [m.roles.place] : [])));
  const place = places[0] ?? null;
  const participants = [...agent, ...patient];
  const modality = ch.mentions.every((m) => m.modality === 'planned') ? 'planned' : 'actual';
  return ch.mentions.map((m): EventMention => ({
    start: m.start, end: m.end, kind, trigger: text.slice(m.start, m.end), lemma, sentence: m.sentence, sentenceIndex: m.sentenceIndex, line: m.line,
    happening, agent, patient, participants, place, date: ch.date, modality,
  }));
}

/** Names by how often the mentions give them (first seen first among equals), one mention per key. */
function ranked(names: EntityMention[]): EntityMention[] {
  // Most happenings name one party, or none: nothing to count.
  if (names.length <= 1) return names.slice();
  const byKey = new Map<string, { m: EntityMention; n: number; at: number }>();
  names.forEach((m, at) => {
    const k = keyOf(m);
    const seen = byKey.get(k);
    if (seen) seen.n++;
    else byKey.set(k, { m, n: 1, at });
  });
  return [...byKey.values()].sort((a, b) => b.n - a.n || a.at - b.at).map((x) => x.m);
}

/** "he", "she": the person who last did something in the two sentences before (among the first `count` candidates), else the first person of the sentence before. */
function resolvePronoun(c: Candidate, candidates: Candidate[], count: number, entities: EntityMention[]): EntityMention[] {
  for (const verbs of [true, false]) {
    for (let n = count - 1; n >= 0 && candidates[n].sentenceIndex >= c.sentenceIndex - 2; n--) {
      if ((candidates[n].sentenceIndex === c.sentenceIndex && candidates[n].start > c.start) || (verbs && candidates[n].pos !== 'verb')) continue;
      const person = candidates[n].roles.agent.find((m) => m.type === 'PERSON');
      if (person) return [person];
    }
  }
  const previous = entities.find((m) => m.sentence === c.sentenceIndex - 1 && m.type === 'PERSON');
  return previous ? [previous] : [];
}

/** "the Russian defense minister": the person named before whom the text gave that title. */
function resolveTitle(c: Candidate, entities: EntityMention[]): EntityMention[] {
  const words = c.roles.title!.split(' ').filter((w) => w.length > 2 && w !== 'the');
  for (let n = entities.length - 1; n >= 0; n--) {
    const m = entities[n];
    if (m.start >= c.start || m.type !== 'PERSON') continue;
    if (m.roles.some((r) => words.every((w) => r.text.toLowerCase().includes(w)))) return [m];
  }
  return [];
}

/** The document's surnames, each to the form most of its near spellings take (Zhirnow → zhirnov). */
let surnames = new Map<string, string>();

function surnameForms(entities: EntityMention[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const m of entities) if (m.type === 'PERSON') {
    const s = surnameOf(m);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const forms = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  const out = new Map<string, string>();
  for (const s of forms) out.set(s, forms.find((t) => t === s || (t.length >= 5 && s.length >= 5 && oneEditApart(s, t))) ?? s);
  return out;
}

/** The name's last word (what follows its last white space, as \s reads it), lower-cased. */
function surnameOf(m: EntityMention): string {
  const text = m.text;
  let i = text.length;
  while (i > 0 && !isWhiteSpace(text.charCodeAt(i - 1))) i--;
  return text.slice(i).toLowerCase();
}

/** The characters \s matches. */
function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Two words one substitution, insertion or deletion apart. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A name's key for comparing within the document: a person by surname, a nationality by its country. */
export function keyOf(m: EntityMention): string {
  let key = nameKeys.get(m);
  if (key === undefined) nameKeys.set(m, (key = keyOfName(m)));
  return key;
}

/** The keys of the document's names, once each (a name is compared many times). */
let nameKeys = new Map<EntityMention, string>();

function keyOfName(m: EntityMention): string {
  if (m.type === 'PERSON') {
    const s = surnameOf(m);
    return `p:${surnames.get(s) ?? s}`;
  }
  if (m.type === 'NORP') return `l:${(m.country ?? m.text).toLowerCase()}`;
  const name = (m.canonical ?? m.text).toLowerCase();
  return `${m.type === 'PLACE' ? 'l' : 'o'}:${name.startsWith('the') ? name.replace(/^the\s+/, '') : name}`;
}

/** Who a mention names, for comparing: its people and organisations, and a country or nationality that acts. */
function strongKeys(c: Candidate): string[] {
  const keys: string[] = [];
  const add = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const m of c.roles.agent) add(keyOf(m));
  for (const m of c.roles.patient) if (m.type === 'PERSON' || m.type === 'ORG') add(keyOf(m));
  return keys;
}



function dateConflict(a: EventDate | null, b: EventDate | null): boolean {
  if (!a || !b) return false;
  const n = Math.min(a.value.length, b.value.length);
  for (let k = 0; k < n; k++) if (a.value[k] !== b.value[k] && a.value[k] !== 'X' && b.value[k] !== 'X') return true;
  return false;
}

function placeConflict(chainPlace: string | null, place: EntityMention | null): boolean {
  return !!chainPlace && !!place && chainPlace !== keyOf(place);
}

/** Two mentions name different doers, or different people it was done to. */
function roleConflict(a: Candidate, b: Candidate): boolean {
  const differ = (x: EntityMention[], y: EntityMention[]) => x.length > 0 && y.length > 0 && !x.some((m) => y.some((n) => keyOf(m) === keyOf(n)));
  return differ(a.roles.agent, b.roles.agent) || differ(a.roles.patient, b.roles.patient);
}

/** Each side names someone the other does not: two different meetings of one ambassador. */
function partyConflict(chain: Set<string>, keys: string[]): boolean {
  if (chain.size === 0 || keys.length === 0) return false;
  const shared = keys.filter((k) => chain.has(k)).length;
  return shared < keys.length && shared < chain.size && (shared === 0 || keys.length - shared > 0 && chain.size - shared > 0);
}
