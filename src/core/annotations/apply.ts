// User annotations win: applied to one document's automatic analysis, they give the mentions and
// dates every consumer sees (hovers, trees, colours, diagnostics, export).
import type { PossibleName } from '../entities/possibleNames.js';
import type { EntityMention } from '../entities/recognize.js';
import type { Timex } from '../dates/types.js';
import type { Problem, Span } from '../types.js';
import { anchor } from './anchor.js';
import type { Annotation } from './store.js';

export interface AppliedMention extends EntityMention {
  /** 'user' for a mention the user marked; absent for the recogniser's own (not marked on them: a property added to a million objects is tens of megabytes). */
  source?: 'auto' | 'user';
  /** The entity the user linked this mention to, if any. */
  linkedEntity?: string;
}

export interface Applied {
  mentions: AppliedMention[];
  /** `source` as for mentions. */
  timex: Array<Timex & { source?: 'auto' | 'user' }>;
  /** The spans the model nearly read as names that no decision touches (the Review view offers them). */
  possible: PossibleName[];
  /** Annotations that could not be placed in the current text. */
  orphans: Annotation[];
  problems: Problem[];
  reviewed: boolean;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function applyAnnotations(text: string, mentions: EntityMention[], timex: Timex[], annotations: Annotation[], everywhere: ReadonlySet<string>, possible: PossibleName[] = []): Applied {
  const orphans: Annotation[] = [];
  const placed: Array<{ a: Annotation; span: Span }> = [];
  let reviewed = false;
  for (const a of annotations) {
    if (a.kind === 'reviewed') {
      reviewed = true;
      continue;
    }
    if (a.kind === 'not-entity-everywhere' || a.kind === 'merge' || a.kind === 'entity-name') continue;
    const span = anchor(text, a.target);
    if (span) placed.push({ a, span });
    else orphans.push(a);
  }
  const removed = placed.filter((p) => p.a.kind === 'entity' || p.a.kind === 'not-entity').map((p) => p.span);
  const possibleOut = everywhere.size === 0 && removed.length === 0 ? possible
    : possible.filter((p) => !everywhere.has(text.slice(p.start, p.end)) && !removed.some((r) => overlaps(r, p)));
  // Most documents carry no decision: their own lists stand, uncopied (10,000 documents hold 1.4 million items).
  if (placed.length === 0 && (everywhere.size === 0 || !mentions.some((m) => everywhere.has(m.text)))) return { mentions, timex, possible: possibleOut, orphans, problems: orphanProblems(orphans), reviewed };
  const out: AppliedMention[] = mentions
    .filter((m) => !everywhere.has(m.text) && !removed.some((r) => overlaps(r, m)));
  for (const { a, span } of placed) {
    if (a.kind !== 'entity') continue;
    out.push({
      start: span.start, end: span.end, text: text.slice(span.start, span.end), type: a.type, roles: [], sentence: sentenceOf(mentions, span),
      source: 'user', ...(a.entity ? { linkedEntity: a.entity } : {}),
    });
  }
  out.sort((x, y) => x.start - y.start || x.end - y.end);
  // User spans never overlap each other in the store's intent; keep the first if they do.
  const mentionsOut = out.filter((m, k) => k === 0 || m.start >= out[k - 1].end);
  const dates = placed.filter((p) => p.a.kind === 'date');
  const timexOut: Applied['timex'] = timex
    .filter((t) => !dates.some((d) => overlaps(d.span, t)));
  for (const { a, span } of dates) {
    if (a.kind !== 'date') continue;
    timexOut.push({
      start: span.start, end: span.end, text: text.slice(span.start, span.end), type: 'DATE', value: a.value, source: 'user',
      resolution: { anchor: 'explicit', reason: 'set by hand' },
    });
  }
  timexOut.sort((x, y) => x.start - y.start);
  return { mentions: mentionsOut, timex: timexOut, possible: possibleOut, orphans, problems: orphanProblems(orphans), reviewed };
}

function orphanProblems(orphans: Annotation[]): Problem[] {
  return orphans.map((a) => ({
    start: 0, end: 0, severity: 'warning', code: 'annotation.orphaned',
    message: `Annotation ${a.id} (${describe(a)}) no longer fits this document's text; it is kept in the store. Mark the text again, or remove it from .corpus-lens/annotations.json.`,
    data: { id: a.id },
  }));
}

function describe(a: Annotation): string {
  if (a.kind === 'entity') return `${a.type} “${a.target.exact}”`;
  if (a.kind === 'not-entity') return `not an entity: “${a.target.exact}”`;
  if (a.kind === 'date') return `date ${a.value}: “${a.target.exact}”`;
  return a.kind;
}

/** The sentence index of the recognised mention nearest before the span (for co-occurrence). */
function sentenceOf(mentions: EntityMention[], span: Span): number {
  let sentence = 0;
  for (const m of mentions) {
    if (m.start > span.start) break;
    sentence = m.sentence;
  }
  return sentence;
}
