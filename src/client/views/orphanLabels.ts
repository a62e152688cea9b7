// The Orphaned Annotations view's wording: a row per annotation that no longer fits its document's
// text, with the text it quoted and where it belongs, and a row per document the store names that
// is not in the corpus, holding its annotations. No `vscode` here (unit-tested in test/client/).
import type { OrphanedAnnotation } from '../../protocol.js';
import { fileNameOf, plural, shorten } from '../format.js';

/** The quoted text (cut to fit a row), or the kind when the annotation quotes nothing. */
export function orphanLabel(orphan: OrphanedAnnotation): string {
  return orphan.exact.trim() ? `“${shorten(orphan.exact, 60)}”` : `(${orphan.kind})`;
}

/** "001_22225b4e410ffef9.txt · a person". */
export function orphanDescription(orphan: OrphanedAnnotation): string {
  return `${fileNameOf(orphan.uri)} · ${orphan.description}`;
}

export function orphanTooltip(orphan: OrphanedAnnotation): string {
  if (orphan.reason === 'document') {
    return [
      orphan.exact ? `“${orphan.exact}” was marked as ${orphan.description}` : `The document was marked as ${orphan.description}`,
      `in ${fileNameOf(orphan.uri)} (annotation ${orphan.id}), which is no longer in the corpus.`,
    ].join('\n');
  }
  return [
    `“${orphan.exact}” was marked as ${orphan.description}`,
    `in ${fileNameOf(orphan.uri)} (annotation ${orphan.id}),`,
    'but the document no longer has that text. It is kept in .corpus-lens/annotations.json;',
    'mark the text again where it now is, or delete the annotation.',
  ].join('\n');
}

/** A missing document's row: its file name. */
export function missingDocumentLabel(uri: string): string {
  return fileNameOf(uri);
}

/** "seeds/kabul · not in the corpus · 3 annotations, reviewed" (`folder`: where it was, relative). */
export function missingDocumentDescription(folder: string, orphans: readonly OrphanedAnnotation[]): string {
  const marks = orphans.filter((o) => o.kind !== 'reviewed').length;
  const reviewed = orphans.length > marks;
  const what = [marks ? plural(marks, 'annotation') : '', reviewed ? 'reviewed' : ''].filter(Boolean).join(', ');
  return [folder, 'not in the corpus', what].filter(Boolean).join(' · ');
}

export function missingDocumentTooltip(relative: string): string {
  return [
    `The annotation store names ${relative}, which is not in the corpus: it was deleted,`,
    'moved where Corpus Lens could not follow it, or is no longer matched by corpusLens.files.include.',
    'Its annotations are kept in .corpus-lens/annotations.json. Point them at the document where',
    'it is now (Point at Another File…), or delete them.',
  ].join('\n');
}

/** The view's description: "3 annotations in 2 documents". */
export function orphansSummary(orphans: readonly OrphanedAnnotation[]): string | undefined {
  if (orphans.length === 0) return undefined;
  const documents = new Set(orphans.map((o) => o.uri)).size;
  return `${plural(orphans.length, 'annotation')} in ${plural(documents, 'document')}`;
}
