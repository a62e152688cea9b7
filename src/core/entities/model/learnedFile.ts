// The learned weights as a plain, versioned file beside the annotation store: the shipped model's
// checksum they were learned over, how many decisions made them and which (`taught`, a fingerprint
// of the store's decisions: annotations/learning.ts), since when decisions teach, and per feature
// its deltas. It can always be made again from the store (annotations/learnFromStore.ts): one made
// over another model, from other decisions, or unreadable, is not used.
import { LABEL_COUNT } from './labels.js';
import { LearnedWeights } from './learn.js';

export const LEARNED_FORMAT = 'corpus-lens-learned/1';
export const LEARNED_PATH = '.corpus-lens/learned.json';

interface LearnedFile {
  format: typeof LEARNED_FORMAT;
  /** The shipped model's checksum, in hex. */
  model: string;
  decisions: number;
  /** Of those, how many typed a name as each type. */
  typed: Record<string, number>;
  /** The decisions learned from (count and hash), to tell a file the store has moved past. */
  taught: string;
  /** Decisions made at or before this ISO time teach nothing (the user asked to forget them); null: all teach. */
  since: string | null;
  /** Feature hash (decimal) → one delta per label. */
  rows: Record<string, number[]>;
}

export type LearnedStamp = Pick<LearnedFile, 'taught' | 'since'>;

const hex = (checksum: number) => checksum.toString(16).padStart(8, '0');

export function writeLearned(learned: LearnedWeights, modelChecksum: number, stamp: LearnedStamp = { taught: '', since: null }): string {
  const rows: Record<string, number[]> = {};
  for (const hash of [...learned.deltas.keys()].sort((a, b) => a - b)) rows[String(hash)] = Array.from(learned.deltas.get(hash)!);
  const typed = Object.fromEntries([...learned.typed].sort(([a], [b]) => (a < b ? -1 : 1)));
  const file: LearnedFile = { format: LEARNED_FORMAT, model: hex(modelChecksum), decisions: learned.decisions, typed, taught: stamp.taught, since: stamp.since, rows };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The learned weights of a file, or why it cannot be used (then they are learned again from the store). */
export function readLearned(text: string, modelChecksum: number): { learned: LearnedWeights; stamp: LearnedStamp } | { error: string } {
  let file: Partial<LearnedFile>;
  try {
    file = JSON.parse(text) as Partial<LearnedFile>;
  } catch (e) {
    return { error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (file === null || typeof file !== 'object' || file.format !== LEARNED_FORMAT) return { error: `not a ${LEARNED_FORMAT} file` };
  if (file.model !== hex(modelChecksum)) return { error: `learned over another model (${String(file.model)}, not ${hex(modelChecksum)})` };
  if (!Number.isInteger(file.decisions) || file.decisions! < 0 || file.rows === null || typeof file.rows !== 'object') return { error: 'no decisions count or rows' };
  if (typeof file.taught !== 'string' || !(file.since === null || typeof file.since === 'string')) return { error: 'no record of the decisions it was learned from' };
  const typed = file.typed;
  if (typed === null || typeof typed !== 'object' || !Object.values(typed).every((n) => Number.isInteger(n) && n >= 0)) return { error: 'no count of the decisions by type' };
  const learned = new LearnedWeights();
  learned.decisions = file.decisions!;
  for (const [type, count] of Object.entries(typed)) learned.typed.set(type, count);
  for (const [key, row] of Object.entries(file.rows)) {
    const hash = Number(key);
    if (!Number.isInteger(hash) || hash < 0 || hash > 0xffffffff) return { error: `row "${key}" is not a feature` };
    if (!Array.isArray(row) || row.length !== LABEL_COUNT || !row.every((x) => typeof x === 'number' && Number.isFinite(x))) return { error: `row "${key}" is not ${LABEL_COUNT} numbers` };
    learned.deltas.set(hash, Float64Array.from(row));
  }
  return { learned, stamp: { taught: file.taught, since: file.since } };
}
