// The per-document stage: each document's analysis with the user's annotations applied, and what
// the corpus-wide stages read of it, by unit (the document, or each passage of a long one): its
// mentions for linking, its event mentions for joining. Everything is kept per document and made
// again only when that document, or what the user decided about it, changed: a new decision
// elsewhere leaves a document's lists the very same arrays, so the stages after see no change there.
import { applyAnnotations, type Applied, type AppliedMention } from '../annotations/apply.js';
import { eventsByPassage } from '../document/passageEvents.js';
import type { EventMention } from '../events/extract.js';
import type { CorpusDocument, Inputs } from '../corpus/inputs.js';
import type { Annotation } from '../annotations/store.js';
import { splitIntoUnits, type Unit } from '../corpus/units.js';

/** What a document's applied analysis was made from: made again when one of them is another. */
interface AppliedFrom {
  doc: CorpusDocument;
  annotations: readonly Annotation[];
  everywhere: ReadonlySet<string>;
  applied: Applied;
}

export class AnalysisStage {
  private readonly appliedFrom = new Map<string, AppliedFrom>();
  /** Mentions and reports by unit (splitIntoUnits), per applied analysis and per report list. */
  private readonly mentionUnits = new WeakMap<Applied, Array<Unit<AppliedMention>>>();
  private readonly eventUnits = new WeakMap<EventMention[], Array<Unit<EventMention>>>();
  /** Event mentions per applied analysis: a document's are found again only when it changes. */
  private readonly eventMentions = new WeakMap<Applied, EventMention[]>();

  constructor(private readonly inputs: Inputs) {}

  /** The document is gone: what was made of it goes too. */
  forget(path: string): void {
    this.appliedFrom.delete(path);
  }

  /** The document's analysis with the user's annotations applied: what every consumer sees. */
  applied(path: string): Applied | null {
    const doc = this.inputs.document(path);
    if (!doc) return null;
    const annotations = this.inputs.annotations(path);
    const everywhere = this.inputs.everywhere();
    const from = this.appliedFrom.get(path);
    if (from && from.doc === doc && from.annotations === annotations && from.everywhere === everywhere) return from.applied;
    const applied = applyAnnotations(doc.text, doc.analysis.entities, doc.analysis.timex, annotations as Annotation[], everywhere, doc.analysis.possibleNames);
    // The same lists as before (the new decisions are about other documents): the same analysis,
    // so the stages after find nothing changed here.
    const kept = from && from.doc === doc && sameApplied(from.applied, applied) ? from.applied : applied;
    this.appliedFrom.set(path, { doc, annotations, everywhere, applied: kept });
    return kept;
  }

  /** A document's mentions (the user's decisions applied) by unit: the document, or each passage of a long one. */
  linkUnits(doc: CorpusDocument): Array<Unit<AppliedMention>> {
    const applied = this.applied(doc.path)!;
    let units = this.mentionUnits.get(applied);
    if (!units) this.mentionUnits.set(applied, (units = splitIntoUnits(doc.path, doc.analysis.passages, applied.mentions)));
    return units;
  }

  /** A document's event mentions by unit (the document, or each passage of a long one). */
  reportUnits(doc: CorpusDocument): Array<Unit<EventMention>> {
    const events = this.eventMentionsOf(doc);
    let units = this.eventUnits.get(events);
    if (!units) this.eventUnits.set(events, (units = splitIntoUnits(doc.path, doc.analysis.passages, events)));
    return units;
  }

  private eventMentionsOf(doc: CorpusDocument): EventMention[] {
    const applied = this.applied(doc.path)!;
    // Without annotations changing its mentions or dates, the analysis's own reports stand.
    if (sameItems(applied.mentions, doc.analysis.entities) && sameItems(applied.timex, doc.analysis.timex)) return doc.analysis.events;
    let found = this.eventMentions.get(applied);
    if (!found) {
      // Passage by passage, as the analysis: only the passages the decisions changed are read again.
      found = eventsByPassage(doc.text, doc.analysis, applied.mentions, applied.timex);
      this.eventMentions.set(applied, found);
    }
    return found;
  }
}

/**
 * Two applications of annotations to one analysis that give the same: no decision of this document
 * changed (the store read again gives new objects of the same decisions: they are compared by value).
 */
function sameApplied(a: Applied, b: Applied): boolean {
  return a.reviewed === b.reviewed && sameValues(a.mentions, b.mentions) && sameValues(a.timex, b.timex) && sameValues(a.possible, b.possible) && sameValues(a.orphans, b.orphans);
}

function sameValues(a: readonly object[], b: readonly object[]): boolean {
  return a === b || (a.length === b.length && a.every((x, k) => x === b[k] || JSON.stringify(x) === JSON.stringify(b[k])));
}

function sameItems(a: readonly object[], b: readonly object[]): boolean {
  return a === b || (a.length === b.length && a.every((x, k) => x === b[k]));
}
