// A read-only view of the corpus at one version: what every editor feature asks (src/core/snapshot/*).
// It changes nothing the user gave: the stages it reads (linking, joining) are brought up to date
// on first use, as the corpus decides (see Corpus.deferLargeChanges), so a footnote hover never
// links the corpus. A snapshot is for one request: once the corpus's inputs change it refuses to
// answer (StaleSnapshotError) rather than mix two versions.
import type { Applied } from '../annotations/apply.js';
import type { Annotation } from '../annotations/store.js';
import type { Corpus, CorpusDocument } from '../corpus.js';
import type { Entity, LinkedMention, LinkResult } from '../entities/link.js';
import type { CorpusEvent } from '../events/join.js';
import { footnoteAt, spanAt, type Footnotes } from '../footnotes.js';
import type { Span } from '../types.js';
import type { Timex } from '../dates/types.js';
import type { Unit } from '../units.js';
import type { AppliedMention } from '../annotations/apply.js';

export class StaleSnapshotError extends Error {
  constructor(taken: number, now: number) {
    super(`A snapshot of corpus version ${taken} was asked after the corpus moved to version ${now}.`);
  }
}

/** What the cursor is on, for definition, references and highlights: a footnote, else a name. */
export type Target =
  | { kind: 'footnote'; footnotes: Footnotes; hit: { kind: 'marker' | 'definition'; label: string; span: Span } }
  | { kind: 'entity'; entity: Entity; mention: LinkedMention };

export class Snapshot {
  /** The corpus version (Corpus.version) this snapshot answers for. */
  readonly version: number;

  constructor(private readonly source: Corpus) {
    this.version = source.version;
  }

  /** The corpus, as long as it is still at this snapshot's version. */
  private get corpus(): Corpus {
    if (this.source.version !== this.version) throw new StaleSnapshotError(this.version, this.source.version);
    return this.source;
  }

  document(path: string): CorpusDocument | undefined {
    return this.corpus.get(path);
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return this.corpus.documents();
  }

  /** The document's analysis with the user's annotations applied. */
  applied(path: string): Applied | null {
    return this.corpus.applied(path);
  }

  annotations(path: string): Annotation[] {
    return this.corpus.annotations(path);
  }

  /** Temporal expressions of a document, with the user's corrections. */
  timex(path: string): Timex[] {
    return this.corpus.timex(path);
  }

  /** The temporal expression under the offset, if any. */
  timexAt(path: string, offset: number): Timex | null {
    return spanAt(this.timex(path), offset) ?? null;
  }

  /** Entities linked across the corpus. */
  links(): LinkResult {
    return this.corpus.linked();
  }

  entities(): Entity[] {
    return this.links().entities;
  }

  entity(id: string): Entity | undefined {
    return this.links().byId.get(id);
  }

  /** The entity mentions of one document, in text order, with their entities. */
  mentions(path: string): LinkedMention[] {
    return this.corpus.mentions(path);
  }

  /** The name under the offset and its entity. */
  entityAt(path: string, offset: number): { mention: LinkedMention; entity: Entity } | null {
    const mention = spanAt(this.mentions(path), offset);
    const entity = mention && this.entity(mention.entity);
    return mention && entity ? { mention, entity } : null;
  }

  /** The footnote marker or definition label under the offset, else the name; null on plain text or an unknown document. */
  targetAt(path: string, offset: number): Target | null {
    const footnotes = this.document(path)?.analysis.footnotes;
    if (!footnotes) return null;
    const hit = footnoteAt(footnotes, offset);
    if (hit) return { kind: 'footnote', footnotes, hit };
    const named = this.entityAt(path, offset);
    return named && { kind: 'entity', ...named };
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  mentionUnits(path: string): Array<Unit<AppliedMention>> {
    return this.corpus.mentionUnits(path);
  }

  /** Events across the corpus, dated first, in date order. */
  events(): CorpusEvent[] {
    return this.corpus.events();
  }

  eventsIn(path: string): CorpusEvent[] {
    return this.corpus.eventsIn(path);
  }

  eventsOf(entityId: string): CorpusEvent[] {
    return this.corpus.eventsOf(entityId);
  }

  /** True when the corpus-wide linking reflects every change (spelling variants are then current). */
  get linkingCurrent(): boolean {
    return this.corpus.linkingCurrent;
  }

  /** The entities as linked now, without linking anything: null unless linking is current. */
  currentLinks(): LinkResult | null {
    return this.corpus.linkingCurrent ? this.corpus.linked() : null;
  }

  /** The document changed in a large change not linked yet (see Corpus.awaitsLinking). */
  awaitsLinking(path: string): boolean {
    return this.corpus.awaitsLinking(path);
  }
}
