// The shape of an article: dateline, title, body and notes block, read from its first lines.
import { findCalendarDates } from '../dates/calendarDates.js';
import { hasMoreWordsThan, isBlank, type Line } from './lines.js';
import type { Span } from '../types.js';

export interface Title extends Span {
  text: string;
}

export interface Dateline extends Span {
  /** The date the dateline gives, YYYY-MM-DD. */
  value: string;
}

export interface Section extends Span {
  kind: 'title' | 'body' | 'notes';
}

export interface Structure {
  title: Title | null;
  dateline: Dateline | null;
  sections: Section[];
}

/** How far into the document a dateline or title may stand (non-blank lines). */
const HEADER_LINES = 5;
/** Lines longer than this are body paragraphs: the header ends there. */
const MAX_HEADER_WORDS = 40;
const MAX_DATELINE_WORDS = 15;
const HEADING = /^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$/;
const BOLD_LINE = /^[ \t]*\*\*(.+?)\*\*[ \t]*$/;
const SENTENCE_END = /[.!?;:,"”’)]$/;

export function readStructure(lines: Line[], textLength: number, notesBlock: Span | null): Structure {
  const header = headerLines(lines);
  const dateline = findDateline(header);
  const title = findTitle(header, dateline);
  const sections: Section[] = [];
  if (title) sections.push({ kind: 'title', start: title.start, end: title.end });
  const bodyStart = firstContentAfter(lines, title ? title.end : 0);
  const bodyEnd = notesBlock ? notesBlock.start : textLength;
  if (bodyStart !== null && bodyStart < bodyEnd) {
    sections.push({ kind: 'body', start: bodyStart, end: trimmedEnd(lines, bodyStart, bodyEnd) });
  }
  if (notesBlock) sections.push({ kind: 'notes', ...notesBlock });
  return { title, dateline, sections };
}

function headerLines(lines: Line[]): Line[] {
  const header: Line[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    if (header.length >= HEADER_LINES || hasMoreWordsThan(line.text, MAX_HEADER_WORDS)) break;
    header.push(line);
  }
  return header;
}

/** A short line near the top that gives a full date: "March 11, 2024 Special Dispatch No. 11189". */
function findDateline(header: Line[]): Dateline | null {
  for (const line of header) {
    if (hasMoreWordsThan(line.text, MAX_DATELINE_WORDS)) continue;
    const date = findCalendarDates(line.text)[0];
    if (date) return { start: line.start, end: line.end, value: date.value };
  }
  return null;
}

/** A markdown heading, a bold line, or a short line that does not end like a sentence. */
function findTitle(header: Line[], dateline: Dateline | null): Title | null {
  for (const line of header) {
    if (dateline && line.start === dateline.start) continue;
    if (findCalendarDates(line.text).length > 0 && !hasMoreWordsThan(line.text, MAX_DATELINE_WORDS)) continue;
    const marked = HEADING.exec(line.text) ?? BOLD_LINE.exec(line.text);
    const text = marked ? marked[1].trim() : line.text.trim();
    if (!marked && SENTENCE_END.test(text)) return null;
    if (text === '') continue;
    const start = line.start + line.text.indexOf(text);
    return { start, end: start + text.length, text };
  }
  return null;
}

function firstContentAfter(lines: Line[], offset: number): number | null {
  const line = lines.find((l) => l.start >= offset && !isBlank(l));
  return line ? line.start : null;
}

function trimmedEnd(lines: Line[], start: number, end: number): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.start >= end || line.start < start) continue;
    if (!isBlank(line)) return Math.min(line.end, end);
  }
  return end;
}
