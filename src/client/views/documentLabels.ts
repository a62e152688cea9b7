// The Documents view's wording: a row per document with its date, title and counts. No `vscode`
// here (unit-tested in test/client/).
import type { DocumentSummary } from '../../protocol.js';
import { fileNameOf, plural } from '../format.js';

/** The document's title, else its file name. */
export function documentLabel(doc: DocumentSummary): string {
  return doc.title?.trim() || fileNameOf(doc.uri);
}

/**
 * "2024-03-11 · 26 entities · 3 dates · 10 events", then "· 2 footnote problems", "· 3 annotations"
 * (the user's) and "· reviewed" when so; "not analysed: …" for a skipped file.
 */
export function documentDescription(doc: DocumentSummary): string {
  if (doc.skipped) return `not analysed: ${doc.reason ?? 'unreadable'}`;
  const parts = [doc.dct ?? 'no date', plural(doc.entities, 'entity', 'entities'), plural(doc.dates, 'date'), plural(doc.events, 'event')];
  if (doc.footnoteProblems > 0) parts.push(plural(doc.footnoteProblems, 'footnote problem'));
  if (doc.userAnnotations > 0) parts.push(plural(doc.userAnnotations, 'annotation'));
  if (doc.reviewed) parts.push('reviewed');
  return parts.join(' · ');
}

/** The Documents view's description: "2/5 reviewed" (none while there are no documents). */
export function reviewProgress(docs: readonly DocumentSummary[]): string | undefined {
  if (docs.length === 0) return undefined;
  return `${docs.filter((d) => d.reviewed).length}/${docs.length} reviewed`;
}

const DCT_SOURCES: Record<NonNullable<DocumentSummary['dctSource']>, string> = {
  metadata: 'from corpus.json',
  header: 'from the dateline',
  filename: 'from the file name',
};

/** The hover text of a document row: title, file, date and where it came from, every count. */
export function documentTooltip(doc: DocumentSummary): string {
  const lines = [documentLabel(doc), fileNameOf(doc.uri)];
  if (doc.skipped) return [...lines, `Not analysed: ${doc.reason ?? 'unreadable'}`].join('\n');
  lines.push(doc.dct ? `Date: ${doc.dct} (${doc.dctSource ? DCT_SOURCES[doc.dctSource] : 'source unknown'})` : 'Date: unknown');
  lines.push(
    `${plural(doc.entities, 'entity', 'entities')} · ${plural(doc.dates, 'date')} · ${plural(doc.events, 'event')}`,
    `${plural(doc.footnoteMarkers, 'footnote marker')} · ${plural(doc.footnoteDefinitions, 'footnote definition')} · ` +
      (doc.footnoteProblems > 0 ? plural(doc.footnoteProblems, 'footnote problem') : 'no footnote problems'),
    `${doc.reviewed ? 'Reviewed' : 'Not reviewed yet'} · ${doc.userAnnotations > 0 ? plural(doc.userAnnotations, 'annotation') + ' of yours' : 'no annotations of yours'}`,
  );
  return lines.join('\n');
}
