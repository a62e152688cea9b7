// A workspace's learned weights kept equal to what its store teaches (learnFromStore.ts), cheaply:
// a decision newer than every one learned is learned at once on top (milliseconds); any other
// change of the decisions (one taken back or replaced, the store changed behind the editor) learns
// them all again from the shipped weights. Either way the weights are the store's replay, so the
// editor and `corpus-lens export` read names alike. Says which features changed, for the documents
// they reach (entities/learnedReach.ts).
import { LearnedReach } from '../entities/learnedReach.js';
import { hashString } from '../entities/model/features.js';
import { LearnedWeights } from '../entities/model/learn.js';
import { readLearned, type LearnedStamp } from '../entities/model/learnedFile.js';
import type { NameModel } from '../entities/model/index.js';
import { learnDecisions, teachingDecisions, type TeachingDecision } from './learnFromStore.js';
import type { Annotation } from './store.js';

const keyOf = (a: TeachingDecision) => `${a.id}:${a.kind === 'entity' ? a.type : '-'}`;

/** Names a list of decisions in a few characters: how many, and a hash of their ids and types in order. */
function fingerprint(keys: readonly string[]): string {
  return `${keys.length}:${hashString(keys.join('\n')).toString(16)}`;
}

export interface LearningChange {
  /** The features whose learned deltas changed. */
  changed: number[];
  /** Learned again from the shipped weights, rather than on top. */
  rebuilt: boolean;
}

export class StoreLearning {
  learned = new LearnedWeights();
  readonly reach = new LearnedReach();
  /** The decisions learned, in the order learned. */
  private keys: string[] = [];
  /** Decisions made at or before this ISO time are forgotten (Forget What Was Learned). */
  private since: string | null = null;

  constructor(private readonly shipped: NameModel) {}

  get stamp(): LearnedStamp {
    return { taught: fingerprint(this.keys), since: this.since };
  }

  /** Takes weights read from the learned file when they were learned from the store's decisions as they are; false when stale. */
  adopt(learned: LearnedWeights, stamp: LearnedStamp, annotations: readonly Annotation[]): boolean {
    const keys = teachingDecisions(annotations, stamp.since).map(keyOf);
    if (fingerprint(keys) !== stamp.taught) return false;
    this.learned = learned;
    this.keys = keys;
    this.since = stamp.since;
    return true;
  }

  /** Brings the learned weights up to the store's decisions; null when they are already. */
  follow(annotations: readonly Annotation[], textOf: (document: string) => string | undefined): LearningChange | null {
    const steps = this.following(annotations, textOf);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * The same a decision at a time, for a host that yields between them (learning a whole store
   * again takes milliseconds per decision). Nothing changes until the last step: a run left
   * unfinished leaves the weights as they were.
   */
  *following(annotations: readonly Annotation[], textOf: (document: string) => string | undefined): Generator<void, LearningChange | null> {
    const decisions = teachingDecisions(annotations, this.since);
    const keys = decisions.map(keyOf);
    if (keys.length === this.keys.length && keys.every((k, i) => k === this.keys[i])) return null;
    const before = this.learned;
    const onTop = this.keys.length <= keys.length && this.keys.every((k, i) => k === keys[i]);
    const learned = onTop ? copyOf(before) : new LearnedWeights();
    for (const decision of onTop ? decisions.slice(this.keys.length) : decisions) {
      learnDecisions([decision], textOf, this.shipped, learned, this.reach);
      yield;
    }
    this.learned = learned;
    this.keys = keys;
    return { changed: changedFeatures(before, learned), rebuilt: !onTop };
  }

  /** Forgets every decision made until `now`: the weights are the shipped ones again, and only later decisions teach. */
  forget(now: string): LearningChange {
    const before = this.learned;
    this.learned = new LearnedWeights();
    this.keys = [];
    this.since = now;
    return { changed: changedFeatures(before, this.learned), rebuilt: true };
  }
}

function copyOf(learned: LearnedWeights): LearnedWeights {
  const copy = new LearnedWeights();
  copy.decisions = learned.decisions;
  for (const [type, count] of learned.typed) copy.typed.set(type, count);
  for (const [hash, row] of learned.deltas) copy.deltas.set(hash, Float64Array.from(row));
  return copy;
}

function changedFeatures(before: LearnedWeights, after: LearnedWeights): number[] {
  const changed: number[] = [];
  const differs = (a: Float64Array | undefined, b: Float64Array | undefined) => !a || !b || a.some((x, l) => x !== b[l]);
  for (const [hash, row] of after.deltas) if (differs(row, before.deltas.get(hash))) changed.push(hash);
  for (const hash of before.deltas.keys()) if (!after.deltas.has(hash)) changed.push(hash);
  return changed;
}

/**
 * The learning of a store at start: the learned file's weights (`file`, its text) when they were
 * learned over this model from the store's decisions as they are, else learned again from the store;
 * `why` says why the file was not used (null when it was).
 */
export function restoreLearning(shipped: NameModel, annotations: readonly Annotation[], textOf: (document: string) => string | undefined, file: string | undefined): { learning: StoreLearning; why: string | null } {
  const restored = adoptLearnedFile(shipped, annotations, file);
  if (restored.why !== null) restored.learning.follow(annotations, textOf);
  return restored;
}

/**
 * The same without learning anything: when the file does not fit the store, nothing is learned yet
 * (`why` says why), and following the store learns it all.
 */
export function adoptLearnedFile(shipped: NameModel, annotations: readonly Annotation[], file: string | undefined): { learning: StoreLearning; why: string | null } {
  const learning = new StoreLearning(shipped);
  const read = file === undefined ? { error: 'there is none' } : readLearned(file, shipped.checksum);
  if ('error' in read) return { learning, why: read.error };
  if (learning.adopt(read.learned, read.stamp, annotations)) return { learning, why: null };
  // The decisions the user asked to forget stay forgotten.
  learning.adopt(new LearnedWeights(), { taught: fingerprint([]), since: read.stamp.since }, []);
  return { learning, why: 'the decisions changed since it was written' };
}
