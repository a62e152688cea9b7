// Which documents a change of the learned weights can reach. The learning features (learn.ts) are
// fired by a word (the token's own, or the word before or after it) or by the token's word cluster,
// and the model scores only the tokens of segments: a document none of whose segment tokens holds
// such a word or cluster, nor stands next to such a word, reads its names as before, and need not
// be analysed again.
import { clusterOf, type Clusters } from './model/clusterFile.js';
import { hashString } from './model/features.js';
import { findSegments } from './model/segments.js';
import { lowerOf, tokenize } from './tokenize.js';
import { spanKey, type Span } from '../types.js';

export type Fires = { word: string } | { cluster: number };

export class LearnedReach {
  /** What fires each learned feature. */
  private readonly fires = new Map<number, Fires>();

  record(hash: number, fires: Fires): void {
    if (!this.fires.has(hash)) this.fires.set(hash, fires);
  }

  /** The words and clusters that fire any of these features (a feature never recorded fires on every document). */
  of(hashes: Iterable<number>): Reach {
    const words = new Set<string>();
    const clusters = new Set<number>();
    let everywhere = false;
    for (const hash of hashes) {
      const fires = this.fires.get(hash);
      if (!fires) everywhere = true;
      else if ('word' in fires) words.add(fires.word);
      else clusters.add(fires.cluster);
    }
    return new Reach(words, clusters, everywhere);
  }
}

export class Reach {
  constructor(readonly words: ReadonlySet<string>, readonly clusters: ReadonlySet<number>, readonly everywhere = false) {}

  get empty(): boolean {
    return !this.everywhere && this.words.size === 0 && this.clusters.size === 0;
  }

  /** True when the change may alter the names the model reads in `text` (`clusters`: the model's word clusters). */
  reaches(text: string, clusters: Clusters | null): boolean {
    if (this.everywhere) return true;
    if (this.empty) return false;
    const { tokens } = tokenize(text);
    const has = (k: number) => k >= 0 && k < tokens.length && this.words.has(lowerOf(tokens[k]));
    for (const s of findSegments(tokens)) {
      for (let k = s.first; k < s.last; k++) {
        if (has(k - 1) || has(k) || has(k + 1)) return true;
        if (this.clusters.size > 0 && this.clusters.has(clusters ? clusterOf(clusters, hashString(lowerOf(tokens[k])))[0] : 0)) return true;
      }
    }
    return false;
  }
}

/** How two readings of a document differ: the names come or typed otherwise (as `spanKey`s), and how many are gone. */
export interface LabelChanges {
  changed: Set<string>;
  gone: number;
}

/** The names that differ between two readings of a document; each counts once (`changed.size + gone`). */
export function labelChanges(before: ReadonlyArray<Span & { type: string }>, after: ReadonlyArray<Span & { type: string }>): LabelChanges {
  const was = new Map(before.map((m) => [spanKey(m), m.type]));
  const now = new Set<string>();
  const changed = new Set<string>();
  for (const m of after) {
    const key = spanKey(m);
    now.add(key);
    if (was.get(key) !== m.type) changed.add(key);
  }
  let gone = 0;
  for (const key of was.keys()) if (!now.has(key)) gone++;
  return { changed, gone };
}

/** Whether two readings of a document give the same names, typed alike, with the same confidence. */
export function sameNames(before: ReadonlyArray<Span & { type: string; confidence?: number }>, after: ReadonlyArray<Span & { type: string; confidence?: number }>): boolean {
  return before.length === after.length && before.every((m, i) => m.start === after[i].start && m.end === after[i].end && m.type === after[i].type && m.confidence === after[i].confidence);
}
