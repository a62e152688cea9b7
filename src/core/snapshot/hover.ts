// Hover: the card under the cursor, as plain data (src/server/hover.ts writes it as Markdown). A
// footnote marker or label, a date, or a name with what the corpus knows of its entity.
import type { DctSource } from '../document/analyze.js';
import type { Entity, EntityRole, LinkedMention, LinkResult } from '../entities/link.js';
import { linkEntities } from '../entities/incrementalLink.js';
import { currentNameModel, type NameModel } from '../entities/model/index.js';
import { explainName, type Reason } from '../entities/model/explain.js';
import { learnedInUse, typedByLearning } from '../entities/learnedModel.js';
import type { CorpusEvent } from '../events/join.js';
import { eventSources, type EventSources } from '../events/sources.js';
import type { FootnoteDefinition } from '../document/footnotes.js';
import type { Timex } from '../dates/types.js';
import { weekdayOf } from '../dates/calendar.js';
import { lastAtOrBefore } from '../document/positions.js';
import type { Span } from '../types.js';
import { spanHolding, type Snapshot } from './snapshot.js';

/** `learned`: the type comes from what was learned here, from this many decisions that gave names this type (the shipped model alone reads it otherwise). */
export type NameWhy = { by: 'user' } | { by: 'rules' } | { by: 'model'; confidence: number; reasons: Reason[]; learned?: number };

export type HoverInfo =
  | { kind: 'footnote-marker'; span: Span; label: string; definitions: FootnoteDefinition[] }
  | { kind: 'footnote-definition'; span: Span; label: string; citations: number }
  | {
      kind: 'entity';
      span: Span;
      entity: Entity;
      mention: LinkedMention;
      /** The first mention in each document that mentions the entity, in corpus order. */
      firstMentions: LinkedMention[];
      /** How many mentions and documents the entity has, and the roles it is given (the entity's own lists, read once). */
      mentionCount: number;
      documentCount: number;
      roles: EntityRole[];
      /** The entities most often named in the same sentences, with how often. */
      cooccurring: Array<{ entity: Entity; count: number }>;
      /** For a nationality word: its country's entity, when the corpus has one. */
      country: Entity | null;
      /** Events it takes part in (or where they happened), dated first. */
      events: CorpusEvent[];
      /** Who tells each of the first HOVER_EVENTS events: how many documents, which first. */
      sources: EventSources[];
      /** Why the mention has its type: the user's decision, the model's evidence, or the rules. */
      why: NameWhy;
      /** Drawn from this document alone: while the corpus is being indexed, or the document linked with it. */
      documentOnly?: DocumentOnly;
    }
  | DateHover;

export interface DateHover {
  kind: 'date';
  span: Span;
  timex: Timex;
  /** The weekday of a full date ("Friday"), or null. */
  weekday: string | null;
  /** Events on this date (at the precision it gives). */
  events: CorpusEvent[];
  /** Who tells each of the first HOVER_EVENTS events. */
  sources: EventSources[];
  /** Other documents naming the same value, with their first such mention. */
  documents: Array<{ path: string; timex: Timex }>;
  /** Where the document's own date came from, for values anchored on it. */
  dctSource: DctSource | null;
  /** Drawn from this document alone (see the entity card's): no events, no other documents. */
  documentOnly?: DocumentOnly;
}

/** Why a card is drawn from its document alone: the corpus is being indexed, or the document linked with it. */
export type DocumentOnly = 'indexing' | 'linking';

/** Documents an entity's co-occurrences are counted in, at most (see cooccurring). */
export const COOCCURRENCE_DOCUMENTS = 500;

/**
 * The card under the offset. While the corpus is being indexed and not linked yet, or when the
 * document waits in a large change to be linked (see Corpus.awaitsLinking), the card is drawn from
 * the document alone: a corpus-wide card would first link everything (seconds at thousands of
 * documents).
 */
export function hoverAt(snapshot: Snapshot, path: string, offset: number, options: { indexing?: boolean } = {}): HoverInfo | null {
  if (options.indexing && !snapshot.linkingCurrent) return documentHoverAt(snapshot, path, offset, 'indexing');
  if (snapshot.awaitsLinking(path)) return documentHoverAt(snapshot, path, offset, 'linking');
  return corpusHoverAt(snapshot, path, offset);
}

/** The corpus-wide card under the offset. */
export function corpusHoverAt(snapshot: Snapshot, path: string, offset: number): HoverInfo | null {
  const doc = snapshot.document(path);
  if (!doc) return null;
  const footnotes = doc.analysis.footnotes;
  const hit = snapshot.footnoteAt(path, offset);
  if (!hit) return dateHover(snapshot, path, offset) ?? entityHover(snapshot, path, offset);
  if (hit.kind === 'marker') {
    return { kind: 'footnote-marker', span: hit.span, label: hit.label, definitions: footnotes.definitions.filter((d) => d.label === hit.label) };
  }
  return { kind: 'footnote-definition', span: hit.span, label: hit.label, citations: footnotes.markers.filter((m) => m.label === hit.label).length };
}

/** How many events a card lists (and tells the sources of); the rest it counts. */
export const HOVER_EVENTS = 5;

function sourcesOf(snapshot: Snapshot, events: readonly CorpusEvent[]): EventSources[] {
  return events.slice(0, HOVER_EVENTS).map((e) => eventSources(e, (p) => snapshot.document(p)?.analysis.dct ?? null));
}

/**
 * What the cards of a snapshot tell beyond the span itself (an entity's or a date's place in the
 * corpus, why a name has its type), gathered on the first card that needs it and kept with the
 * snapshot: it cannot change before the snapshot does.
 */
interface CardFacts {
  entities: Map<string, EntityFacts>;
  dates: Map<string, DateFacts>;
  why: Map<LinkedMention, NameWhy>;
}

type EntityFacts = Pick<Extract<HoverInfo, { kind: 'entity' }>, 'firstMentions' | 'mentionCount' | 'documentCount' | 'roles' | 'cooccurring' | 'country' | 'events' | 'sources'>;
type DateFacts = Pick<DateHover, 'weekday' | 'events' | 'sources' | 'documents'>;

const factsOf = new WeakMap<Snapshot, CardFacts>();

function cardFacts(snapshot: Snapshot): CardFacts {
  let facts = factsOf.get(snapshot);
  if (!facts) factsOf.set(snapshot, (facts = { entities: new Map(), dates: new Map(), why: new Map() }));
  return facts;
}

function dateHover(snapshot: Snapshot, path: string, offset: number): DateHover | null {
  const timex = snapshot.timexAt(path, offset);
  if (!timex) return null;
  const dates = cardFacts(snapshot).dates;
  let facts = dates.get(timex.value);
  if (!facts) dates.set(timex.value, (facts = dateFacts(snapshot, timex.value)));
  const dctSource = snapshot.document(path)?.analysis.dctSource ?? null;
  const documents = facts.documents.filter((d) => d.path !== path);
  return { kind: 'date', span: { start: timex.start, end: timex.end }, timex, weekday: facts.weekday, events: facts.events, sources: facts.sources, documents, dctSource };
}

/** A date's weekday, the events on it and the documents naming it (each with its first such mention). */
function dateFacts(snapshot: Snapshot, value: string): DateFacts {
  const calendar = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value);
  const events = calendar ? snapshot.events().filter((e) => e.date !== null && e.date.startsWith(value)) : [];
  const documents: DateHover['documents'] = [];
  if (calendar) {
    for (const doc of snapshot.documents()) {
      const same = snapshot.timex(doc.path).find((t) => t.value === value);
      if (same) documents.push({ path: doc.path, timex: same });
    }
  }
  return { weekday: weekdayOf(value), events, sources: sourcesOf(snapshot, events), documents };
}

function entityHover(snapshot: Snapshot, path: string, offset: number): HoverInfo | null {
  const hit = snapshot.entityAt(path, offset);
  if (!hit) return null;
  const { entity, mention } = hit;
  const { entities, why } = cardFacts(snapshot);
  let facts = entities.get(entity.id);
  if (!facts) entities.set(entity.id, (facts = entityFacts(snapshot, entity)));
  let whyHere = why.get(mention);
  if (!whyHere) why.set(mention, (whyHere = whyOf(snapshot, path, mention)));
  return { kind: 'entity', span: { start: mention.start, end: mention.end }, entity, mention, ...facts, why: whyHere };
}

/** An entity's place in the corpus: where it is first named, with whom, in which events. */
function entityFacts(snapshot: Snapshot, entity: Entity): EntityFacts {
  const firstMentions: LinkedMention[] = [];
  for (const m of entity.mentions) if (firstMentions[firstMentions.length - 1]?.path !== m.path) firstMentions.push(m);
  const links = snapshot.links();
  const cooccurring = cooccurringIn(links, entity, (p) => snapshot.mentions(p)).map(({ id, count }) => ({ entity: links.byId.get(id)!, count }));
  const country = entity.country ? links.byId.get(entity.country) ?? null : null;
  const events = snapshot.eventsOf(entity.id);
  return { firstMentions, mentionCount: entity.mentions.length, documentCount: entity.documents.length, roles: entity.roles, cooccurring, country, events, sources: sourcesOf(snapshot, events) };
}

/**
 * The card under the offset from this document alone (its passage, for a long one): its names
 * linked among themselves, no events, no other documents.
 */
export function documentHoverAt(snapshot: Snapshot, path: string, offset: number, why: DocumentOnly = 'indexing'): HoverInfo | null {
  const doc = snapshot.document(path);
  if (!doc) return null;
  if (snapshot.footnoteAt(path, offset)) return corpusHoverAt(snapshot, path, offset);
  const timex = snapshot.timexAt(path, offset);
  if (timex) {
    return { kind: 'date', span: { start: timex.start, end: timex.end }, timex, weekday: weekdayOf(timex.value), events: [], sources: [], documents: [], dctSource: doc.analysis.dctSource ?? null, documentOnly: why };
  }
  const units = snapshot.mentionUnits(path);
  const passages = doc.analysis.passages ?? [];
  const unit = units.length > 1 ? units[lastAtOrBefore(passages.length, (k) => passages[k].start, offset)] : units[0];
  const local = linkEntities([{ path: unit.key, document: path, mentions: unit.items }]);
  const mentions = local.mentionsByPath.get(unit.key) ?? [];
  const mention = spanHolding(mentions, offset);
  const entity = mention && local.byId.get(mention.entity);
  if (!mention || !entity) return null;
  const cooccurring = mostTogether(entity, () => mentions).map(({ id, count }) => ({ entity: local.byId.get(id)!, count }));
  const country = entity.country ? local.byId.get(entity.country) ?? null : null;
  return {
    kind: 'entity', span: { start: mention.start, end: mention.end }, entity, mention, firstMentions: [entity.mentions[0]],
    mentionCount: entity.mentions.length, documentCount: entity.documents.length, roles: entity.roles,
    cooccurring, country, events: [], sources: [], why: whyOf(snapshot, path, mention), documentOnly: why,
  };
}

/** The user's decision, else the model's confidence and strongest evidence, else the rules. */
function whyOf(snapshot: Snapshot, path: string, mention: LinkedMention): NameWhy {
  if (mention.source === 'user') return { by: 'user' };
  const doc = snapshot.document(path);
  const at = doc && spanHolding(doc.analysis.entities, mention.start);
  const found = at && at.start === mention.start && at.end === mention.end ? at : undefined;
  const model = currentNameModel();
  if (!doc || !found || found.confidence === undefined || !model) return { by: 'rules' };
  const why: NameWhy = { by: 'model', confidence: found.confidence, reasons: explanationOf(model, found, doc.text, mention) };
  const learned = learnedInUse();
  if (learned && typedByLearning(doc.text, mention)) why.learned = learned.typed.get(mention.type) ?? 0;
  return why;
}

/** The model's evidence for each recognised name, by model and name (an analysis's names are kept as they are until it is replaced). */
const explanations = new WeakMap<NameModel, WeakMap<object, Map<string, Reason[]>>>();

/** The model's strongest evidence for a name of the type it is linked as: found once, then remembered. */
function explanationOf(model: NameModel, found: object, text: string, mention: LinkedMention): Reason[] {
  let byName = explanations.get(model);
  if (!byName) explanations.set(model, (byName = new WeakMap()));
  let byType = byName.get(found);
  if (!byType) byName.set(found, (byType = new Map()));
  let reasons = byType.get(mention.type);
  if (!reasons) byType.set(mention.type, (reasons = explainName(text, mention, model)));
  return reasons;
}

/** Co-occurrences counted per linking result: remembered until the linking changes. */
const cooccurrence = new WeakMap<LinkResult, Map<string, Array<{ id: string; count: number }>>>();

/**
 * The entities most often named in the same sentences as this one (top 5), counted in its first
 * COOCCURRENCE_DOCUMENTS documents at most: a hover on a place named in 9,000 articles stays within
 * milliseconds (the card says when it was counted so).
 */
function cooccurringIn(links: LinkResult, entity: Entity, mentionsIn: (path: string) => LinkedMention[]): Array<{ id: string; count: number }> {
  let byEntity = cooccurrence.get(links);
  if (!byEntity) cooccurrence.set(links, (byEntity = new Map()));
  let top = byEntity.get(entity.id);
  if (!top) byEntity.set(entity.id, (top = mostTogether(entity, mentionsIn)));
  return top;
}

/** The entities most often named in the same sentences as this one (top 5), in its first COOCCURRENCE_DOCUMENTS documents. */
function mostTogether(entity: Entity, mentionsIn: (path: string) => LinkedMention[]): Array<{ id: string; count: number }> {
  const together = new Map<string, number>();
  const mentions = entity.mentions;
  for (let k = 0, documents = 0; k < mentions.length && documents++ < COOCCURRENCE_DOCUMENTS;) {
    const path = mentions[k].path;
    const sentences = new Set<number>();
    for (; k < mentions.length && mentions[k].path === path; k++) sentences.add(mentions[k].sentence);
    for (const other of mentionsIn(path)) {
      if (other.entity !== entity.id && sentences.has(other.sentence)) together.set(other.entity, (together.get(other.entity) ?? 0) + 1);
    }
  }
  return [...together.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([id, count]) => ({ id, count }));
}
