// A light reader of one sentence, without a parser: the names in it by token, where a clause starts
// and ends, the subject before a verb (over appositions, adverbs, auxiliaries and a relative
// pronoun), and the phrases after a word (a direct object, or a preposition and its names).
import type { EntityMention } from '../entities/recognize.js';
import { lowerOf, type Sentence, type Token } from '../entities/tokenize.js';
import type { Span } from '../types.js';
import { ADVERBS, BE, DETERMINERS, DO, HAVE, MODALS, PREPOSITIONS, PRONOUNS, negatedWord } from './words.js';

/** Punctuation that ends a clause; a comma inside a date ("March 5, 2024") does not. */
const CLAUSE_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '“', '”', '"', '?', '!']);
/** Words that join names into one phrase: "Kazakhstan and Kyrgyzstan". */
const COORDINATION = new Set(['and', ',', '&']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Nouns a nationality word can stand for a country with: "the Russian side", "the Afghan government". */
const GROUP_HEADS = new Set(['side', 'government', 'authorities', 'forces', 'troops', 'army', 'military', 'delegation', 'leadership', 'administration', 'regime', 'state']);
const QUOTES = new Set(['“', '”', '"', '‘', '’', "'"]);

export interface Subject {
  names: EntityMention[];
  /** Every name of the subject's phrase, the referents among them. */
  all: EntityMention[];
  /** The last word of a subject that is a common noun phrase ("minister" of "the Russian defense minister"). */
  head: string | null;
  pronoun: string | null;
  at: number;
  /** That common noun phrase's span, when the subject is one. */
  phrase?: Span;
}

export interface Phrase {
  /** The preposition before it, or null for a direct object. */
  prep: string | null;
  /** The names of the phrase (several when coordinated). */
  names: EntityMention[];
  /** Token index where the phrase's head noun (or first name) stands. */
  at: number;
  /** The phrase's first lower-case content word, when it names no one: "the two sides", "a concert hall". */
  head: string | null;
  /** Names that modify the phrase's noun ("a US drone strike"): not the phrase's referent. */
  modifiers: EntityMention[];
}

/**
 * Per token of a document, filled on first use by the reader of its sentence: whether it ends a
 * clause (1: yes, -1: no, 0: not yet known), and the first and the end token of its clause. Every
 * trigger asks for its clause, and many rules again: one pass over a sentence instead of a scan per
 * question, into arrays made once per document rather than per sentence.
 */
export class ClauseTable {
  readonly breaks: Int8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(tokenCount: number) {
    this.breaks = new Int8Array(tokenCount);
    this.starts = new Int32Array(tokenCount);
    this.ends = new Int32Array(tokenCount);
  }
}

export class SentenceReader {
  readonly first: number;
  readonly last: number;
  /** The name covering each token of the sentence (by k - first), if any. */
  private readonly entityAt: Array<EntityMention | undefined>;
  private clausesFound = false;

  /** `clauses`: the document's, of which the reader fills its sentence's tokens. */
  constructor(readonly tokens: Token[], readonly sentence: Sentence, readonly entities: EntityMention[], private readonly dates: Span[], private readonly clauses: ClauseTable) {
    this.first = sentence.first;
    this.last = sentence.last;
    this.entityAt = new Array<EntityMention | undefined>(this.last - this.first).fill(undefined);
    let e = 0;
    for (let k = this.first; k < this.last; k++) {
      const t = tokens[k];
      while (e < entities.length && entities[e].end <= t.start) e++;
      if (e < entities.length && entities[e].start <= t.start && t.end <= entities[e].end) this.entityAt[k - this.first] = entities[e];
    }
  }

  /** A headline: most words capitalised, no full stop at the end ("Russia And Afghanistan Agree To Forge …"). */
  get headline(): boolean {
    if (this.isHeadline === undefined) {
      let words = 0;
      let capitals = 0;
      for (let k = this.first; k < this.last; k++) {
        const t = this.tokens[k];
        if (t.kind !== 'word' || t.text.length <= 3) continue;
        words++;
        if (t.capitalised) capitals++;
      }
      this.isHeadline = words >= 3 && capitals / words >= 0.7 && this.tokens[this.last - 1]?.text !== '.';
    }
    return this.isHeadline;
  }

  private isHeadline: boolean | undefined;

  /** A nationality word used as an adjective ("Russian military officials"): it names no one in a role. */
  adjectival(m: EntityMention): boolean {
    if (m.type !== 'NORP') return false;
    let k = this.first;
    while (k < this.last && this.tokens[k].end <= m.end) k++;
    const next = this.word(k);
    const group = GROUP_HEADS.has(next) && (this.tokens[k].possessive || !(this.tokens[k + 1]?.kind === 'word' && !this.tokens[k + 1].capitalised && !PREPOSITIONS.has(this.word(k + 1)) && !finiteVerbLike(this.word(k + 1)) && !BE.has(this.word(k + 1)) && !HAVE.has(this.word(k + 1))));
    return this.tokens[k]?.kind === 'word' && !this.entity(k) && !group && !PREPOSITIONS.has(next) && !BE.has(next) && !HAVE.has(next) && !MODALS.has(next) && !finiteVerbLike(next);
  }

  /** The sentence's first word, over quotation marks and a footnote marker ("[8] In a meeting …"). */
  get opening(): number {
    if (this.openingAt === undefined) this.openingAt = this.findOpening();
    return this.openingAt;
  }

  private openingAt: number | undefined;

  private findOpening(): number {
    let j = this.first;
    while (j < this.last && (this.tokens[j].kind !== 'word' || this.inDate(j))) {
      if (this.tokens[j].kind === 'word') break;
      j++;
    }
    return j;
  }

  word(k: number): string {
    return k >= this.first && k < this.last ? lowerOf(this.tokens[k]) : '';
  }

  entity(k: number): EntityMention | undefined {
    return k >= this.first && k < this.last ? this.entityAt[k - this.first] : undefined;
  }

  inDate(k: number): boolean {
    if (this.dates.length === 0) return false;
    const t = this.tokens[k];
    return !!t && this.dates.some((d) => t.start >= d.start && t.end <= d.end);
  }

  /** A token that ends a clause by punctuation (not a comma inside a date or between coordinated names). */
  isBreak(k: number): boolean {
    if (k < this.first || k >= this.last) return this.breaksClause(k);
    const breaks = this.clauses.breaks;
    if (breaks[k] === 0) breaks[k] = this.breaksClause(k) ? 1 : -1;
    return breaks[k] === 1;
  }

  private breaksClause(k: number): boolean {
    const t = this.tokens[k];
    // Words and numbers never end a clause: only punctuation is looked up.
    if (!t || t.kind !== 'punct' || !CLAUSE_PUNCT.has(t.text) || this.inDate(k)) return false;
    if (t.text === ',' && this.entity(k - 1) && this.entity(k + 1) && this.coordinatedAfter(k)) return false;
    return true;
  }

  /** "A, B and C": the comma is followed by a name that a later "and" closes. */
  private coordinatedAfter(k: number): boolean {
    for (let j = k + 1; j < this.last && j < k + 12; j++) {
      if (this.word(j) === 'and') return !!this.entity(j + 1);
      if (!this.entity(j) && this.tokens[j].text !== ',') return false;
    }
    return false;
  }

  /** The first token of k's clause by punctuation. */
  clauseStart(k: number): number {
    if (k > this.first && k < this.last) {
      if (!this.clausesFound) this.findClauses();
      return this.clauses.starts[k];
    }
    let j = k;
    while (j > this.first && !this.isBreak(j - 1)) j--;
    return j;
  }

  /** The token after the last of k's clause. */
  clauseEnd(k: number): number {
    if (k >= this.first && k < this.last - 1) {
      if (!this.clausesFound) this.findClauses();
      return this.clauses.ends[k];
    }
    let j = k;
    while (j < this.last - 1 && !this.isBreak(j + 1)) j++;
    return j + 1;
  }

  /** Each token's clause, first token and end, from one pass over the sentence's breaks. */
  private findClauses(): void {
    const { starts, ends } = this.clauses;
    for (let k = this.first; k < this.last; k++) starts[k] = k > this.first && this.isBreak(k - 1) ? k : k > this.first ? starts[k - 1] : this.first;
    for (let k = this.last - 1; k >= this.first; k--) ends[k] = k < this.last - 1 && this.isBreak(k + 1) ? k + 1 : k < this.last - 1 ? ends[k + 1] : this.last;
    this.clausesFound = true;
  }

  /** The name ending right before token k (k itself not in it), with names coordinated before it. */
  namesEndingAt(k: number): EntityMention[] {
    const m = this.entity(k);
    if (!m) return [];
    const names = [m];
    let j = this.startOf(k) - 1;
    while (j > this.first && COORDINATION.has(this.word(j)) && this.entity(j - 1)) {
      const start = this.startOf(j - 1);
      if (PREPOSITIONS.has(this.word(start - 1))) break;
      names.unshift(this.entity(j - 1)!);
      j = start - 1;
    }
    return names;
  }

  /** The first token of the name covering token k. */
  startOf(k: number): number {
    const m = this.entity(k);
    if (!m) return k;
    let j = k;
    while (j > this.first && this.entity(j - 1) === m) j--;
    return j;
  }

  endOf(k: number): number {
    const m = this.entity(k);
    if (!m) return k + 1;
    let j = k;
    while (j + 1 < this.last && this.entity(j + 1) === m) j++;
    return j + 1;
  }

  /**
   * The subject of the verb at k: the names of the noun phrase before it, over adverbs, auxiliaries,
   * a negation, quotation marks, an apposition between commas ("Zhirnov, the Russian ambassador, had
   * … held"), an adjunct between commas ("the Russian side, at the request of …, chose") and a
   * relative pronoun (its antecedent: "Shoigu, …, who recently pinpointed"). A name set off by commas
   * right before the verb is the subject ("Afghan Taliban's Minister of Interior Affairs, Sirajuddin
   * Haqqani, met"). `pronoun` is told when the subject is one.
   */
  subjectBefore(k: number): Subject {
    const found = this.findSubject(k);
    // A fresh object from findSubject: completed in place.
    found.all ??= found.names;
    return found as Subject;
  }

  private findSubject(k: number): Omit<Subject, 'all'> & { all?: EntityMention[] } {
    let j = k - 1;
    let relative = false;
    /** Names of a stretch skipped as an apposition: the subject's when its own phrase names no one ("Their seven accomplices — brothers Amichon … — were held"). */
    let skipped: EntityMention[] = [];
    for (let hops = 0; j >= this.first && hops < 40; hops++) {
      const w = this.word(j);
      const t = this.tokens[j];
      if (this.entity(j)) {
        // A name inside a prepositional phrase is no subject: skip the phrase ("the UN meeting on Afghanistan that …").
        const start = this.startOf(j);
        const before = this.word(start - 1);
        if (PREPOSITIONS.has(before) && !this.isTitleChain(start - 1) && !relative) {
          j = start - 1;
          continue;
        }
        const whole = this.namesOfPhraseEndingAt(start);
        return { names: this.referents(this.namesEndingAt(j)), all: [...whole, ...this.namesEndingAt(j)], head: null, pronoun: null, at: start };
      }
      if (ADVERBS.has(w) || MODALS.has(w) || BE.has(w) || HAVE.has(w) || DO.has(w) || negatedWord(w) || w === 'to' || w.endsWith('ly') || QUOTES.has(t.text)) {
        j--;
        continue;
      }
      if (t.text === ')') {
        // "the Islamic State (ISIS) claimed": over the parenthesis.
        let p = j - 1;
        while (p > this.first && this.tokens[p].text !== '(') p--;
        j = p - 1;
        continue;
      }
      if ((w === 'and' || w === 'but') && hops <= 2) {
        // "exchanged views … and agreed": the subject of the verb before.
        for (let v = j - 1; v > this.first; v--) {
          if (this.entity(v) || this.tokens[v].capitalised) continue;
          if (this.tokens[v].kind === 'word' && /ed$/.test(this.word(v))) return this.findSubject(v);
        }
      }
      if (RELATIVE.has(w) && !relative) {
        // The antecedent: over its comma, then as any subject (an apposition before it is skipped below).
        relative = true;
        j--;
        if (this.tokens[j]?.text === ',' && this.entity(j - 1)) j--;
        continue;
      }
      if (t.text === ',' || t.text === '—' || t.text === '–') {
        const p = this.stretchStart(j);
        const stretch: EntityMention[] = [];
        for (let q = p + 1; q < j; q++) {
          const m = this.entity(q);
          if (m && !stretch.includes(m)) stretch.push(m);
        }
        const person = stretch.filter((m) => m.type === 'PERSON');
        const opener = this.word(p + 1);
        const setOff = DETERMINERS.has(opener) || PREPOSITIONS.has(opener) || RELATIVE.has(opener) || opener === 'including' || !this.tokens[p + 1]?.capitalised;
        // "four perpetrators — A, B, C and D — were arrested": the names listed are the subject.
        if (person.length > 1 && !setOff) return { names: person, head: null, pronoun: null, at: p + 1 };
        if (person.length && !setOff) return { names: [person[person.length - 1]], all: stretch, head: null, pronoun: null, at: p + 1 };
        const mark = this.tokens[p]?.text;
        if (p > this.first && (mark === ',' || mark === '—' || mark === '–')) {
          if (setOff) skipped = opener === 'including' ? stretch : stretch.filter((m) => m.type === 'PERSON');
          j = p - 1;
          continue;
        }
        if (stretch.length) return { names: this.referents(stretch), head: null, pronoun: null, at: p + 1 };
        return { names: [], head: null, pronoun: null, at: j };
      }
      if (PRONOUNS.has(w) && !RELATIVE.has(w)) return { names: [], head: null, pronoun: w, at: j };
      if (t.kind === 'word' && !PREPOSITIONS.has(w) && !DETERMINERS.has(w)) {
        // A common noun phrase ("the two sides", "the Russian side", "a report"): names inside it stand for it.
        let p = j;
        const names: EntityMention[] = [];
        while (p >= this.first && (this.entity(p) || (this.tokens[p].kind !== 'punct' && !PREPOSITIONS.has(this.word(p)) && !MODALS.has(this.word(p)) && !BE.has(this.word(p)) && !HAVE.has(this.word(p)) && !RELATIVE.has(this.word(p))))) {
          const m = this.entity(p);
          if (m && !names.includes(m)) names.unshift(m);
          if (DETERMINERS.has(this.word(p)) && this.word(p) !== 'two') break;
          p--;
        }
        return { names: names.length ? this.referents(names) : skipped, head: w, pronoun: null, at: j, phrase: { start: this.tokens[p + 1].start, end: t.end } };
      }
      return { names: [], head: null, pronoun: null, at: j };
    }
    return { names: [], head: null, pronoun: null, at: this.first };
  }

  /**
   * Who a noun phrase's names stand for: its people when it names some ("Afghan Taliban's Interior
   * Minister Sirajuddin Haqqani" is Haqqani), else the names not marked as possessors.
   */
  referents(names: EntityMention[]): EntityMention[] {
    if (names.length <= 1) return names;
    const people = names.filter((m) => m.type === 'PERSON');
    if (people.length) return people;
    const own = names.filter((m) => !this.possessiveName(m));
    return own.length ? own : names;
  }

  private possessiveName(m: EntityMention): boolean {
    for (let k = this.first; k < this.last; k++) if (this.entity(k) === m && this.tokens[k].end === m.end) return this.tokens[k].possessive;
    return false;
  }

  /** Names of the capitalised phrase before token k: "Interior Ministry spokesman" before "Abdul Matin Qane". */
  private namesOfPhraseEndingAt(k: number): EntityMention[] {
    const out: EntityMention[] = [];
    for (let j = k - 1; j >= this.first && j >= k - 6; j--) {
      const m = this.entity(j);
      if (m) {
        if (!out.includes(m)) out.unshift(m);
        continue;
      }
      if (this.tokens[j].kind !== 'word' || PREPOSITIONS.has(this.word(j)) || DETERMINERS.has(this.word(j))) break;
    }
    return out;
  }

  /** The comma or dash before the stretch ending at j (a parenthesis inside it does not end it). */
  private stretchStart(j: number): number {
    let depth = 0;
    let p = j - 1;
    for (; p > this.first; p--) {
      const text = this.tokens[p].text;
      if (text === ')') depth++;
      else if (text === '(') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (text === ',' || text === '—' || text === '–' || text === ';' || text === ':') && this.isBreak(p)) break;
    }
    return p;
  }

  /** A capitalised title run before a name counts as part of it ("Russian Ambassador to Afghanistan Dmitry Zhirnov"). */
  private isTitleChain(prep: number): boolean {
    return (this.word(prep) === 'to' || this.word(prep) === 'of' || this.word(prep) === 'for' || this.word(prep) === 'in') && !!this.tokens[prep - 1]?.capitalised && !this.entity(prep - 1) && !!this.tokens[prep + 1]?.capitalised && !this.tokens[prep - 1]?.sentenceStart;
  }

  /**
   * The phrases after token k up to the clause's end: a direct object first (prep null), then each
   * preposition with the names of its noun phrases (coordinated phrases each give their referent).
   * A preposition inside a title ("Russian Ambassador to Kabul Dmitry Zhirnov") does not open a phrase.
   */
  phrasesAfter(k: number, limit = this.clauseEnd(k), stopAtInfinitive = false): Phrase[] {
    const out: Phrase[] = [];
    let prep: string | null = null;
    let names: EntityMention[] = [];
    let np: EntityMention[] = [];
    let head: string | null = null;
    let modifiers: EntityMention[] = [];
    let at = -1;
    const closeNp = () => {
      for (const m of this.referents(np)) if (!names.includes(m)) names.push(m);
      np = [];
    };
    const flush = () => {
      closeNp();
      if (names.length || head || modifiers.length) out.push({ prep, names, at, head, modifiers });
      names = [];
      modifiers = [];
      head = null;
      at = -1;
    };
    if (this.tokens[k + 1]?.kind === 'word' && !this.tokens[k + 1].capitalised && finiteVerbLike(this.word(k + 1)) && this.word(k + 2) !== 'by') return out;
    for (let j = k + 1; j < limit; j++) {
      const w = this.word(j);
      const m = this.entity(j);
      if (m) {
        if (!np.includes(m)) np.push(m);
        if (at < 0) at = j;
        j = this.endOf(j) - 1;
        continue;
      }
      if (stopAtInfinitive && w === 'to' && this.tokens[j + 1]?.kind === 'word' && !this.tokens[j + 1].capitalised && !DETERMINERS.has(this.word(j + 1)) && !this.entity(j + 1)) break;
      if (stopAtInfinitive && w === 'not' && this.word(j + 1) === 'to') break;
      if ((PREPOSITIONS.has(w) || w === 'as') && !(w === 'of' && names.length === 0 && np.length === 0 && head) && !this.isTitleChain(j)) {
        flush();
        prep = w;
        continue;
      }
      if (w === 'and' || this.tokens[j].text === ',') {
        closeNp();
        continue;
      }
      if (this.tokens[j].kind === 'punct') continue;
      // "the UN meeting … that was held in Doha on …": the relative clause tells where and when.
      if (RELATIVE.has(w) && BE.has(this.word(j + 1)) && /(ed|held|made|taken|led)$/.test(this.word(j + 2))) {
        flush();
        prep = null;
        j += 2;
        continue;
      }
      if (BE.has(w) || HAVE.has(w) || MODALS.has(w) || RELATIVE.has(w)) break;
      // A verb after the phrase began opens another clause ("at this meeting the Afghan Taliban urged …"),
      // unless it is a participle with its own phrase ("a statement issued by", "the meeting held between").
      if (j > k + 1 && this.tokens[j].kind === 'word' && !this.tokens[j].capitalised && !this.tokens[j].hyphenJoined && (/ed$/.test(w) || finiteVerbLike(w)) && !PREPOSITIONS.has(this.word(j + 1))) break;
      if (this.tokens[j].hyphenJoined && /^(led|backed|based|sponsored|allied|supported)$/.test(w)) continue; // "US-led forces": the name stands for them
      if (this.tokens[j].hyphenJoined && np.length) {
        // "Taliban-appointed ambassadors": the name modifies the noun.
        modifiers = [...modifiers, ...np];
        np = [];
        continue;
      }
      if (this.tokens[j].kind === 'word' && !DETERMINERS.has(w) && !this.tokens[j].capitalised && np.length && !names.length && !finiteVerbLike(w) && !/(ed|ly)$/.test(w) && !ADVERBS.has(w) && !(this.tokens[j - 1]?.hyphenJoined && /^(led|backed|based|sponsored|allied|supported)$/.test(this.word(j - 1)))) {
        // "a US drone strike", "Afghanistan's deputy prime ministers": the names modify a noun, which heads the phrase.
        modifiers = [...modifiers, ...np];
        np = [];
        head = w;
        continue;
      }
      if (!DETERMINERS.has(w) && !head && !names.length && !np.length && this.tokens[j].kind === 'word') {
        head = w;
        if (at < 0) at = j;
      }
    }
    flush();
    return out;
  }

  /** The most recent person named before token k in the sentence (for "he", "she"). */
  lastPersonBefore(k: number): EntityMention | null {
    for (let j = k - 1; j >= this.first; j--) {
      const m = this.entity(j);
      if (m?.type === 'PERSON') return m;
    }
    return null;
  }
}

/** A word that reads as a finite verb after a noun: "the meeting comes", "the report claimed", "the decision requires". */
export function finiteVerbLike(word: string): boolean {
  return /^(comes|came|was|were|is|are|has|had|took|gains|requires|shows|marks|mark|claimed|highlighted|noted|indicated|said|says|focused|resulted|underscore|underscores|appears|seems|remains)$/.test(word);
}
