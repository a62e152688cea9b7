// Loaders for the gold data the harness scores against, and their conversion to the plain
// mentions of metrics.ts. Everything here reads files; nothing here knows the recogniser.
//
// Where the data lives:
// - development sets: $CORPUS_LENS_DEVDATA, else ../shared/devdata beside the repository
//   (read only; never copied into the project): meantime-dev/, ecbplus-dev/;
// - seeds gold: test/fixtures/seeds-gold/*.entities.json (+ entities.json) over seeds/*.txt.
import { parseMarkup } from '../scripts/ner-data/markup.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocSpan, Mention, Timex } from './metrics.js';

/** The repository root: the nearest folder up from the working directory whose package.json is corpus-lens's. */
export function repoRoot(from = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'corpus-lens') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from);
    dir = up;
  }
}

export function devdataDir(root = repoRoot()): string {
  const env = process.env.CORPUS_LENS_DEVDATA;
  return env ? path.resolve(env) : path.resolve(root, '..', 'shared', 'devdata');
}

/** Reads a text file as the CLI does: UTF-8, a leading byte-order mark dropped. */
function readText(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Every `<name>.txt` with a `<name>.gold.json` in a folder, sorted by name. */
function goldPairs(dir: string): Array<{ name: string; txt: string; gold: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.gold.json'.length);
      return { name, txt: path.join(dir, `${name}.txt`), gold: path.join(dir, f) };
    })
    .filter((p) => existsSync(p.txt));
}

// ---------------------------------------------------------------- MEANTIME

interface MeantimeEntity {
  start: number;
  end: number;
  text: string;
  type: string | null;
  syntactic_type: string | null;
  instance_id: string | null;
}

interface MeantimeTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
  functionInDocument?: string;
}

interface MeantimeGold {
  dct: string | null;
  entities: MeantimeEntity[];
  timex: MeantimeTimex[];
}

export interface MeantimeDoc {
  /** The document's path in the evaluation corpus (its file name). */
  path: string;
  text: string;
  dct: string | null;
  gold: MeantimeGold;
}

export interface Dataset<D> {
  dir: string;
  docs: D[];
}

export function loadMeantime(devdata = devdataDir()): Dataset<MeantimeDoc> | null {
  const dir = path.join(devdata, 'meantime-dev');
  const pairs = goldPairs(dir);
  if (pairs.length === 0) return null;
  return {
    dir,
    docs: pairs.map((p) => {
      const gold = JSON.parse(readFileSync(p.gold, 'utf8')) as MeantimeGold;
      return { path: `${p.name}.txt`, text: readText(p.txt), dct: gold.dct, gold };
    }),
  };
}

/**
 * The part of a MEANTIME document whose names and TIMEX3 are fully annotated. MEANTIME annotates
 * the opening of each article (title, dateline and the first sentences: lines 0–5 of these
 * one-sentence-per-line texts); after it only some non-name mentions are marked. So system names
 * and timex are scored only in lines 0–5, extended to the last line holding a gold NAM name or
 * TIMEX3 where one lies further (one document, whose caption and first sentence share a line).
 */
export function meantimeAnnotatedRegion(doc: MeantimeDoc): DocSpan {
  const lines = lineSpans(doc.text, [...Array(doc.text.split('\n').length).keys()], doc.path);
  const lineOf = (offset: number) => Math.max(0, lines.findIndex((l) => offset <= l.end));
  let last = Math.min(5, lines.length - 1);
  for (const e of doc.gold.entities) if (e.syntactic_type === 'NAM') last = Math.max(last, lineOf(e.start));
  for (const t of doc.gold.timex) last = Math.max(last, lineOf(t.start));
  return { doc: doc.path, start: 0, end: lines[last]?.end ?? doc.text.length };
}

export const NAME_TYPES = ['PERSON', 'ORG', 'PLACE'] as const;
const MEANTIME_NAME_TYPE: Record<string, string> = { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE' };

export interface NameMention extends Mention {
  text: string;
  /** Gold: MEANTIME instance_id (cross-document entity); system: export entity id. */
  entity: string | null;
}

/**
 * MEANTIME names: gold entity mentions with syntactic_type NAM and type PER/ORG/LOC, mapped to
 * PERSON/ORG/PLACE. Every other gold entity mention (other types: PRO, FIN, MIX, none; other
 * syntactic types: NOM, PRO, PRE.NAM, APP, CONJ, none) is a neutral region.
 */
export function meantimeNames(doc: MeantimeDoc): { gold: NameMention[]; neutral: DocSpan[] } {
  const gold: NameMention[] = [];
  const neutral: DocSpan[] = [];
  for (const e of doc.gold.entities) {
    const type = e.type ? MEANTIME_NAME_TYPE[e.type] : undefined;
    if (e.syntactic_type === 'NAM' && type) {
      // The project's extents leave a leading "the" outside names (the CoNLL/ACE convention); MEANTIME keeps it inside.
      const article = /^(the|The|THE)\s+/.exec(e.text)?.[0].length ?? 0;
      gold.push({ doc: doc.path, start: e.start + article, end: e.end, type, text: e.text.slice(article), entity: e.instance_id });
    }
    else neutral.push({ doc: doc.path, start: e.start, end: e.end });
  }
  return { gold, neutral };
}

export interface TimexMention extends Timex {
  text: string;
  type: string;
}

/**
 * MEANTIME TIMEX3: every timex except the document creation time (functionInDocument
 * CREATION_TIME). The DCT is given to the system, so it is not scored (TempEval-3 practice);
 * its span in the dateline is a neutral region, so tagging it is no error either.
 */
export function meantimeTimex(doc: MeantimeDoc): { gold: TimexMention[]; neutral: DocSpan[] } {
  const gold: TimexMention[] = [];
  const neutral: DocSpan[] = [];
  for (const t of doc.gold.timex) {
    if (t.functionInDocument === 'CREATION_TIME') neutral.push({ doc: doc.path, start: t.start, end: t.end });
    else gold.push({ doc: doc.path, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value });
  }
  return { gold, neutral };
}

// ---------------------------------------------------------------- ECB+

interface EcbMention {
  start: number;
  end: number;
  text: string;
  type: string;
  sentence: number;
  in_validated_sentence: boolean;
  coref_chain?: string | null;
}

interface EcbGold {
  dct: string | null;
  events: EcbMention[];
  meta: { topic?: string; subcorpus?: string; validated_sentences?: number[] };
}

export interface EcbDoc {
  path: string;
  topic: string;
  text: string;
  gold: EcbGold;
  /** [start, end) of each validated sentence (the texts hold one sentence per line). */
  validated: DocSpan[];
}

export interface EcbDataset {
  dir: string;
  /** Topics in numeric order, each with its documents. */
  topics: Array<{ topic: string; docs: EcbDoc[] }>;
}

/** The span of each line (sentence) given by number; lines end at '\n'. */
export function lineSpans(text: string, lines: readonly number[], doc: string): DocSpan[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return lines
    .filter((n) => n >= 0 && n < starts.length)
    .map((n) => ({ doc, start: starts[n], end: n + 1 < starts.length ? starts[n + 1] - 1 : text.length }));
}

export function loadEcbPlus(devdata = devdataDir()): EcbDataset | null {
  const dir = path.join(devdata, 'ecbplus-dev');
  const pairs = goldPairs(dir);
  if (pairs.length === 0) return null;
  const byTopic = new Map<string, EcbDoc[]>();
  for (const p of pairs) {
    const gold = JSON.parse(readFileSync(p.gold, 'utf8')) as EcbGold;
    const text = readText(p.txt);
    const topic = p.name.split('_')[0];
    const docPath = `${p.name}.txt`;
    const doc: EcbDoc = { path: docPath, topic, text, gold, validated: lineSpans(text, gold.meta.validated_sentences ?? [], docPath) };
    const list = byTopic.get(topic);
    if (list) list.push(doc);
    else byTopic.set(topic, [doc]);
  }
  const topics = [...byTopic.entries()]
    .sort(([a], [b]) => (Number(a) - Number(b)) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([topic, docs]) => ({ topic, docs }));
  return { dir, topics };
}

export interface EventMention extends DocSpan {
  text: string;
  /** Gold: the coref_chain; system: the export event id. */
  cluster: string | null;
  type: string;
}

/**
 * ECB+ gold event mentions in validated sentences that carry a coref_chain. Validated-sentence
 * event mentions without a chain are neutral regions (annotated, not part of the coreference
 * gold). The caller scores system mentions only inside the validated sentences.
 */
export function ecbEvents(doc: EcbDoc): { gold: EventMention[]; neutral: DocSpan[] } {
  const gold: EventMention[] = [];
  const neutral: DocSpan[] = [];
  for (const e of doc.gold.events) {
    if (!e.in_validated_sentence) continue;
    if (e.coref_chain) gold.push({ doc: doc.path, start: e.start, end: e.end, text: e.text, type: e.type, cluster: e.coref_chain });
    else neutral.push({ doc: doc.path, start: e.start, end: e.end });
  }
  return { gold, neutral };
}

// ---------------------------------------------------------------- seeds gold

export const SEED_TYPES = ['PERSON', 'ORG', 'PLACE', 'NORP', 'MISC'] as const;

export interface SeedDoc {
  path: string;
  text: string;
}

export interface SeedsGold {
  goldDir: string;
  seedsDir: string;
  /** Every seed (all are analysed, as one corpus: linking is corpus-wide). */
  seeds: SeedDoc[];
  /** Gold mentions, per seed that has a gold file. */
  gold: Map<string, NameMention[]>;
  /** Entries of entities.json, when present (count only; the ids are what the mentions use). */
  entityCount: number | null;
  /** Gold files that name no seed. */
  unmatched: string[];
}

interface SeedGoldFile {
  path: string;
  mentions: Array<{ start: number; end: number; text: string; type: string; entity: string | null }>;
}

/** Seeds gold, or the reason it is not there. */
export function loadSeedsGold(root = repoRoot()): SeedsGold | { absent: string } {
  const goldDir = path.join(root, 'test', 'fixtures', 'seeds-gold');
  const seedsDir = path.join(root, 'seeds');
  const files = existsSync(goldDir) ? readdirSync(goldDir).filter((f) => f.endsWith('.entities.json')).sort() : [];
  if (files.length === 0) return { absent: `no ${path.relative(root, goldDir)}/*.entities.json` };
  const seeds: SeedDoc[] = existsSync(seedsDir)
    ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: readText(path.join(seedsDir, f)) }))
    : [];
  const gold = new Map<string, NameMention[]>();
  const unmatched: string[] = [];
  for (const f of files) {
    const data = JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')) as SeedGoldFile;
    const base = path.posix.basename(String(data.path ?? f.replace(/\.entities\.json$/, '.txt')).replace(/\\/g, '/'));
    const seed = seeds.find((s) => s.path === base);
    if (!seed) {
      unmatched.push(f);
      continue;
    }
    gold.set(seed.path, (data.mentions ?? []).map((m) => ({ doc: seed.path, start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity ?? null })));
  }
  let entityCount: number | null = null;
  const entitiesFile = path.join(goldDir, 'entities.json');
  if (existsSync(entitiesFile)) {
    const data = JSON.parse(readFileSync(entitiesFile, 'utf8')) as unknown;
    const list = Array.isArray(data) ? data : (data as { entities?: unknown }).entities;
    entityCount = Array.isArray(list) ? list.length : list && typeof list === 'object' ? Object.keys(list).length : typeof data === 'object' && data ? Object.keys(data).length : null;
  }
  if (gold.size === 0) return { absent: `${path.relative(root, goldDir)} names none of the seeds in seeds/` };
  return { goldDir, seedsDir, seeds, gold, entityCount, unmatched };
}

// ---------------------------------------------------------------- news we annotated (held out)

export interface NewsDoc {
  path: string;
  text: string;
  gold: NameMention[];
}

/**
 * ECB+ articles of topics 26–35 whose names we annotated by the seeds' guidelines (markup files in
 * eval/data/ecbplus-names): never trained on, all five types annotated in full.
 */
export function loadNewsNames(root = repoRoot()): { dir: string; docs: NewsDoc[] } | null {
  const dir = path.join(root, 'eval', 'data', 'ecbplus-names');
  if (!existsSync(dir)) return null;
  const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const parsed = parseMarkup(readText(path.join(dir, f)));
    if (parsed.problems.length) throw new Error(`${f}: ${parsed.problems[0]}`);
    return { path: f, text: parsed.text, gold: parsed.spans.map((s) => ({ doc: f, start: s.start, end: s.end, type: s.type, text: parsed.text.slice(s.start, s.end), entity: null })) };
  });
  return { dir, docs };
}
