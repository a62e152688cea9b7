// CoNLL-2003 columns: one token a line, `TOKEN POS CHUNK NE` separated by single spaces, a blank
// line after each sentence, `-DOCSTART- -X- -X- O` and a blank line before each document. We have
// no part-of-speech or chunk tags: both columns are `-X-`. Names are tagged BIO (IOB2: every name
// begins with B-), with CoNLL's four types: PERSON → PER, ORG → ORG, PLACE → LOC, NORP and MISC → MISC.
// Temporal expressions are not CoNLL-2003 names and are not tagged.
//
// Tokens are the recogniser's (src/core/entities/tokenize.ts), with two changes so that every
// character of the text is in some token and every name is whole tokens: what the tokenizer folds
// into a word (the possessive "’s") is a token of its own, and a token is cut where a name starts
// or ends inside it.
import { tokenize } from '../entities/tokenize.js';
import type { CorpusExport } from './exportJson.js';
import type { DocumentTexts, ExportedMention, FormatProblem, SourcedExport } from './types.js';
import { documentsWithText } from './types.js';

export const CONLL_TYPES: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', NORP: 'MISC', MISC: 'MISC' };

export const DOCSTART = '-DOCSTART- -X- -X- O';

export interface ConllToken {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** O, B-PER, I-PER, … */
  tag: string;
}

/** The tokens of one text, grouped into sentences, tagged with the given mentions. */
export function conllTokens(text: string, mentions: ReadonlyArray<Pick<ExportedMention, 'start' | 'end' | 'type'>>): ConllToken[][] {
  const { tokens } = tokenize(text);
  // Every non-space run between the tokenizer's tokens becomes a token of the sentence before it.
  const pieces: Array<{ start: number; end: number; sentence: number }> = [];
  let last = 0;
  const fill = (from: number, to: number, sentence: number) => {
    const gap = /\S+/g;
    const slice = text.slice(from, to);
    for (let m = gap.exec(slice); m; m = gap.exec(slice)) pieces.push({ start: from + m.index, end: from + m.index + m[0].length, sentence });
  };
  tokens.forEach((t, i) => {
    fill(last, t.start, i > 0 ? tokens[i - 1].sentence : t.sentence);
    pieces.push({ start: t.start, end: t.end, sentence: t.sentence });
    last = t.end;
  });
  fill(last, text.length, tokens.length ? tokens[tokens.length - 1].sentence : 0);
  const names = [...mentions]
    .filter((m) => m.start < m.end && m.start >= 0 && m.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((m, k, all) => k === 0 || m.start >= all[k - 1].end);
  // Cut tokens where a name starts or ends inside them.
  const cuts = [...new Set(names.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const cut: Array<{ start: number; end: number; sentence: number }> = [];
  let c = 0;
  for (const p of pieces) {
    while (c < cuts.length && cuts[c] <= p.start) c++;
    let from = p.start;
    for (let k = c; k < cuts.length && cuts[k] < p.end; k++) {
      cut.push({ start: from, end: cuts[k], sentence: p.sentence });
      from = cuts[k];
    }
    cut.push({ start: from, end: p.end, sentence: p.sentence });
  }
  const sentences: ConllToken[][] = [];
  let n = 0;
  let previousName = -1;
  let previousSentence = -1;
  for (const t of cut) {
    while (n < names.length && names[n].end <= t.start) n++;
    const inside = n < names.length && names[n].start <= t.start && t.end <= names[n].end ? n : -1;
    const type = inside >= 0 ? CONLL_TYPES[names[inside].type] ?? 'MISC' : null;
    const continues = inside >= 0 && inside === previousName;
    const tag = type === null ? 'O' : `${continues ? 'I' : 'B'}-${type}`;
    previousName = inside;
    // A new sentence starts with its first token, but never inside a name ("U.S. Army").
    if (sentences.length === 0 || (t.sentence !== previousSentence && !continues)) sentences.push([]);
    previousSentence = t.sentence;
    sentences[sentences.length - 1].push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), sentence: t.sentence, tag });
  }
  return sentences.filter((s) => s.length > 0);
}

export function toConll(exp: CorpusExport | SourcedExport, texts: DocumentTexts): { text: string; problems: FormatProblem[] } {
  const out: string[] = [];
  const problems: FormatProblem[] = [];
  for (const [doc, text] of documentsWithText(exp.documents, texts, problems)) {
    out.push(DOCSTART, '');
    for (const sentence of conllTokens(text, doc.entities)) {
      for (const t of sentence) out.push(`${t.text} -X- -X- ${t.tag}`);
      out.push('');
    }
  }
  return { text: out.length ? `${out.join('\n')}\n` : '', problems };
}
