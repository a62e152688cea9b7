// The outline (document symbols): title, body, the notes with each footnote, and the entities the
// document names with how often.
import type { Span } from '../types.js';
import type { Snapshot } from './snapshot.js';

export interface OutlineItem {
  name: string;
  detail: string;
  kind: 'title' | 'body' | 'notes' | 'footnote' | 'entities' | 'entity';
  /** For kind 'entity': its type. */
  entityType?: string;
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

export function outline(snapshot: Snapshot, path: string): OutlineItem[] {
  const doc = snapshot.document(path);
  if (!doc) return [];
  const { analysis } = doc;
  const items: OutlineItem[] = [];
  for (const section of analysis.sections) {
    const span = { start: section.start, end: section.end };
    if (section.kind === 'title') {
      items.push({ name: analysis.title?.text || 'Title', detail: analysis.dct ?? '', kind: 'title', span, selection: span, children: [] });
    } else if (section.kind === 'body') {
      const cited = analysis.footnotes.markers.length;
      items.push({ name: 'Body', detail: cited ? `${cited} footnote markers` : '', kind: 'body', span, selection: { start: span.start, end: span.start }, children: [] });
    } else {
      const children = analysis.footnotes.definitions.map((d): OutlineItem => ({
        name: `[${d.label}]`, detail: d.text, kind: 'footnote', span: { start: d.start, end: d.end }, selection: d.labelSpan, children: [],
      }));
      items.push({ name: 'Notes', detail: `${children.length} footnotes`, kind: 'notes', span, selection: { start: span.start, end: span.start }, children });
    }
  }
  const mentions = snapshot.mentions(path);
  if (mentions.length > 0) {
    const seen = new Map<string, OutlineItem>();
    for (const m of mentions) {
      const item = seen.get(m.entity);
      if (item) {
        item.detail = `${Number(item.detail.split(' ')[0]) + 1} mentions`;
        continue;
      }
      const e = snapshot.entity(m.entity)!;
      seen.set(m.entity, { name: e.name, detail: '1 mentions', kind: 'entity', entityType: e.type, span: { start: m.start, end: m.end }, selection: { start: m.start, end: m.end }, children: [] });
    }
    const children = [...seen.values()];
    for (const c of children) if (c.detail === '1 mentions') c.detail = '1 mention';
    items.push({ name: 'Entities', detail: `${children.length} entities`, kind: 'entities', span: { start: mentions[0].start, end: mentions[mentions.length - 1].end }, selection: { start: mentions[0].start, end: mentions[0].start }, children });
  }
  return items;
}
