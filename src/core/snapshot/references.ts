// Find references: every mention of the entity under the cursor, across the corpus; or every marker
// citing the footnote under it (and its definition's label, when the declaration is asked for).
import type { Location } from './location.js';
import type { Snapshot } from './snapshot.js';

export function referencesAt(snapshot: Snapshot, path: string, offset: number, includeDeclaration: boolean): Location[] {
  const target = snapshot.targetAt(path, offset);
  if (!target) return [];
  if (target.kind === 'entity') {
    const { mentions, definition } = target.entity;
    return mentions.filter((m) => includeDeclaration || m !== definition).map((m) => ({ path: m.path, start: m.start, end: m.end }));
  }
  const { footnotes, hit } = target;
  const refs: Location[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ path, start: m.start, end: m.end }));
  if (includeDeclaration) {
    for (const d of footnotes.definitions) if (d.label === hit.label) refs.push({ path, ...d.labelSpan });
  }
  return refs.sort((a, b) => a.start - b.start);
}
