// Documents and entities as the sidebar and other editors see them (protocol.ts types).
import type { CorpusDocument, DocumentCounts, Entity } from '../core/index.js';
import type { DocumentSummary, EntitySummary } from '../protocol.js';
import { toRange } from './convert.js';
import type { DocumentText } from './diskDocument.js';

/** A document for the Documents view: from its analysis, and what the corpus counts in it. */
export function documentSummary(d: CorpusDocument, counts: DocumentCounts): DocumentSummary {
  return {
    uri: d.path,
    title: d.analysis.displayTitle,
    dct: d.analysis.dct,
    dctSource: d.analysis.dctSource,
    footnoteMarkers: d.analysis.footnotes.markers.length,
    footnoteDefinitions: d.analysis.footnotes.definitions.length,
    footnoteProblems: d.analysis.footnotes.problems.filter((p) => p.severity !== 'hint').length,
    skipped: d.skipped,
    reason: d.skipped ? d.fileProblems.map((p) => p.message).join(' ') : null,
    entities: counts.entities,
    dates: counts.dates,
    reviewed: counts.reviewed,
    userAnnotations: counts.userAnnotations,
    events: counts.events,
  };
}

/** An entity, with its defining mention as an LSP location; null when that document is gone. */
export function entitySummary(e: Entity, textDocument: (uri: string) => DocumentText | undefined): EntitySummary | null {
  const doc = textDocument(e.definition.path);
  if (!doc) return null;
  const roles = [...new Set(e.roles.map((r) => r.text))];
  return { id: e.id, name: e.name, type: e.type, mentions: e.mentions.length, documents: e.documents.length, roles, definition: { uri: e.definition.path, range: toRange(doc, e.definition) } };
}
