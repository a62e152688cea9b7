// A learned pairwise scorer for joining an undated event to another event of a different document
// (storyJoin.ts): whether they tell one happening, from what the rules read too (same word,
// compatible kind, shared people and organisations, roles that contradict) and the wording of the
// sentences that tell them (content words and numbers in common). The weights are data (joinWeights.ts, written by
// `npm run train:joins` from ECB+ topics 1–25); their checksum is checked before they are used.
import type { Entity } from '../entities/link.js';
import type { CorpusEvent } from './join.js';
import { JOIN_WEIGHTS } from './joinWeights.js';

/** The features, in the order of the weights. */
export const FEATURES = [
  'bias', 'same kind', 'same title word', 'a shared word', 'same trigger', 'shares a person or organisation', 'people and organisations shared (of 3)',
  'any participant shared', 'each names someone the other does not', 'neither names anyone', 'one names no one', 'doers differ', 'places differ', 'same place',
  'one is dated', 'wording alike (Jaccard)', 'words shared (of 6)', 'a number shared',
] as const;

export interface JoinModel {
  version: number;
  /** What it was trained on, and how. */
  trainedOn: string;
  features: readonly string[];
  weights: readonly number[];
  /** Joined when the probability is at least this. */
  threshold: number;
  /** FNV-1a (32 bits, hex) of `canonical(model)`: what was written is what is read. */
  checksum: string;
}

/** Participants too general to tie two reports together on their own. */
const WEAK_TYPES = new Set(['NORP', 'PLACE']);

/** What a pair is scored by, read once per event. */
export interface EventSketch {
  kind: string;
  lemma: string;
  /** Each once (few per event: arrays beat sets here). */
  lemmas: string[];
  triggers: string[];
  strong: string[];
  all: string[];
  agent: string[];
  place: string | null;
  dated: boolean;
  /** The content words and numbers of the sentences that tell it. */
  words: Set<string>;
}

export function sketch(e: CorpusEvent, entities: Map<string, Entity>): EventSketch {
  const all = e.place && !e.participants.includes(e.place) ? [...e.participants, e.place] : e.participants;
  return {
    kind: e.kind, lemma: e.lemma,
    lemmas: [...new Set(e.mentions.map((m) => m.lemma))],
    triggers: [...new Set(e.mentions.map((m) => m.trigger.toLowerCase()))],
    strong: e.participants.filter((id) => !WEAK_TYPES.has(entities.get(id)?.type ?? '')),
    all, agent: e.roles.agent, place: e.place, dated: e.date !== null,
    words: new Set(e.mentions.flatMap((m) => m.words ?? [])),
  };
}

export function pairFeatures(a: EventSketch, b: EventSketch): number[] {
  const shared = (x: readonly string[], y: readonly string[]) => {
    let n = 0;
    for (const id of x) if (y.includes(id)) n++;
    return n;
  };
  const overlap = (x: readonly string[], y: readonly string[]) => x.some((w) => y.includes(w));
  const sharedStrong = shared(a.strong, b.strong);
  const conflict = a.strong.length > 0 && b.strong.length > 0 && a.strong.some((id) => !b.strong.includes(id)) && b.strong.some((id) => !a.strong.includes(id));
  const named = (s: EventSketch) => s.all.length > 0;
  let words = 0;
  let numbers = 0;
  for (const w of a.words) {
    if (!b.words.has(w)) continue;
    words++;
    if (w.charCodeAt(0) <= 57) numbers++;
  }
  const union = a.words.size + b.words.size - words;
  return [
    1,
    a.kind === b.kind ? 1 : 0,
    a.lemma === b.lemma ? 1 : 0,
    overlap(a.lemmas, b.lemmas) ? 1 : 0,
    overlap(a.triggers, b.triggers) ? 1 : 0,
    sharedStrong > 0 ? 1 : 0,
    Math.min(sharedStrong, 3) / 3,
    shared(a.all, b.all) > 0 ? 1 : 0,
    conflict ? 1 : 0,
    !named(a) && !named(b) ? 1 : 0,
    named(a) !== named(b) ? 1 : 0,
    a.agent.length > 0 && b.agent.length > 0 && shared(a.agent, b.agent) === 0 ? 1 : 0,
    a.place && b.place && a.place !== b.place ? 1 : 0,
    a.place && a.place === b.place ? 1 : 0,
    a.dated || b.dated ? 1 : 0,
    union > 0 ? words / union : 0,
    Math.min(words, 6) / 6,
    numbers > 0 ? 1 : 0,
  ];
}

/**
 * The rule the scorer works within: two reports that each name people or organisations, none of
 * them the same, tell two happenings (two meetings of one kind, with other people), whatever their
 * words. The pairs it rules out are neither scored nor learned from.
 */
export function contradicts(a: EventSketch, b: EventSketch): boolean {
  return a.strong.length > 0 && b.strong.length > 0 && !a.strong.some((id) => b.strong.includes(id));
}

export function probability(model: JoinModel, features: readonly number[]): number {
  let z = 0;
  for (let k = 0; k < features.length; k++) z += model.weights[k] * features[k];
  return 1 / (1 + Math.exp(-z));
}

/** The model's fields in a fixed order, as the checksum reads them. */
export function canonical(model: Omit<JoinModel, 'checksum'>): string {
  return JSON.stringify([model.version, model.trainedOn, model.features, model.weights, model.threshold]);
}

export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The shipped model, when its checksum and features hold (else null: no learned joins, as before it). */
export function shippedJoinModel(): JoinModel | null {
  const m = JOIN_WEIGHTS;
  if (m.weights.length !== FEATURES.length || m.features.join('|') !== FEATURES.join('|')) return null;
  return fnv1a(canonical(m)) === m.checksum ? m : null;
}

let current: JoinModel | null | undefined;

/** The model joins use: the shipped one unless set (null: none, as training reads the rules' events). */
export function joinModel(): JoinModel | null {
  if (current === undefined) current = shippedJoinModel();
  return current;
}

export function useJoinModel(model: JoinModel | null | undefined): void {
  current = model;
}
