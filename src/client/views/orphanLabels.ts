// The Orphaned Annotations view's wording: a row per annotation that no longer fits its document's
// text, with the text it quoted and where it belongs. No `vscode` here (unit-tested in test/client/).
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
  return [
    `“${orphan.exact}” was marked as ${orphan.description}`,
    `in ${fileNameOf(orphan.uri)} (annotation ${orphan.id}),`,
    'but the document no longer has that text. It is kept in .corpus-lens/annotations.json;',
    'mark the text again where it now is, or delete the annotation.',
  ].join('\n');
}

/** The view's description: "3 annotations in 2 documents". */
export function orphansSummary(orphans: readonly OrphanedAnnotation[]): string | undefined {
  if (orphans.length === 0) return undefined;
  const documents = new Set(orphans.map((o) => o.uri)).size;
  return `${plural(orphans.length, 'annotation')} in ${plural(documents, 'document')}`;
}
