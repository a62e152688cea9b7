// Runs the trained model over a document's segments: the features of each token are summed into a
// score per label, Viterbi picks the labels, and each name gets a confidence from its margin.
import type { EntityMention } from '../recognize.js';
import type { Token, Tokenized } from '../tokenize.js';
import { margin, maxMarginals, viterbi, type Lattice } from './decode.js';
import type { Clusters } from './clusterFile.js';
import { asNext, asPrevious, documentFeatures, EVIDENCE_VALUES, feature, headOf, MAX_FEATURES, placeIn, readDocumentView, SENTENCE_EDGE, useClusters, wordFeatures, type DocumentView, type WordInfo, type WordSums } from './features.js';
import { decodeSpans, encode, LABEL_COUNT, O as OUTSIDE, partOf, typeOf, TYPES } from './labels.js';

const L = LABEL_COUNT;
const O = OUTSIDE;
import { findSegments, type Segment } from './segments.js';
import { SlotCache, UNKNOWN } from './slotCache.js';
import { SumArena } from './sumArena.js';
import type { FeatureTable } from './weights.js';

export interface NameModel {
  table: FeatureTable;
  /** The word clusters the model's features read. */
  clusters: Clusters;
  /** What training wrote about the data and settings. */
  about: string;
  checksum: number;
  /** Turns a margin into a confidence: 1 / (1 + e^(-margin / temperature)). */
  temperature: number;
}

/** A name the model found: tokens [first, last), a type index into TYPES, and a confidence in (0, 1). */
export interface TaggedName {
  first: number;
  last: number;
  type: number;
  confidence: number;
}

/**
 * Each token's score for each label, into emissions[(k - s.first) * L + label]: the same sums as
 * over tokenFeatures (a test checks it, to the bit). Most features read one word in one role (the
 * token itself, a neighbour, the segment's head) or one small value (the line, the rules' label,
 * the place in the segment): their weights are summed once per word and role, or once per value,
 * so a token adds a dozen such sums and looks up only the three features that pair words.
 *
 * The order of the additions does not change a bit of the result: a weight is an 8-bit integer
 * times a float32 scale, so the shipped weights are all multiples of 2^-29, and a token's sums
 * stay far below 2^24: every partial sum is exact in float64 (FeatureTable.exactSums checks the
 * weights loaded; weights that fail it would only round differently, and the test says so).
 */
export function scoreSegment(view: DocumentView, s: Segment, table: FeatureTable, emissions: Float64Array, scratch: Uint32Array = new Uint32Array(MAX_FEATURES)): void {
  const { tokens, words, sentences, evidence } = view;
  if (table !== forTable) {
    forTable = table;
    forValues = valueSums(table, scratch);
    forArena = arenaOf(table);
    forSlots = slotCacheOf(table);
  }
  const v = forValues!;
  const arena = forArena!;
  const slots = forSlots!;
  // Rows are dropped only here, between segments: below, the indexes held stay good.
  arena.trim();
  const size = Math.min(s.last - s.first, 7);
  // A segment stands on one line.
  const line = view.lineKind[tokens[s.first].line];
  // The segment's head and first word, the same for each of its tokens: added once.
  const head = rowOf(words[headOf(tokens, s)], HEAD, table, arena, scratch);
  const first = rowOf(words[s.first], FIRST, table, arena, scratch);
  for (let l = 0; l < L; l++) segmentSums[l] = arena.data[head + l] + arena.data[first + l];
  for (let k = s.first; k < s.last; k++) {
    const at = (k - s.first) * L;
    const t = tokens[k];
    const w = words[k];
    const sentence = sentences[t.sentence];
    const p1 = k - 1 >= sentence.first ? words[k - 1] : SENTENCE_EDGE;
    const p2 = k - 2 >= sentence.first ? words[k - 2] : SENTENCE_EDGE;
    const n1 = k + 1 < sentence.last ? words[k + 1] : SENTENCE_EDGE;
    const n2 = k + 2 < sentence.last ? words[k + 2] : SENTENCE_EDGE;
    const own = rowOf(w, OWN, table, arena, scratch);
    const before = rowOf(p1, PREVIOUS, table, arena, scratch);
    const after = rowOf(n1, NEXT, table, arena, scratch);
    const before2 = rowOf(p2, PREVIOUS2, table, arena, scratch);
    const after2 = rowOf(n2, NEXT2, table, arena, scratch);
    const rule = view.rule[k];
    const ruleShape = rowOf(w, RULE_SHAPE + rule, table, arena, scratch);
    const lineLower = line !== 0 ? rowOf(w, LINE_LOWER + line, table, arena, scratch) : -1;
    const start = t.sentenceStart ? rowOf(w, SENTENCE_START, table, arena, scratch) : -1;
    const known = evidence[k] !== 0 ? documentRow(v, evidence[k], table, scratch) : -1;
    // Read after the rows are made: making one may move them to a larger array.
    const d = arena.data;
    const lineRule = v.lineRule[rule * 4 + line];
    const place = v.position[placeIn(s, k) * 8 + size];
    for (let l = 0; l < L; l++) {
      emissions[at + l] = d[own + l] + d[before + l] + d[after + l] + d[before2 + l] + d[after2 + l] + d[ruleShape + l] + segmentSums[l] + lineRule[l] + place[l];
    }
    if (lineLower >= 0) addSums(d, lineLower, emissions, at);
    if (start >= 0) addSums(d, start, emissions, at);
    if (t.possessive) addSums(v.possessive, 0, emissions, at);
    if (t.hyphenJoined) addSums(v.hyphen, 0, emissions, at);
    if (known >= 0) addSums(v.document, known, emissions, at);
    // The three features that pair words (or shapes): their slots are kept per pair (see slotCache.ts).
    let prevCur = slots.find(p1.id, w.id, PREV_CUR);
    if (prevCur === UNKNOWN) prevCur = slots.keep(p1.id, w.id, PREV_CUR, table.row(feature.prevCur(p1, w)));
    let curNext = slots.find(w.id, n1.id, CUR_NEXT);
    if (curNext === UNKNOWN) curNext = slots.keep(w.id, n1.id, CUR_NEXT, table.row(feature.curNext(w, n1)));
    const shapes = w.shapeSums;
    let window = slots.find(p1.shapeSums.id, shapes.id, n1.shapeSums.id);
    if (window === UNKNOWN) window = slots.keep(p1.shapeSums.id, shapes.id, n1.shapeSums.id, table.row(feature.shapeWindow(p1, w, n1)));
    if (prevCur >= 0) table.addRow(prevCur, emissions, at);
    if (curNext >= 0) table.addRow(curNext, emissions, at);
    if (window >= 0) table.addRow(window, emissions, at);
  }
}

// The third key of a pair of words in the SlotCache: ids are 2 or more, so these keys are never a shape window's.
const PREV_CUR = 0;
const CUR_NEXT = 1;

const segmentSums = new Float64Array(L);
/** The table scoreSegment ran with last, and its sums: asked of every segment, found once. */
let forTable: FeatureTable | null = null;
let forValues: ValueSums | null = null;
let forArena: SumArena | null = null;
let forSlots: SlotCache | null = null;

/** Where in v.document the summed weights of the document features of `evidence` are: made when first met. */
function documentRow(v: ValueSums, evidence: number, table: FeatureTable, scratch: Uint32Array): number {
  const at = evidence * L;
  if (v.documentMade[evidence] === 0) {
    add(table, scratch, documentFeatures(evidence, scratch, 0), v.document, at);
    v.documentMade[evidence] = 1;
  }
  return at;
}

function addSums(sums: Float64Array, from: number, scores: Float64Array, offset: number): void {
  for (let l = 0; l < L; l++) scores[offset + l] += sums[from + l];
}

// The roles a word plays around a token, each with its row of sums (see rowOf). The first five,
// which every token reads, are made together, in one block.
const OWN = 0;
const PREVIOUS = 1;
const NEXT = 2;
const PREVIOUS2 = 3;
const NEXT2 = 4;
const BLOCK = 5;
const HEAD = 5;
const FIRST = 6;
const SENTENCE_START = 7;
/** + the line's kind (1 to 3). */
const LINE_LOWER = 7;
/** + the rules' label. */
const RULE_SHAPE = 11;

/** A word's features in one role, written into `out`: their count. */
function roleFeatures(w: WordInfo, role: number, out: Uint32Array): number {
  switch (role) {
    case OWN: return wordFeatures(w, out, 0);
    case PREVIOUS: return asPrevious(w, out, 0);
    case NEXT: return asNext(w, out, 0);
    case PREVIOUS2: out[0] = feature.prev2(w); return 1;
    case NEXT2: out[0] = feature.next2(w); return 1;
    case HEAD: out[0] = feature.segmentHead(w); return 1;
    case FIRST: out[0] = feature.segmentFirst(w); return 1;
    case SENTENCE_START: out[0] = feature.sentenceStart(w); return 1;
  }
  out[0] = role < RULE_SHAPE ? feature.lineLower(role - LINE_LOWER, w) : feature.ruleShape(role - RULE_SHAPE, w);
  return 1;
}

/** Rows of sums the tagger keeps, per table: some 8 MB (the 66 bench articles fill 3 MB), then made anew. */
const ARENA_LIMIT = 1_000_000;
const ARENAS = new WeakMap<FeatureTable, SumArena>();

const SLOT_CACHES = new WeakMap<FeatureTable, SlotCache>();

function slotCacheOf(table: FeatureTable): SlotCache {
  let slots = SLOT_CACHES.get(table);
  if (!slots) SLOT_CACHES.set(table, (slots = new SlotCache()));
  return slots;
}

function arenaOf(table: FeatureTable): SumArena {
  let arena = ARENAS.get(table);
  if (!arena) ARENAS.set(table, (arena = new SumArena(ARENA_LIMIT, L)));
  return arena;
}

/**
 * The index in arena.data of a word's summed weights in one role, made when first needed (most
 * words play few of the roles) and kept for the arena's generation.
 */
function rowOf(w: WordInfo, role: number, table: FeatureTable, arena: SumArena, scratch: Uint32Array): number {
  if (role < BLOCK) {
    if (w.blockGeneration !== arena.generation) {
      const at = arena.alloc(BLOCK);
      for (let r = 0; r < BLOCK; r++) add(table, scratch, roleFeatures(w, r, scratch), arena.data, at + r * L);
      w.block = at;
      w.blockGeneration = arena.generation;
    }
    return w.block + role * L;
  }
  // The roles that read only the word's shape keep their rows with the shape: one row for all its words.
  let sums: WordSums;
  let slot: number;
  if (role >= RULE_SHAPE || role === SENTENCE_START) {
    sums = w.shapeSums;
    slot = role === SENTENCE_START ? L : role - RULE_SHAPE;
    if (sums.generation !== arena.generation) {
      sums.generation = arena.generation;
      sums.at.fill(0);
    }
  } else {
    slot = role;
    const own = w.sums;
    if (own !== null && own.generation === arena.generation) sums = own;
    else sums = w.sums = { generation: arena.generation, at: new Int32Array(RULE_SHAPE) };
  }
  const known = sums.at[slot];
  if (known !== 0) return known - 1;
  const at = arena.alloc(1);
  add(table, scratch, roleFeatures(w, role, scratch), arena.data, at);
  sums.at[slot] = at + 1;
  return at;
}

/** The summed weights of the features of small values, per table: made once. */
interface ValueSums {
  /** Line and rule features at [rule * 4 + line kind]. */
  lineRule: Float64Array[];
  /** At [place * 8 + segment size up to 7]. */
  position: Float64Array[];
  possessive: Float64Array;
  hyphen: Float64Array;
  /** The document features of each value of DocumentView.evidence, at [evidence * L], once made (documentMade). */
  document: Float64Array;
  documentMade: Uint8Array;
}

const VALUE_SUMS = new WeakMap<FeatureTable, ValueSums>();

function valueSums(table: FeatureTable, scratch: Uint32Array): ValueSums {
  let v = VALUE_SUMS.get(table);
  if (v) return v;
  const sum = (...features: number[]): Float64Array => {
    const out = new Float64Array(L);
    scratch.set(features);
    add(table, scratch, features.length, out, 0);
    return out;
  };
  v = {
    lineRule: Array.from({ length: L * 4 }, (_, i) => {
      const rule = i >> 2;
      const line = i & 3;
      return line === 0 ? sum(feature.line(line), feature.rule(rule)) : sum(feature.line(line), feature.rule(rule), feature.ruleLine(rule, line));
    }),
    position: Array.from({ length: 4 * 8 }, (_, i) => sum(feature.position(i >> 3, i & 7))),
    possessive: sum(feature.possessive()),
    hyphen: sum(feature.hyphen()),
    document: new Float64Array(EVIDENCE_VALUES * L),
    documentMade: new Uint8Array(EVIDENCE_VALUES),
  };
  VALUE_SUMS.set(table, v);
  return v;
}

function add(table: FeatureTable, features: Uint32Array, count: number, scores: Float64Array, offset: number): void {
  for (let f = 0; f < count; f++) {
    const row = table.row(features[f]);
    if (row >= 0) table.addRow(row, scores, offset);
  }
}

/** A segment of one token: O or a one-token name (U), the best and its margin over the next best. */
function single(emissions: Float64Array, transitions: Float64Array): { label: number; margin: number } {
  let best = O;
  let first = -Infinity;
  let second = -Infinity;
  for (let l = 0; l < L; l++) {
    if (l !== O && partOf(l) !== 3) continue;
    const score = transitions[O * L + l] + emissions[l] + transitions[l * L + O];
    if (score > first) {
      second = first;
      first = score;
      best = l;
    } else if (score > second) second = score;
  }
  return { label: best, margin: first - second };
}

/** The rules' names as BILOU labels of the tokens. */
export function ruleLabels(tokens: readonly Token[], mentions: readonly EntityMention[]): Uint8Array {
  const spans: Array<{ first: number; last: number; type: number }> = [];
  let k = 0;
  for (const m of mentions) {
    while (k < tokens.length && tokens[k].end <= m.start) k++;
    if (k >= tokens.length) break;
    let last = k;
    while (last < tokens.length && tokens[last].start < m.end) last++;
    if (last > k) spans.push({ first: k, last, type: TYPES.indexOf(m.type) });
  }
  return encode(tokens.length, spans);
}

export interface Tagging {
  view: DocumentView;
  segments: Segment[];
  names: TaggedName[];
}

// Scratch space of tagNames, grown as segments need (typed arrays are slow to make, and each
// document has its longest segment).
const features = new Uint32Array(MAX_FEATURES);
let emissions = new Float64Array(64 * L);
let labels = new Uint8Array(64);
let lattice: Lattice = { forward: new Float64Array(64 * L), backward: new Float64Array(64 * L) };

export function tagNames(tokenized: Tokenized, ruleMentions: readonly EntityMention[], model: NameModel): Tagging {
  useClusters(model.clusters);
  const segments = findSegments(tokenized.tokens);
  const view = readDocumentView(tokenized, segments, ruleLabels(tokenized.tokens, ruleMentions));
  const names: TaggedName[] = [];
  const { table } = model;
  for (const s of segments) {
    const n = s.last - s.first;
    if (n > labels.length) {
      emissions = new Float64Array(n * 2 * L);
      labels = new Uint8Array(n * 2);
      lattice = { forward: new Float64Array(n * 2 * L), backward: new Float64Array(n * 2 * L) };
    }
    scoreSegment(view, s, table, emissions, features);
    if (n === 1) {
      const one = single(emissions, table.transitions64);
      if (one.label !== O) names.push({ first: s.first, last: s.last, type: typeOf(one.label), confidence: 1 / (1 + Math.exp(-one.margin / model.temperature)) });
      continue;
    }
    viterbi(emissions, n, table.transitions64, labels);
    const spans = decodeSpans(labels, n);
    // The margins need the backward pass too: only where the segment holds a name.
    if (spans.length) maxMarginals(emissions, n, table.transitions64, lattice, spans[0].first);
    for (const span of spans) {
      const m = margin(lattice, labels, span.first, span.last);
      names.push({ first: s.first + span.first, last: s.first + span.last, type: span.type, confidence: 1 / (1 + Math.exp(-m / model.temperature)) });
    }
  }
  return { view, segments, names };
}
