// From an "annotate" request (a range and an action) to the annotation to store, and which stored
// annotations it replaces: a new decision on the same text supersedes the old one.
import { anchor, newAnnotationId, openingOf, targetOf, type Annotation, type Snapshot } from '../core/index.js';
import type { AnnotateParams } from '../protocol.js';

const TYPE_WORDS = { PERSON: 'a person', ORG: 'an organisation', PLACE: 'a place', NORP: 'a nationality or group', MISC: 'a named thing' } as const;
const VALUE = /^([0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?(T[0-9:]+)?|P[0-9X.]+[YMWDH]|PT[0-9X.]+[HMS]|PAST_REF|PRESENT_REF|FUTURE_REF|[0-9X]{4}-W[0-9]{2})(\/[0-9X-]+)?$/;

export type Made = { annotation: Annotation; replaces: (a: Annotation) => boolean } | { error: string };

export function annotationFor(snapshot: Snapshot, params: AnnotateParams, document: string, text: string, start: number, end: number): Made {
  const created = new Date().toISOString();
  const id = newAnnotationId();
  const base = { id, document, source: 'user' as const, created };
  if (params.action === 'reviewed') {
    const opening = openingOf(text);
    return { annotation: { ...base, kind: 'reviewed', target: targetOf(text, opening.start, opening.end) }, replaces: (a) => a.kind === 'reviewed' && a.document === document };
  }
  if (params.action === 'merge' || params.action === 'entity-name') {
    const hit = snapshot.entityAt(params.uri, start);
    if (!hit) return { error: 'Put the cursor on a name of the entity.' };
    if (params.action === 'merge') {
      const into = params.entity;
      if (!into || into === hit.entity.id) return { error: 'Choose another entity to merge into.' };
      return { annotation: { ...base, document: '*', kind: 'merge', from: hit.entity.id, into }, replaces: (a) => a.kind === 'merge' && a.from === hit.entity.id };
    }
    const name = (params.value ?? '').trim();
    if (!name) return { error: 'Give the entity a name.' };
    const description = params.description?.trim();
    return {
      annotation: { ...base, document: '*', kind: 'entity-name', entity: hit.entity.id, name, ...(description ? { description } : {}) },
      replaces: (a) => a.kind === 'entity-name' && a.entity === hit.entity.id,
    };
  }
  if (params.action === 'split') {
    const hit = snapshot.entityAt(params.uri, start);
    if (!hit) return { error: 'Put the cursor on the mention to split off.' };
    const target = targetOf(text, hit.mention.start, hit.mention.end);
    const own = `${hit.mention.type.toLowerCase()}:${hit.mention.text.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${id}`;
    return {
      annotation: { ...base, kind: 'entity', type: hit.mention.type, entity: own, target },
      replaces: (a) => (a.kind === 'entity' || a.kind === 'not-entity') && a.document === document && a.target.start === target.start,
    };
  }
  let span = trim(text, start, end);
  if (span.start === span.end) {
    // No selection: the name (or date) under the cursor.
    const under = params.action === 'date' ? snapshot.timexAt(params.uri, start) : snapshot.entityAt(params.uri, start)?.mention;
    if (!under) return { error: params.action === 'date' ? 'Put the cursor on a date, or select the text of one.' : 'Select the text to annotate, or put the cursor on a name.' };
    span = { start: under.start, end: under.end };
  }
  const target = targetOf(text, span.start, span.end);
  const overlapsHere = (a: Annotation) => {
    if (a.document !== document || !(a.kind === 'entity' || a.kind === 'not-entity' || a.kind === 'date')) return false;
    const at = anchor(text, a.target);
    return !!at && at.start < span.end && span.start < at.end;
  };
  switch (params.action) {
    case 'entity': {
      const type = params.type ?? snapshot.entityAt(params.uri, span.start)?.mention.type;
      if (!type) return { error: 'Say which kind of entity this is.' };
      return { annotation: { ...base, kind: 'entity', type, entity: params.entity ?? null, target }, replaces: (a) => (a.kind === 'entity' || a.kind === 'not-entity') && overlapsHere(a) };
    }
    case 'not-entity':
      return { annotation: { ...base, kind: 'not-entity', target }, replaces: (a) => (a.kind === 'entity' || a.kind === 'not-entity') && overlapsHere(a) };
    case 'not-entity-everywhere':
      return { annotation: { ...base, document: '*', kind: 'not-entity-everywhere', text: target.exact }, replaces: (a) => a.kind === 'not-entity-everywhere' && a.text === target.exact };
    case 'date': {
      const value = (params.value ?? '').trim();
      if (!VALUE.test(value)) return { error: `"${value}" is not a TIMEX3 value (e.g. 2024-03-22, 2024-03, XXXX-03-22, P2Y, PAST_REF).` };
      return { annotation: { ...base, kind: 'date', value, target }, replaces: (a) => a.kind === 'date' && overlapsHere(a) };
    }
    default:
      return { error: `Unknown action "${String(params.action)}".` };
  }
}

export function describeAnnotation(a: Annotation): string {
  switch (a.kind) {
    case 'entity':
      return `“${a.target.exact}” is ${TYPE_WORDS[a.type]}${a.entity ? `, linked to ${a.entity}` : ''}`;
    case 'not-entity':
      return `“${a.target.exact}” is not an entity here`;
    case 'not-entity-everywhere':
      return `“${a.text}” is never an entity`;
    case 'date':
      return `“${a.target.exact}” is ${a.value}`;
    case 'reviewed':
      return `${a.document} is marked as reviewed`;
    case 'merge':
      return `${a.from} is merged into ${a.into}`;
    case 'entity-name':
      return `${a.entity} is now called “${a.name}”`;
  }
}

function trim(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
