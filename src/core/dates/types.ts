// Temporal expressions as plain data: what the recogniser read (a candidate) and what it means
// once anchored (a timex, with a TIMEX3 value and how that value was reached).

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
/** TIMEX3 mod: early / mid / late. */
export type TimexMod = 'START' | 'MID' | 'END';

/** The calendar parts an expression names; what it leaves out is filled in by anchoring. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** 1–4 */
  quarter?: number;
  /** 1–2 */
  half?: number;
  /** SP, SU, FA, WI */
  season?: string;
}

export type RelativeUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century' | 'season';

/** What the text says, before anchoring. */
export type TimexReading =
  /** Complete in itself: a duration, a set, a vague reference, a decade, a fiscal year. */
  | { kind: 'fixed'; value: string; note: string; shift?: { base: 'dct' | 'previous'; unit: RelativeUnit; amount: number | null } }
  /** Calendar parts as written; a missing year is taken from the document date ("last September": shift -1). */
  | { kind: 'calendar'; parts: DateParts; shift?: -1 | 0 | 1 }
  /** From one date to another ("February 18-19, 2024", "2010-11"). */
  | { kind: 'range'; from: DateParts; to: DateParts }
  /** A weekday: shift -1 last, 0 this, +1 next, null as the tense says. */
  | { kind: 'weekday'; weekday: number; shift: -1 | 0 | 1 | null }
  /**
   * Counted from the document date (today, last week), from the date mentioned before (the next
   * day), or from the date mentioned before when it is precise enough, else the document date
   * (context: "the end of the month"). `within` names a part of the year: "the first quarter of
   * last year" is the year before the document date's, part Q1.
   */
  | { kind: 'relative'; base: 'dct' | 'previous' | 'context'; unit: RelativeUnit; offset: number; season?: string; within?: string }
  /** A clock time; the day is the one the sentence names, else the document date. */
  | { kind: 'clock'; hour: number; minute: number; utc: boolean };

export interface TimexCandidate {
  start: number;
  end: number;
  type: TimexType;
  reading: TimexReading;
  mod?: TimexMod;
  /** Time of day added to a day: a part (TIMEX3 MO, AF, EV, NI: "Friday morning") or a clock time (HH:MM). */
  partOfDay?: string;
  /** A date that names an event ("the March 22 attack"): not where the story stands, so later anaphora skip it. */
  attributive?: boolean;
}

export type TimexAnchor = 'dct' | 'previous-date' | 'none' | 'explicit';

/** How a value was reached, for the hover. */
export interface TimexResolution {
  anchor: TimexAnchor;
  /** The anchor's own value: the document date, or the date mentioned before. */
  anchorValue?: string;
  /** One sentence: "year from the document date 2024-11-25", "the day after 2024-03-05, the date mentioned before it". */
  reason: string;
}

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value; parts nothing gives stay X (XXXX-03-22). */
  value: string;
  mod?: TimexMod;
  resolution: TimexResolution;
}
