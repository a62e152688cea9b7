// A document's event mentions from mentions and dates other than its analysis's own (the user's
// decisions applied), found passage by passage as the analysis finds them (analyze.ts): a passage
// whose mentions and dates are the analysis's own keeps its reports, the others are read again, each
// alone. A decision in a long document costs the extraction of its passage (the whole text is still
// tokenized once), and gives what the analysis would have given with that decision.
import type { EntityMention } from '../entities/recognize.js';
import { tokenize, type Sentence } from '../entities/tokenize.js';
import { extractEvents, type EventMention, type TimexLike } from '../events/extract.js';
import type { Span } from '../types.js';
import { lastAtOrBefore } from './positions.js';

/** What eventsByPassage reads of the document's analysis. */
export interface AnalysedFindings {
  /** Absent from an analysis kept by an older version: the document is read whole. */
  passages?: Span[];
  entities: readonly EntityMention[];
  timex: readonly TimexLike[];
  events: EventMention[];
}

export function eventsByPassage(text: string, analysis: AnalysedFindings, mentions: EntityMention[], timex: TimexLike[]): EventMention[] {
  const { passages } = analysis;
  const { tokens, sentences } = tokenize(text);
  if (!passages || passages.length <= 1) return extractEvents(tokens, sentences, mentions, timex, text);
  const own = { entities: byPassage(passages, analysis.entities), timex: byPassage(passages, analysis.timex), events: byPassage(passages, analysis.events) };
  const given = { entities: byPassage(passages, mentions), timex: byPassage(passages, timex) };
  const out: EventMention[] = [];
  let s = 0;
  passages.forEach((passage, k) => {
    // Sentences never run across a line break, and passages are whole lines: each sentence is in one passage.
    const first = s;
    while (s < sentences.length && sentences[s].start < passage.end) s++;
    if (sameItems(given.entities[k], own.entities[k]) && sameItems(given.timex[k], own.timex[k])) {
      out.push(...own.events[k]);
      return;
    }
    // The passage's tokens alone, as the analysis read it (a word after its last sentence is not there).
    const t0 = first < s ? sentences[first].first : 0;
    const t1 = first < s ? sentences[s - 1].last : 0;
    const passageSentences: Sentence[] = sentences.slice(first, s).map((x) => ({ start: x.start, end: x.end, first: x.first - t0, last: x.last - t0 }));
    out.push(...extractEvents(tokens.slice(t0, t1), passageSentences, given.entities[k] as EntityMention[], given.timex[k] as TimexLike[], text, first));
  });
  return out;
}

/** Items by the passage they start in, in their order. */
function byPassage<T extends Span>(passages: Span[], items: readonly T[]): T[][] {
  const out: T[][] = passages.map(() => []);
  let k = 0;
  for (const item of items) {
    if (item.start < passages[k].start || (k + 1 < passages.length && passages[k + 1].start <= item.start)) k = lastAtOrBefore(passages.length, (j) => passages[j].start, item.start);
    out[k].push(item);
  }
  return out;
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}
