// npm run train:joins: trains the pairwise join scorer (src/core/events/joinScorer.ts) and writes
// src/core/events/joinWeights.ts.
//
//   npm run train:joins -- [--ecb DIR] [--out FILE]
//
// Trained on ECB+ topics 1–25 only (the eval measures on 26–35, kept aside): every document of a
// topic is one corpus, analysed with the shipped name model and without learned joins; the
// events the rules leave are paired as storyJoin.ts pairs them (one undated, blocking keys), and a pair
// is labelled by the gold chains of the mentions its events overlap. Logistic regression by full
// batch gradient descent from zero weights, in a fixed order: the same data gives the same bytes.
// The threshold: the highest within half a point of the best B³ F1 over matched mentions in
// cross-validation (folds of topics, each scored by weights trained on the others).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, Corpus, type CorpusEvent, type Entity } from '../../src/core/index.js';
import { loadNameModel, useNameModel } from '../../src/core/entities/model/index.js';
import { FAMILY } from '../../src/core/events/kinds.js';
import { canonical, FEATURES, fnv1a, pairFeatures, sketch, useJoinModel, type JoinModel } from '../../src/core/events/joinScorer.js';
import { blockingKeys, CAP, joinable, pairable, StoryJoin } from '../../src/core/events/storyJoin.js';

const root = path.resolve(__dirname, '../..');
const DEFAULTS = {
  ecb: path.resolve(root, '../shared/devdata/ecbplus-dev'),
  names: path.join(root, 'models/names.model'),
  out: path.join(root, 'src/core/events/joinWeights.ts'),
};
/** Topics the scorer may learn from; the rest are kept aside for measuring. */
const TRAIN_TOPICS = (topic: number) => topic >= 1 && topic <= 25;
const EPOCHS = 3000;
const RATE = 0.5;
const L2 = 1e-3;

interface GoldMention { start: number; end: number; chain: string }
interface Topic {
  topic: number;
  docs: Array<{ path: string; text: string; gold: GoldMention[] }>;
}

function parseArgs(argv: string[]): typeof DEFAULTS {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '') as keyof typeof DEFAULTS;
    if (!(key in args) || argv[i + 1] === undefined) throw new Error(`usage: npm run train:joins -- [--ecb DIR] [--names FILE] [--out FILE]`);
    args[key] = argv[++i];
  }
  return args;
}

/** ECB+ documents of the training topics: text and the chained gold event mentions of validated sentences. */
function readTopics(dir: string): Topic[] {
  const byTopic = new Map<number, Topic>();
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const name = f.slice(0, -'.gold.json'.length);
    const topic = Number(name.split('_')[0]);
    if (!TRAIN_TOPICS(topic)) continue;
    const txt = path.join(dir, `${name}.txt`);
    if (!fs.existsSync(txt)) continue;
    let text = fs.readFileSync(txt, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { events: Array<{ start: number; end: number; in_validated_sentence?: boolean; coref_chain?: string }> };
    const mentions = gold.events.filter((e) => e.in_validated_sentence && e.coref_chain).map((e) => ({ start: e.start, end: e.end, chain: e.coref_chain! }));
    let t = byTopic.get(topic);
    if (!t) byTopic.set(topic, (t = { topic, docs: [] }));
    t.docs.push({ path: `${name}.txt`, text, gold: mentions });
  }
  return [...byTopic.values()].sort((a, b) => a.topic - b.topic);
}

/** A topic as the rules join it (no learned joins), with what labels its events. */
interface Joined {
  events: CorpusEvent[];
  entities: Map<string, Entity>;
  /** Per event, the gold chains its mentions overlap. */
  chains: Map<CorpusEvent, Set<string>>;
  /** Per gold chain mention matched, the system mention's key: for B³. */
  gold: Map<string, GoldMention[]>;
}

function joinTopic(t: Topic): Joined {
  const corpus = new Corpus();
  for (const d of t.docs) corpus.update(d.path, d.text, analyzeDocument(d.text, { path: d.path }));
  const events = corpus.events();
  const entities = new Map(corpus.entities().map((e) => [e.id, e]));
  const gold = new Map(t.docs.map((d) => [d.path, d.gold]));
  const chains = new Map<CorpusEvent, Set<string>>();
  for (const e of events) {
    const set = new Set<string>();
    for (const m of e.mentions) for (const g of gold.get(m.path) ?? []) if (g.start < m.end && m.start < g.end) set.add(g.chain);
    chains.set(e, set);
  }
  return { events, entities, chains, gold };
}

/** Labelled pairs of a topic, as storyJoin.ts would score them. */
function pairsOf(j: Joined): Array<{ x: number[]; y: number }> {
  const nodes = j.events.filter(joinable).map((e) => ({ event: e, sketch: sketch(e, j.entities), paths: [...new Set(e.mentions.map((m) => m.path))], dctTime: NaN }));
  // Blocking as storyJoin.ts does it: per key, the undated events and the dated ones.
  const index = new Map<string, { undated: number[]; dated: number[] }>();
  nodes.forEach((n, k) => {
    for (const key of blockingKeys(n.sketch, FAMILY.get(n.event.kind)!)) {
      if (!index.has(key)) index.set(key, { undated: [], dated: [] });
      index.get(key)![n.event.date === null ? 'undated' : 'dated'].push(k);
    }
  });
  const seen = new Set<number>();
  const out: Array<{ x: number[]; y: number }> = [];
  for (const { undated, dated } of index.values()) {
    if (undated.length > CAP) continue;
    const list = dated.length > CAP ? undated : [...undated, ...dated];
    for (let a = 0; a < undated.length; a++) for (let b = a + 1; b < list.length; b++) {
      const [p, q] = [list[a], list[b]];
      const pair = Math.min(p, q) * 100_000 + Math.max(p, q);
      if (seen.has(pair)) continue;
      seen.add(pair);
      const [x, y] = [nodes[Math.min(p, q)], nodes[Math.max(p, q)]];
      if (!pairable(x, y)) continue;
      const cx = j.chains.get(x.event)!;
      const cy = j.chains.get(y.event)!;
      if (cx.size === 0 || cy.size === 0) continue;
      out.push({ x: pairFeatures(x.sketch, y.sketch), y: [...cx].some((c) => cy.has(c)) ? 1 : 0 });
    }
  }
  return out;
}

function train(pairs: Array<{ x: number[]; y: number }>): number[] {
  const w = FEATURES.map(() => 0);
  const positives = pairs.filter((p) => p.y === 1).length;
  // Each class weighs as much as the other: negatives outnumber positives.
  const weightOf = (y: number) => (y === 1 ? pairs.length / (2 * Math.max(positives, 1)) : pairs.length / (2 * Math.max(pairs.length - positives, 1)));
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const grad = w.map(() => 0);
    for (const { x, y } of pairs) {
      let z = 0;
      for (let k = 0; k < w.length; k++) z += w[k] * x[k];
      const err = (1 / (1 + Math.exp(-z)) - y) * weightOf(y);
      for (let k = 0; k < w.length; k++) grad[k] += err * x[k];
    }
    for (let k = 0; k < w.length; k++) w[k] -= RATE * (grad[k] / pairs.length + (k === 0 ? 0 : L2 * w[k]));
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}

/** B³ F1 over matched mentions, micro over topics, with the model joining. */
function bcubed(topics: Joined[], model: JoinModel): number {
  let p = 0;
  let r = 0;
  let n = 0;
  useJoinModel(model);
  for (const j of topics) {
    const story = new StoryJoin();
    story.update(j.events, [], j.events, j.entities);
    const items: Array<{ g: string; s: string }> = [];
    for (const e of story.events()) {
      for (const m of e.mentions) {
        const g = (j.gold.get(m.path) ?? []).find((x) => x.start < m.end && m.start < x.end);
        if (g) items.push({ g: g.chain, s: e.id });
      }
    }
    for (const a of items) {
      const sameS = items.filter((b) => b.s === a.s);
      const sameG = items.filter((b) => b.g === a.g);
      const both = sameS.filter((b) => b.g === a.g).length;
      p += both / sameS.length;
      r += both / sameG.length;
      n++;
    }
  }
  useJoinModel(null);
  const [P, R] = [p / n, r / n];
  return (2 * P * R) / (P + R);
}

const FOLDS = 5;
/** A threshold is kept over a higher one only when it scores this much better (B³ F1): fewer joins for the same score. */
const MARGIN = 0.005;

/**
 * The threshold of the best B³ F1 on topics the weights did not see: the topics cut into FOLDS folds
 * (by place in topic order, modulo FOLDS), each scored with weights trained on the others, F1 averaged over the
 * folds. Among thresholds within MARGIN of the best, the highest.
 */
function crossValidatedThreshold(topics: Joined[], pairsByTopic: Array<Array<{ x: number[]; y: number }>>, log: (line: string) => void): number {
  const thresholds = Array.from({ length: 18 }, (_, k) => (10 + 5 * k) / 100);
  const sums = thresholds.map(() => 0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const held = topics.filter((_, k) => k % FOLDS === fold);
    const weights = train(pairsByTopic.filter((_, k) => k % FOLDS !== fold).flat());
    const base = { version: 2, trainedOn: '', features: [...FEATURES], weights, checksum: '' };
    thresholds.forEach((threshold, k) => (sums[k] += bcubed(held, { ...base, threshold }) / FOLDS));
  }
  thresholds.forEach((t, k) => log(`threshold ${t.toFixed(2)}: cross-validated B³ F1 ${(100 * sums[k]).toFixed(1)}`));
  const top = Math.max(...sums);
  let k = thresholds.length - 1;
  while (sums[k] < top - MARGIN) k--;
  return thresholds[k];
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  if (!fs.existsSync(args.ecb)) throw new Error(`no ECB+ dev data at ${args.ecb}: pass --ecb DIR`);
  const names = loadNameModel(fs.readFileSync(args.names));
  if ('error' in names) throw new Error(`name model ${args.names}: ${names.error}`);
  useNameModel(names);
  useJoinModel(null);
  const topics = readTopics(args.ecb).map(joinTopic);
  log(`${topics.length} training topics joined by the rules`);
  const pairsByTopic = topics.map(pairsOf);
  const pairs = pairsByTopic.flat();
  log(`${pairs.length} pairs, ${pairs.filter((p) => p.y).length} of one happening`);
  const threshold = crossValidatedThreshold(topics, pairsByTopic, log);
  const weights = train(pairs);
  log(`weights: ${FEATURES.map((f, k) => `${f} ${weights[k]}`).join('; ')}`);
  const trainedOn = `ECB+ topics 1-25 (${topics.length} topics, ${pairs.length} pairs), logistic regression, ${EPOCHS} epochs, threshold by ${FOLDS}-fold cross-validation over topics`;
  const base = { version: 2, trainedOn, features: [...FEATURES], weights };
  const off = bcubed(topics, { ...base, threshold: 2, checksum: '' });
  const best = { threshold, f1: bcubed(topics, { ...base, threshold, checksum: '' }) };
  log(`B³ F1 on the training topics: ${(100 * off).toFixed(1)} without learned joins, ${(100 * best.f1).toFixed(1)} at threshold ${best.threshold}`);
  const model = { ...base, threshold: best.threshold };
  const full: JoinModel = { ...model, checksum: fnv1a(canonical(model)) };
  fs.writeFileSync(args.out, [
    '// Written by `npm run train:joins` (scripts/train/joins.ts): do not edit by hand. See docs/join-scorer.md.',
    "import type { JoinModel } from './joinScorer.js';",
    '',
    `export const JOIN_WEIGHTS: JoinModel = ${JSON.stringify(full, null, 2).replace(/"([a-zA-Z]+)":/g, '$1:')};`,
    '',
  ].join('\n'));
  log(`wrote ${path.relative(root, args.out)} (checksum ${full.checksum})`);
}

main();
