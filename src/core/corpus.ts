// The corpus: every document's latest analysis, and the questions the editor and CLI ask of it.
// Updating one document never re-analyses another. Answers are plain data with offsets.
import type { DocumentAnalysis } from './analyze.js';
import { footnoteAt, type FootnoteDefinition } from './footnotes.js';
import type { Problem, Span } from './types.js';

export interface CorpusDocument {
  path: string;
  text: string;
  analysis: DocumentAnalysis;
  /** Problems with the file itself (unreadable, binary, too large, odd encoding). */
  fileProblems: Problem[];
  /** True when the file was not analysed at all (binary, too large, unreadable). */
  skipped: boolean;
}

export interface Location extends Span {
  path: string;
}

export type HoverInfo =
  | { kind: 'footnote-marker'; span: Span; label: string; definitions: FootnoteDefinition[] }
  | { kind: 'footnote-definition'; span: Span; label: string; citations: number };

export interface Highlight extends Span {
  kind: 'read' | 'write';
}

export interface OutlineItem {
  name: string;
  detail: string;
  kind: 'title' | 'body' | 'notes' | 'footnote';
  span: Span;
  selection: Span;
  children: OutlineItem[];
}

export class Corpus {
  private readonly docs = new Map<string, CorpusDocument>();
  private revision = 0;

  update(path: string, text: string, analysis: DocumentAnalysis, fileProblems: Problem[] = [], skipped = false): void {
    this.docs.set(path, { path, text, analysis, fileProblems, skipped });
    this.revision++;
  }

  remove(path: string): boolean {
    const removed = this.docs.delete(path);
    if (removed) this.revision++;
    return removed;
  }

  get(path: string): CorpusDocument | undefined {
    return this.docs.get(path);
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  /** Increases on every change; lets callers skip work when nothing changed. */
  get version(): number {
    return this.revision;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every document, sorted by path. */
  documents(): CorpusDocument[] {
    return [...this.docs.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  problems(path: string): Problem[] {
    const doc = this.docs.get(path);
    return doc ? [...doc.fileProblems, ...doc.analysis.problems] : [];
  }

  hoverAt(path: string, offset: number): HoverInfo | null {
    const footnotes = this.docs.get(path)?.analysis.footnotes;
    const hit = footnotes && footnoteAt(footnotes, offset);
    if (!footnotes || !hit) return null;
    if (hit.kind === 'marker') {
      return { kind: 'footnote-marker', span: hit.span, label: hit.label, definitions: footnotes.definitions.filter((d) => d.label === hit.label) };
    }
    return { kind: 'footnote-definition', span: hit.span, label: hit.label, citations: footnotes.markers.filter((m) => m.label === hit.label).length };
  }

  /** From a marker: its definition. From a definition label: the label itself. */
  definitionAt(path: string, offset: number): Location[] {
    const footnotes = this.docs.get(path)?.analysis.footnotes;
    const hit = footnotes && footnoteAt(footnotes, offset);
    if (!footnotes || !hit) return [];
    if (hit.kind === 'definition') return [{ path, ...hit.span }];
    return footnotes.definitions.filter((d) => d.label === hit.label).map((d) => ({ path, start: d.start, end: d.end }));
  }

  /** Every marker citing the footnote under the offset, and its definition when asked. */
  referencesAt(path: string, offset: number, includeDeclaration: boolean): Location[] {
    const footnotes = this.docs.get(path)?.analysis.footnotes;
    const hit = footnotes && footnoteAt(footnotes, offset);
    if (!footnotes || !hit) return [];
    const refs: Location[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ path, start: m.start, end: m.end }));
    if (includeDeclaration) {
      for (const d of footnotes.definitions) if (d.label === hit.label) refs.push({ path, ...d.labelSpan });
    }
    return refs.sort((a, b) => a.start - b.start);
  }

  highlightsAt(path: string, offset: number): Highlight[] {
    const footnotes = this.docs.get(path)?.analysis.footnotes;
    const hit = footnotes && footnoteAt(footnotes, offset);
    if (!footnotes || !hit) return [];
    const marks: Highlight[] = footnotes.markers.filter((m) => m.label === hit.label).map((m) => ({ start: m.start, end: m.end, kind: 'read' }));
    for (const d of footnotes.definitions) if (d.label === hit.label) marks.push({ ...d.labelSpan, kind: 'write' });
    return marks.sort((a, b) => a.start - b.start);
  }

  outline(path: string): OutlineItem[] {
    const doc = this.docs.get(path);
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
    return items;
  }
}
