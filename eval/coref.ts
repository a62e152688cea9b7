// Coreference scores with predicted mentions, as the CoNLL-2011/2012 reference scorer (v8) defines
// them: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998) and CEAF-e (Luo 2005, φ4), and their
// mean, the CoNLL F1. Pure functions, no IO.
//
// A mention is named by a string; the key (gold) and the response (system) each put their mentions
// into clusters. A mention only one side has ("twinless": missed, or spurious) is handled as the
// reference scorer does: in MUC it is a part of its own when a cluster is split by the other side;
// in B³ it shares nothing with the other side; in CEAF-e it only makes its cluster larger. Singleton
// clusters count in B³ and CEAF-e and, having no links, not in MUC.
import { f1Of, ratio, type PRF } from './metrics.js';

/** Mention → its cluster, on one side. */
export type Clustering = ReadonlyMap<string, string>;

export interface CorefScores {
  muc: PRF;
  bcubed: PRF;
  ceafe: PRF;
  /** The mean of the three F1s. */
  conll: number;
}

export function corefScores(key: Clustering, response: Clustering): CorefScores {
  const k = clustersOf(key);
  const r = clustersOf(response);
  const muc = prfOf(mucRecall(k, response), mucRecall(r, key));
  const bcubed = prfOf(bcubedRecall(k, response), bcubedRecall(r, key));
  const ceafe = ceafE(k, r);
  return { muc, bcubed, ceafe, conll: (muc.f1 + bcubed.f1 + ceafe.f1) / 3 };
}

const prfOf = ([num, den]: [number, number], [pNum, pDen]: [number, number]): PRF => {
  const r = ratio(num, den);
  const p = ratio(pNum, pDen);
  return { p, r, f1: f1Of(p, r) };
};

function clustersOf(clustering: Clustering): string[][] {
  const byId = new Map<string, string[]>();
  for (const [mention, cluster] of clustering) {
    const members = byId.get(cluster);
    if (members) members.push(mention);
    else byId.set(cluster, [mention]);
  }
  return [...byId.values()];
}

/**
 * MUC recall of `clusters` against `other` (precision: the sides swapped), as [numerator,
 * denominator]: Σ (|K| − |p(K)|) / Σ (|K| − 1), where p(K) cuts K by the other side's clusters and a
 * mention the other side lacks is a part of its own.
 */
function mucRecall(clusters: readonly string[][], other: Clustering): [number, number] {
  let num = 0;
  let den = 0;
  for (const cluster of clusters) {
    const parts = new Set<string>();
    let alone = 0;
    for (const m of cluster) {
      const o = other.get(m);
      if (o === undefined) alone++;
      else parts.add(o);
    }
    num += cluster.length - (parts.size + alone);
    den += cluster.length - 1;
  }
  return [num, den];
}

/** B³ recall of `clusters` against `other` (precision: swapped): Σ_K Σ_R |K ∩ R|² / |K|, over Σ |K|. */
function bcubedRecall(clusters: readonly string[][], other: Clustering): [number, number] {
  let num = 0;
  let den = 0;
  for (const cluster of clusters) {
    const shared = new Map<string, number>();
    for (const m of cluster) {
      const o = other.get(m);
      if (o !== undefined) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    for (const n of shared.values()) num += (n * n) / cluster.length;
    den += cluster.length;
  }
  return [num, den];
}

/**
 * CEAF-e: the one-to-one alignment of key and response clusters that maximises the total φ4 =
 * 2|K ∩ R| / (|K| + |R|); recall = total / |key clusters|, precision = total / |response clusters|.
 * Only clusters that share a mention can gain from being aligned, so the alignment is solved for
 * each connected group of overlapping clusters apart (the same optimum, and small problems).
 */
function ceafE(key: readonly string[][], response: readonly string[][]): PRF {
  const responseOf = new Map<string, number>();
  response.forEach((cluster, j) => cluster.forEach((m) => responseOf.set(m, j)));
  // Overlaps: key cluster i → response cluster j → shared mentions.
  const overlaps = key.map((cluster) => {
    const shared = new Map<number, number>();
    for (const m of cluster) {
      const j = responseOf.get(m);
      if (j !== undefined) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    return shared;
  });
  const seenKey = new Set<number>();
  const keysOfResponse = new Map<number, number[]>();
  overlaps.forEach((shared, i) => shared.forEach((_, j) => keysOfResponse.set(j, [...(keysOfResponse.get(j) ?? []), i])));
  let total = 0;
  for (let start = 0; start < key.length; start++) {
    if (seenKey.has(start) || overlaps[start].size === 0) continue;
    // The connected group of key clusters (and their response clusters) around `start`.
    const keys: number[] = [];
    const responses = new Set<number>();
    const queue = [start];
    seenKey.add(start);
    while (queue.length > 0) {
      const i = queue.pop()!;
      keys.push(i);
      for (const j of overlaps[i].keys()) {
        if (responses.has(j)) continue;
        responses.add(j);
        for (const other of keysOfResponse.get(j)!) if (!seenKey.has(other)) (seenKey.add(other), queue.push(other));
      }
    }
    const cols = [...responses];
    const similarity = keys.map((i) => cols.map((j) => {
      const n = overlaps[i].get(j) ?? 0;
      return (2 * n) / (key[i].length + response[j].length);
    }));
    total += maxAssignment(similarity);
  }
  const r = ratio(total, key.length);
  const p = ratio(total, response.length);
  return { p, r, f1: f1Of(p, r) };
}

/**
 * The largest total of a one-to-one assignment of rows to columns (each used at most once) of a
 * matrix of non-negative weights: the Hungarian method (Kuhn–Munkres) on the square matrix padded
 * with zeros, minimising the negated weights, O(n³).
 */
export function maxAssignment(weights: readonly number[][]): number {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : Math.max(...weights.map((w) => w.length));
  const n = Math.max(rows, cols);
  if (n === 0) return 0;
  const cost = (i: number, j: number) => -(weights[i - 1]?.[j - 1] ?? 0);
  // Potentials u (rows), v (columns); p[j]: the row assigned to column j (1-based, 0 = none).
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) (minv[j] = cur, way[j] = j0);
        if (minv[j] < delta) (delta = minv[j], j1 = j);
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) (u[p[j]] += delta, v[j] -= delta);
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) if (p[j] !== 0) total -= cost(p[j], j);
  return total;
}
