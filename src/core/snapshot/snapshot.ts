// A read-only view of the corpus at one version: what every editor feature asks (src/core/snapshot/*).
// The corpus publishes a new one on every change of its inputs and whenever catching up moves its
// stages on (Corpus.current); the server reads it there. Each answer is read from the corpus's
// stages once, on first use, and kept (only linkingCurrent and currentLinks ask the corpus each
// time): the stages (linking, joining) are brought up to date then, as the corpus decides (see
// Corpus.deferLargeChanges), so a footnote hover never links the corpus, and a question asked
// again is answered here alone. A snapshot asked something new after the corpus's inputs changed
// refuses (StaleSnapshotError) rather than mix two versions.
import type { Applied } from '../annotations/apply.js';
import type { Annotation } from '../annotations/store.js';
import type { Corpus, CorpusDocument } from '../corpus/corpus.js';
import type { Entity, LinkedMention, LinkResult } from '../entities/link.js';
import type { CorpusEvent } from '../events/join.js';
import type { FootnoteDefinition, Footnotes } from '../document/footnotes.js';
import type { Span } from '../types.js';
import type { Timex } from '../dates/types.js';
import type { Unit } from '../corpus/units.js';
import type { AppliedMention } from '../annotations/apply.js';

export class StaleSnapshotError extends Error {
  constructor(taken: number, now: number) {
    super(`A snapshot of corpus version ${taken} was asked after the corpus moved to version ${now}.`);
  }
}

/** A footnote marker or definition label under the cursor. */
export interface FootnoteHit {
  kind: 'marker' | 'definition';
  label: string;
  span: Span;
}

/** What the cursor is on, for definition, references and highlights: a footnote, else a name. */
export type Target =
  | { kind: 'footnote'; footnotes: Footnotes; hit: FootnoteHit }
  | { kind: 'entity'; entity: Entity; mention: LinkedMention };

/** A document's footnote markers and definition labels, as spans sorted by start. */
interface FootnoteSpans {
  markers: Array<Span & { label: string }>;
  labels: Array<Span & { label: string }>;
}

export class Snapshot {
  /** The revision of the corpus's inputs (`corpus.inputs.revision`) this snapshot answers for. */
  readonly version: number;
  // What has been read of the corpus, by question: read once, then kept.
  private readonly documentOf = new Map<string, CorpusDocument | undefined>();
  private sortedDocuments: CorpusDocument[] | null = null;
  private readonly appliedOf = new Map<string, Applied | null>();
  private readonly annotationsOf = new Map<string, Annotation[]>();
  private readonly mentionsOf = new Map<string, LinkedMention[]>();
  private readonly unitsOf = new Map<string, Array<Unit<AppliedMention>>>();
  private readonly footnotesOf = new Map<string, FootnoteSpans | null>();
  private readonly awaiting = new Map<string, boolean>();
  private readonly eventsInOf = new Map<string, CorpusEvent[]>();
  private readonly eventsOfEntity = new Map<string, CorpusEvent[]>();
  private linksRead: LinkResult | null = null;
  private eventsRead: CorpusEvent[] | null = null;
  private caughtUp = false;

  constructor(private readonly source: Corpus) {
    this.version = source.inputs.revision;
  }

  /** The corpus, as long as it is still at this snapshot's version. */
  private get corpus(): Corpus {
    if (this.source.inputs.revision !== this.version) throw new StaleSnapshotError(this.version, this.source.inputs.revision);
    return this.source;
  }

  document(path: string): CorpusDocument | undefined {
    return kept(this.documentOf, path, () => this.corpus.inputs.document(path));
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return (this.sortedDocuments ??= this.corpus.documents());
  }

  /** The document's analysis with the user's annotations applied. */
  applied(path: string): Applied | null {
    return kept(this.appliedOf, path, () => this.corpus.applied(path));
  }

  annotations(path: string): Annotation[] {
    return kept(this.annotationsOf, path, () => this.corpus.annotations(path));
  }

  /** Temporal expressions of a document, with the user's corrections. */
  timex(path: string): Timex[] {
    return this.applied(path)?.timex ?? [];
  }

  /** The temporal expression under the offset, if any. */
  timexAt(path: string, offset: number): Timex | null {
    return spanHolding(this.timex(path), offset) ?? null;
  }

  /** The footnote marker or definition label under the offset, if any (a cursor right after `[n]` still counts). */
  footnoteAt(path: string, offset: number): FootnoteHit | null {
    const spans = kept(this.footnotesOf, path, () => footnoteSpans(this.document(path)?.analysis.footnotes));
    const marker = spans && spanHolding(spans.markers, offset);
    if (marker) return { kind: 'marker', label: marker.label, span: marker };
    const label = spans && spanHolding(spans.labels, offset);
    return label ? { kind: 'definition', label: label.label, span: { start: label.start, end: label.end } } : null;
  }

  /** Entities linked across the corpus. */
  links(): LinkResult {
    return (this.linksRead ??= this.corpus.linked());
  }

  entities(): Entity[] {
    return this.links().entities;
  }

  entity(id: string): Entity | undefined {
    return this.links().byId.get(id);
  }

  /** The entity mentions of one document, in text order, with their entities. */
  mentions(path: string): LinkedMention[] {
    return kept(this.mentionsOf, path, () => {
      this.links(); // the mentions of the linking this snapshot answers with
      return this.corpus.mentions(path);
    });
  }

  /** The name under the offset and its entity. */
  entityAt(path: string, offset: number): { mention: LinkedMention; entity: Entity } | null {
    const mention = spanHolding(this.mentions(path), offset);
    const entity = mention && this.entity(mention.entity);
    return mention && entity ? { mention, entity } : null;
  }

  /** The footnote marker or definition label under the offset, else the name; null on plain text or an unknown document. */
  targetAt(path: string, offset: number): Target | null {
    const footnotes = this.document(path)?.analysis.footnotes;
    if (!footnotes) return null;
    const hit = this.footnoteAt(path, offset);
    if (hit) return { kind: 'footnote', footnotes, hit };
    const named = this.entityAt(path, offset);
    return named && { kind: 'entity', ...named };
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  mentionUnits(path: string): Array<Unit<AppliedMention>> {
    return kept(this.unitsOf, path, () => this.corpus.mentionUnits(path));
  }

  /** Events across the corpus, dated first, in date order. */
  events(): CorpusEvent[] {
    return (this.eventsRead ??= this.corpus.events());
  }

  eventsIn(path: string): CorpusEvent[] {
    return kept(this.eventsInOf, path, () => {
      this.events(); // the events this snapshot answers with
      return this.corpus.eventsIn(path);
    });
  }

  eventsOf(entityId: string): CorpusEvent[] {
    return kept(this.eventsOfEntity, entityId, () => {
      this.events();
      return this.corpus.eventsOf(entityId);
    });
  }

  /** True when linking and events reflect every change: queries need no corpus-wide work first. */
  get upToDate(): boolean {
    return (this.caughtUp ||= this.source.inputs.revision === this.version && this.source.upToDate);
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
    return kept(this.awaiting, path, () => {
      this.links();
      return this.corpus.awaitsLinking(path);
    });
  }
}

/** The value kept under the key, else the one `read` gives, kept from then on. */
function kept<K, V>(values: Map<K, V>, key: K, read: () => V): V {
  if (values.has(key)) return values.get(key)!;
  const value = read();
  values.set(key, value);
  return value;
}

function footnoteSpans(footnotes: Footnotes | undefined): FootnoteSpans | null {
  if (!footnotes) return null;
  const labels = footnotes.definitions.map((d: FootnoteDefinition) => ({ ...d.labelSpan, label: d.label }));
  return { markers: footnotes.markers, labels };
}

/**
 * The span holding the offset (start <= offset <= end; the one ending there counts, as the editor
 * asks just after a word), of spans sorted by start; of two, the one starting at the offset, so
 * `[1][2]` resolves each half.
 */
export function spanHolding<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const s = spans[hi];
  return s && offset <= s.end ? s : undefined;
}
