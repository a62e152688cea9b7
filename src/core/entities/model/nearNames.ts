// The names the model nearly read: segments it labelled outside any name, with the best reading of
// the whole segment as one name and how far below the model's own reading it stands. The Review
// view asks about the closest of these beside the names the model is least sure of.
import type { Span } from '../../types.js';
import type { PossibleName } from '../possibleNames.js';
import type { Token } from '../tokenize.js';
import { viterbi } from './decode.js';
import { label, LABEL_COUNT, TYPES } from './labels.js';
import { scoreSegment, type NameModel, type Tagging, type TaggedName } from './tagger.js';

const L = LABEL_COUNT;

/** Past this confidence that a span is no name, it is not offered for review. */
export const REVIEW_DOUBT = 0.9;

/**
 * For each segment holding no name of the model's: the segment read as one name of its likeliest
 * type, with `confidence` how sure the model is that it is not one (in (0.5, 1) when it said so by
 * a margin, as a name's confidence is).
 */
export function nearNames(tagging: Tagging, model: NameModel): TaggedName[] {
  const out: TaggedName[] = [];
  const { table } = model;
  const t = table.transitions64;
  let n = 0;
  for (const s of tagging.segments) {
    while (n < tagging.names.length && tagging.names[n].last <= s.first) n++;
    if (n < tagging.names.length && tagging.names[n].first < s.last) continue;
    const size = s.last - s.first;
    const emissions = new Float64Array(size * L);
    scoreSegment(tagging.view, s, table, emissions);
    const best = viterbi(emissions, size, t, new Uint8Array(size));
    let named = -Infinity;
    let type = 0;
    for (let y = 0; y < TYPES.length; y++) {
      const score = pathScore(emissions, size, t, y);
      if (score > named) {
        named = score;
        type = y;
      }
    }
    out.push({ first: s.first, last: s.last, type, confidence: 1 / (1 + Math.exp(-(best - named) / model.temperature)) });
  }
  return out;
}

/**
 * The near names worth reviewing, as spans (the tokens' offsets plus `offset`): those the model is
 * at most REVIEW_DOUBT sure are none, where no name of `names` (in the same offsets) stands. What
 * the analysis records (decide.ts) and the eval's simulated user reviews (possibleNames.ts).
 */
export function reviewableNearNames(tokens: readonly Token[], tagging: Tagging, model: NameModel, names: readonly Span[], offset = 0): PossibleName[] {
  const out: PossibleName[] = [];
  for (const n of nearNames(tagging, model)) {
    if (n.confidence > REVIEW_DOUBT) continue;
    const start = offset + tokens[n.first].start;
    const end = offset + tokens[n.last - 1].end;
    if (names.some((m) => m.start < end && start < m.end)) continue;
    out.push({ start, end, type: TYPES[n.type], confidence: n.confidence });
  }
  return out;
}

/** The score of the segment's tokens as one name of type y (U, or B I… L), O before and after. */
function pathScore(emissions: Float64Array, n: number, t: ArrayLike<number>, y: number): number {
  const O = 0;
  if (n === 1) return t[O * L + label(y, 3)] + emissions[label(y, 3)] + t[label(y, 3) * L + O];
  let score = t[O * L + label(y, 0)] + emissions[label(y, 0)];
  let previous = label(y, 0);
  for (let k = 1; k < n; k++) {
    const l = label(y, k === n - 1 ? 2 : 1);
    score += t[previous * L + l] + emissions[k * L + l];
    previous = l;
  }
  return score + t[previous * L + O];
}
