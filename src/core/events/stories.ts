// Undated reports take the date of the story they tell. A happening a document tells without a date
// borrows the date another document gives the same happening: the same kind, shared participants,
// overlapping wording, and documents close in time (a report cannot tell as past what its own date
// comes before). Only dated reports lend, so what a report borrows never depends on what another
// borrowed; after a change, only the documents whose happenings looked up what changed borrow again.
// The joiner (incrementalJoin.ts) passes every change through `lend` first; a lent date then joins
// the report where that date's reports are.
import type { Entity } from '../entities/link.js';
import { compatible, FAMILY, type EventKind } from './kinds.js';
import type { ReportChange } from './incrementalJoin.js';
import { exact, type CorpusEventMention } from './join.js';

/** A document as the lender keeps it. */
interface Given {
  reports: CorpusEventMention[];
  dct: string | null;
  words: Map<number, readonly string[]>;
}

/** A dated happening of one document, as lenders are looked up. */
interface Lender {
  path: string;
  line: number;
  kind: EventKind;
  date: string;
  dct: string | null;
  /** Its document's date in ms (NaN when none), parsed once. */
  dctTime: number;
  lemma: string;
  ids: string[];
  strong: string[];
  agent: string[];
  words: readonly string[];
  /** family|entity for its people, organisations and doers: what borrowers look it up by. */
  keys: string[];
}

/** Participants that tie two reports only with another name or the same words. */
const WEAK_TYPES = new Set(['NORP', 'PLACE']);
/** Wording two reports of one story share at least (Jaccard over content words); people make many statements, so theirs must share more. */
const MIN_WORDS = 0.08;
const MIN_STATEMENT_WORDS = 0.15;
/** Kinds that happen to their doer once in a story: told as the same kind (or one it is told as) with the same doer, they are one happening. */
const ONCE = new Set<EventKind>(['withdrawal', 'invasion', 'death', 'killing', 'resignation', 'dismissal', 'acquisition', 'recognition', 'verdict']);
/**
 * An entity told in more dated happenings of a family than this ("the United States" in statements)
 * ties no story on its own: borrowers do not look lenders up by it, so a lookup, and what an edit
 * makes borrow again, stay bounded in a large corpus. It still counts when a lender found by another
 * name is scored.
 */
const COMMON = 48;
/** A lender scoring within this of the best, with another date, leaves the date unknown. */
const AMBIGUOUS = 0.9;
/** Documents further apart than this (days) tell different stories. */
const MAX_DAYS_APART = 400;

/** Reports read or borrowed for between two steps of lendSteps(): a few milliseconds of work. */
const LEND_STEP = 100;

export class StoryLender {
  /** Each document's reports as the extractor gave them (before lending), its date and its happenings' words. */
  private readonly given = new Map<string, Given>();
  /** family|entity → dated happenings naming it. */
  private readonly lenders = new Map<string, Set<Lender>>();
  private readonly lendersOf = new Map<string, Lender[]>();
  /** family|entity → documents with an undated happening that looked it up. */
  private readonly borrowers = new Map<string, Set<string>>();
  private readonly lookedUp = new Map<string, string[]>();
  /** path → happening → the date lent to it. */
  private readonly lent = new Map<string, Map<number, string>>();

  /**
   * Into `out`: the changes with dates lent to undated reports, and the changes of other documents
   * whose undated reports borrow differently now (`entities` tells which participants are weak). A
   * step at a time (some hundreds of reports read or borrowed for), so that a long document or a
   * first join does not hold the caller for seconds.
   */
  *lendSteps(changes: Iterable<ReportChange>, entities: Map<string, Entity>, out: ReportChange[]): Generator<void, void> {
    let work = 0;
    const changed = new Map<string, CorpusEventMention[] | null>();
    /** Keys whose lenders changed, with how many they had before. */
    const touchedKeys = new Map<string, number>();
    const touch = (key: string) => {
      if (!touchedKeys.has(key)) touchedKeys.set(key, this.lenders.get(key)?.size ?? 0);
    };
    for (const { path, reports, dct = null, words = new Map() } of changes) {
      changed.set(path, reports);
      const old = this.lendersOf.get(path) ?? [];
      const doc = reports ? { reports, dct, words } : null;
      if (doc) this.given.set(path, doc);
      else {
        this.given.delete(path);
        this.forget(path);
      }
      const fresh = doc ? lendersIn(path, doc, entities) : [];
      // Most edits leave a document's dated happenings as they were: then nobody borrows again.
      if (sameLenders(old, fresh)) continue;
      // Else only the keys whose lenders from here lend otherwise now: a letter typed into one name
      // changes the happenings that name it, and what the document's other names tie stays put.
      for (const key of changedKeys(old, fresh)) touch(key);
      for (const lender of old) for (const key of lender.keys) this.lenders.get(key)?.delete(lender);
      for (const lender of fresh) for (const key of lender.keys) {
        let set = this.lenders.get(key);
        if (!set) this.lenders.set(key, (set = new Set()));
        set.add(lender);
      }
      if (fresh.length) this.lendersOf.set(path, fresh);
      else this.lendersOf.delete(path);
      if ((work += (reports?.length ?? 0) + 1) >= LEND_STEP) {
        work = 0;
        yield;
      }
    }
    // Documents to borrow again: the changed ones and those that looked up what changed.
    const again = new Set<string>([...changed.keys()].filter((p) => changed.get(p)));
    for (const [key, before] of touchedKeys) {
      const after = this.lenders.get(key)?.size ?? 0;
      if (after === 0) this.lenders.delete(key);
      // A key too common before and after was looked up by nobody: its borrowers borrow as they did.
      if (before > COMMON && after > COMMON) continue;
      for (const path of this.borrowers.get(key) ?? []) again.add(path);
    }
    for (const [path, reports] of changed) if (!reports) out.push({ path, reports: null });
    for (const path of again) {
      const doc = this.given.get(path);
      if (!doc) continue;
      const before = this.lent.get(path);
      const now = this.borrow(path, doc, entities);
      if (changed.has(path) || !sameLending(before, now)) out.push({ path, reports: withDates(doc.reports, now), dct: doc.dct });
      if ((work += doc.reports.length + 1) >= LEND_STEP) {
        work = 0;
        yield;
      }
    }
  }

  private forget(path: string): void {
    for (const key of this.lookedUp.get(path) ?? []) this.borrowers.get(key)?.delete(path);
    this.lookedUp.delete(path);
    this.lent.delete(path);
  }

  /** The dates a document's undated happenings borrow, by happening; its lookups filed for later changes. */
  private borrow(path: string, doc: Given, entities: Map<string, Entity>): Map<number, string> {
    this.forget(path);
    const keys: string[] = [];
    const lent = new Map<number, string>();
    for (const happening of happeningsOf(doc.reports)) {
      const [first] = happening;
      if (first.date !== null) continue;
      const ids = idsOf(happening);
      const strong = ids.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? ''));
      const candidates = new Set<Lender>();
      for (const key of keysOf(first.kind, tiesOf(strong, happening))) {
        keys.push(key);
        const lenders = this.lenders.get(key);
        if (lenders && lenders.size <= COMMON) for (const lender of lenders) if (lender.path !== path) candidates.add(lender);
      }
      const date = pick(first, doc.dct, doc.words.get(first.line) ?? [], ids, strong, happening, [...candidates]);
      if (date) lent.set(first.line, date);
    }
    for (const key of new Set(keys)) {
      let set = this.borrowers.get(key);
      if (!set) this.borrowers.set(key, (set = new Set()));
      set.add(path);
    }
    this.lookedUp.set(path, [...new Set(keys)]);
    if (lent.size) this.lent.set(path, lent);
    return lent;
  }
}

/** The date the best lender gives, when one tells the same story clearly better than any other date. */
function pick(report: CorpusEventMention, dct: string | null, reportWords: readonly string[], ids: string[], strong: string[], happening: CorpusEventMention[], lenders: Lender[]): string | null {
  const dctTime = dct ? Date.parse(dct) : NaN;
  const lemmas = new Set(happening.map((m) => m.lemma));
  const agents = [...new Set(happening.flatMap((m) => m.agent))];
  const scored: Array<{ lender: Lender; score: number }> = [];
  for (const lender of lenders) {
    if (!sameStory(lender.kind, report.kind) || !closeInTime(dct, dctTime, lender)) continue;
    const sharedStrong = strong.filter((id) => lender.strong.includes(id)).length;
    // Each names someone the other does not: two meetings of one minister, with different people.
    if (sharedStrong > 0 && strong.some((id) => !lender.strong.includes(id)) && lender.strong.some((id) => !strong.includes(id))) continue;
    const shared = ids.filter((id) => lender.ids.includes(id)).length;
    const words = jaccard(reportWords, lender.words);
    const statement = report.kind === 'statement';
    // The same verb; or, for a kind that happens to its doer once in a story, the same kind ("America and NATO left" and "the withdrawal of US-led forces").
    const sameLemma = !statement && (lemmas.has(lender.lemma) || (compatible(lender.kind, report.kind) && ONCE.has(lender.kind)));
    // Who did it counts as much as a person or organisation taken part: "the United States left", "the withdrawal of US-led forces".
    const sharedAgent = agents.filter((id) => lender.agent.includes(id) && !strong.includes(id)).length;
    const named = sharedStrong + sharedAgent;
    // A shared doer, person or organisation (what lenders are looked up by), with the same words or the same verb.
    const enough = statement ? MIN_STATEMENT_WORDS : MIN_WORDS;
    if (!(named >= 1 && (words >= enough || sameLemma))) continue;
    scored.push({ lender, score: 2 * named + shared + 10 * words + (sameLemma ? 1 : 0) });
  }
  if (!scored.length) return null;
  scored.sort((a, b) => b.score - a.score || (a.lender.path < b.lender.path ? -1 : a.lender.path > b.lender.path ? 1 : a.lender.line - b.lender.line));
  const [best] = scored;
  if (scored.some((s) => s.lender.date !== best.lender.date && s.score >= best.score * AMBIGUOUS)) return null;
  return best.lender.date;
}

/** Kinds one story is told as: the same, a meeting as a visit, an attack by its dead. */
function sameStory(a: EventKind, b: EventKind): boolean {
  return a === b || (compatible(a, b) && FAMILY.get(a) !== FAMILY.get('statement'));
}

/** A report cannot tell as past a happening after its own document's date; documents far apart tell different stories. */
function closeInTime(dct: string | null, dctTime: number, lender: Lender): boolean {
  if (!dct) return true;
  if (/^\d{4}/.test(lender.date) && lender.date > dct.slice(0, lender.date.length)) return false;
  if (Number.isNaN(lender.dctTime)) return true;
  return Math.abs(dctTime - lender.dctTime) <= MAX_DAYS_APART * 86_400_000;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** A document's reports grouped by happening (its `line`), in order. */
function happeningsOf(reports: CorpusEventMention[]): CorpusEventMention[][] {
  const by = new Map<number, CorpusEventMention[]>();
  for (const r of reports) {
    const list = by.get(r.line);
    if (list) list.push(r);
    else by.set(r.line, [r]);
  }
  return [...by.values()];
}

function idsOf(happening: CorpusEventMention[]): string[] {
  const ids = new Set<string>();
  for (const r of happening) {
    for (const id of r.participants) ids.add(id);
    if (r.place) ids.add(r.place);
  }
  return [...ids];
}

function lendersIn(path: string, doc: Given, entities: Map<string, Entity>): Lender[] {
  const out: Lender[] = [];
  for (const happening of happeningsOf(doc.reports)) {
    const [first] = happening;
    if (first.date === null) continue;
    const ids = idsOf(happening);
    const strong = exact(ids.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? '')));
    out.push({
      path, line: first.line, kind: first.kind, date: first.date, dct: doc.dct, dctTime: doc.dct ? Date.parse(doc.dct) : NaN, lemma: first.lemma, ids,
      strong, agent: [...new Set(happening.flatMap((m) => m.agent))], words: doc.words.get(first.line) ?? [], keys: keysOf(first.kind, tiesOf(strong, happening)),
    });
  }
  return out;
}

/** The ids a happening is tied to another by: its people and organisations, and its doers (a country that left). */
function tiesOf(strong: string[], happening: CorpusEventMention[]): string[] {
  const ties = new Set(strong);
  for (const m of happening) for (const id of m.agent) ties.add(id);
  return [...ties];
}

/**
 * Whether a document's dated happenings lend as before. Their lines are left out: where a lender
 * stands only breaks ties between lenders, and lenders tied with other dates lend nothing.
 */
function sameLenders(a: Lender[], b: Lender[]): boolean {
  if (a.length !== b.length) return false;
  const sig = (l: Lender) => [l.kind, l.date, l.dct, l.lemma, l.ids.join(' '), l.strong.join(' '), l.agent.join(' '), l.words.join(' ')].join('|');
  const seen = new Map<string, number>();
  for (const l of a) seen.set(sig(l), (seen.get(sig(l)) ?? 0) + 1);
  for (const l of b) {
    const n = seen.get(sig(l));
    if (!n) return false;
    seen.set(sig(l), n - 1);
  }
  return true;
}

/** The keys under which a document's lenders were `old` and are `fresh`, lending otherwise. */
function changedKeys(old: Lender[], fresh: Lender[]): string[] {
  const byKey = (lenders: Lender[]) => {
    const map = new Map<string, Lender[]>();
    for (const l of lenders) for (const key of l.keys) map.set(key, [...(map.get(key) ?? []), l]);
    return map;
  };
  const before = byKey(old);
  const after = byKey(fresh);
  return [...new Set([...before.keys(), ...after.keys()])].filter((key) => !sameLenders(before.get(key) ?? [], after.get(key) ?? []));
}

function keysOf(kind: EventKind, ids: string[]): string[] {
  const family = FAMILY.get(kind)!;
  return ids.map((id) => `${family}|${id}`);
}

function sameLending(a: Map<number, string> | undefined, b: Map<number, string>): boolean {
  if ((a?.size ?? 0) !== b.size) return false;
  for (const [k, v] of b) if (a?.get(k) !== v) return false;
  return true;
}

/** The reports with the lent dates on their happenings' reports (new objects only where a date is lent). */
function withDates(reports: CorpusEventMention[], lent: Map<number, string>): CorpusEventMention[] {
  if (lent.size === 0) return reports;
  return reports.map((r) => (r.date === null && lent.has(r.line) ? { ...r, date: lent.get(r.line)!, borrowed: true } : r));
}
