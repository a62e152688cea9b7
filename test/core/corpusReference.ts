// The reference the corpus's stages are checked against (stages.test.ts): the final texts and the
// annotation store, taken at once in the plainest way. Each document's annotations applied as
// docs/annotating.md says (a span marked as an entity is one, of that type and, when linked, of that
// entity, in place of any name it overlaps; "not an entity" here or everywhere takes names away; a
// date set by hand replaces the dates it overlaps; what cannot be placed is left out); the
// document's reports found again in its text from the names and dates so decided; then linked by the
// reference linker with the merges and names, and joined by the reference join.
//
// Taken from the core as black boxes: where an annotation's quote stands in the text now (anchor),
// and how one document's text, names and dates tell its reports (tokenize, extractEvents).
import { anchor, type Annotation, type DocumentAnalysis, type EntityMention, type LinkResult, type Timex } from '../../src/core/index.js';
import type { AppliedMention } from '../../src/core/annotations/apply.js';
import { tokenize } from '../../src/core/entities/tokenize.js';
import { extractEvents } from '../../src/core/events/extract.js';
import { referenceJoin, type ReferenceEvents } from './joinReference.js';
import { referenceLink } from './linkReference.js';

export interface ReferenceDocument {
  path: string;
  text: string;
  analysis: DocumentAnalysis;
}

export function referenceCorpus(docs: ReferenceDocument[], store: Annotation[]): { linked: LinkResult; events: ReferenceEvents } {
  const everywhere = new Set(store.flatMap((a) => (a.kind === 'not-entity-everywhere' ? [a.text] : [])));
  const decided = docs.map((d) => {
    if ((d.analysis.passages?.length ?? 0) > 1) throw new Error(`${d.path}: the reference takes documents of one passage`);
    return { ...d, ...decide(d, store.filter((a) => a.document === d.path), everywhere) };
  });
  const linked = referenceLink(decided.map((d) => ({ path: d.path, mentions: d.mentions })), {
    merges: store.flatMap((a) => (a.kind === 'merge' ? [a] : [])),
    names: store.flatMap((a) => (a.kind === 'entity-name' ? [a] : [])),
  });
  const events = referenceJoin(decided.map((d) => {
    const { tokens, sentences } = tokenize(d.text);
    return { path: d.path, dct: d.analysis.dct, events: extractEvents(tokens, sentences, d.mentions, d.timex, d.text), mentions: linked.mentionsByPath.get(d.path) ?? [], text: d.text };
  }), linked.byId);
  return { linked, events };
}

/** A document's names and dates as the user decided. */
function decide(d: ReferenceDocument, annotations: Annotation[], everywhere: Set<string>): { mentions: AppliedMention[]; timex: Timex[] } {
  const placed = annotations.flatMap((a) => {
    if (a.kind !== 'entity' && a.kind !== 'not-entity' && a.kind !== 'date') return [];
    const span = anchor(d.text, a.target);
    return span ? [{ a, ...span }] : [];
  });
  const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }) => x.start < y.end && y.start < x.end;
  const marked = placed.filter((p) => p.a.kind !== 'date');
  const mentions: AppliedMention[] = d.analysis.entities.filter((m) => !everywhere.has(m.text) && !marked.some((p) => overlaps(p, m)));
  // Spans marked as entities, in text order; one overlapping a span kept before it is left out.
  const mine = placed.flatMap((p) => (p.a.kind === 'entity' ? [{ p, a: p.a }] : [])).sort((x, y) => x.p.start - y.p.start || x.p.end - y.p.end);
  const kept: AppliedMention[] = [];
  for (const { p, a } of mine) {
    if (kept.some((m) => overlaps(m, p))) continue;
    kept.push({
      start: p.start, end: p.end, text: d.text.slice(p.start, p.end), type: a.type, roles: [], sentence: sentenceBefore(d.analysis.entities, p.start),
      source: 'user', ...(a.entity ? { linkedEntity: a.entity } : {}),
    });
  }
  const dates = placed.flatMap((p) => (p.a.kind === 'date' ? [{ p, value: p.a.value }] : []));
  const timex: Timex[] = [
    ...d.analysis.timex.filter((t) => !dates.some(({ p }) => overlaps(p, t))),
    ...dates.map(({ p, value }) => ({ start: p.start, end: p.end, text: d.text.slice(p.start, p.end), type: 'DATE' as const, value, resolution: { anchor: 'explicit' as const, reason: 'set by hand' } })),
  ];
  return { mentions: [...mentions, ...kept].sort((x, y) => x.start - y.start), timex: timex.sort((x, y) => x.start - y.start) };
}

/** A marked span's sentence: that of the last recognised name starting at or before it (0 before any). */
function sentenceBefore(mentions: EntityMention[], at: number): number {
  return mentions.filter((m) => m.start <= at).at(-1)?.sentence ?? 0;
}
