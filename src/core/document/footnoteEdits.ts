// Edits on footnotes: add a missing definition, rename a label, renumber in order of appearance.
// Each returns offset-based edits for the text the analysis was made from, or a reason it cannot.
import type { Footnotes } from './footnotes.js';
import type { TextEdit } from '../types.js';

export type EditResult = { edits: TextEdit[] } | { error: string };

/** Appends `[label] ` at the end of the notes block, or starts a notes block at the end of the text. */
export function addDefinitionEdit(text: string, footnotes: Footnotes, label: string): TextEdit {
  const defs = footnotes.definitions;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (defs.length > 0) {
    const last = defs[defs.length - 1];
    const separator = defs.length > 1 ? text.slice(defs[defs.length - 2].end, last.start) : `${eol}${eol}`;
    const gap = /^\s*$/.test(separator) && separator.length > 0 ? separator : `${eol}${eol}`;
    return { start: last.end, end: last.end, newText: `${gap}[${label}] ` };
  }
  const trailing = /\s*$/.exec(text)![0];
  const finalBreak = /[\r\n]/.test(trailing) ? eol : '';
  return { start: text.length - trailing.length, end: text.length, newText: `${eol}${eol}[${label}] ${finalBreak}` };
}

export function isFootnoteLabel(s: string): boolean {
  return /^(0|[1-9]\d{0,4})$/.test(s);
}

/** Renames every marker and definition of `from` to `to`. */
export function renameFootnoteEdits(footnotes: Footnotes, from: string, to: string): EditResult {
  const wanted = to.replace(/^\[|\]$/g, '').trim();
  if (!isFootnoteLabel(wanted)) return { error: `Footnote labels are whole numbers, like 3; "${to}" is not one.` };
  if (wanted === from) return { edits: [] };
  const taken = footnotes.markers.some((m) => m.label === wanted) || footnotes.definitions.some((d) => d.label === wanted);
  if (taken) return { error: `Footnote [${wanted}] already exists. To shift several notes, use "Renumber footnotes in order of appearance".` };
  return { edits: labelEdits(footnotes, new Map([[from, wanted]])) };
}

/**
 * Numbers footnotes 1, 2, 3… in the order they are first cited; definitions never cited follow.
 * When the definitions stand alone (only white space between them) they are also put in order.
 */
export function renumberFootnotesEdits(text: string, footnotes: Footnotes): EditResult {
  const order: string[] = [];
  for (const m of footnotes.markers) if (!order.includes(m.label)) order.push(m.label);
  for (const d of footnotes.definitions) if (!order.includes(d.label)) order.push(d.label);
  if (new Set(footnotes.definitions.map((d) => d.label)).size !== footnotes.definitions.length) {
    return { error: 'Some footnotes are defined twice; resolve the duplicates first.' };
  }
  const mapping = new Map(order.map((label, i) => [label, String(i + 1)]));
  const markerEdits = labelEdits({ ...footnotes, definitions: [] }, mapping);
  const defs = footnotes.definitions;
  const separators = defs.slice(1).map((d, i) => text.slice(defs[i].end, d.start));
  if (defs.length < 2 || !separators.every((s) => /^\s+$/.test(s))) {
    return { edits: [...markerEdits, ...labelEdits({ ...footnotes, markers: [] }, mapping)] };
  }
  const sorted = [...defs].sort((a, b) => Number(mapping.get(a.label)) - Number(mapping.get(b.label)));
  const rewritten = sorted.map((d) => `[${mapping.get(d.label)}]${text.slice(d.labelSpan.end, d.end)}`);
  let block = rewritten[0];
  for (let i = 1; i < rewritten.length; i++) block += separators[i - 1] + rewritten[i];
  const blockEdit = { start: defs[0].start, end: defs[defs.length - 1].end, newText: block };
  return { edits: [...markerEdits, blockEdit].filter((e) => text.slice(e.start, e.end) !== e.newText) };
}

/** Replaces the number inside each `[n]` whose label the mapping changes. */
function labelEdits(footnotes: Footnotes, mapping: Map<string, string>): TextEdit[] {
  const edits: TextEdit[] = [];
  const spans = [...footnotes.markers.map((m) => ({ ...m })), ...footnotes.definitions.map((d) => ({ label: d.label, ...d.labelSpan }))];
  for (const s of spans) {
    const to = mapping.get(s.label);
    if (to !== undefined && to !== s.label) edits.push({ start: s.start + 1, end: s.end - 1, newText: to });
  }
  return edits.sort((a, b) => a.start - b.start);
}
