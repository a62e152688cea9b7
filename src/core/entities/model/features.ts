// What the model sees of a token in a segment: the word itself (form, lower case, shape, affixes,
// what the lexicon knows of it), its neighbours, where it stands (sentence start, headline, all-caps
// line, place in the segment), what the rules concluded, and what the rest of the document says of
// the same word. Each feature is a 32-bit hash of a template number and a value; `explain` gives
// the same features with words a reader can follow.
import { GIVEN, wordFacts } from '../wordFacts.js';
import type { Sentence, Token, Tokenized } from '../tokenize.js';
import { clusterOf, type Clusters } from './clusterFile.js';
import { LABEL_COUNT, labelName, O, TYPES } from './labels.js';
import { strong, type Segment } from './segments.js';

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one (a murmur3-style finaliser over their combination). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export const enum T {
  Bias, Form, Lower, Shape, Prefix3, Suffix2, Suffix3, Suffix4, Lex, Length,
  Prev1, Prev2, Next1, Next2, PrevCur, CurNext, ShapePrev, ShapeNext, ShapeWindow, LexPrev, LexNext,
  SentenceStart, Line, LineLower, Position, Rule, RuleShape, DocLower, DocCapitalised, DocRule, Possessive, Hyphen,
  SegmentHead, SegmentFirst, RuleLine, DocUse, Cluster, CoarseCluster, ClusterPrev, ClusterNext,
}

/** What is known of one written word, once per distinct text. */
export interface WordInfo {
  /** Unique among words and shapes, never reused: what the tagger's SlotCache keys (see tagger.ts). */
  id: number;
  text: string;
  lower: string;
  shape: string;
  form: number;
  lowerHash: number;
  shapeHash: number;
  prefix3: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  lex: number;
  allCaps: boolean;
  /** The word's clusters (see clusterFile.ts), 0 when the clusters do not list it. */
  fine: number;
  coarse: number;
  /** Where the tagger's sums of this word's features are, for the roles every token reads (see tagger.ts). */
  block: number;
  blockGeneration: number;
  /** The same, for the other roles that read the word itself. */
  sums: WordSums | null;
  /** The same, for the roles that read only the word's shape, shared by the words of one shape. */
  shapeSums: ShapeSums;
  /** What the document read last says of the word's lower-case form, shared by its spellings. */
  usage: LowerFormUsage;
}

/**
 * What one document says of a lower-case form ("kabul" of "Kabul" and "KABUL"): one object per
 * form, reset when a new document first meets it (`document`), so reading a document's evidence
 * asks no map keyed by strings.
 */
interface LowerFormUsage {
  lower: string;
  /** The document (readDocumentView's count) the fields below are about. */
  document: number;
  /** Written in lower case somewhere in it. */
  lowerSeen: boolean;
  /** Capitalised inside a sentence of running text. */
  capitalisedSeen: boolean;
  /** What the rules typed the word as, wherever it stood in a name (the last such), or -1. */
  ruleType: number;
  /** How the document uses the word (USE bits). */
  uses: number;
}

/** Where a word's summed weights per role are, in the tagger's arena of one generation (see tagger.ts). */
export interface WordSums {
  generation: number;
  /** Per role: 1 + the index of its row, or 0 when not summed yet. */
  at: Int32Array;
}

/** A shape's sums, and its id (as WordInfo.id: the shape window's key). */
export interface ShapeSums extends WordSums {
  id: number;
}

/** The last id given to a word or a shape: they start at 2 (see tagger.ts's PREV_CUR). */
let ids = 1;

function newShapeSums(): ShapeSums {
  return { generation: 0, at: new Int32Array(SHAPE_ROLES), id: ++ids };
}

const WORDS = new Map<string, WordInfo>();
/** One ShapeSums per shape ("Xx", "X.X."): few, so their rows stay near at hand. */
const SHAPES = new Map<string, ShapeSums>();
/**
 * The usage object of each lower-case form: every spelling's WordInfo shares it. Emptied only
 * between documents, with WORDS (see readDocumentView): two objects for one form within one
 * document would split its evidence.
 */
const FORMS = new Map<string, LowerFormUsage>();
let clusters: Clusters | null = null;

/** The word clusters features read (the model's own): a change forgets what was read of words. */
export function useClusters(c: Clusters | null): void {
  if (c === clusters) return;
  clusters = c;
  WORDS.clear();
  SHAPES.clear();
}

function usageOf(lower: string): LowerFormUsage {
  let u = FORMS.get(lower);
  if (!u) FORMS.set(lower, (u = { lower, document: 0, lowerSeen: false, capitalisedSeen: false, ruleType: -1, uses: 0 }));
  return u;
}

function shapeSumsOf(shape: string): ShapeSums {
  let s = SHAPES.get(shape);
  if (!s) SHAPES.set(shape, (s = newShapeSums()));
  return s;
}

/** How many roles read only a word's shape (see tagger.ts): the rules' label with it, and a sentence start. */
export const SHAPE_ROLES = LABEL_COUNT + 1;

function wordInfo(text: string): WordInfo {
  let w = WORDS.get(text);
  if (w) return w;
  const lower = text.toLowerCase();
  const shape = shapeOf(text);
  const lowerHash = hashString(lower);
  const [fine, coarse] = clusters ? clusterOf(clusters, lowerHash) : [0, 0];
  w = {
    id: ++ids, text, lower, shape, block: 0, blockGeneration: 0, sums: null, shapeSums: shapeSumsOf(shape),
    form: hashString(text), lowerHash, shapeHash: hashString(shape),
    prefix3: hashString(lower.slice(0, 3)), suffix2: hashString(lower.slice(-2)), suffix3: hashString(lower.slice(-3)), suffix4: hashString(lower.slice(-4)),
    lex: wordFacts(text), allCaps: text.length >= 2 && text === text.toUpperCase() && text !== lower, fine, coarse, usage: usageOf(lower),
  };
  // A bounded cache (the tagger keeps where its sums for each word are, too).
  if (WORDS.size >= 30_000) WORDS.clear();
  WORDS.set(text, w);
  return w;
}

/** "Kabul" → "Xx", "U.S." → "X.X.", "737" → "d", "al-Qaeda" → "x-Xx": runs of one class as one. */
export function shapeOf(s: string): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length && i < 24; i++) {
    const ch = s[i];
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const c = ch >= '0' && ch <= '9' ? 'd' : lower !== upper ? (ch === upper ? 'X' : 'x') : ch;
    if (c !== prev) out += c;
    prev = c;
  }
  return out;
}

// The same order of properties as wordInfo's: one shape of object for the tagger's reads.
export const SENTENCE_EDGE: WordInfo = {
  id: ++ids, text: '<s>', lower: '<s>', shape: '<s>', block: 0, blockGeneration: 0, sums: null, shapeSums: newShapeSums(), form: 1, lowerHash: hashString('<s>'), shapeHash: hashString('<s>'),
  prefix3: 0, suffix2: 0, suffix3: 0, suffix4: 0, lex: 0, allCaps: false, fine: 1 << 12, coarse: 1 << 12,
  usage: { lower: '<s>', document: 0, lowerSeen: false, capitalisedSeen: false, ruleType: -1, uses: 0 },
};
const LINE_KINDS = ['text', 'upper', 'title', 'short'] as const;

/** The document's own evidence, read once per document (or passage). */
export interface DocumentView {
  tokens: readonly Token[];
  /** Each token's sentence: its tokens [first, last). */
  sentences: readonly Sentence[];
  /** The words of the segments' tokens and of their neighbours up to two away in the sentence. */
  words: WordInfo[];
  /** The rules' BILOU label of each token. */
  rule: Uint8Array;
  /**
   * What the rest of the document says of each token's word, for the tokens of segments that hold
   * a capital (see EVIDENCE below): 0 when nothing.
   */
  evidence: Uint16Array;
  /** The kind of each line holding a segment (see kindOfLine), -1 for the others. */
  lineKind: Int8Array;
}

// The bits of DocumentView.evidence: the word is written in lower case elsewhere; it is
// capitalised inside a sentence of running text elsewhere, and stands here where a capital says
// less (a sentence start, an all-caps word, a headline or short line); the type the rules gave it
// in a name (1 + type, 3 bits); how the document uses it (the USE bits).
export const EVIDENCE = { lowerSeen: 1, capitalisedSeen: 2, ruleTypeShift: 2, ruleTypeMask: 7, usesShift: 5 } as const;

/** readDocumentView's count of documents: what LowerFormUsage.document refers to. */
let documents = 0;
/** Words and forms kept across documents before both are made anew (between documents). */
const WORDS_KEPT = 30_000;
/**
 * A filter on lower-case tokens before asking FORMS: at [length, first and last letter] the last
 * document that has a capitalised form of that outline (most lower-case words have none).
 */
const OUTLINES = new Uint32Array(1 << 12);

function outline(s: string): number {
  return ((s.length & 7) << 9) | ((s.charCodeAt(0) & 31) << 4) | (s.charCodeAt(s.length - 1) & 15);
}

export function readDocumentView(tokenized: Tokenized, segments: readonly Segment[], rule: Uint8Array): DocumentView {
  const { tokens, sentences } = tokenized;
  if (WORDS.size >= WORDS_KEPT || FORMS.size >= WORDS_KEPT || SHAPES.size >= WORDS_KEPT) {
    WORDS.clear();
    FORMS.clear();
    SHAPES.clear();
  }
  const document = ++documents;
  const words: WordInfo[] = new Array(tokens.length);
  const lineKind = new Int8Array(tokenized.lines.length).fill(-1);
  const use = (u: LowerFormUsage): LowerFormUsage => {
    if (u.document !== document) {
      u.document = document;
      u.lowerSeen = false;
      u.capitalisedSeen = false;
      u.ruleType = -1;
      u.uses = 0;
    }
    return u;
  };
  for (const s of segments) {
    const sentenceOfFirst = tokens[s.first].sentence;
    for (let j = Math.max(0, s.first - 2); j < s.first; j++) if (tokens[j].sentence === sentenceOfFirst) words[j] ??= wordInfo(tokens[j].text);
    for (let k = s.first; k < s.last; k++) {
      const w = (words[k] = wordInfo(tokens[k].text));
      const u = use(w.usage);
      const t = tokens[k];
      if (strong(t)) {
        OUTLINES[outline(u.lower)] = document;
        if (!t.sentenceStart && !w.allCaps) u.capitalisedSeen = true;
      }
      if (rule[k] !== O) u.ruleType = (rule[k] - 1) >> 2;
      u.uses |= usesOf(tokens, words, s, k);
    }
    const sentenceOfLast = tokens[s.last - 1].sentence;
    for (let j = s.last; j < Math.min(tokens.length, s.last + 2); j++) if (tokens[j].sentence === sentenceOfLast) words[j] ??= wordInfo(tokens[j].text);
    const line = tokens[s.first].line;
    if (lineKind[line] < 0) lineKind[line] = kindOfLine(tokenized, s.first);
  }
  for (const t of tokens) {
    if (t.kind !== 'word' || t.capitalised || OUTLINES[outline(t.text)] !== document) continue;
    const u = FORMS.get(t.text);
    if (u !== undefined && u.document === document) u.lowerSeen = true;
  }
  const evidence = new Uint16Array(tokens.length);
  for (const s of segments) {
    const line = lineKind[tokens[s.first].line];
    for (let k = s.first; k < s.last; k++) {
      const t = tokens[k];
      if (!strong(t)) continue;
      const w = words[k];
      const u = w.usage;
      evidence[k] = (u.lowerSeen ? EVIDENCE.lowerSeen : 0)
        | ((t.sentenceStart || w.allCaps || line !== 0) && u.capitalisedSeen ? EVIDENCE.capitalisedSeen : 0)
        | ((u.ruleType + 1) << EVIDENCE.ruleTypeShift)
        | (u.uses << EVIDENCE.usesShift);
    }
  }
  return { tokens, sentences, words, rule, evidence, lineKind };
}

// How a word is used somewhere in the document: after a given name ("Steve Jobs"), before a
// number ("Boeing 737"), with a possessive, alone in running text, first of a longer name.
const USES = ['after a given name', 'before a number', 'with a possessive', 'alone', 'opening a longer name'] as const;
export const USE_COUNT = USES.length;
/** How many values DocumentView.evidence can take. */
export const EVIDENCE_VALUES = 1 << (EVIDENCE.usesShift + USE_COUNT);


function usesOf(tokens: readonly Token[], words: WordInfo[], s: Segment, k: number): number {
  const t = tokens[k];
  if (!strong(t)) return 0;
  let use = 0;
  const prev = tokens[k - 1];
  if (k > s.first && prev && strong(prev) && (words[k - 1]?.lex ?? 0) & GIVEN) use |= 1;
  const next = tokens[k + 1];
  if (next && next.kind === 'number' && next.start === t.end + 1) use |= 2;
  if (t.possessive) use |= 4;
  if (s.last - s.first === 1 && !t.sentenceStart) use |= 8;
  if (k === s.first && s.last - s.first > 1 && !t.sentenceStart) use |= 16;
  return use;
}

/** Whether s equals its upper case: without making that string when s is plain ASCII. */
function isUpperCase(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return s === s.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** Running text, an all-caps line, a title-case line, or a short line (a heading, a dateline). */
function kindOfLine({ tokens, lines }: Tokenized, at: number): number {
  const line = tokens[at].line;
  let first = at;
  while (first > 0 && tokens[first - 1].line === line) first--;
  let wordsOnLine = 0;
  let upper = 0;
  let capitalised = 0;
  for (let k = first; k < tokens.length && tokens[k].line === line; k++) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    wordsOnLine++;
    if (t.capitalised) capitalised++;
    if (t.text.length >= 2 && isUpperCase(t.text)) upper++;
  }
  if (wordsOnLine >= 2 && upper / wordsOnLine >= 0.6) return 1;
  if (wordsOnLine >= 3 && capitalised / wordsOnLine >= 0.6) return 2;
  const text = lines[line]?.text ?? '';
  if (wordsOnLine <= 6 && !/[.!?]["”’)]?\s*$/.test(text)) return 3;
  return 0;
}

/** When explaining: each feature's template and value, in the order of the hashes. */
export interface FeatureNames {
  templates: T[];
  values: string[];
}

/** The most features one token can have. */
export const MAX_FEATURES = 96;

function put(out: Uint32Array, n: number, hash: number, names: FeatureNames | undefined, template: T, value: string): number {
  out[n] = hash;
  if (names) {
    names.templates.push(template);
    names.values.push(value);
  }
  return n + 1;
}

/**
 * Writes the features of token k of segment s into `out` and returns how many: the word's own,
 * those of its neighbours, and those of where it stands. With `names` (explaining), also what each
 * one is; without, no value string is built.
 */
export function tokenFeatures(view: DocumentView, s: Segment, k: number, out: Uint32Array, names?: FeatureNames): number {
  const t = view.tokens[k];
  let n = wordFeatures(view.words[k] ?? wordInfo(t.text), out, 0, names);
  n = asPrevious(neighbour(view, t, k - 1), out, n, names);
  n = asNext(neighbour(view, t, k + 1), out, n, names);
  return contextFeatures(view, s, k, out, n, names);
}

/** The features of a word itself, the same wherever it stands: the tagger sums them once per word. */
export function wordFeatures(w: WordInfo, out: Uint32Array, n: number, names?: FeatureNames): number {
  // Names are built only when explaining: `names ? … : ''` keeps the fast path free of strings.
  n = put(out, n, mix(T.Bias, 0), names, T.Bias, '');
  n = put(out, n, mix(T.Form, w.form), names, T.Form, names ? w.text : '');
  n = put(out, n, mix(T.Lower, w.lowerHash), names, T.Lower, names ? w.lower : '');
  n = put(out, n, mix(T.Shape, w.shapeHash), names, T.Shape, names ? w.shape : '');
  n = put(out, n, mix(T.Prefix3, w.prefix3), names, T.Prefix3, names ? w.lower.slice(0, 3) : '');
  n = put(out, n, mix(T.Suffix2, w.suffix2), names, T.Suffix2, names ? w.lower.slice(-2) : '');
  n = put(out, n, mix(T.Suffix3, w.suffix3), names, T.Suffix3, names ? w.lower.slice(-3) : '');
  n = put(out, n, mix(T.Suffix4, w.suffix4), names, T.Suffix4, names ? w.lower.slice(-4) : '');
  const length = Math.min(w.text.length, 12);
  n = put(out, n, mix(T.Length, length), names, T.Length, names ? String(length) : '');
  for (let lex = w.lex, bit = 0; lex !== 0; bit++, lex >>>= 1) if (lex & 1) n = put(out, n, mix(T.Lex, bit), names, T.Lex, names ? String(bit) : '');
  n = put(out, n, mix(T.Cluster, w.fine), names, T.Cluster, names ? String(w.fine) : '');
  return put(out, n, mix(T.CoarseCluster, w.coarse), names, T.CoarseCluster, names ? String(w.coarse) : '');
}

/** The features a word gives the token after it. */
export function asPrevious(p1: WordInfo, out: Uint32Array, n: number, names?: FeatureNames): number {
  for (let lex = p1.lex, bit = 0; lex !== 0; bit++, lex >>>= 1) if (lex & 1) n = put(out, n, mix(T.LexPrev, bit), names, T.LexPrev, names ? String(bit) : '');
  n = put(out, n, mix(T.Prev1, p1.lowerHash), names, T.Prev1, names ? p1.lower : '');
  n = put(out, n, mix(T.ClusterPrev, p1.fine), names, T.ClusterPrev, names ? String(p1.fine) : '');
  return put(out, n, mix(T.ShapePrev, p1.shapeHash), names, T.ShapePrev, names ? p1.shape : '');
}

/** The features a word gives the token before it. */
export function asNext(n1: WordInfo, out: Uint32Array, n: number, names?: FeatureNames): number {
  for (let lex = n1.lex, bit = 0; lex !== 0; bit++, lex >>>= 1) if (lex & 1) n = put(out, n, mix(T.LexNext, bit), names, T.LexNext, names ? String(bit) : '');
  n = put(out, n, mix(T.Next1, n1.lowerHash), names, T.Next1, names ? n1.lower : '');
  n = put(out, n, mix(T.ClusterNext, n1.fine), names, T.ClusterNext, names ? String(n1.fine) : '');
  return put(out, n, mix(T.ShapeNext, n1.shapeHash), names, T.ShapeNext, names ? n1.shape : '');
}

/**
 * The context features that read one word, or one small value, each: the tagger sums their
 * weights once per word or value (tagger.ts); contextFeatures lists them per token.
 */
export const feature = {
  prev2: (w: WordInfo) => mix(T.Prev2, w.lowerHash),
  next2: (w: WordInfo) => mix(T.Next2, w.lowerHash),
  line: (line: number) => mix(T.Line, line),
  lineLower: (line: number, w: WordInfo) => mix(T.LineLower, mix(line, w.lowerHash)),
  sentenceStart: (w: WordInfo) => mix(T.SentenceStart, w.shapeHash),
  position: (place: number, size: number) => mix(T.Position, place * 8 + size),
  rule: (rule: number) => mix(T.Rule, rule),
  ruleShape: (rule: number, w: WordInfo) => mix(T.RuleShape, mix(rule, w.shapeHash)),
  ruleLine: (rule: number, line: number) => mix(T.RuleLine, rule * 4 + line),
  possessive: () => mix(T.Possessive, 1),
  hyphen: () => mix(T.Hyphen, 1),
  docLower: () => mix(T.DocLower, 1),
  docCapitalised: () => mix(T.DocCapitalised, 1),
  docRule: (type: number) => mix(T.DocRule, type),
  docUse: (bit: number) => mix(T.DocUse, bit),
  segmentHead: (w: WordInfo) => mix(T.SegmentHead, w.lowerHash),
  segmentFirst: (w: WordInfo) => mix(T.SegmentFirst, w.lowerHash),
  prevCur: (p1: WordInfo, w: WordInfo) => mix(T.PrevCur, mix(p1.lowerHash, w.lowerHash)),
  curNext: (w: WordInfo, n1: WordInfo) => mix(T.CurNext, mix(w.lowerHash, n1.lowerHash)),
  shapeWindow: (p1: WordInfo, w: WordInfo, n1: WordInfo) => mix(T.ShapeWindow, mix(mix(p1.shapeHash, w.shapeHash), n1.shapeHash)),
};

/** Where token k stands in segment s: alone (0), first (1), inside (2), last (3). */
export function placeIn(s: Segment, k: number): number {
  const size = s.last - s.first;
  return size === 1 ? 0 : k === s.first ? 1 : k === s.last - 1 ? 3 : 2;
}

/** The segment's last capitalised word: often its head ("Bank", "University", "Co"). */
export function headOf(tokens: readonly Token[], s: Segment): number {
  let head = s.last - 1;
  while (head > s.first && !strong(tokens[head])) head--;
  return head;
}

/** The features of where token k stands: wider neighbours, pairs, its line, the rules, the document. */
export function contextFeatures(view: DocumentView, s: Segment, k: number, out: Uint32Array, n: number, names?: FeatureNames): number {
  const { tokens } = view;
  const t = tokens[k];
  const w = view.words[k] ?? wordInfo(t.text);
  const p1 = neighbour(view, t, k - 1);
  const p2 = neighbour(view, t, k - 2);
  const n1 = neighbour(view, t, k + 1);
  const n2 = neighbour(view, t, k + 2);
  n = put(out, n, feature.prev2(p2), names, T.Prev2, names ? p2.lower : '');
  n = put(out, n, feature.next2(n2), names, T.Next2, names ? n2.lower : '');
  n = put(out, n, feature.prevCur(p1, w), names, T.PrevCur, names ? `${p1.lower} ${w.lower}` : '');
  n = put(out, n, feature.curNext(w, n1), names, T.CurNext, names ? `${w.lower} ${n1.lower}` : '');
  n = put(out, n, feature.shapeWindow(p1, w, n1), names, T.ShapeWindow, names ? `${p1.shape} ${w.shape} ${n1.shape}` : '');
  const line = Math.max(0, view.lineKind[t.line]);
  n = put(out, n, feature.line(line), names, T.Line, names ? LINE_KINDS[line] : '');
  if (line !== 0) n = put(out, n, feature.lineLower(line, w), names, T.LineLower, names ? `${LINE_KINDS[line]} ${w.lower}` : '');
  if (t.sentenceStart) n = put(out, n, feature.sentenceStart(w), names, T.SentenceStart, names ? w.shape : '');
  const size = s.last - s.first;
  const place = placeIn(s, k);
  n = put(out, n, feature.position(place, Math.min(size, 7)), names, T.Position, names ? `${PLACES[place]} of ${Math.min(size, 7)}` : '');
  const rule = view.rule[k];
  n = put(out, n, feature.rule(rule), names, T.Rule, names ? labelName(rule) : '');
  n = put(out, n, feature.ruleShape(rule, w), names, T.RuleShape, names ? `${labelName(rule)} ${w.shape}` : '');
  if (line !== 0) n = put(out, n, feature.ruleLine(rule, line), names, T.RuleLine, names ? `${labelName(rule)} ${LINE_KINDS[line]}` : '');
  if (t.possessive) n = put(out, n, feature.possessive(), names, T.Possessive, '');
  if (t.hyphenJoined) n = put(out, n, feature.hyphen(), names, T.Hyphen, '');
  n = documentFeatures(view.evidence[k], out, n, names);
  // The segment's head and its first word, which sets the tone.
  const head = headOf(tokens, s);
  const h = view.words[head] ?? wordInfo(tokens[head].text);
  n = put(out, n, feature.segmentHead(h), names, T.SegmentHead, names ? h.lower : '');
  const f = view.words[s.first] ?? wordInfo(tokens[s.first].text);
  n = put(out, n, feature.segmentFirst(f), names, T.SegmentFirst, names ? f.lower : '');
  return n;
}

const PLACES = ['only', 'first', 'inside', 'last'];

/** The features of what the rest of the document says of a token's word (DocumentView.evidence). */
export function documentFeatures(evidence: number, out: Uint32Array, n: number, names?: FeatureNames): number {
  if (evidence & EVIDENCE.lowerSeen) n = put(out, n, feature.docLower(), names, T.DocLower, '');
  if (evidence & EVIDENCE.capitalisedSeen) n = put(out, n, feature.docCapitalised(), names, T.DocCapitalised, '');
  const type = ((evidence >> EVIDENCE.ruleTypeShift) & EVIDENCE.ruleTypeMask) - 1;
  if (type >= 0) n = put(out, n, feature.docRule(type), names, T.DocRule, names ? TYPES[type] : '');
  const use = evidence >> EVIDENCE.usesShift;
  for (let bit = 0; bit < USE_COUNT; bit++) if (use & (1 << bit)) n = put(out, n, feature.docUse(bit), names, T.DocUse, names ? USES[bit] : '');
  return n;
}

/** The word at j, or the sentence edge when j is outside the sentence of t. */
export function neighbour(view: DocumentView, t: Token, j: number): WordInfo {
  const sentence = view.sentences[t.sentence];
  if (j < sentence.first || j >= sentence.last) return SENTENCE_EDGE;
  return view.words[j] ?? (view.words[j] = wordInfo(view.tokens[j].text));
}
