// Plain data shared by every part of the core. Offsets are UTF-16 code units, end exclusive.

export interface Span {
  start: number;
  end: number;
}

/** A span as a key of maps and sets: "start:end". */
export const spanKey = (span: Span): string => `${span.start}:${span.end}`;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found in user input. The core reports problems; it never throws on text. */
export interface Problem extends Span {
  severity: Severity;
  /** Stable identifier, e.g. `footnote.undefined`; code actions and settings key on it. */
  code: string;
  message: string;
  /** The problem makes the span redundant (rendered faded). */
  unnecessary?: boolean;
  related?: Array<Span & { message: string }>;
  /** Facts a fix needs, e.g. the footnote label. */
  data?: Record<string, string>;
}

/** A text replacement by offsets into the document it was computed for. */
export interface TextEdit extends Span {
  newText: string;
}
