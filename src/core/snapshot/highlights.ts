// Document highlights: in this document, the other mentions of the entity under the cursor (its
// defining mention as 'write'), or a footnote's markers and its definition's label ('write').
import type { Span } from '../types.js';
import type { Snapshot } from './snapshot.js';

export interface Highlight extends Span {
  kind: 'read' | 'write';
}

export function highlightsAt(snapshot: Snapshot, path: string, offset: number): Highlight[] {
  const target = snapshot.targetAt(path, offset);
  if (!target) return [];
  if (target.kind === 'entity') {
    const { id, definition } = target.entity;
    return snapshot.mentions(path).filter((m) => m.entity === id).map((m) => ({ start: m.start, end: m.end, kind: m === definition ? 'write' : 'read' }));
  }
  const { footnotes, hit } = target;
  const marks: Highlight[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ start: m.start, end: m.end, kind: 'read' }));
  for (const d of footnotes.definitions) if (d.label === hit.label) marks.push({ ...d.labelSpan, kind: 'write' });
  return marks.sort((a, b) => a.start - b.start);
}
