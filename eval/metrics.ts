// Pure scoring functions for the evaluation harness: no IO, no core imports.
//
// Conventions (the harness and its README-level notes rely on these):
// - Spans are half-open [start, end) in UTF-16 code units, within a document named by `doc`.
// - Matching is one-to-one. Exact: same doc, start and end. Overlap (relaxed): same doc and the
//   spans share at least one code unit; candidate pairs are taken greedily, exact spans first,
//   then the larger overlap, then document order.
// - Typed scoring requires the same type as well as the span match; untyped scoring ignores types.
// - Neutral spans: gold regions that are annotated but not scored (e.g. MEANTIME PRO/FIN names or
//   nominal mentions, the document-creation-time TIMEX). A system mention that matches nothing,
//   overlaps no scored gold mention and overlaps a neutral span is dropped: neither a true nor a
//   false positive. A system mention that overlaps a scored gold mention is always judged against
//   the scored gold (a wrong boundary or type there stays an error).
// - 0/0 is 0: an empty system output scores P = R = F1 = 0, with the counts shown beside it.

export interface Span {
  start: number;
  end: number;
}

export interface DocSpan extends Span {
  /** The document the span belongs to. */
  doc: string;
}

export interface Mention extends DocSpan {
  type: string;
}

export interface Counts {
  gold: number;
  sys: number;
  tp: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export type MatchMode = 'exact' | 'overlap';

export function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

export function f1Of(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Precision, recall and F1 from counts (tp is the number of one-to-one matches). */
export function prf(c: Counts): PRF {
  const p = ratio(c.tp, c.sys);
  const r = ratio(c.tp, c.gold);
  return { p, r, f1: f1Of(p, r) };
}

export function addCounts(...cs: Counts[]): Counts {
  return cs.reduce((a, c) => ({ gold: a.gold + c.gold, sys: a.sys + c.sys, tp: a.tp + c.tp }), { gold: 0, sys: 0, tp: 0 });
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function groupByDoc<T extends DocSpan>(items: readonly T[]): Map<string, number[]> {
  const byDoc = new Map<string, number[]>();
  items.forEach((m, i) => {
    const list = byDoc.get(m.doc);
    if (list) list.push(i);
    else byDoc.set(m.doc, [i]);
  });
  return byDoc;
}

/**
 * One-to-one matching of gold and system spans. Returns pairs of indices [gold, sys].
 * `sameType` compares a `type` field when both sides carry one.
 */
export function matchSpans<G extends DocSpan, S extends DocSpan>(
  gold: readonly G[],
  sys: readonly S[],
  mode: MatchMode,
  sameType: (g: G, s: S) => boolean = () => true,
): Array<[number, number]> {
  const goldByDoc = groupByDoc(gold);
  const sysByDoc = groupByDoc(sys);
  const pairs: Array<[number, number]> = [];
  for (const [doc, gIdx] of goldByDoc) {
    const sIdx = sysByDoc.get(doc);
    if (!sIdx) continue;
    const candidates: Array<{ g: number; s: number; exact: boolean; overlap: number }> = [];
    for (const g of gIdx) {
      for (const s of sIdx) {
        const a = gold[g];
        const b = sys[s];
        const exact = a.start === b.start && a.end === b.end;
        if (mode === 'exact' ? !exact : !overlaps(a, b)) continue;
        if (!sameType(a, b)) continue;
        candidates.push({ g, s, exact, overlap: overlapLength(a, b) });
      }
    }
    candidates.sort((x, y) => Number(y.exact) - Number(x.exact) || y.overlap - x.overlap || gold[x.g].start - gold[y.g].start || sys[x.s].start - sys[y.s].start || x.g - y.g || x.s - y.s);
    const usedG = new Set<number>();
    const usedS = new Set<number>();
    for (const c of candidates) {
      if (usedG.has(c.g) || usedS.has(c.s)) continue;
      usedG.add(c.g);
      usedS.add(c.s);
      pairs.push([c.g, c.s]);
    }
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

export interface SpanScore<G extends DocSpan, S extends DocSpan> {
  counts: Counts;
  /** Matched pairs [gold, sys] (indices into the inputs). */
  matches: Array<[number, number]>;
  /** Gold mentions with no match (false negatives). */
  missed: G[];
  /** System mentions with no match that count as false positives. */
  spurious: S[];
  /** System mentions dropped as neutral (overlapping only neutral gold regions). */
  neutral: S[];
}

export interface SpanScoreOptions {
  mode: MatchMode;
  /** Compare `type` fields (typed mentions). Default true when both sides have a type. */
  typed?: boolean;
  /** Annotated but unscored gold regions; see the conventions at the top. */
  neutral?: readonly DocSpan[];
}

function typeOf(x: DocSpan): string | undefined {
  return (x as Partial<Mention>).type;
}

/** Span P/R/F1 with one-to-one matching and neutral regions. */
export function scoreSpans<G extends DocSpan, S extends DocSpan>(gold: readonly G[], sys: readonly S[], options: SpanScoreOptions): SpanScore<G, S> {
  const typed = options.typed ?? true;
  const sameType = (g: G, s: S) => !typed || typeOf(g) === typeOf(s);
  const matches = matchSpans(gold, sys, options.mode, sameType);
  const matchedG = new Set(matches.map(([g]) => g));
  const matchedS = new Set(matches.map(([, s]) => s));
  const neutralByDoc = new Map<string, DocSpan[]>();
  for (const n of options.neutral ?? []) {
    const list = neutralByDoc.get(n.doc);
    if (list) list.push(n);
    else neutralByDoc.set(n.doc, [n]);
  }
  const goldByDoc = new Map<string, G[]>();
  for (const g of gold) {
    const list = goldByDoc.get(g.doc);
    if (list) list.push(g);
    else goldByDoc.set(g.doc, [g]);
  }
  const spurious: S[] = [];
  const neutral: S[] = [];
  sys.forEach((s, i) => {
    if (matchedS.has(i)) return;
    const touchesScored = (goldByDoc.get(s.doc) ?? []).some((g) => overlaps(g, s));
    const touchesNeutral = (neutralByDoc.get(s.doc) ?? []).some((n) => overlaps(n, s));
    if (!touchesScored && touchesNeutral) neutral.push(s);
    else spurious.push(s);
  });
  const missed = gold.filter((_, i) => !matchedG.has(i));
  return { counts: { gold: gold.length, sys: sys.length - neutral.length, tp: matches.length }, matches, missed, spurious, neutral };
}

export interface TypedScore {
  /** Counts per listed type, in the order given. */
  byType: Array<{ type: string; counts: Counts }>;
  /** Micro-average over the listed types (summed counts). */
  micro: Counts;
}

/**
 * Per-type breakdown of a typed span score: a gold mention counts under its type, a non-neutral
 * system mention under its type, a match under its (shared) type.
 */
export function breakdownByType<G extends Mention, S extends Mention>(gold: readonly G[], score: SpanScore<G, S>, sys: readonly S[], types: readonly string[]): TypedScore {
  const neutral = new Set<S>(score.neutral);
  const byType = types.map((type) => ({
    type,
    counts: {
      gold: gold.filter((g) => g.type === type).length,
      sys: sys.filter((s) => s.type === type && !neutral.has(s)).length,
      tp: score.matches.filter(([g]) => gold[g].type === type).length,
    },
  }));
  return { byType, micro: addCounts(...byType.map((b) => b.counts)) };
}

// ---------------------------------------------------------------- TIMEX (TempEval-3 style)

export interface Timex extends DocSpan {
  type?: string;
  value: string | null;
}

export interface TimexScore {
  /** Relaxed span match (overlap), one-to-one. */
  relaxed: Counts;
  /** Strict span match (same extent). */
  strict: Counts;
  /** Relaxed matches whose value strings are identical (null never equals anything). */
  valueCorrect: number;
  /** valueCorrect / relaxed.tp. */
  valueAccuracy: number;
  /** valueAccuracy × relaxed F1 (TempEval-3's attribute F1). */
  valueF1: number;
  /** Relaxed matches with the same TIMEX3 type. */
  typeCorrect: number;
  typeAccuracy: number;
  typeF1: number;
  relaxedScore: SpanScore<Timex, Timex>;
  /** Relaxed matches with different values: [gold, sys]. */
  wrongValues: Array<[Timex, Timex]>;
}

export type ValueEquals = (gold: string | null, sys: string | null) => boolean;

export const identicalValue: ValueEquals = (g, s) => g !== null && s !== null && g === s;

/**
 * TempEval-3: relaxed = overlap, strict = same extent; value accuracy over relaxed matches;
 * value F1 = value accuracy × relaxed F1. Types do not gate span matching.
 */
export function scoreTimex(gold: readonly Timex[], sys: readonly Timex[], neutral: readonly DocSpan[] = [], valueEquals: ValueEquals = identicalValue): TimexScore {
  const relaxedScore = scoreSpans(gold, sys, { mode: 'overlap', typed: false, neutral });
  const strictScore = scoreSpans(gold, sys, { mode: 'exact', typed: false, neutral });
  const relaxedF1 = prf(relaxedScore.counts).f1;
  let valueCorrect = 0;
  let typeCorrect = 0;
  const wrongValues: Array<[Timex, Timex]> = [];
  for (const [g, s] of relaxedScore.matches) {
    if (valueEquals(gold[g].value, sys[s].value)) valueCorrect++;
    else wrongValues.push([gold[g], sys[s]]);
    if (gold[g].type !== undefined && gold[g].type === sys[s].type) typeCorrect++;
  }
  const valueAccuracy = ratio(valueCorrect, relaxedScore.matches.length);
  const typeAccuracy = ratio(typeCorrect, relaxedScore.matches.length);
  return {
    relaxed: relaxedScore.counts,
    strict: strictScore.counts,
    valueCorrect,
    valueAccuracy,
    valueF1: valueAccuracy * relaxedF1,
    typeCorrect,
    typeAccuracy,
    typeF1: typeAccuracy * relaxedF1,
    relaxedScore,
    wrongValues,
  };
}

// ---------------------------------------------------------------- B-cubed

/** One mention with its gold cluster and its system cluster. */
export interface LinkItem {
  gold: string;
  sys: string;
}

export interface BCubed extends PRF {
  /** Mentions scored. */
  n: number;
  /** Sums of the per-mention precision and recall (for pooling several sets: micro). */
  pSum: number;
  rSum: number;
}

/**
 * B-cubed (Bagga & Baldwin 1998) over one common set of mentions: for each mention,
 * P = |G ∩ S| / |S| and R = |G ∩ S| / |G|, where G and S are the gold and system clusters
 * containing it (restricted to the scored mentions); P and R are the means over mentions.
 * Which mentions make up the set (and what happens to unmatched ones) is the caller's
 * convention; the harness scores the mentions found by both sides (see run.ts).
 */
export function bcubed(items: readonly LinkItem[]): BCubed {
  const goldSize = new Map<string, number>();
  const sysSize = new Map<string, number>();
  const both = new Map<string, number>();
  for (const it of items) {
    goldSize.set(it.gold, (goldSize.get(it.gold) ?? 0) + 1);
    sysSize.set(it.sys, (sysSize.get(it.sys) ?? 0) + 1);
    const key = JSON.stringify([it.gold, it.sys]);
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let pSum = 0;
  let rSum = 0;
  for (const it of items) {
    const common = both.get(JSON.stringify([it.gold, it.sys]))!;
    pSum += common / sysSize.get(it.sys)!;
    rSum += common / goldSize.get(it.gold)!;
  }
  return fromSums(items.length, pSum, rSum);
}

function fromSums(n: number, pSum: number, rSum: number): BCubed {
  const p = ratio(pSum, n);
  const r = ratio(rSum, n);
  return { n, pSum, rSum, p, r, f1: f1Of(p, r) };
}

/** Micro-average of B-cubed scores over disjoint mention sets (e.g. topics): pooled per mention. */
export function poolBCubed(parts: readonly BCubed[]): BCubed {
  return fromSums(
    parts.reduce((a, b) => a + b.n, 0),
    parts.reduce((a, b) => a + b.pSum, 0),
    parts.reduce((a, b) => a + b.rSum, 0),
  );
}

/**
 * Link items for the mentions found by both sides: each matched pair [gold, sys] gives one item
 * with the gold mention's cluster and the system mention's cluster. Pairs where either side has
 * no cluster id (null) are left out.
 */
export function linkItemsFromMatches<G, S>(
  matches: ReadonlyArray<[number, number]>,
  gold: readonly G[],
  sys: readonly S[],
  goldCluster: (g: G) => string | null,
  sysCluster: (s: S) => string | null,
): LinkItem[] {
  const items: LinkItem[] = [];
  for (const [g, s] of matches) {
    const gc = goldCluster(gold[g]);
    const sc = sysCluster(sys[s]);
    if (gc !== null && sc !== null) items.push({ gold: gc, sys: sc });
  }
  return items;
}
