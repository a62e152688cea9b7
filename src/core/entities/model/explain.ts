// Why the model gave a name its type: the features that pushed its tokens most toward the labels
// they got rather than the runner-up, said in words ("after the title *Minister*", "followed by
// *said*"). Computed on demand for one hover, never during analysis.
import { passagesOf, readPassage } from '../modelReading.js';
import { MAX_FEATURES, T, tokenFeatures, type FeatureNames } from './features.js';
import { label, LABEL_COUNT as L, TYPES } from './labels.js';
import type { EntityType } from '../recognize.js';
import type { NameModel } from './tagger.js';
import type { Span } from '../../types.js';

export interface Reason {
  /** What the evidence is, in words: "after", "followed by", "written in capitals". */
  say: string;
  /** The word it is about, if any: quoted in the card. */
  word?: string;
}

/** Lexicon bits, in the order recognize.ts numbers them, in words. */
const LEXICON = [
  'an ordinary English word', 'a name the lexicon knows', 'a place the lexicon knows', 'a nationality word', 'a known organisation name',
  'a month or weekday', 'a title', 'a qualifier of titles', 'a title that is also a name', 'a given name', 'an organisation head word',
  'a place head word', 'a head word of named things', 'an organisation prefix', 'a language', 'a function word', 'not a name',
];
const LINES = ['', 'an all-caps line', 'a title-case headline', 'a short line'];
const TYPE_WORDS = ['person', 'organisation', 'place', 'nationality or group', 'named thing'];
const USES = ['after a given name', 'before a number', 'with a possessive', 'alone', 'opening a longer name'];

/**
 * Up to `max` reasons for the model's reading of the name at `span`, or [] when it gave none there.
 * When the document's other mentions of the name overrode the model's type, that is the reason.
 */
export function explainName(text: string, span: Span & { type: EntityType }, model: NameModel, max = 3): Reason[] {
  const passage = passagesOf(text).find((p) => p.start <= span.start && span.end <= p.end);
  if (!passage) return [];
  const at = { start: span.start - passage.start, end: span.end - passage.start };
  const { tokenized, tagging } = readPassage(text, passage, model);
  const { tokens } = tokenized;
  const name = tagging.names.find((n) => tokens[n.first].start === at.start && tokens[n.last - 1].end === at.end);
  if (!name) return [];
  if (TYPES[name.type] !== span.type) return [{ say: `the document reads the same name as ${article(TYPE_WORDS[TYPES.indexOf(span.type)])} elsewhere` }];
  const segment = tagging.segments.find((s) => s.first <= name.first && name.last <= s.last)!;
  const totals = new Map<string, { reason: Reason; weight: number }>();
  const { table } = model;
  for (let k = name.first; k < name.last; k++) {
    // The label the token got, and its strongest rival, by the token's own evidence.
    const scores = new Float64Array(L);
    const hashes = new Uint32Array(MAX_FEATURES);
    const names: FeatureNames = { templates: [], values: [] };
    const count = tokenFeatures(tagging.view, segment, k, hashes, names);
    const found: Array<{ row: number; template: T; value: string }> = [];
    for (let f = 0; f < count; f++) {
      const row = table.row(hashes[f]);
      if (row < 0) continue;
      table.addRow(row, scores);
      found.push({ row, template: names.templates[f], value: names.values[f] });
    }
    const chosen = label(name.type, name.last - name.first === 1 ? 3 : k === name.first ? 0 : k === name.last - 1 ? 2 : 1);
    let rival = -1;
    for (let l = 0; l < L; l++) if (l !== chosen && (rival < 0 || scores[l] > scores[rival])) rival = l;
    for (const f of found) {
      const reason = describe(f.template, f.value, tokens[k].text, name.type);
      if (!reason) continue;
      const weight = table.weight(f.row, chosen) - table.weight(f.row, rival);
      const key = `${reason.say}|${reason.word ?? ''}`;
      const total = totals.get(key);
      if (total) total.weight += weight;
      else totals.set(key, { reason, weight });
    }
  }
  return [...totals.values()].filter((t) => t.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, max).map((t) => t.reason);
}

/** Words too common to be evidence two words away. */
const SMALL_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'is', 'was', 'that', 'it', 'its']);

/** A word a reader can follow as evidence: letters, not punctuation or the sentence edge. */
const WORDLIKE = /^\p{L}[\p{L}\p{M}'’.-]*( \p{L}[\p{L}\p{M}'’.-]*)?$/u;

function describe(template: T, value: string, word: string, type: number): Reason | null {
  const context = template === T.Prev1 || template === T.Next1 || template === T.Prev2 || template === T.Next2 || template === T.PrevCur || template === T.CurNext;
  if (context && !WORDLIKE.test(value)) return template === T.Prev1 && value === '<s>' ? { say: 'at the start of a sentence' } : null;
  switch (template) {
    case T.Form:
    case T.Lower:
      return word[0] === word[0].toLowerCase() ? null : { say: 'learned from the word itself', word };
    case T.Prev1:
      return { say: 'after', word: value };
    case T.Next1:
      return { say: 'followed by', word: value };
    case T.Prev2:
      return SMALL_WORDS.has(value) ? null : { say: 'two words after', word: value };
    case T.Next2:
      return SMALL_WORDS.has(value) ? null : { say: 'two words before', word: value };
    case T.PrevCur:
    case T.CurNext:
      return { say: 'in the phrase', word: value };
    case T.Suffix3:
    case T.Suffix4:
      return word[0] === word[0].toLowerCase() ? null : { say: 'ending in', word: `-${value}` };
    case T.Lex:
      return { say: `${LEXICON[Number(value)] ?? 'in the lexicon'}`, word };
    case T.LexPrev:
      return Number(value) === 6 || Number(value) === 7 ? { say: 'after a title' } : Number(value) === 9 ? { say: 'after a given name' } : null;
    case T.LexNext:
      return Number(value) === 10 ? { say: 'before an organisation head word' } : Number(value) === 11 ? { say: 'before a place head word' } : null;
    case T.Line:
      return value === 'text' ? null : { say: `in ${LINES[['text', 'upper', 'title', 'short'].indexOf(value)]}` };
    case T.Rule:
      return value === 'O' ? null : { say: `the rules read it as part of ${ruleWords(value)}` };
    case T.DocLower:
      return { say: 'written in lower case elsewhere in the document' };
    case T.DocCapitalised:
      return { say: 'capitalised inside sentences elsewhere in the document' };
    case T.DocRule:
      return TYPES.indexOf(value as EntityType) === type ? { say: `read as ${article(TYPE_WORDS[type])} elsewhere in the document` } : null;
    case T.DocUse:
      return USES.includes(value) ? { say: `written ${value} elsewhere in the document` } : null;
    case T.SegmentHead:
      return value === word.toLowerCase() ? null : { say: 'in a name ending in', word: value };
    default:
      return null;
  }
}

function article(words: string): string {
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

function ruleWords(label: string): string {
  const type = label.slice(2);
  return `${['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'].includes(type) ? `a${type === 'ORG' ? 'n' : ''} ${TYPE_WORDS[['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'].indexOf(type)]}` : 'a name'}`;
}
