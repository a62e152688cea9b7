// `npm run eval`: scores the recogniser against gold data through the stable corpus-lens/1 export
// and prints a table per dataset. Every scorer whose data is present runs; the others say why not.
//
//   npm run eval -- [--only names|timex|events|seeds[,…]] [--json] [--verbose] [--errors N]
//
// The corpus is built in-process from the core (analyzeDocument → Corpus.update → buildExport), so
// the harness scores whatever the core produces today and keeps working as the recognisers fill
// the export's entities, timex and events. Conventions: see metrics.ts, datasets.ts, peers.ts and
// the CONVENTIONS text below (also printed with --help).
import * as path from 'node:path';
import { analyzeDocument, buildExport, Corpus, type CorpusExport } from '../src/core/index.js';
import { useNameModel, type NameModel } from '../src/core/entities/model/index.js';
import { loadShippedModel } from './model.js';
import {
  devdataDir, ecbEvents, loadEcbPlus, loadMeantime, loadNewsNames, loadSeedsGold, meantimeAnnotatedRegion, meantimeNames, meantimeTimex, NAME_TYPES, repoRoot,
  SEED_TYPES, type EventMention, type MeantimeDoc, type NameMention, type SeedsGold, type TimexMention,
} from './datasets.js';
import {
  bcubed, breakdownByType, linkItemsFromMatches, matchSpans, overlaps, poolBCubed, prf, scoreSpans, scoreTimex,
  type BCubed, type Counts, type DocSpan, type SpanScore, type TimexScore, type TypedScore,
} from './metrics.js';
import { corefScores, type CorefScores } from './coref.js';
import { loadChrono, loadCompromise, type NamePeer, type TimexPeer } from './peers.js';
import { TRIGGERS } from '../src/core/events/kinds.js';
import { loadSeedEvents, scoreSeedEvents, type TreeEvent } from './seedEvents.js';
import { DECISIONS_PER_10K, f1, runLearning, type Learner, type LearningReport, type LearningSet, type SystemName } from './learning.js';
import { learnDecision } from '../src/core/entities/learnDecision.js';
import { LearnedWeights } from '../src/core/entities/model/learn.js';

const SCORERS = ['names', 'news', 'timex', 'events', 'seeds', 'seed-events', 'learning'] as const;
type ScorerName = (typeof SCORERS)[number];

const USAGE = `Usage: npm run eval -- [options]
  --only LIST   run only these scorers (comma-separated): ${SCORERS.join(', ')}
  --json        machine-readable output (one JSON object on stdout)
  --verbose     per-document figures and the first errors (missed and spurious spans with context)
  --errors N    how many errors --verbose lists per dataset (default 15)
  --model FILE  the name model to score (default models/names.model)
  -h, --help    this help and the scoring conventions
Data: $CORPUS_LENS_DEVDATA or ../shared/devdata (meantime-dev, ecbplus-dev); test/fixtures/seeds-gold.`;

const CONVENTIONS = `Conventions
  Matching is one-to-one. exact = same start and end (UTF-16, end exclusive); relaxed = overlap.
  Typed scores also need the same type. 0/0 counts as 0: an empty output scores 0 with its counts.
  Neutral regions: a system mention that overlaps no scored gold mention but overlaps an annotated,
  unscored gold region is neither a true nor a false positive (counted as "neutral").
  names  (MEANTIME) gold = entity mentions with syntactic_type NAM and type PER/ORG/LOC
         (→ PERSON/ORG/PLACE). Every other gold entity mention (PRO, FIN, MIX or untyped; NOM,
         PRO, PRE.NAM, APP… syntactic types) is a neutral region. System NORP and MISC mentions
         are not scored (MEANTIME does not annotate them as names). MEANTIME annotates names and
         TIMEX3 fully only in each article's opening (title, dateline, first sentences: lines
         0–5, or to the last line with a gold name or TIMEX3); system output after it is not
         scored (names and timex, system and peers alike). Per-type exact-span exact-type
         P/R/F1, micro-average over PERSON/ORG/PLACE; relaxed F1 = overlap + same type.
  timex  (MEANTIME, TempEval-3) every TIMEX3 except the document creation time
         (functionInDocument CREATION_TIME), which is given to the system through the gold DCT;
         its dateline span is a neutral region. relaxed = overlap, strict = same extent;
         value accuracy = relaxed matches whose value strings are identical; value F1 = value
         accuracy × relaxed F1 (type likewise). Types do not gate span matching.
  events (ECB+) one corpus per topic (file-name prefix before "_"). Gold = event mentions in
         validated sentences with a coref_chain; chainless validated event mentions are neutral
         regions; system mentions outside validated sentences are not scored (ECB+ annotates
         fully only the validated sentences). Mention match = overlap, one-to-one. Topics 26–35
         are kept aside from any training of the events components and reported apart.
  seed-events test/fixtures/seeds-events: the happenings a careful reader finds in each seed (see
         GUIDELINES.md there). Each event of the tree stands for the happening most of its
         mentions overlap; right = kind, date and roles as the fixture accepts them; not a
         happening = no mention on any happening (nor on a neutral mention); duplicate = a further
         event for a happening another stands for; recall = required happenings some event stands for.
  learning a simulated user on MEANTIME dev and the held-out news: each topic's documents are
         taken in path order, every other one worked on, the rest scored. In the worked documents
         the user reviews the system's names and the spans the model nearly read as names (its
         confidence that they are none ≤ 0.9), in gold's region; a name of a type gold does not
         annotate only where it overlaps a gold name. It decides each as gold says: its type, the
         overlapping gold span (when that is a name by our guidelines; else the system's span if
         gold gives it the same type, else nothing), or not a name; the model learns from each
         decision. Review order = least confident first, the list read again every 5 decisions;
         reading order = document by document, start to end. ${DECISIONS_PER_10K} per 10,000 tokens of the
         whole set, of decisions (accepting a right name counts) or of corrections (only those
         that change what the system said). Exact span + type F1 over PERSON/ORG/PLACE on the
         scored documents only, which no decision touched, before and after.
  seeds  test/fixtures/seeds-gold: the five seeds analysed as one corpus; every gold mention is
         scored (no neutral regions); exact span + type for PERSON/ORG/PLACE (micro (3)) and for
         all five types with NORP and MISC (micro (5)).
  linking B³ (events, names, seeds) is computed over the mentions found by both sides: the gold
         mentions matched by a system mention (events: overlap; names and seeds: exact span, any
         type), with the gold cluster (coref_chain / instance_id / gold entity) against the
         system cluster (event id / entity id). Missed and spurious mentions do not enter B³;
         they are what mention P/R/F1 measures, and n (the mentions scored) is printed beside it.
         Gold mentions without a cluster id (MEANTIME instance_id null) are left out of B³.
         Over topics, B³ is micro-averaged per mention.
  peers  compromise (people/organizations/places → PERSON/ORG/PLACE, surrounding punctuation and
         a possessive 's trimmed) on names and seeds; chrono-node on timex: spans as given;
         a value only when it names a full date (day or weekday known), compared with gold at
         gold's precision (YYYY, YYYY-MM, YYYY-MM-DD, …THH:MM as a prefix); otherwise no value,
         which counts as a wrong value, as a system null does.`;

interface Args {
  model?: string;
  only: Set<ScorerName>;
  json: boolean;
  verbose: boolean;
  errors: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { only: new Set(SCORERS), json: false, verbose: false, errors: 15 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--json') args.json = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--model') args.model = path.resolve(value());
    else if (a === '--errors') {
      args.errors = Number(value());
      if (!Number.isInteger(args.errors) || args.errors < 0) throw new UsageError('--errors takes a whole number.');
    } else if (a === '--only' || a.startsWith('--only=')) {
      const list = (a.startsWith('--only=') ? a.slice('--only='.length) : value()).split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((s) => !(SCORERS as readonly string[]).includes(s));
      if (bad.length || list.length === 0) throw new UsageError(`--only takes ${SCORERS.join('|')} (got "${bad.join(',')}").`);
      args.only = new Set(list as ScorerName[]);
    } else throw new UsageError(`Unknown option ${a}.`);
  }
  return args;
}

// ---------------------------------------------------------------- building the system output

interface SourceDoc {
  path: string;
  text: string;
  date?: string | null;
}

/** A system scored: the rules with the trained model deciding, or the rules alone. */
interface System {
  label: string;
  model: NameModel | null;
}

/** The recogniser's output for a set of documents, as one corpus, through the export. */
function systemExport(docs: readonly SourceDoc[], system: System = SYSTEMS[0]): CorpusExport {
  useNameModel(system.model);
  const corpus = new Corpus();
  for (const d of docs) {
    const analysis = analyzeDocument(d.text, d.date ? { path: d.path, metadata: { date: d.date } } : { path: d.path });
    corpus.update(d.path, d.text, analysis);
  }
  return buildExport(corpus);
}

const meantimeExports = new Map<string, CorpusExport>();

/** MEANTIME is analysed once per system (as one corpus) for both the names and the timex scorer. */
/** MEANTIME dev as the names and timex scorers read it: exported by the system once per run, not once per scorer. */
interface MeantimeRun {
  data: NonNullable<ReturnType<typeof loadMeantime>>;
  exp: CorpusExport;
  texts: Map<string, string>;
  analysisMs: number;
}

const meantimeRuns = new Map<string, MeantimeRun | null>();

function meantimeRun(root: string): MeantimeRun | null {
  if (!meantimeRuns.has(root)) {
    const data = loadMeantime(devdataDir(root));
    const t0 = performance.now();
    const exp = data && meantimeExport(data.dir, data.docs);
    meantimeRuns.set(root, data && exp ? { data, exp, texts: new Map(data.docs.map((d) => [d.path, d.text])), analysisMs: performance.now() - t0 } : null);
  }
  return meantimeRuns.get(root)!;
}

function meantimeExport(dir: string, docs: readonly MeantimeDoc[], system: System = SYSTEMS[0]): CorpusExport {
  let exp = meantimeExports.get(`${system.label}|${dir}`);
  if (!exp) {
    exp = systemExport(docs.map((d) => ({ path: d.path, text: d.text, date: d.dct })), system);
    meantimeExports.set(`${system.label}|${dir}`, exp);
  }
  return exp;
}

/** The shipped model when it loads (else the rules alone, said once), then the rules alone. */
const SYSTEMS: System[] = [];

function systemNames(exp: CorpusExport): NameMention[] {
  return exp.documents.flatMap((d) => d.entities.map((e) => ({ doc: d.path, start: e.start, end: e.end, type: e.type, text: e.text, entity: e.entity ?? null })));
}

function systemTimex(exp: CorpusExport): TimexMention[] {
  return exp.documents.flatMap((d) => d.timex.map((t) => ({ doc: d.path, start: t.start, end: t.end, type: t.type, text: t.text, value: t.value ?? null })));
}

function systemEvents(exp: CorpusExport, texts: Map<string, string>): EventMention[] {
  return exp.events.flatMap((e) =>
    e.mentions.map((m) => ({ doc: m.path, start: m.start, end: m.end, cluster: e.id, type: 'EVENT', text: texts.get(m.path)?.slice(m.start, m.end) ?? '' })),
  );
}

// ---------------------------------------------------------------- formatting

const pct = (x: number) => (100 * x).toFixed(1);

function table(header: string[], rows: Array<Array<string | number>>, leftColumns = 1): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

function countsRow(label: string, c: Counts, extra: Array<string | number> = []): Array<string | number> {
  const s = prf(c);
  return [label, c.gold, c.sys, c.tp, pct(s.p), pct(s.r), pct(s.f1), ...extra];
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** `…left ⟦span⟧ right…` on one line. */
function context(text: string, span: { start: number; end: number }, width = 35): string {
  const flat = (s: string) => s.replace(/\r?\n/g, ' ⏎ ').replace(/\s+/g, ' ');
  const left = text.slice(Math.max(0, span.start - width), span.start);
  const right = text.slice(span.end, span.end + width);
  return `${span.start > width ? '…' : ''}${flat(left)}⟦${flat(text.slice(span.start, span.end))}⟧${flat(right)}${span.end + width < text.length ? '…' : ''}`;
}

function shortDoc(doc: string, max = 44): string {
  return doc.length <= max ? doc : `${doc.slice(0, max - 1)}…`;
}

interface ErrorLine {
  kind: 'missed' | 'spurious' | 'type' | 'boundary' | 'value';
  doc: string;
  start: number;
  end: number;
  detail: string;
  context: string;
}

/**
 * Errors of a span score, each told once: a missed gold mention with a spurious system mention
 * of the same span is a type error, one with an overlapping same-type system mention a boundary
 * error; what remains is missed or spurious.
 */
function classifyErrors<G extends DocSpan & { type?: string }, S extends DocSpan & { type?: string }>(
  score: Pick<SpanScore<G, S>, 'missed' | 'spurious'>,
  texts: Map<string, string>,
  typed = true,
): ErrorLine[] {
  const out: ErrorLine[] = [];
  const used = new Set<S>();
  const text = (doc: string) => texts.get(doc) ?? '';
  for (const g of score.missed) {
    const candidates = score.spurious.filter((s) => !used.has(s) && s.doc === g.doc);
    const sameSpan = typed ? candidates.find((s) => s.start === g.start && s.end === g.end) : undefined;
    const boundary = sameSpan ? undefined : candidates.find((s) => overlaps(s, g) && (!typed || s.type === g.type));
    if (sameSpan) {
      used.add(sameSpan);
      out.push({ kind: 'type', doc: g.doc, start: g.start, end: g.end, detail: `${g.type ?? '?'}→${sameSpan.type ?? '?'}`, context: context(text(g.doc), g) });
    } else if (boundary) {
      used.add(boundary);
      out.push({ kind: 'boundary', doc: g.doc, start: g.start, end: g.end, detail: `${typed ? `${g.type ?? ''} ` : ''}sys ⟦${text(g.doc).slice(boundary.start, boundary.end)}⟧`, context: context(text(g.doc), g) });
    } else {
      out.push({ kind: 'missed', doc: g.doc, start: g.start, end: g.end, detail: typed ? (g.type ?? '') : '', context: context(text(g.doc), g) });
    }
  }
  for (const s of score.spurious) {
    if (!used.has(s)) out.push({ kind: 'spurious', doc: s.doc, start: s.start, end: s.end, detail: typed ? (s.type ?? '') : '', context: context(text(s.doc), s) });
  }
  return out.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
}

function errorLines(errors: ErrorLine[], max: number): string[] {
  if (errors.length === 0) return ['  errors: none'];
  const shown = errors.slice(0, max);
  return [
    `  errors (first ${shown.length} of ${errors.length}; ⟦gold⟧ for missed/type/boundary/value, ⟦system⟧ for spurious):`,
    ...table(
      ['  kind', 'where', 'detail', 'context'],
      shown.map((e) => [`  ${e.kind}`, `${shortDoc(e.doc)}:${e.start}`, e.detail, e.context]),
      4,
    ),
  ];
}

function bcubedLine(label: string, b: BCubed): string {
  return `${label} B³ over ${b.n} matched mentions: P ${pct(b.p)}  R ${pct(b.r)}  F1 ${pct(b.f1)}`;
}

// ---------------------------------------------------------------- scorers

interface Report {
  lines: string[];
  json: Record<string, unknown>;
}

function groupDocs<T extends DocSpan>(items: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(it.doc);
    if (list) list.push(it);
    else m.set(it.doc, [it]);
  }
  return m;
}

/** Keeps the mentions inside their document's region (MEANTIME's annotated opening). */
function inRegions<T extends DocSpan>(items: readonly T[], docs: readonly MeantimeDoc[]): T[] {
  const regions = new Map(docs.map((d) => [d.path, meantimeAnnotatedRegion(d)]));
  return items.filter((m) => {
    const r = regions.get(m.doc);
    return r !== undefined && overlaps(r, m);
  });
}

interface NamesResult {
  exact: TypedScore;
  relaxed: TypedScore;
  exactScore: SpanScore<NameMention, NameMention>;
  linking: BCubed;
  unscoredTypes: number;
}

/** Typed name scoring shared by MEANTIME and the seeds. */
function scoreNames(gold: NameMention[], sysAll: NameMention[], neutral: DocSpan[], types: readonly string[]): NamesResult {
  const sys = sysAll.filter((s) => types.includes(s.type));
  const exactScore = scoreSpans(gold, sys, { mode: 'exact', neutral });
  const relaxedScore = scoreSpans(gold, sys, { mode: 'overlap', neutral });
  const linkMatches = matchSpans(gold, sysAll, 'exact');
  return {
    exact: breakdownByType(gold, exactScore, sys, types),
    relaxed: breakdownByType(gold, relaxedScore, sys, types),
    exactScore,
    linking: bcubed(linkItemsFromMatches(linkMatches, gold, sysAll, (g) => g.entity, (s) => s.entity)),
    unscoredTypes: sysAll.length - sys.length,
  };
}

function namesRows(r: NamesResult, types: readonly string[], microLabel: string, prefix = ''): Array<Array<string | number>> {
  const rows = r.exact.byType
    .filter((b) => types.includes(b.type))
    .map((b) => countsRow(`${prefix}${b.type}`, b.counts, [pct(prf(r.relaxed.byType.find((x) => x.type === b.type)!.counts).f1)]));
  rows.push(countsRow(microLabel, r.exact.micro, [pct(prf(r.relaxed.micro).f1)]));
  return rows;
}

function namesJson(r: NamesResult): Record<string, unknown> {
  const typed = (t: TypedScore) => ({
    byType: Object.fromEntries(t.byType.map((b) => [b.type, { ...b.counts, ...prf(b.counts) }])),
    micro: { ...t.micro, ...prf(t.micro) },
  });
  return { exact: typed(r.exact), relaxed: typed(r.relaxed), neutral: r.exactScore.neutral.length, unscoredTypes: r.unscoredTypes, linking: r.linking };
}

const NAMES_HEADER = ['type', 'gold', 'sys', 'tp', 'P', 'R', 'F1', 'relaxed F1'];

function perDocNames(gold: NameMention[], sys: NameMention[], neutral: DocSpan[], docs: string[], types: readonly string[]) {
  const g = groupDocs(gold);
  const s = groupDocs(sys);
  const n = groupDocs(neutral);
  return docs.map((doc) => ({ doc, ...scoreNames(g.get(doc) ?? [], s.get(doc) ?? [], n.get(doc) ?? [], types).exact.micro }));
}

/** The gold mentions and neutral regions of every MEANTIME document, by one reader of them. */
function goldOf<G>(docs: readonly MeantimeDoc[], read: (d: MeantimeDoc) => { gold: G[]; neutral: DocSpan[] }): { gold: G[]; neutral: DocSpan[] } {
  const gold: G[] = [];
  const neutral: DocSpan[] = [];
  for (const d of docs) {
    const g = read(d);
    gold.push(...g.gold);
    neutral.push(...g.neutral);
  }
  return { gold, neutral };
}

async function runNames(args: Args, root: string, compromise: NamePeer | null): Promise<Report | string> {
  const run = meantimeRun(root);
  if (!run) return `names: skipped, no MEANTIME dev data in ${path.join(devdataDir(root), 'meantime-dev')}`;
  const { data, exp, texts, analysisMs } = run;
  const t1 = performance.now();
  const { gold, neutral } = goldOf(data.docs, meantimeNames);
  const sysEverywhere = systemNames(exp);
  const sysAll = inRegions(sysEverywhere, data.docs);
  const result = scoreNames(gold, sysAll, neutral, NAME_TYPES);
  const others = SYSTEMS.slice(1).map((system) => ({ system, result: scoreNames(gold, inRegions(systemNames(meantimeExport(data.dir, data.docs, system)), data.docs), neutral, NAME_TYPES) }));
  let peer: { result: NamesResult; ms: number } | null = null;
  if (compromise) {
    const p0 = performance.now();
    const peerSys = inRegions(data.docs.flatMap((d) => compromise.names(d.text, d.path)), data.docs);
    peer = { result: scoreNames(gold, peerSys, neutral, NAME_TYPES), ms: performance.now() - p0 };
  }
  const t2 = performance.now();
  const lines = [
    `names · MEANTIME dev (${data.docs.length} docs, ${gold.length} gold names) · exact span + exact type; relaxed = overlap + type`,
    ...table(NAMES_HEADER, [
      ...namesRows(result, NAME_TYPES, `micro, ${SYSTEMS[0].label}`),
      ...others.flatMap((o) => namesRows(o.result, NAME_TYPES, `micro, ${o.system.label}`, `${o.system.label}: `)),
      ...(peer ? [countsRow(`${compromise!.name} (peer)`, peer.result.exact.micro, [pct(prf(peer.result.relaxed.micro).f1)])] : []),
    ]),
    `not scored: ${sysEverywhere.length - sysAll.length} system names after the annotated opening (title, dateline, first sentences), ${result.unscoredTypes} NORP/MISC; neutral: ${result.exactScore.neutral.length} overlapping only unscored gold mentions`,
    bcubedLine('linking (system entity vs gold instance_id)', result.linking),
  ];
  if (!compromise) lines.push('peer: compromise is not installed (npm install -D compromise)');
  if (args.verbose) {
    if (peer) {
      lines.push(`${compromise!.name} ${compromise!.version} per type:`, ...table(NAMES_HEADER, namesRows(peer.result, NAME_TYPES, 'micro')).map((l) => `  ${l}`));
    }
    lines.push('per document (micro over PERSON/ORG/PLACE, exact):');
    const rows = perDocNames(gold, sysAll.filter((s) => (NAME_TYPES as readonly string[]).includes(s.type)), neutral, data.docs.map((d) => d.path), NAME_TYPES);
    lines.push(...table(['  doc', 'gold', 'sys', 'tp', 'P', 'R', 'F1'], rows.map((r) => countsRow(`  ${shortDoc(r.doc, 60)}`, r))));
    lines.push(...errorLines(classifyErrors(result.exactScore, texts), args.errors));
  }
  lines.push(`time: analysis ${seconds(analysisMs)}, scoring ${seconds(t2 - t1)}${peer ? ` (of which ${compromise!.name} ${seconds(peer.ms)})` : ''}`);
  return {
    lines,
    json: {
      dataset: 'MEANTIME dev',
      docs: data.docs.length,
      gold: gold.length,
      system: SYSTEMS[0].label,
      ...namesJson(result),
      others: Object.fromEntries(others.map((o) => [o.system.label, namesJson(o.result)])),
      outsideAnnotatedRegion: sysEverywhere.length - sysAll.length,
      peers: peer ? { [compromise!.name]: { version: compromise!.version, ...namesJson(peer.result) } } : {},
      ...(args.verbose ? { errors: classifyErrors(result.exactScore, texts) } : {}),
      timeMs: { analysis: analysisMs, scoring: t2 - t1 },
    },
  };
}

function timexRow(label: string, s: TimexScore): Array<string | number> {
  const rel = prf(s.relaxed);
  const str = prf(s.strict);
  return [label, s.relaxed.gold, s.relaxed.sys, s.relaxed.tp, pct(rel.p), pct(rel.r), pct(rel.f1), s.strict.tp, pct(str.p), pct(str.r), pct(str.f1), pct(s.valueAccuracy), pct(s.valueF1), pct(s.typeAccuracy)];
}

function timexJson(s: TimexScore): Record<string, unknown> {
  return {
    relaxed: { ...s.relaxed, ...prf(s.relaxed) },
    strict: { ...s.strict, ...prf(s.strict) },
    valueCorrect: s.valueCorrect,
    valueAccuracy: s.valueAccuracy,
    valueF1: s.valueF1,
    typeCorrect: s.typeCorrect,
    typeAccuracy: s.typeAccuracy,
    typeF1: s.typeF1,
    neutral: s.relaxedScore.neutral.length,
  };
}

/** Span errors (untyped) plus relaxed matches with a wrong value. */
function timexErrors(score: TimexScore, texts: Map<string, string>): ErrorLine[] {
  const errors = classifyErrors(score.relaxedScore, texts, false);
  for (const [g, s] of score.wrongValues) {
    errors.push({ kind: 'value', doc: g.doc, start: g.start, end: g.end, detail: `${g.value ?? 'null'} ≠ ${s.value ?? 'null'}`, context: context(texts.get(g.doc) ?? '', g) });
  }
  return errors.sort((a, b) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
}

const TIMEX_HEADER = ['system', 'gold', 'sys', 'tp', 'P', 'R', 'F1', 'strict tp', 'P', 'R', 'F1', 'value acc', 'value F1', 'type acc'];

async function runTimex(args: Args, root: string, chrono: TimexPeer | null): Promise<Report | string> {
  const run = meantimeRun(root);
  if (!run) return `timex: skipped, no MEANTIME dev data in ${path.join(devdataDir(root), 'meantime-dev')}`;
  const { data, exp, texts, analysisMs } = run;
  const t1 = performance.now();
  const { gold, neutral } = goldOf(data.docs, meantimeTimex);
  const sysEverywhere = systemTimex(exp);
  const sys = inRegions(sysEverywhere, data.docs);
  const score = scoreTimex(gold, sys, neutral);
  let peer: { score: TimexScore; ms: number } | null = null;
  if (chrono) {
    const p0 = performance.now();
    const peerSys = inRegions(data.docs.flatMap((d) => chrono.timex(d.text, d.path, d.dct)), data.docs);
    peer = { score: scoreTimex(gold, peerSys, neutral, chrono.valueEquals), ms: performance.now() - p0 };
  }
  const t2 = performance.now();
  const byGoldType = [...new Set(gold.map((g) => g.type))].sort();
  const lines = [
    `timex · MEANTIME dev (${data.docs.length} docs, ${gold.length} gold TIMEX3, DCT excluded) · TempEval-3: relaxed = overlap, strict = same extent`,
    ...table(TIMEX_HEADER, [timexRow('corpus-lens', score), ...(peer ? [timexRow(`${chrono!.name} (peer)`, peer.score)] : [])]),
    `value F1 = value accuracy × relaxed F1; not scored: ${sysEverywhere.length - sys.length} system timex after the annotated opening; neutral: ${score.relaxedScore.neutral.length} overlapping only the DCT`,
    `relaxed recall by gold type: ${byGoldType.map((t) => {
      const gt = gold.filter((g) => g.type === t);
      const found = score.relaxedScore.matches.filter(([g]) => gold[g].type === t).length;
      return `${t} ${found}/${gt.length}`;
    }).join(', ')}`,
  ];
  if (!chrono) lines.push('peer: chrono-node is not installed (npm install -D chrono-node)');
  if (args.verbose) {
    lines.push('per document (relaxed):');
    const g = groupDocs(gold);
    const s = groupDocs(sys);
    const n = groupDocs(neutral);
    lines.push(...table(['  doc', 'gold', 'sys', 'tp', 'P', 'R', 'F1', 'value acc'], data.docs.map((d) => {
      const ds = scoreTimex(g.get(d.path) ?? [], s.get(d.path) ?? [], n.get(d.path) ?? []);
      return countsRow(`  ${shortDoc(d.path, 60)}`, ds.relaxed, [pct(ds.valueAccuracy)]);
    })));
    lines.push(...errorLines(timexErrors(score, texts), args.errors));
  }
  lines.push(`time: analysis ${seconds(analysisMs)}, scoring ${seconds(t2 - t1)}${peer ? ` (of which ${chrono!.name} ${seconds(peer.ms)})` : ''}`);
  return {
    lines,
    json: {
      dataset: 'MEANTIME dev',
      docs: data.docs.length,
      gold: gold.length,
      ...timexJson(score),
      outsideAnnotatedRegion: sysEverywhere.length - sys.length,
      peers: peer ? { [chrono!.name]: { version: chrono!.version, ...timexJson(peer.score) } } : {},
      ...(args.verbose ? { errors: timexErrors(score, texts) } : {}),
      timeMs: { analysis: analysisMs, scoring: t2 - t1 },
    },
  };
}

async function runEvents(args: Args, root: string): Promise<Report | string> {
  const data = loadEcbPlus(devdataDir(root));
  if (!data) return `events: skipped, no ECB+ dev data in ${path.join(devdataDir(root), 'ecbplus-dev')}`;
  let analysisMs = 0;
  let scoringMs = 0;
  const rows: Array<{ topic: string; docs: number; mention: Counts; link: BCubed; outside: number; neutral: number }> = [];
  const perDoc: Array<{ doc: string; topic: string; mention: Counts }> = [];
  const allErrors: ErrorLine[] = [];
  const coref = { key: new Map<string, string>(), system: new Map<string, string>(), lemma: new Map<string, string>() };
  for (const { topic, docs } of data.topics) {
    const t0 = performance.now();
    const exp = systemExport(docs.map((d) => ({ path: d.path, text: d.text, date: d.gold.dct })));
    const t1 = performance.now();
    const texts = new Map(docs.map((d) => [d.path, d.text]));
    const gold: EventMention[] = [];
    const neutral: DocSpan[] = [];
    const validated = new Map<string, DocSpan[]>();
    for (const d of docs) {
      const g = ecbEvents(d);
      gold.push(...g.gold);
      neutral.push(...g.neutral);
      validated.set(d.path, d.validated);
    }
    const sysAll = systemEvents(exp, texts);
    const sys = sysAll.filter((s) => (validated.get(s.doc) ?? []).some((v) => overlaps(v, s)));
    const score = scoreSpans(gold, sys, { mode: 'overlap', typed: false, neutral });
    const link = bcubed(linkItemsFromMatches(score.matches, gold, sys, (g) => g.cluster, (s) => s.cluster));
    rows.push({ topic, docs: docs.length, mention: score.counts, link, outside: sysAll.length - sys.length, neutral: score.neutral.length });
    addCorefMentions(coref, topic, gold, sys, score);
    const g = groupDocs(gold);
    const sd = groupDocs(sys);
    const nd = groupDocs(neutral);
    for (const d of docs) perDoc.push({ doc: d.path, topic, mention: scoreSpans(g.get(d.path) ?? [], sd.get(d.path) ?? [], { mode: 'overlap', typed: false, neutral: nd.get(d.path) ?? [] }).counts });
    if (args.verbose) allErrors.push(...classifyErrors(score, texts, false));
    scoringMs += performance.now() - t1;
    analysisMs += t1 - t0;
  }
  const micro = {
    mention: rows.reduce<Counts>((a, r) => ({ gold: a.gold + r.mention.gold, sys: a.sys + r.mention.sys, tp: a.tp + r.mention.tp }), { gold: 0, sys: 0, tp: 0 }),
    link: poolBCubed(rows.map((r) => r.link)),
  };
  const docCount = rows.reduce((a, r) => a + r.docs, 0);
  const t2 = performance.now();
  const conll = { system: corefScores(coref.key, coref.system), lemma: corefScores(coref.key, coref.lemma) };
  // Topics a learned events component may be trained on, and the ones kept aside to measure it.
  const split = ([['topics 1–25 (may train)', false], ['topics 26–35 (kept aside)', true]] as const).map(([label, keptAside]) => {
    const part = rows.filter((r) => ECB_KEPT_ASIDE(r.topic) === keptAside);
    const only = (m: Map<string, string>) => new Map([...m].filter(([name]) => ECB_KEPT_ASIDE(name.slice(0, name.indexOf(':'))) === keptAside));
    return {
      label, docs: part.reduce((a, r) => a + r.docs, 0),
      mention: part.reduce<Counts>((a, r) => ({ gold: a.gold + r.mention.gold, sys: a.sys + r.mention.sys, tp: a.tp + r.mention.tp }), { gold: 0, sys: 0, tp: 0 }),
      link: poolBCubed(part.map((r) => r.link)),
      conll: corefScores(only(coref.key), only(coref.system)).conll, lemmaConll: corefScores(only(coref.key), only(coref.lemma)).conll,
    };
  });
  scoringMs += performance.now() - t2;
  const row = (label: string, docs: number | string, m: Counts, b: BCubed) => {
    const s = prf(m);
    return [label, docs, m.gold, m.sys, m.tp, pct(s.p), pct(s.r), pct(s.f1), b.n, pct(b.p), pct(b.r), pct(b.f1)];
  };
  const header = ['topic', 'docs', 'gold', 'sys', 'tp', 'P', 'R', 'F1', 'B³ n', 'B³ P', 'B³ R', 'B³ F1'];
  const lines = [
    `events · ECB+ dev (${data.topics.length} topics, ${docCount} docs, ${micro.mention.gold} gold mentions in validated sentences with a chain) · mention match = overlap; B³ over matched mentions, one corpus per topic`,
    ...table(header, [...rows.map((r) => row(r.topic, r.docs, r.mention, r.link)), row('micro', docCount, micro.mention, micro.link), ...split.map((p) => row(p.label, p.docs, p.mention, p.link))]),
    `CoNLL F1 (same lemma baseline): ${split.map((p) => `${p.label} ${pct(p.conll)} (${pct(p.lemmaConll)})`).join('; ')}`,
    `not scored: ${rows.reduce((a, r) => a + r.outside, 0)} system mentions outside validated sentences; neutral: ${rows.reduce((a, r) => a + r.neutral, 0)} overlapping only chainless gold events`,
    `coreference with predicted mentions (${coref.key.size} gold, ${coref.system.size} system; MUC, B³ and CEAF-e as the CoNLL-2012 scorer defines them, a system mention is the gold one it matches; within each topic):`,
    ...table(['  clusters', 'MUC R', 'P', 'F1', 'B³ R', 'P', 'F1', 'CEAF-e R', 'P', 'F1', 'CoNLL F1'], [corefRow('  corpus-lens', conll.system), corefRow('  same lemma (baseline)', conll.lemma)]),
  ];
  if (args.verbose) {
    lines.push('per document (mentions, overlap):');
    lines.push(...table(['  doc', 'gold', 'sys', 'tp', 'P', 'R', 'F1'], perDoc.map((r) => countsRow(`  ${r.doc}`, r.mention))));
    lines.push(...errorLines(allErrors, args.errors));
  }
  lines.push(`time: analysis ${seconds(analysisMs)}, scoring ${seconds(scoringMs)}`);
  return {
    lines,
    json: {
      dataset: 'ECB+ dev',
      topics: rows.map((r) => ({ topic: r.topic, docs: r.docs, mention: { ...r.mention, ...prf(r.mention) }, bcubed: r.link, outsideValidated: r.outside, neutral: r.neutral })),
      micro: { docs: docCount, mention: { ...micro.mention, ...prf(micro.mention) }, bcubed: micro.link },
      split: split.map((p) => ({ topics: p.label, docs: p.docs, mention: { ...p.mention, ...prf(p.mention) }, bcubed: p.link, conll: p.conll, sameLemmaConll: p.lemmaConll })),
      coreference: { goldMentions: coref.key.size, systemMentions: coref.system.size, corpusLens: conll.system, sameLemma: conll.lemma },
      documents: perDoc.map((r) => ({ doc: r.doc, topic: r.topic, ...r.mention, ...prf(r.mention) })),
      ...(args.verbose ? { errors: allErrors } : {}),
      timeMs: { analysis: analysisMs, scoring: scoringMs },
    },
  };
}

/**
 * Wire headlines are written in capitals: each article's first line (its title) scored as written
 * and again in capitals, strict span and type, PERSON/ORG/PLACE. Only articles whose first line
 * keeps its length in capitals count, so gold offsets stand.
 */
function headlinesInCapitals(docs: ReadonlyArray<{ path: string; text: string; gold: NameMention[] }>): { docs: number; gold: number; asWritten: number; inCapitals: number } {
  const kept = docs.flatMap((d) => {
    const end = d.text.includes('\n') ? d.text.indexOf('\n') : d.text.length;
    const capitals = d.text.slice(0, end).toUpperCase() + d.text.slice(end);
    return capitals.length === d.text.length ? [{ ...d, end, capitals }] : [];
  });
  const gold = kept.flatMap((d) => d.gold.filter((g) => g.end <= d.end && (NAME_TYPES as readonly string[]).includes(g.type)));
  const f1 = (text: (d: (typeof kept)[number]) => string) => {
    const lineEnd = new Map(kept.map((d) => [d.path, d.end]));
    const sys = systemNames(systemExport(kept.map((d) => ({ path: d.path, text: text(d) })))).filter((m) => m.end <= lineEnd.get(m.doc)!);
    return prf(scoreNames(gold, sys, [], NAME_TYPES).exact.micro).f1;
  };
  return { docs: kept.length, gold: gold.length, asWritten: f1((d) => d.text), inCapitals: f1((d) => d.capitals) };
}

/** ECB+ topics kept aside from any training of the events components (26–35): their figures are the honest ones. */
const ECB_KEPT_ASIDE = (topic: string) => Number(topic) >= 26;

/**
 * One topic's mentions for the coreference scores: the gold mentions in their chains (the key); the
 * system's scored mentions (neutral ones left out) in their events, and, for the baseline, joined
 * when their triggers have the same lemma. A system mention that matches a gold one takes its name,
 * so that the two sides speak of the same mention; names carry the topic (no cluster spans topics).
 */
function addCorefMentions(
  coref: { key: Map<string, string>; system: Map<string, string>; lemma: Map<string, string> },
  topic: string, gold: readonly EventMention[], sys: readonly EventMention[], score: SpanScore<EventMention, EventMention>,
): void {
  gold.forEach((g, i) => { if (g.cluster !== null) coref.key.set(`${topic}:g${i}`, `${topic}:${g.cluster}`); });
  const matched = new Map(score.matches.map(([g, s]) => [s, g]));
  const neutral = new Set(score.neutral);
  sys.forEach((s, i) => {
    if (neutral.has(s) || s.cluster === null) return;
    const g = matched.get(i);
    const name = g !== undefined && gold[g].cluster !== null ? `${topic}:g${g}` : `${topic}:s${i}`;
    coref.system.set(name, `${topic}:${s.cluster}`);
    coref.lemma.set(name, `${topic}:${triggerLemma(s.text)}`);
  });
}

/** The lemma of a trigger's first word, as the extractor's word lists give it ("met" → meet), else the word. */
function triggerLemma(text: string): string {
  const word = text.toLowerCase().split(/\s+/)[0] ?? '';
  return TRIGGERS.get(word)?.[0]?.lemma ?? word;
}

function corefRow(label: string, c: CorefScores): Array<string | number> {
  return [label, ...[c.muc, c.bcubed, c.ceafe].flatMap((m) => [pct(m.r), pct(m.p), pct(m.f1)]), pct(c.conll)];
}

/** Held-out news we annotated ourselves: every name annotated, so nothing is neutral. */
async function runNews(args: Args, root: string, compromise: NamePeer | null): Promise<Report | string> {
  const data = loadNewsNames(root);
  if (!data) return 'news: skipped, no eval/data/ecbplus-names';
  const t0 = performance.now();
  const sources = data.docs.map((d) => ({ path: d.path, text: d.text }));
  const gold = data.docs.flatMap((d) => d.gold);
  const gold3 = gold.filter((g) => (NAME_TYPES as readonly string[]).includes(g.type));
  const texts = new Map(data.docs.map((d) => [d.path, d.text]));
  const results = SYSTEMS.map((system) => ({ system, result: scoreNames(gold3, systemNames(systemExport(sources, system)), [], NAME_TYPES) }));
  const t1 = performance.now();
  const peer = compromise ? scoreNames(gold3, data.docs.flatMap((d) => compromise.names(d.text, d.path)), [], NAME_TYPES) : null;
  const t2 = performance.now();
  const [main, ...others] = results;
  const lines = [
    `names · news held out (ECB+ topics 26–35 annotated by us, ${data.docs.length} docs, ${gold3.length} gold names) · exact span + exact type; relaxed = overlap + type`,
    ...table(NAMES_HEADER, [
      ...namesRows(main.result, NAME_TYPES, `micro, ${main.system.label}`),
      ...others.flatMap((o) => namesRows(o.result, NAME_TYPES, `micro, ${o.system.label}`, `${o.system.label}: `)),
      ...(peer ? [countsRow(`${compromise!.name} (peer)`, peer.exact.micro, [pct(prf(peer.relaxed.micro).f1)])] : []),
    ]),
  ];
  if (args.verbose) lines.push(...errorLines(classifyErrors(main.result.exactScore, texts), args.errors));
  const headlines = headlinesInCapitals(data.docs);
  lines.push(`first lines (${headlines.docs} docs, ${headlines.gold} names) as written: F1 ${pct(headlines.asWritten)}; the same lines in capitals, as wire headlines: F1 ${pct(headlines.inCapitals)}`);
  lines.push(`time: analysis ${seconds(t1 - t0)}, peer ${seconds(t2 - t1)}`);
  return {
    lines,
    json: {
      dataset: 'news held out (ECB+ 26–35)',
      docs: data.docs.length,
      gold: gold3.length,
      ...Object.fromEntries(results.map((r) => [r.system.label, namesJson(r.result)])),
      peers: peer ? { [compromise!.name]: { version: compromise!.version, ...namesJson(peer) } } : {},
    },
  };
}

async function runSeeds(args: Args, root: string, compromise: NamePeer | null): Promise<Report | string> {
  const loaded = loadSeedsGold(root);
  if ('absent' in loaded) return `seeds: skipped, seeds gold absent (${loaded.absent})`;
  const data: SeedsGold = loaded;
  const t0 = performance.now();
  const exp = systemExport(data.seeds.map((s) => ({ path: s.path, text: s.text })));
  const t1 = performance.now();
  const texts = new Map(data.seeds.map((s) => [s.path, s.text]));
  const scored = new Set(data.gold.keys());
  const gold = [...data.gold.values()].flat();
  const sysAll = systemNames(exp).filter((s) => scored.has(s.doc));
  const three = scoreNames(gold.filter((g) => (NAME_TYPES as readonly string[]).includes(g.type)), sysAll, [], NAME_TYPES);
  const five = scoreNames(gold, sysAll, [], SEED_TYPES);
  const others = SYSTEMS.slice(1).map((system) => {
    const sys = systemNames(systemExport(data.seeds.map((x) => ({ path: x.path, text: x.text })), system)).filter((x) => scored.has(x.doc));
    return { system, three: scoreNames(gold.filter((g) => (NAME_TYPES as readonly string[]).includes(g.type)), sys, [], NAME_TYPES), five: scoreNames(gold, sys, [], SEED_TYPES) };
  });
  let peer: NamesResult | null = null;
  if (compromise) {
    const peerSys = data.seeds.filter((s) => scored.has(s.path)).flatMap((s) => compromise.names(s.text, s.path));
    peer = scoreNames(gold.filter((g) => (NAME_TYPES as readonly string[]).includes(g.type)), peerSys, [], NAME_TYPES);
  }
  const t2 = performance.now();
  const otherTypes = [...new Set(gold.map((g) => g.type))].filter((t) => !(SEED_TYPES as readonly string[]).includes(t));
  const lines = [
    `names · seeds (${scored.size} of ${data.seeds.length} seeds with gold, ${gold.length} gold mentions${data.entityCount !== null ? `, ${data.entityCount} gold entities` : ''}) · exact span + exact type`,
    ...table(NAMES_HEADER, [
      ...namesRows(five, SEED_TYPES, 'micro (5)').slice(0, SEED_TYPES.length),
      countsRow(`micro (3), ${SYSTEMS[0].label}`, three.exact.micro, [pct(prf(three.relaxed.micro).f1)]),
      countsRow(`micro (5), ${SYSTEMS[0].label}`, five.exact.micro, [pct(prf(five.relaxed.micro).f1)]),
      ...others.flatMap((o) => [
        countsRow(`micro (3), ${o.system.label}`, o.three.exact.micro, [pct(prf(o.three.relaxed.micro).f1)]),
        countsRow(`micro (5), ${o.system.label}`, o.five.exact.micro, [pct(prf(o.five.relaxed.micro).f1)]),
      ]),
      ...(peer ? [countsRow(`${compromise!.name} (peer, 3)`, peer.exact.micro, [pct(prf(peer.relaxed.micro).f1)])] : []),
    ]),
    bcubedLine(`linking, ${SYSTEMS[0].label} (system entity vs gold entity, exact span)`, five.linking),
    ...others.map((o) => bcubedLine(`linking, ${o.system.label}`, o.five.linking)),
  ];
  if (otherTypes.length) lines.push(`note: gold types outside the five are scored under micro (5) only as misses: ${otherTypes.join(', ')}`);
  if (data.unmatched.length) lines.push(`note: gold files naming no seed: ${data.unmatched.join(', ')}`);
  if (args.verbose) {
    lines.push('per document (micro over the five types, exact):');
    const rows = perDocNames(gold, sysAll, [], [...scored], SEED_TYPES);
    lines.push(...table(['  doc', 'gold', 'sys', 'tp', 'P', 'R', 'F1'], rows.map((r) => countsRow(`  ${r.doc}`, r))));
    lines.push(...errorLines(classifyErrors(five.exactScore, texts), args.errors));
  }
  lines.push(`time: analysis ${seconds(t1 - t0)}, scoring ${seconds(t2 - t1)}`);
  return {
    lines,
    json: {
      dataset: 'seeds',
      docs: scored.size,
      gold: gold.length,
      entities: data.entityCount,
      system: SYSTEMS[0].label,
      threeTypes: namesJson(three),
      fiveTypes: namesJson(five),
      others: Object.fromEntries(others.map((o) => [o.system.label, { threeTypes: namesJson(o.three), fiveTypes: namesJson(o.five) }])),
      peers: peer ? { [compromise!.name]: { version: compromise!.version, ...namesJson(peer) } } : {},
      ...(args.verbose ? { errors: classifyErrors(five.exactScore, texts) } : {}),
      timeMs: { analysis: t1 - t0, scoring: t2 - t1 },
    },
  };
}

/** The tree's events as the seeds scorer reads them: kind and roles from the export (derived from the title's order where absent). */
function treeEvents(exp: CorpusExport): TreeEvent[] {
  const types = new Map(exp.entities.map((e) => [e.id, e.type]));
  return exp.events.map((e) => {
    const ev = e as typeof e & { kind?: string; roles?: { agent: string[]; patient: string[] } };
    const kind = ev.kind ?? e.id.split(':')[1];
    let roles = ev.roles;
    if (!roles) {
      // An export without roles: read them as its title gives them ("A meets B", "Arrest of A", "Decision by A and B").
      const rank: Record<string, number> = { PERSON: 0, ORG: 1, MISC: 2 };
      const named = e.participants.filter((id) => id !== e.place && (types.get(id) ?? '') in rank).sort((a, b) => rank[types.get(a)!] - rank[types.get(b)!]);
      const [a, b] = named;
      if (kind === 'meeting' || kind === 'visit') roles = { agent: a ? [a] : [], patient: b && !(kind === 'visit' && e.place) ? [b] : [] };
      else if (kind === 'arrest' || kind === 'killing') roles = { agent: [], patient: named.slice(0, 2) };
      else roles = { agent: named.slice(0, 2), patient: [] };
    }
    return { id: e.id, kind, date: e.date, title: e.title, agent: roles.agent, patient: roles.patient, place: e.place, mentions: e.mentions.map((m) => ({ doc: m.path, start: m.start, end: m.end })) };
  });
}

async function runSeedEvents(args: Args, root: string): Promise<Report | string> {
  const loaded = loadSeedsGold(root);
  if ('absent' in loaded) return `seed-events: skipped, no seeds (${loaded.absent})`;
  const texts = new Map(loaded.seeds.map((s) => [s.path, s.text]));
  const gold = loadSeedEvents(root, texts);
  if ('absent' in gold) return `seed-events: skipped, no fixture (${gold.absent})`;
  if (gold.errors.length) return `seed-events: the fixture has errors (node --import tsx test/fixtures/seeds-events/validate.ts):\n  ${gold.errors.join('\n  ')}`;
  const t0 = performance.now();
  const exp = systemExport(loaded.seeds.map((s) => ({ path: s.path, text: s.text })));
  const t1 = performance.now();
  const forms = new Map(exp.entities.map((e) => [e.id, [e.name, ...e.aliases]]));
  const s = scoreSeedEvents(gold, treeEvents(exp), (id) => forms.get(id) ?? []);
  const share = (n: number, d: number) => `${n}/${d} (${d ? pct(n / d) : '0.0'}%)`;
  const lines = [
    `events · seeds (${gold.happenings.length} happenings a careful reader finds, ${s.required} required; test/fixtures/seeds-events) · targets: ≥75% right, ≤3 not happenings, ≤2 duplicates, ≥80% recall`,
    ...table(['measure', 'value'], [
      ['events in the tree', s.events],
      ['right in kind, date and roles', share(s.right, s.scored)],
      ['not happenings', s.notHappenings],
      ['duplicates (of them in one document)', `${s.duplicates} (${s.duplicatesInDocument})`],
      ['wrong kind / date / roles (events standing for a happening)', `${s.wrongKind} / ${s.wrongDate} / ${s.wrongRoles}`],
      ['mixing happenings', s.mixed],
      ['neutral (not scored)', s.neutral],
      ['fixture recall (required happenings found)', share(s.found, s.required)],
      ['optional happenings found', s.optionalFound],
    ]),
  ];
  if (args.verbose) {
    lines.push('events:');
    for (const j of s.judged) {
      const where = j.event.mentions.map((m) => `${m.doc.slice(0, 3)}:${(texts.get(m.doc) ?? '').slice(m.start, m.end)}`).join(', ');
      lines.push(`  ${j.verdict.padEnd(15)} ${j.event.date ?? '----'} ${j.event.kind.padEnd(11)} ${j.event.title}${j.happening ? ` → ${j.happening.id}` : ''}${j.faults.length ? ` [${j.faults.join('; ')}]` : ''}  (${where})`);
    }
    lines.push('missed:', ...s.missed.map((h) => `  ${h.id} (${h.kind[0]}, ${h.date ?? 'undated'})`));
  }
  lines.push(`time: analysis ${seconds(t1 - t0)}`);
  const { judged, missed, ...figures } = s;
  return {
    lines,
    json: {
      dataset: 'seeds events',
      happenings: gold.happenings.length,
      ...figures,
      rightShare: s.scored ? s.right / s.scored : 0,
      recall: s.required ? s.found / s.required : 0,
      ...(args.verbose ? { events: judged.map((j) => ({ id: j.event.id, title: j.event.title, verdict: j.verdict, happening: j.happening?.id ?? null, faults: j.faults })), missed: missed.map((h) => h.id) } : {}),
    },
  };
}

// ---------------------------------------------------------------- main

/** The system names of a learning set's documents, read with a model, as the export gives them. */
function learningNames(docs: ReadonlyArray<{ path: string; text: string; date?: string | null }>, model: NameModel): SystemName[] {
  return systemExport(docs, { label: 'learned', model }).documents.flatMap((d) =>
    d.entities.map((e) => ({ doc: d.path, start: e.start, end: e.end, type: e.type, text: e.text, entity: e.entity ?? null, ...(e.confidence === undefined ? {} : { confidence: e.confidence }) })),
  );
}

function learningSets(root: string): LearningSet[] {
  const sets: LearningSet[] = [];
  const meantime = loadMeantime(devdataDir(root));
  if (meantime) {
    sets.push({
      label: 'MEANTIME dev',
      decidable: NAME_TYPES,
      scored: NAME_TYPES,
      docs: meantime.docs.map((d) => ({ path: d.path, text: d.text, date: d.dct, topic: /^corpus_([^_]+)/.exec(d.path)?.[1] ?? '', ...meantimeNames(d), region: meantimeAnnotatedRegion(d) })),
    });
  }
  const news = loadNewsNames(root);
  if (news) {
    sets.push({
      label: 'news held out',
      decidable: SEED_TYPES,
      scored: NAME_TYPES,
      docs: news.docs.map((d) => ({ path: d.path, text: d.text, topic: d.path.split('_')[0], gold: d.gold, neutral: [] })),
    });
  }
  return sets;
}

async function runLearningScorer(root: string): Promise<Report | string> {
  const shipped = SYSTEMS[0].model;
  if (!shipped) return 'learning: skipped, no name model';
  const sets = learningSets(root);
  if (sets.length === 0) return 'learning: skipped, no MEANTIME dev data and no eval/data/ecbplus-names';
  const t0 = performance.now();
  const learner = (): Learner => {
    const learned = new LearnedWeights();
    return { decide: (text, span, type) => learnDecision(text, span, type, shipped, learned) === 'learned', model: () => learned.model(shipped) };
  };
  const reports: LearningReport[] = sets.map((set) => runLearning(set, shipped, learningNames, learner));
  const rows = reports.flatMap((r) => [
    [r.set, 'none', 0, 0, pct(prf(r.before).p), pct(prf(r.before).r), pct(f1(r.before)), ''],
    ...r.runs.map((run) => [r.set, `${run.order} order, ${run.budget}`, run.decisions, run.corrections, pct(prf(run.counts).p), pct(prf(run.counts).r), pct(f1(run.counts)), `${(100 * (f1(run.counts) - f1(r.before))).toFixed(1)}`]),
  ]);
  const lines = [
    `learning · a simulated user decides ${DECISIONS_PER_10K} names per 10,000 tokens from gold; F1 (exact, PERSON/ORG/PLACE) on the documents it did not touch`,
    ...reports.map((r) => `${r.set}: ${r.tokens} tokens, ${r.budget} decisions, ${r.worked} documents worked on, ${r.scoredDocs} scored`),
    ...table(['set', 'decisions in', 'n', 'changed', 'P', 'R', 'F1', 'gain'], rows, 2),
    `learning: ${reports.flatMap((r) => r.runs.map((run) => `${run.learnMs.toFixed(1)}`)).join(', ')} ms per decision; time ${seconds(performance.now() - t0)}`,
  ];
  return { lines, json: Object.fromEntries(reports.map((r) => [r.set, { tokens: r.tokens, budget: r.budget, before: { ...r.before, ...prf(r.before) }, runs: r.runs.map((run) => ({ ...run, ...prf(run.counts) })) }])) };
}

async function main(argv: string[]): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`eval: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n\n${CONVENTIONS}\n`);
    return 0;
  }
  const started = performance.now();
  const root = repoRoot();
  const wantsNames = args.only.has('names') || args.only.has('seeds') || args.only.has('news');
  const model = loadShippedModel(root, args.model);
  if ('error' in model) {
    if (!args.json) process.stdout.write(`name model: ${model.error}; the rules answer alone\n`);
    SYSTEMS.push({ label: 'rules', model: null });
  } else {
    SYSTEMS.push({ label: 'rules + model', model }, { label: 'rules', model: null });
  }
  const compromise = wantsNames ? await loadCompromise(root) : null;
  const chrono = args.only.has('timex') ? await loadChrono(root) : null;
  const out: Record<string, unknown> = {};
  let failed = false;
  const runners: Record<ScorerName, () => Promise<Report | string>> = {
    names: () => runNames(args, root, compromise),
    news: () => runNews(args, root, compromise),
    timex: () => runTimex(args, root, chrono),
    events: () => runEvents(args, root),
    seeds: () => runSeeds(args, root, compromise),
    'seed-events': () => runSeedEvents(args, root),
    learning: () => runLearningScorer(root),
  };
  if (!args.json) process.stdout.write(`corpus-lens eval · devdata ${devdataDir(root)}\n\n`);
  for (const name of SCORERS) {
    if (!args.only.has(name)) continue;
    let report: Report | string;
    try {
      report = await runners[name]();
    } catch (e) {
      failed = true;
      report = `${name}: failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    }
    if (typeof report === 'string') {
      out[name] = { skipped: report };
      if (!args.json) process.stdout.write(`${report}\n\n`);
    } else {
      out[name] = report.json;
      if (!args.json) process.stdout.write(`${report.lines.join('\n')}\n\n`);
    }
  }
  const totalMs = performance.now() - started;
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ format: 'corpus-lens-eval/1', devdata: devdataDir(root), results: out, timeMs: totalMs }, null, 2)}\n`);
  } else {
    process.stdout.write(`total time ${seconds(totalMs)}\n`);
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
