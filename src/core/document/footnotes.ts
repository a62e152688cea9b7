// Footnotes: `[n]` markers in the body and `[n] …` definition lines in the notes block at the end.
//
// Invariants: markers never lie inside the notes block; a definition is one line (plus the lines
// directly under it when another definition follows); labels are decimal numbers, so editorial
// brackets such as `[N]umerous` and bracketed addresses never count.
import { isBlank, splitLines, type Line } from './lines.js';
import type { Problem, Span } from '../types.js';

export interface FootnoteMarker extends Span {
  label: string;
}

export interface FootnoteDefinition extends Span {
  label: string;
  /** The `[n]` at the start of the definition. */
  labelSpan: Span;
  /** The definition's text after its label, trimmed, with inner line breaks kept. */
  text: string;
  textSpan: Span;
}

export interface Footnotes {
  markers: FootnoteMarker[];
  definitions: FootnoteDefinition[];
  /** From the notes heading (if any) or the first definition to the end of the last one. */
  notesBlock: Span | null;
  problems: Problem[];
}

const DEFINITION_LINE = /^([ \t]*)\[(\d{1,5})\](?![\p{L}\p{N}])/u;
const MARKER = /\[(\d{1,5})\]/g;
const NOTES_HEADING = /^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?(?:notes?|footnotes?|endnotes?|references?|sources?)(?:\*\*)?[ \t]*:?[ \t]*$/i;
/** Non-blank lines allowed between two definitions that still belong to one notes block. */
const MAX_LINES_BETWEEN_DEFINITIONS = 2;
/** Labels this long are years more often than notes: count them only when defined. */
const YEAR_LIKE_LABEL = 4;

export function findFootnotes(text: string, lines: Line[] = splitLines(text)): Footnotes {
  const definitionLines = lines.filter((l) => DEFINITION_LINE.test(l.text));
  const block = notesBlockLines(lines, definitionLines);
  const definitions = block ? readDefinitions(lines, block.definitionLines) : [];
  const notesBlock = block
    ? { start: block.firstLine.start, end: definitions[definitions.length - 1].end }
    : null;
  const markers = findMarkers(text, notesBlock, new Set(definitions.map((d) => d.label)));
  return { markers, definitions, notesBlock, problems: footnoteProblems(markers, definitions) };
}

/** The notes block: the last run of definition lines, and a heading right above it. */
function notesBlockLines(lines: Line[], definitionLines: Line[]) {
  if (definitionLines.length === 0) return null;
  let first = definitionLines.length - 1;
  while (first > 0) {
    const between = lines.slice(definitionLines[first - 1].index + 1, definitionLines[first].index);
    if (between.filter((l) => !isBlank(l)).length > MAX_LINES_BETWEEN_DEFINITIONS) break;
    first--;
  }
  const blockDefinitions = definitionLines.slice(first);
  let firstLine = blockDefinitions[0];
  for (let i = firstLine.index - 1; i >= 0; i--) {
    if (isBlank(lines[i])) continue;
    if (NOTES_HEADING.test(lines[i].text)) firstLine = lines[i];
    break;
  }
  return { firstLine, definitionLines: blockDefinitions };
}

function readDefinitions(lines: Line[], definitionLines: Line[]): FootnoteDefinition[] {
  return definitionLines.map((line, i) => {
    const m = DEFINITION_LINE.exec(line.text)!;
    const labelStart = line.start + m[1].length;
    const labelEnd = labelStart + m[2].length + 2;
    // Lines directly under a definition continue it, up to a blank line or the next definition.
    let last = line;
    const next = definitionLines[i + 1];
    if (next) {
      for (let j = line.index + 1; j < next.index && !isBlank(lines[j]); j++) last = lines[j];
    }
    const raw = sliceLines(lines, line, last, labelEnd);
    const leading = raw.length - raw.trimStart().length;
    const textStart = labelEnd + leading;
    const body = raw.trim();
    return {
      label: m[2],
      start: labelStart,
      end: last.end,
      labelSpan: { start: labelStart, end: labelEnd },
      text: body,
      textSpan: { start: textStart, end: textStart + body.length },
    };
  });
}

function sliceLines(lines: Line[], from: Line, to: Line, start: number): string {
  const parts = [from.text.slice(start - from.start)];
  for (let j = from.index + 1; j <= to.index; j++) parts.push(lines[j].text);
  return parts.join('\n');
}

function findMarkers(text: string, notesBlock: Span | null, defined: Set<string>): FootnoteMarker[] {
  const markers: FootnoteMarker[] = [];
  const limit = notesBlock ? notesBlock.start : text.length;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m && m.index < limit; m = MARKER.exec(text)) {
    const end = m.index + m[0].length;
    // `[1]st`, `[2]0`: an editorial bracket inside a word, not a note.
    if (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) continue;
    if (m[1].length >= YEAR_LIKE_LABEL && !defined.has(m[1])) continue;
    markers.push({ label: m[1], start: m.index, end });
  }
  return markers;
}

function footnoteProblems(markers: FootnoteMarker[], definitions: FootnoteDefinition[]): Problem[] {
  const problems: Problem[] = [];
  const firstDefinition = new Map<string, FootnoteDefinition>();
  for (const d of definitions) {
    const first = firstDefinition.get(d.label);
    if (!first) {
      firstDefinition.set(d.label, d);
      continue;
    }
    problems.push({
      ...d.labelSpan, severity: 'error', code: 'footnote.duplicate',
      message: `Footnote [${d.label}] is defined more than once.`,
      related: [{ ...first.labelSpan, message: `First definition of [${d.label}]` }],
      data: { label: d.label },
    });
  }
  const cited = new Set<string>();
  let highest = 0;
  for (const m of markers) {
    if (!firstDefinition.has(m.label)) {
      problems.push({
        start: m.start, end: m.end, severity: 'warning', code: 'footnote.undefined',
        message: `Footnote [${m.label}] has no definition in the notes.`, data: { label: m.label },
      });
    }
    if (cited.has(m.label)) continue;
    cited.add(m.label);
    const n = Number(m.label);
    if (n !== highest + 1) {
      problems.push({
        start: m.start, end: m.end, severity: 'information', code: 'footnote.order',
        message: n <= highest
          ? `Footnote [${m.label}] is cited for the first time after [${highest}]; notes are numbered in order of appearance.`
          : `Footnote [${m.label}] follows [${highest}]; expected [${highest + 1}].`,
        data: { label: m.label, expected: String(highest + 1) },
      });
    }
    highest = Math.max(highest, n);
  }
  for (const d of firstDefinition.values()) {
    if (!cited.has(d.label)) {
      problems.push({
        start: d.start, end: d.end, severity: 'hint', code: 'footnote.unused', unnecessary: true,
        message: `Footnote [${d.label}] is never cited in the text.`, data: { label: d.label },
      });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}
