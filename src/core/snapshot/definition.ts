// Go to definition: from a footnote marker, its definition; from a definition's label, the label
// itself; from a name, its entity's defining mention.
import type { Location } from './location.js';
import type { Snapshot } from './snapshot.js';

export function definitionAt(snapshot: Snapshot, path: string, offset: number): Location[] {
  const target = snapshot.targetAt(path, offset);
  if (!target) return [];
  if (target.kind === 'entity') {
    const { definition } = target.entity;
    return [{ path: definition.path, start: definition.start, end: definition.end }];
  }
  const { footnotes, hit } = target;
  if (hit.kind === 'definition') return [{ path, ...hit.span }];
  return footnotes.definitions.filter((d) => d.label === hit.label).map((d) => ({ path, start: d.start, end: d.end }));
}
