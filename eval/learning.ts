// The simulated user of the learning scorer: in the documents it works on (every other document of
// each topic), it reviews the system's names in the order the Review view offers them (least sure
// first) or in reading order, and decides each as gold says (the type, another span, or not a
// name); the model learns from each decision; the other documents, which it never touched, are
// scored before and after. A budget per 10,000 tokens of the whole set, of decisions or of
// corrections (decisions that change what the system said: accepting a right name is then free).
import { tokenize } from '../src/core/entities/tokenize.js';
import type { NameModel } from '../src/core/entities/model/index.js';
import { possibleNamesToReview, reviewOrder } from '../src/core/entities/reviewOrder.js';
import type { EntityType } from '../src/core/entities/recognize.js';
import { overlaps, scoreSpans, breakdownByType, prf, type Counts, type DocSpan } from './metrics.js';
import type { NameMention } from './datasets.js';

export interface LearningDoc {
  path: string;
  text: string;
  date?: string | null;
  /** Documents of one topic share names: the user's work is spread over each topic. */
  topic: string;
  gold: NameMention[];
  neutral: DocSpan[];
  /** Where gold is complete (MEANTIME's annotated opening); the whole text when absent. */
  region?: DocSpan;
}

export interface SystemName extends NameMention {
  /** How sure the model is (absent for names the lexicon or the user typed); of a possible name, how sure it is that it is none. */
  confidence?: number;
  /** A span the model nearly read as a name, not one it gives. */
  possible?: boolean;
}

export interface LearningSet {
  label: string;
  docs: LearningDoc[];
  /** The types gold annotates in full: a system name of another type that gold does not hold cannot be decided. */
  decidable: readonly string[];
  /** The types scored. */
  scored: readonly string[];
}

/** What learns from the user's decisions: a new one per simulated user. */
export interface Learner {
  /** Takes one decision: `span` of `text` is a name of `type`, or no name (null). Whether anything was learned. */
  decide(text: string, span: DocSpan, type: EntityType | null): boolean;
  /** The model as it stands. */
  model(): NameModel;
}

/** The system's names of some documents, read with `model` (as one corpus, the export's way). */
export type ReadNames = (docs: readonly LearningDoc[], model: NameModel) => SystemName[];

export type Order = 'review' | 'reading';

/** What the budget counts: every decision (accepting a right name too), or only those that change something. */
export type Budget = 'decisions' | 'corrections';

export interface SimulationResult {
  order: Order;
  budget: Budget;
  decisions: number;
  /** Decisions that changed what the system said (type, span, or not a name). */
  corrections: number;
  learned: number;
  counts: Counts;
  /** Milliseconds per decision taken by the learner. */
  learnMs: number;
}

export interface LearningReport {
  set: string;
  tokens: number;
  budget: number;
  worked: number;
  scoredDocs: number;
  before: Counts;
  runs: SimulationResult[];
}

/** Decisions per 10,000 tokens. */
export const DECISIONS_PER_10K = 20;
/** The Review view's list is read again after this many decisions (the view refreshes as the model learns). */
const REFRESH_EVERY = 5;

/** Every other document of each topic (in path order) is worked on; the rest are scored. */
export function splitByTopic(docs: readonly LearningDoc[]): { worked: LearningDoc[]; scored: LearningDoc[] } {
  const byTopic = new Map<string, LearningDoc[]>();
  for (const d of [...docs].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const list = byTopic.get(d.topic);
    if (list) list.push(d);
    else byTopic.set(d.topic, [d]);
  }
  const worked: LearningDoc[] = [];
  const scored: LearningDoc[] = [];
  for (const list of byTopic.values()) list.forEach((d, i) => (i % 2 === 0 ? worked : scored).push(d));
  return { worked, scored };
}

export function runLearning(set: LearningSet, shipped: NameModel, read: ReadNames, learner: () => Learner): LearningReport {
  const tokens = set.docs.reduce((n, d) => n + tokenize(d.text).tokens.length, 0);
  const budget = Math.round((DECISIONS_PER_10K * tokens) / 10_000);
  const { worked, scored } = splitByTopic(set.docs);
  const before = score(set, scored, read(scored, shipped));
  const runs = (['decisions', 'corrections'] as const).flatMap((counted) =>
    (['review', 'reading'] as const).map((order) => simulate(set, worked, scored, read, learner(), order, counted, budget)),
  );
  return { set: set.label, tokens, budget, worked: worked.length, scoredDocs: scored.length, before, runs };
}

interface Decision {
  doc: LearningDoc;
  span: DocSpan;
  type: EntityType | null;
  correction: boolean;
}

function simulate(set: LearningSet, worked: LearningDoc[], scored: LearningDoc[], read: ReadNames, learner: Learner, order: Order, counted: Budget, budget: number): SimulationResult {
  const decided = new Map<string, DocSpan[]>();
  const byPath = new Map(worked.map((d) => [d.path, d]));
  const rank = new Map(worked.map((d, i) => [d.path, i]));
  let decisions = 0;
  let corrections = 0;
  let learnedCount = 0;
  let learnMs = 0;
  const spent = () => (counted === 'decisions' ? decisions : corrections);
  while (spent() < budget) {
    const model = learner.model();
    const offered = candidates(set, byPath, decided, withPossibleNames(worked, read(worked, model), model));
    if (offered.length === 0) break;
    if (order === 'review') offered.sort(reviewOrder((m) => rank.get(m.doc)!));
    else offered.sort((a, b) => rank.get(a.doc)! - rank.get(b.doc)! || a.start - b.start);
    for (const m of offered.slice(0, REFRESH_EVERY)) {
      if (spent() >= budget) break;
      const d = decide(byPath.get(m.doc)!, m);
      if (d) {
        const t0 = performance.now();
        if (learner.decide(d.doc.text, d.span, d.type)) learnedCount++;
        learnMs += performance.now() - t0;
        if (d.correction) corrections++;
      }
      const list = decided.get(m.doc) ?? [];
      list.push(d?.span ?? m, m);
      decided.set(m.doc, list);
      decisions++;
    }
  }
  const counts = score(set, scored, read(scored, learner.model()));
  return { order, budget: counted, decisions, corrections, learned: learnedCount, counts, learnMs: decisions ? learnMs / decisions : 0 };
}

/** The system's names and, where no name stands, the spans the model nearly read as names (type and all) that the simulated user reviews, as the Review view lists them. */
function withPossibleNames(docs: readonly LearningDoc[], names: SystemName[], model: NameModel): SystemName[] {
  const out = [...names];
  for (const d of docs) {
    const own = names.filter((m) => m.doc === d.path);
    for (const p of possibleNamesToReview(d.text, model, own)) out.push({ doc: d.path, ...p, text: d.text.slice(p.start, p.end), entity: null, possible: true });
  }
  return out;
}

/** The system's names the user can decide from gold: in gold's region, not decided yet, of a type gold annotates or overlapping a gold name. */
function candidates(set: LearningSet, byPath: Map<string, LearningDoc>, decided: Map<string, DocSpan[]>, names: SystemName[]): SystemName[] {
  return names.filter((m) => {
    const doc = byPath.get(m.doc);
    if (!doc || (doc.region && !overlaps(doc.region, m))) return false;
    if ((decided.get(m.doc) ?? []).some((s) => overlaps(s, m))) return false;
    if (doc.gold.some((g) => overlaps(g, m))) return true;
    return set.decidable.includes(m.type) && !doc.neutral.some((n) => overlaps(n, m));
  });
}

/**
 * What gold says of a system name: its type, the gold name it overlaps, or no name. Where gold's
 * extent holds more than a name by the project's guidelines (MEANTIME keeps titles, appositives
 * and ", California" inside: "Airbus chief executive Noel Forgeard"), the user keeps the system's
 * span when gold gives it the same type, and otherwise leaves it undecided: a decision spent.
 */
function decide(doc: LearningDoc, m: SystemName): Decision | null {
  const same = doc.gold.find((g) => g.start === m.start && g.end === m.end);
  if (same) return { doc, span: m, type: same.type as EntityType, correction: m.possible === true || same.type !== m.type };
  const overlapping = doc.gold.filter((g) => overlaps(g, m));
  if (overlapping.length === 0) return { doc, span: m, type: null, correction: !m.possible };
  const gold = overlapping.reduce((a, b) => (overlapOf(b, m) > overlapOf(a, m) ? b : a));
  if (nameLike(gold.text)) return { doc, span: { doc: doc.path, start: gold.start, end: gold.end }, type: gold.type as EntityType, correction: true };
  if (gold.start <= m.start && m.end <= gold.end && gold.type === m.type) return { doc, span: m, type: m.type as EntityType, correction: m.possible === true };
  return null;
}

function overlapOf(a: DocSpan, b: DocSpan): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** Words that may stand inside a name in lower case ("Bank of England", "Osama bin Laden"). */
const INNER = new Set(['of', 'the', 'and', '&', 'de', 'del', 'la', 'le', 'du', 'van', 'von', 'bin', 'al', 'for', 'on']);

/** A name as the guidelines write it: capitalised words (and the small words names keep), no comma or bracket. */
function nameLike(text: string): boolean {
  return !/[,()]/.test(text) && text.split(/\s+/).every((w) => INNER.has(w) || /^[\p{Lu}\d]/u.test(w) || /\p{Lu}/u.test(w));
}

function score(set: LearningSet, docs: readonly LearningDoc[], names: SystemName[]): Counts {
  const regions = new Map(docs.map((d) => [d.path, d.region]));
  const sys = names.filter((m) => set.scored.includes(m.type) && (regions.get(m.doc) === undefined || overlaps(regions.get(m.doc)!, m)));
  const gold = docs.flatMap((d) => d.gold.filter((g) => set.scored.includes(g.type)));
  const neutral = docs.flatMap((d) => d.neutral);
  return breakdownByType(gold, scoreSpans(gold, sys, { mode: 'exact', neutral }), sys, set.scored).micro;
}

export function f1(c: Counts): number {
  return prf(c).f1;
}
