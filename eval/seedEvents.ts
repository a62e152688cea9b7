// The seeds' happenings as a careful reader wrote them (test/fixtures/seeds-events, GUIDELINES.md
// there), and the score of an Events tree against them: how many of its events are right in kind,
// date and roles, how many are no happening, how many duplicate another, how many of the
// happenings it finds. Reads files; knows nothing of the extractor.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocSpan } from './metrics.js';

/** Acceptable names for a role; null among them: naming nobody is fine too. null alone: nobody is named. */
export type RoleGold = Array<string | null> | null;

export interface Happening {
  id: string;
  kind: string[];
  date: string | null;
  dateAlso: string[];
  agent: RoleGold;
  patient: RoleGold;
  symmetric: boolean;
  place: RoleGold;
  optional: boolean;
  /** Trigger spans over the corpus (every article that tells it). */
  triggers: DocSpan[];
  /** The articles that tell it. */
  docs: string[];
}

export interface SeedEvents {
  happenings: Happening[];
  notHappenings: Array<DocSpan & { why: string }>;
  neutral: Array<DocSpan & { why: string }>;
  errors: string[];
  files: number;
}

interface RawHappening {
  id?: unknown;
  kind?: unknown;
  date?: unknown;
  dateAlso?: unknown;
  agent?: unknown;
  patient?: unknown;
  symmetric?: unknown;
  place?: unknown;
  optional?: unknown;
  mentions?: unknown;
  time?: unknown;
  note?: unknown;
}

const OPEN = '⟦';
const CLOSE = '⟧';

/** A snippet `"…⟦trigger⟧…"` as the trigger's span in the text: the snippet must occur exactly once. */
export function anchorSnippet(text: string, snippet: string): { start: number; end: number } | string {
  const open = snippet.indexOf(OPEN);
  const close = snippet.indexOf(CLOSE);
  if (open < 0 || close < open || snippet.indexOf(OPEN, open + 1) >= 0) return `"${snippet}": needs exactly one ⟦trigger⟧`;
  const plain = snippet.slice(0, open) + snippet.slice(open + 1, close) + snippet.slice(close + 1);
  const at = text.indexOf(plain);
  if (at < 0) return `"${snippet}": not in the text`;
  if (text.indexOf(plain, at + 1) >= 0) return `"${snippet}": occurs more than once`;
  return { start: at + open, end: at + close - 1 };
}

const isRole = (v: unknown): v is RoleGold => v === null || (Array.isArray(v) && v.length > 0 && v.every((x) => x === null || typeof x === 'string'));
const isDate = (v: unknown): v is string => typeof v === 'string' && /^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$/.test(v);

/** Loads every `<seed>.events.json`, anchors its snippets in the seed's text, and checks the files. */
export function loadSeedEvents(root: string, texts?: Map<string, string>): SeedEvents | { absent: string } {
  const dir = path.join(root, 'test', 'fixtures', 'seeds-events');
  if (!existsSync(dir)) return { absent: dir };
  const files = readdirSync(dir).filter((f) => f.endsWith('.events.json')).sort();
  if (files.length === 0) return { absent: `${dir} holds no .events.json` };
  const errors: string[] = [];
  const byId = new Map<string, Happening & { signature: string }>();
  const notHappenings: SeedEvents['notHappenings'] = [];
  const neutral: SeedEvents['neutral'] = [];
  for (const file of files) {
    const where = (s: string) => errors.push(`${file}: ${s}`);
    let raw: { path?: unknown; happenings?: unknown; notHappenings?: unknown; neutral?: unknown };
    try {
      raw = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as typeof raw;
    } catch (e) {
      where(`cannot read: ${(e as Error).message}`);
      continue;
    }
    const doc = typeof raw.path === 'string' ? raw.path : '';
    if (doc !== file.replace(/\.events\.json$/, '.txt')) where(`"path" must be ${file.replace(/\.events\.json$/, '.txt')}`);
    const text = texts?.get(doc) ?? (existsSync(path.join(root, 'seeds', doc)) ? readFileSync(path.join(root, 'seeds', doc), 'utf8') : null);
    if (text === null) {
      where(`no seed ${doc}`);
      continue;
    }
    const anchor = (snippet: unknown): DocSpan | null => {
      if (typeof snippet !== 'string') return where(`a mention is not a string`), null;
      const span = anchorSnippet(text, snippet);
      if (typeof span === 'string') return where(span), null;
      return { doc, ...span };
    };
    for (const h of (Array.isArray(raw.happenings) ? raw.happenings : []) as RawHappening[]) {
      const id = typeof h.id === 'string' ? h.id : '';
      const bad = (s: string) => where(`${id || '(no id)'}: ${s}`);
      if (!id) bad('needs an id');
      if (!Array.isArray(h.kind) || h.kind.length === 0 || !h.kind.every((k) => typeof k === 'string')) bad('kind: a list of kinds');
      if (h.date !== null && !isDate(h.date)) bad('date: an ISO date or null');
      if (h.dateAlso !== undefined && !(Array.isArray(h.dateAlso) && h.dateAlso.every(isDate))) bad('dateAlso: a list of ISO dates');
      for (const role of ['agent', 'patient', 'place'] as const) if (!isRole(h[role])) bad(`${role}: a list of names (null allowed among them) or null`);
      if (!Array.isArray(h.mentions) || h.mentions.length === 0) bad('mentions: at least one snippet');
      const triggers = ((h.mentions ?? []) as unknown[]).map(anchor).filter((x): x is DocSpan => x !== null);
      const happening: Happening = {
        id, kind: (h.kind as string[]) ?? [], date: (h.date as string | null) ?? null, dateAlso: (h.dateAlso as string[]) ?? [],
        agent: h.agent as RoleGold, patient: h.patient as RoleGold, symmetric: h.symmetric === true, place: h.place as RoleGold,
        optional: h.optional === true, triggers, docs: [doc],
      };
      const signature = JSON.stringify([happening.kind, happening.date, happening.dateAlso, happening.agent, happening.patient, happening.symmetric, happening.place, happening.optional]);
      const known = byId.get(id);
      if (!known) byId.set(id, { ...happening, signature });
      else {
        if (known.signature !== signature) bad('told differently in another file (kind, date, roles and optional must agree)');
        if (known.docs.includes(doc)) bad('written twice in one file');
        known.triggers.push(...triggers);
        known.docs.push(doc);
      }
    }
    for (const [list, out] of [[raw.notHappenings, notHappenings], [raw.neutral, neutral]] as const) {
      for (const n of (Array.isArray(list) ? list : []) as Array<{ text?: unknown; why?: unknown }>) {
        const span = anchor(n.text);
        if (typeof n.why !== 'string' || !n.why) where(`"${String(n.text)}": say why`);
        if (span) out.push({ ...span, why: String(n.why) });
      }
    }
  }
  // A trigger belongs to happenings (several for a plural), or says it is none, or neutral: never two of those.
  const happeningTriggers = [...byId.values()].flatMap((h) => h.triggers);
  for (const n of [...notHappenings, ...neutral]) {
    if (happeningTriggers.some((t) => t.doc === n.doc && t.start < n.end && n.start < t.end)) errors.push(`${n.doc}: "${n.why}" overlaps a happening's mention`);
  }
  const happenings = [...byId.values()].map(({ signature: _, ...h }) => h);
  return { happenings, notHappenings, neutral, errors, files: files.length };
}

// ---------------------------------------------------------------- scoring

/** An event of the tree as the export gives it, with what the scorer needs of its entities. */
export interface TreeEvent {
  id: string;
  kind: string;
  date: string | null;
  title: string;
  agent: string[];
  patient: string[];
  place: string | null;
  mentions: DocSpan[];
}

export type Verdict = 'right' | 'wrong kind' | 'wrong date' | 'wrong roles' | 'duplicate' | 'not a happening' | 'neutral';

export interface JudgedEvent {
  event: TreeEvent;
  happening: Happening | null;
  verdict: Verdict;
  /** Every way it is wrong (kind, date, agent, patient, place), for reading. */
  faults: string[];
}

export interface SeedEventsScore {
  events: number;
  /** Events scored: all but the neutral ones. */
  scored: number;
  right: number;
  notHappenings: number;
  duplicates: number;
  /** Duplicates whose happening's other event shares a document with them. */
  duplicatesInDocument: number;
  neutral: number;
  wrongKind: number;
  wrongDate: number;
  wrongRoles: number;
  required: number;
  found: number;
  optionalFound: number;
  /** Events whose mentions fall on more than one happening. */
  mixed: number;
  judged: JudgedEvent[];
  missed: Happening[];
}

const overlap = (a: DocSpan, b: DocSpan) => a.doc === b.doc && a.start < b.end && b.start < a.end;

/**
 * Judges each event of the tree against the happenings. `names(entity)` gives an entity id's name
 * and other forms, which the fixture's names are compared with (case and a leading "the" aside).
 */
export function scoreSeedEvents(gold: SeedEvents, tree: TreeEvent[], names: (entity: string) => string[]): SeedEventsScore {
  const candidates = tree.map((event) => {
    const hits = new Map<Happening, number>();
    for (const m of event.mentions) {
      for (const h of gold.happenings) if (h.triggers.some((t) => overlap(t, m))) hits.set(h, (hits.get(h) ?? 0) + 1);
    }
    // Among the happenings its mentions fall on most, the one it tells best (a plural "the decisions by
    // Kazakhstan and Kyrgyzstan" falls on two: each of its events is judged against its own).
    const top = Math.max(0, ...hits.values());
    const tied = [...hits.entries()].filter(([, n]) => n === top).map(([h]) => h);
    const happening = tied.sort((a, b) => faultsOf(event, a, names).length - faultsOf(event, b, names).length)[0] ?? null;
    const neutral = hits.size === 0 && event.mentions.some((m) => gold.neutral.some((n) => overlap(n, m)));
    return { event, happening, hits: top, mixed: hits.size > 1 && !event.mentions.every((m) => gold.happenings.filter((h) => h.triggers.some((t) => overlap(t, m))).length > 1), neutral };
  });
  // The event that stands for a happening: most mentions on it, then most mentions.
  const standsFor = new Map<Happening, (typeof candidates)[number]>();
  for (const c of candidates) {
    if (!c.happening) continue;
    const best = standsFor.get(c.happening);
    if (!best || c.hits > best.hits || (c.hits === best.hits && c.event.mentions.length > best.event.mentions.length)) standsFor.set(c.happening, c);
  }
  const judged: JudgedEvent[] = candidates.map((c) => {
    if (!c.happening) return { event: c.event, happening: null, verdict: c.neutral ? 'neutral' : 'not a happening', faults: [] };
    const faults = faultsOf(c.event, c.happening, names);
    if (standsFor.get(c.happening) !== c) return { event: c.event, happening: c.happening, verdict: 'duplicate', faults };
    const verdict: Verdict = faults.length === 0 ? 'right' : faults[0].startsWith('kind') ? 'wrong kind' : faults[0].startsWith('date') ? 'wrong date' : 'wrong roles';
    return { event: c.event, happening: c.happening, verdict, faults };
  });
  const count = (v: Verdict) => judged.filter((j) => j.verdict === v).length;
  const required = gold.happenings.filter((h) => !h.optional);
  const duplicatesInDocument = judged.filter((j) => {
    if (j.verdict !== 'duplicate') return false;
    const docs = new Set(standsFor.get(j.happening!)!.event.mentions.map((m) => m.doc));
    return j.event.mentions.some((m) => docs.has(m.doc));
  }).length;
  const faultsIn = (field: string) => judged.filter((j) => j.verdict !== 'duplicate' && j.faults.some((f) => f.startsWith(field))).length;
  return {
    events: tree.length,
    scored: tree.length - count('neutral'),
    right: count('right'),
    notHappenings: count('not a happening'),
    duplicates: count('duplicate'),
    duplicatesInDocument,
    neutral: count('neutral'),
    wrongKind: faultsIn('kind'),
    wrongDate: faultsIn('date'),
    wrongRoles: judged.filter((j) => j.verdict !== 'duplicate' && j.faults.some((f) => /^(agent|patient|parties|place)/.test(f))).length,
    required: required.length,
    found: required.filter((h) => standsFor.has(h)).length,
    optionalFound: gold.happenings.filter((h) => h.optional && standsFor.has(h)).length,
    mixed: candidates.filter((c) => c.mixed).length,
    judged,
    missed: required.filter((h) => !standsFor.has(h)),
  };
}

const normal = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/^the /, '').trim();

function faultsOf(e: TreeEvent, h: Happening, names: (entity: string) => string[]): string[] {
  const faults: string[] = [];
  if (!h.kind.includes(e.kind)) faults.push(`kind ${e.kind}, not ${h.kind.join('/')}`);
  if (e.date !== h.date && !(e.date !== null && h.dateAlso.includes(e.date))) faults.push(`date ${e.date ?? 'none'}, not ${h.date ?? 'none'}`);
  const accepts = (gold: RoleGold, entity: string) => (gold ?? []).some((g) => g !== null && names(entity).some((n) => normal(n) === normal(g)));
  const roleFault = (role: string, gold: RoleGold, got: string[], pool: RoleGold = gold): string | null => {
    const named = got.map((id) => names(id)[0] ?? id).join(', ') || 'nobody';
    if (got.some((id) => !accepts(pool, id))) return `${role} ${named}, not ${describe(gold)}`;
    if (gold && !gold.includes(null) && !got.some((id) => accepts(gold, id))) return `${role} ${named}, not ${describe(gold)}`;
    return null;
  };
  if (h.symmetric) {
    // Either way round: every name it gives is a party, and each side the fixture requires is
    // named by a different entity ("Meeting of Taliban" does not name both sides of a meeting).
    const both = [...new Set([...e.agent, ...e.patient])];
    const pool: RoleGold = [...(h.agent ?? []), ...(h.patient ?? [])];
    const needs = (gold: RoleGold) => !!gold && !gold.includes(null);
    const side = (gold: RoleGold, id: string) => !needs(gold) || accepts(gold, id);
    const sides = needs(h.agent) && needs(h.patient)
      ? both.some((a) => both.some((p) => a !== p && side(h.agent, a) && side(h.patient, p)))
      : !needs(h.agent) && !needs(h.patient) ? true : both.some((id) => side(h.agent, id) && side(h.patient, id));
    const stray = both.find((id) => !accepts(pool, id));
    if (stray || !sides) faults.push(`parties ${both.map((id) => names(id)[0] ?? id).join(', ') || 'nobody'}, not ${describe(h.agent)} with ${describe(h.patient)}`);
  } else {
    for (const f of [roleFault('agent', h.agent, e.agent), roleFault('patient', h.patient, e.patient)]) if (f) faults.push(f);
  }
  if (e.place && !accepts(h.place, e.place)) faults.push(`place ${names(e.place)[0] ?? e.place}, not ${describe(h.place)}`);
  return faults;
}

function describe(role: RoleGold): string {
  if (!role) return 'nobody';
  return role.map((r) => r ?? 'nobody').join(' / ');
}
