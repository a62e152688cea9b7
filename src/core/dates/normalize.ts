// Anchoring: what a temporal expression means in its document. Deictic expressions (today, last
// week) count from the document date (dct); anaphoric ones (the next day) from the date mentioned
// before them; a date without a year takes the most recent occurrence up to the document date, as
// news reports the past, unless its sentence speaks of the future. With no anchor, the parts
// nothing gives stay X (XXXX-03-22): never guessed silently. Each value says how it was reached.
import {
  addDays, addMonths, dayNumber, formatIsoWeek, formatYmd, fromDayNumber, isLeapYear, isoWeekday, isoWeekMonday, pad, parseYmd,
  weekdayName, type Ymd,
} from './calendar.js';
import { recognizeTimex } from './recognize.js';
import type { DateParts, RelativeUnit, Timex, TimexCandidate, TimexReading, TimexResolution } from './types.js';

export interface FindTimexOptions {
  /** The document's own date, YYYY-MM-DD; null or absent when unknown. */
  dct?: string | null;
  /** For a passage of a longer document: where the story stood at the end of the text before it. */
  before?: DateChain;
}

/**
 * Where the story stands after a text: the values of the last date mentioned (not naming an event)
 * and of the last date of any kind. What anaphora in the text that follows count from.
 */
export interface DateChain {
  previous: string | null;
  previousAny: string | null;
}

export const NO_DATES_BEFORE: DateChain = Object.freeze({ previous: null, previousAny: null });

/** Every temporal expression of a text with its TIMEX3 value, anchored on the document date. */
export function findTimex(text: string, options: FindTimexOptions = {}): Timex[] {
  return findTimexChained(text, options).timex;
}

/** As findTimex, and where the story stands at the text's end (the next passage's `before`). */
export function findTimexChained(text: string, options: FindTimexOptions = {}): { timex: Timex[]; after: DateChain } {
  return normalizeChain(text, recognizeTimex(text), options.dct ?? null, options.before ?? NO_DATES_BEFORE);
}

/** A date mentioned in the text, as far as it is known: what anaphora count from. */
interface Mentioned {
  year: number;
  month?: number;
  day?: number;
  value: string;
  end: number;
}

interface Resolved {
  value: string;
  resolution: TimexResolution;
}

function shared(resolutions: Map<string, TimexResolution>, r: TimexResolution): TimexResolution {
  const key = `${r.anchor}\u0000${r.anchorValue === undefined ? '\u0001' : r.anchorValue}\u0000${r.reason}`;
  const known = resolutions.get(key);
  if (known) return known;
  resolutions.set(key, r);
  return r;
}

export function normalizeTimex(text: string, candidates: readonly TimexCandidate[], dctValue: string | null): Timex[] {
  return normalizeChain(text, candidates, dctValue, NO_DATES_BEFORE).timex;
}

function normalizeChain(text: string, candidates: readonly TimexCandidate[], dctValue: string | null, before: DateChain): { timex: Timex[]; after: DateChain } {
  const dct = parseYmd(dctValue);
  const dctText = dct ? formatYmd(dct) : null;
  const out: Timex[] = [];
  // Where the story stands (dates that are not event names) and any date at all: a date naming
  // an event ("the March 22 attack") still tells the year, not the day the narrative is at.
  // Dates carried from an earlier passage end before this text (-1): a line break lies between.
  let previous: Mentioned | null = before.previous === null ? null : mentionedPoint(before.previous, -1);
  let previousAny: Mentioned | null = before.previousAny === null ? null : mentionedPoint(before.previousAny, -1);
  // Equal resolutions are one object: an article repeats "day, month and year as written" and the
  // like (2 of 3 resolutions at 10,000 articles), and the copy sent from an analysis worker, like
  // the corpus's memory, then holds each once.
  const resolutions = new Map<string, TimexResolution>();
  for (const c of candidates) {
    const context: Context = { text, c, dct, dctText, previous, previousAny };
    let resolved: Resolved;
    try {
      resolved = resolve(context);
    } catch {
      resolved = { value: unknownValue(c), resolution: { anchor: 'none', reason: 'could not be read' } };
    }
    const resolution = shared(resolutions, resolved.resolution);
    const { start, end, type, mod } = c;
    // Two literals, not a spread of the mod (slow in V8): the same fields in the same order.
    out.push(mod ? { start, end, text: text.slice(start, end), type, value: resolved.value, mod, resolution } : { start, end, text: text.slice(start, end), type, value: resolved.value, resolution });
    if (c.type === 'DATE' || c.type === 'TIME') {
      const point = mentionedPoint(resolved.value, c.end);
      if (point) {
        previousAny = point;
        if (!c.attributive) previous = point;
      }
    }
  }
  return { timex: out, after: { previous: previous?.value ?? null, previousAny: previousAny?.value ?? null } };
}

interface Context {
  text: string;
  c: TimexCandidate;
  dct: Ymd | null;
  dctText: string | null;
  previous: Mentioned | null;
  previousAny: Mentioned | null;
}

function resolve(ctx: Context): Resolved {
  const r = ctx.c.reading;
  switch (r.kind) {
    case 'fixed':
      return resolveFixed(ctx, r);
    case 'calendar':
      return r.shift !== undefined && r.parts.year === undefined ? resolveShiftedCalendar(ctx, r.parts, r.shift) : resolveCalendar(ctx, r.parts);
    case 'range':
      return resolveRange(ctx, r.from, r.to);
    case 'weekday':
      return resolveWeekday(ctx, r.weekday, r.shift);
    case 'relative':
      return resolveRelative(ctx, r);
    case 'clock':
      return resolveClock(ctx, r.hour, r.minute, r.utc);
  }
}

// ---------------------------------------------------------------- fixed values

function resolveFixed(ctx: Context, r: Extract<TimexReading, { kind: 'fixed' }>): Resolved {
  if (r.value.endsWith('_REF')) return { value: r.value, resolution: { anchor: 'none', reason: r.note } };
  if (r.shift && r.shift.amount !== null && ctx.dct) {
    const point = shiftFrom(ctx.dct, r.shift.unit, r.shift.amount);
    return {
      value: r.value,
      resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason: `a duration of ${r.note}, reaching back from the document date ${ctx.dctText} to ${point}` },
    };
  }
  if (ctx.c.type === 'DURATION') return { value: r.value, resolution: { anchor: 'explicit', reason: `a duration of ${r.note}` } };
  if (ctx.c.type === 'SET') return { value: r.value, resolution: { anchor: 'explicit', reason: `a frequency: ${r.note}` } };
  return { value: r.value, resolution: { anchor: 'explicit', reason: `${r.note}, as written` } };
}

// ---------------------------------------------------------------- calendar dates

function resolveCalendar(ctx: Context, parts: DateParts): Resolved {
  const suffix = timeSuffix(ctx.c.partOfDay);
  if (parts.year !== undefined) {
    return { value: formatParts(parts, parts.year) + suffix, resolution: { anchor: 'explicit', reason: `${describeParts(parts)} as written` } };
  }
  if (!ctx.dct) {
    return { value: formatParts(parts, null) + suffix, resolution: { anchor: 'none', reason: 'no document date: the year stays unknown' } };
  }
  const cue = futureCue(ctx.text, ctx.c.start, ctx.c.end);
  const year = yearFor(parts, ctx.dct, cue !== null);
  const label = describeYearless(parts);
  const reason = cue
    ? `year from the document date ${ctx.dctText}: the first ${label} from it on, as the sentence speaks of the future ("${cue}")`
    : `year from the document date ${ctx.dctText}: the most recent ${label} up to it`;
  return { value: formatParts(parts, year) + suffix, resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason } };
}

/** last September, next March, this May: counted from the document date, not by tense. */
function resolveShiftedCalendar(ctx: Context, parts: DateParts, shift: -1 | 0 | 1): Resolved {
  const label = describeYearless(parts);
  if (!ctx.dct) return { value: formatParts(parts, null), resolution: { anchor: 'none', reason: 'no document date: the year stays unknown' } };
  const today = dayNumber(ctx.dct.year, ctx.dct.month, ctx.dct.day);
  let year = ctx.dct.year;
  let reason = `the ${label} of the document date's year (${ctx.dctText})`;
  if (shift !== 0) {
    for (let i = 0; i <= 4; i++) {
      const y = shift < 0 ? ctx.dct.year - i : ctx.dct.year + i;
      const span = daysOf(parts, y);
      if (span && (shift < 0 ? span[1] < today : span[0] > today)) {
        year = y;
        break;
      }
    }
    reason = shift < 0 ? `the last ${label} before the document date ${ctx.dctText}` : `the first ${label} after the document date ${ctx.dctText}`;
  }
  return { value: formatParts(parts, year), resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason } };
}

function resolveRange(ctx: Context, from: DateParts, to: DateParts): Resolved {
  if (from.year !== undefined && to.year !== undefined) {
    return { value: `${formatParts(from, from.year)}/${formatParts(to, to.year)}`, resolution: { anchor: 'explicit', reason: `from ${describeParts(from)} to ${describeParts(to)}, as written` } };
  }
  if (!ctx.dct) {
    return { value: `${formatParts(from, null)}/${formatParts(to, null)}`, resolution: { anchor: 'none', reason: 'no document date: the year stays unknown' } };
  }
  const cue = futureCue(ctx.text, ctx.c.start, ctx.c.end);
  const year = yearFor(from, ctx.dct, cue !== null);
  const reason = cue
    ? `year from the document date ${ctx.dctText}, as the sentence speaks of the future ("${cue}")`
    : `year from the document date ${ctx.dctText}: the most recent such days up to it`;
  return { value: `${formatParts(from, year)}/${formatParts(to, year)}`, resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason } };
}

/** TIMEX3 text of calendar parts; year null writes XXXX. */
function formatParts(parts: DateParts, year: number | null): string {
  const y = year === null ? 'XXXX' : pad(year, 4);
  if (parts.quarter !== undefined) return `${y}-Q${parts.quarter}`;
  if (parts.half !== undefined) return `${y}-H${parts.half}`;
  if (parts.season !== undefined) return `${y}-${parts.season}`;
  if (parts.month === undefined) return y;
  if (parts.day === undefined) return `${y}-${pad(parts.month, 2)}`;
  return `${y}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

function describeParts(parts: DateParts): string {
  if (parts.quarter !== undefined) return 'quarter and year';
  if (parts.half !== undefined) return 'half and year';
  if (parts.season !== undefined) return 'season and year';
  if (parts.month === undefined) return 'year';
  if (parts.day === undefined) return 'month and year';
  return 'day, month and year';
}

function describeYearless(parts: DateParts): string {
  if (parts.quarter !== undefined) return `Q${parts.quarter}`;
  if (parts.month !== undefined && parts.day !== undefined) return `${MONTH_NAMES[parts.month - 1]} ${parts.day}`;
  if (parts.month !== undefined) return MONTH_NAMES[parts.month - 1];
  return 'such date';
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * The year of a date written without one: the latest occurrence that begins on or before the
 * document date (news reports the past), or with a future cue the first that ends on or after it.
 */
function yearFor(parts: DateParts, dct: Ymd, future: boolean): number {
  const today = dayNumber(dct.year, dct.month, dct.day);
  const years = future ? [dct.year, dct.year + 1, dct.year + 2, dct.year + 3, dct.year + 4] : [dct.year, dct.year - 1, dct.year - 2, dct.year - 3, dct.year - 4];
  for (const y of years) {
    const span = daysOf(parts, y);
    if (!span) continue;
    if (future ? span[1] >= today : span[0] <= today) return y;
  }
  return dct.year;
}

/** First and last day numbers of calendar parts in a given year, or null (February 29 in 2023). */
function daysOf(parts: DateParts, year: number): [number, number] | null {
  if (parts.quarter !== undefined) {
    const first = (parts.quarter - 1) * 3 + 1;
    return [dayNumber(year, first, 1), dayNumber(year, first + 3, 1) - 1];
  }
  if (parts.month === undefined) return [dayNumber(year, 1, 1), dayNumber(year, 12, 31)];
  if (parts.day === undefined) return [dayNumber(year, parts.month, 1), dayNumber(year, parts.month + 1, 1) - 1];
  if (parts.month === 2 && parts.day === 29 && !isLeapYear(year)) return null;
  const d = dayNumber(year, parts.month, parts.day);
  return [d, d];
}

// ---------------------------------------------------------------- weekdays

function resolveWeekday(ctx: Context, weekday: number, shift: -1 | 0 | 1 | null): Resolved {
  const name = weekdayName(weekday);
  const suffix = timeSuffix(ctx.c.partOfDay);
  if (!ctx.dct) return { value: `XXXX-WXX-${weekday}${suffix}`, resolution: { anchor: 'none', reason: `no document date: which ${name} stays unknown` } };
  const today = dayNumber(ctx.dct.year, ctx.dct.month, ctx.dct.day);
  const dctDay = isoWeekday(ctx.dct.year, ctx.dct.month, ctx.dct.day);
  let day: number;
  let reason: string;
  if (shift === 0) {
    day = today - dctDay + weekday;
    reason = `the ${name} of the document date's week (${ctx.dctText})`;
  } else if (shift === -1) {
    day = today - (((dctDay - weekday + 7) % 7) || 7);
    reason = `the last ${name} before the document date ${ctx.dctText}`;
  } else if (shift === 1) {
    day = today + (((weekday - dctDay + 7) % 7) || 7);
    reason = `the first ${name} after the document date ${ctx.dctText}`;
  } else {
    const cue = futureCue(ctx.text, ctx.c.start, ctx.c.end);
    if (cue) {
      day = today + (((weekday - dctDay + 7) % 7) || 7);
      reason = `the first ${name} after the document date ${ctx.dctText}, as the sentence speaks of the future ("${cue}")`;
    } else {
      day = today - ((dctDay - weekday + 7) % 7);
      reason = `the ${name} on or before the document date ${ctx.dctText}`;
    }
  }
  return { value: formatYmd(fromDayNumber(day)) + suffix, resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason } };
}

// ---------------------------------------------------------------- relative and anaphoric

function resolveRelative(ctx: Context, reading: Extract<TimexReading, { kind: 'relative' }>): Resolved {
  let r = reading;
  const suffix = timeSuffix(ctx.c.partOfDay);
  const need = neededGranularity(r.unit);
  const p = need === 'day' ? ctx.previous : ctx.previousAny;
  // "the end of the year": the date mentioned before, unless it is too vague, or lies before the
  // document date while the sentence speaks of the future; then the document date.
  if (r.base === 'context') {
    const stale = p && ctx.dct && p.year < ctx.dct.year && futureCue(ctx.text, ctx.c.start, ctx.c.end) !== null;
    if (!(p && hasGranularity(p, need)) || stale) r = { ...r, base: 'dct' };
  }
  if (r.base === 'previous' || r.base === 'context') {
    if (p && hasGranularity(p, need)) {
      const base: Ymd = { year: p.year, month: p.month ?? 1, day: p.day ?? 1 };
      return {
        value: relativeValue(base, r, ctx) + suffix,
        resolution: { anchor: 'previous-date', anchorValue: p.value, reason: `${describeShift(r.unit, r.offset)} ${p.value}, the date mentioned before it` },
      };
    }
    if (p) {
      return { value: unknownRelative(r.unit) + suffix, resolution: { anchor: 'none', reason: `the date mentioned before it (${p.value}) names no ${need}: the ${r.unit} stays unknown` } };
    }
    if (ctx.dct) {
      return {
        value: relativeValue(ctx.dct, r, ctx) + suffix,
        resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason: `no date mentioned before it: ${describeShift(r.unit, r.offset)} the document date ${ctx.dctText}` },
      };
    }
    return { value: unknownRelative(r.unit) + suffix, resolution: { anchor: 'none', reason: 'no date mentioned before it and no document date: the value stays unknown' } };
  }
  if (!ctx.dct) {
    if (r.unit === 'day' && r.offset === 0 && !ctx.c.partOfDay) return { value: 'PRESENT_REF', resolution: { anchor: 'none', reason: 'no document date: the present of the writing' } };
    return { value: unknownRelative(r.unit) + suffix, resolution: { anchor: 'none', reason: 'no document date: the value stays unknown' } };
  }
  return {
    value: relativeValue(ctx.dct, r, ctx) + suffix,
    resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason: `${describeShift(r.unit, r.offset)} the document date ${ctx.dctText}` },
  };
}

function neededGranularity(unit: RelativeUnit): 'day' | 'month' | 'year' {
  return unit === 'day' || unit === 'week' || unit === 'weekend' ? 'day' : unit === 'month' || unit === 'quarter' || unit === 'season' ? 'month' : 'year';
}

function hasGranularity(p: Mentioned, need: 'day' | 'month' | 'year'): boolean {
  return need === 'year' || (need === 'month' ? p.month !== undefined : p.day !== undefined);
}

function relativeValue(base: Ymd, r: Extract<TimexReading, { kind: 'relative' }>, ctx: Context): string {
  if (r.within) return `${pad(base.year + r.offset, 4)}-${r.within}`;
  switch (r.unit) {
    case 'day':
      return formatYmd(addDays(base, r.offset));
    case 'week':
      return formatIsoWeek(addDays(base, 7 * r.offset));
    case 'weekend': {
      // This weekend, on a weekday in a sentence about the past, is the one just gone.
      const wd = isoWeekday(base.year, base.month, base.day);
      let offset = r.offset;
      if (offset === 0 && wd < 6 && futureCue(ctx.text, ctx.c.start, ctx.c.end) === null && r.base === 'dct') offset = -1;
      return `${formatIsoWeek(addDays(base, 7 * offset))}-WE`;
    }
    case 'month': {
      const d = addMonths(base, r.offset);
      return `${pad(d.year, 4)}-${pad(d.month, 2)}`;
    }
    case 'quarter': {
      const index = base.year * 4 + Math.floor((base.month - 1) / 3) + r.offset;
      return `${pad(Math.floor(index / 4), 4)}-Q${(index % 4) + 1}`;
    }
    case 'year':
      return pad(base.year + r.offset, 4);
    case 'decade':
      return pad(Math.floor(base.year / 10) + r.offset, 3);
    case 'century':
      return pad(Math.floor(base.year / 100) + r.offset, 2);
    case 'season':
      return seasonValue(base, r.season ?? 'SU', r.offset);
  }
}

/** The season of a year: this one (offset 0), the last one before the date (-1), the next one (+1). */
function seasonValue(base: Ymd, season: string, offset: number): string {
  const startMonth = season === 'SP' ? 3 : season === 'SU' ? 6 : season === 'FA' ? 9 : 12;
  if (offset === 0) return `${pad(season === 'WI' && base.month <= 2 ? base.year - 1 : base.year, 4)}-${season}`;
  const here = base.year * 12 + base.month - 1;
  for (let y = base.year + (offset > 0 ? 0 : 0); ; y += offset > 0 ? 1 : -1) {
    const s = y * 12 + startMonth - 1;
    if (offset > 0 ? s > here : s + 2 < here) return `${pad(y, 4)}-${season}`;
    if (Math.abs(y - base.year) > 3) return `${pad(base.year + offset, 4)}-${season}`;
  }
}

function unknownRelative(unit: RelativeUnit): string {
  switch (unit) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    default:
      return 'XXXX';
  }
}

function describeShift(unit: RelativeUnit, offset: number): string {
  const name = unit === 'season' ? 'season' : unit;
  if (offset === 0) return `the same ${name} as`;
  if (offset === -1) return `the ${name} before`;
  if (offset === 1) return `the ${name} after`;
  return `${Math.abs(offset)} ${name}s ${offset < 0 ? 'before' : 'after'}`;
}

/** The date a signed shift reaches from a day, at the unit's precision ("two years ago" → 2006). */
function shiftFrom(base: Ymd, unit: RelativeUnit, amount: number): string {
  switch (unit) {
    case 'day':
      return formatYmd(addDays(base, amount));
    case 'week':
      return formatIsoWeek(addDays(base, 7 * amount));
    case 'month': {
      const d = addMonths(base, amount);
      return `${pad(d.year, 4)}-${pad(d.month, 2)}`;
    }
    default:
      return pad(base.year + amount, 4);
  }
}

// ---------------------------------------------------------------- clock times

function resolveClock(ctx: Context, hour: number, minute: number, utc: boolean): Resolved {
  const clock = `T${pad(hour, 2)}:${pad(minute, 2)}${utc ? 'Z' : ''}`;
  const p = ctx.previous;
  if (p && p.day !== undefined && !sentenceBreakBetween(ctx.text, p.end, ctx.c.start)) {
    const day = `${pad(p.year, 4)}-${pad(p.month!, 2)}-${pad(p.day, 2)}`;
    return { value: day + clock, resolution: { anchor: 'previous-date', anchorValue: p.value, reason: `on ${day}, the day its sentence names` } };
  }
  if (ctx.dct) return { value: ctx.dctText + clock, resolution: { anchor: 'dct', anchorValue: ctx.dctText!, reason: `on the document date ${ctx.dctText}` } };
  return { value: `XXXX-XX-XX${clock}`, resolution: { anchor: 'none', reason: 'no document date: the day stays unknown' } };
}

// ---------------------------------------------------------------- helpers

function timeSuffix(partOfDay: string | undefined): string {
  return partOfDay ? `T${partOfDay}` : '';
}

function unknownValue(c: TimexCandidate): string {
  return c.type === 'DURATION' ? 'PXD' : c.type === 'SET' ? 'PXD' : 'XXXX-XX-XX';
}

/** The date a value names, when it names a year, a month or a day (2024, 2024-03, 2024-03-05, 2024-03-05T10:00, 2024-W10). */
function mentionedPoint(value: string, end: number): Mentioned | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?(?![\d])/.exec(value);
  if (!m) return null;
  const year = +m[1];
  if (m[4] !== undefined) {
    // a week: its Monday stands for it
    const monday = fromDayNumber(isoWeekMonday(year, +m[4]));
    return { year: monday.year, month: monday.month, value: m[0], end };
  }
  return {
    year,
    ...(m[2] !== undefined ? { month: +m[2] } : {}),
    ...(m[3] !== undefined ? { day: +m[3] } : {}),
    value: m[0],
    end,
  };
}

/** A sentence ends between two offsets: a full stop, ! or ? before a blank, or a line break. */
function sentenceBreakBetween(text: string, from: number, to: number): boolean {
  if (from < 0) return true; // a date carried from the passage before
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) return true;
  }
  return false;
}

// Future cues: will (with the verb group it governs: "will be rescheduled"), 'll, shall, is set to,
// slated for, upcoming, next, to be held …
const FUTURE = /(?:\b(?:will|won['\u2019]t|shall)|['\u2019]ll)(?:\s+(?:not|then|also|now|soon|still|only|probably|likely|be|have|been|[a-z]+ly))*(?:\s+[a-z]+)?\b|\b(?:(?:is|are|am)\s+(?:not\s+)?(?:set|scheduled|due|expected|slated|planned|going|about|poised|likely)\s+(?:to|for|on|in)|(?:is|are)\s+to|upcoming|next|(?:scheduled|slated|set)\s+for|plans?\s+to|planning\s+to|intends?\s+to|to\s+be\s+(?:held|released|launched|opened|completed|delivered|signed|introduced|published|announced|unveiled|shipped|available))\b/gi;
// Past cues: was, were, had, did, said, ago, and verbs in -ed that are not adjectives ("the
// planned stop") or passives and perfects ("is expected", "has been delayed").
const PAST = /\b(?:was|were|had|did|said|told|made|took|met|began|came|went|gave|got|saw|led|left|paid|sent|won|lost|found|brought|rose|fell|wrote|spoke|chose|broke|ago|earlier|previously)\b|(?<!\b(?:the|a|an|its|their|his|her|our|this|that|these|those|be|been|being|is|are|am|will|to|has|have|originally)\s+)\b[a-z]+ed\b/gi;

/**
 * The future cue of the clause around an expression, when the nearest tense cue before it (or,
 * with none before, the first after it) speaks of the future; else null (news reports the past).
 */
export function futureCue(text: string, start: number, end: number): string | null {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const before = text.slice(from, start);
  const lastFuture = lastMatch(FUTURE, before);
  const lastPast = lastMatch(PAST, before);
  if (lastFuture || lastPast) {
    if (lastFuture && (!lastPast || lastFuture.end >= lastPast.end)) return lastFuture.text;
    return null;
  }
  const after = text.slice(end, to);
  const firstFuture = firstMatch(FUTURE, after);
  const firstPast = firstMatch(PAST, after);
  if (firstFuture && (!firstPast || firstFuture.start <= firstPast.start)) return firstFuture.text;
  return null;
}

function lastMatch(re: RegExp, s: string): { text: string; end: number } | null {
  re.lastIndex = 0;
  let last: { text: string; end: number } | null = null;
  for (let m = re.exec(s); m; m = re.exec(s)) last = { text: m[0], end: m.index + m[0].length };
  return last;
}

function firstMatch(re: RegExp, s: string): { text: string; start: number } | null {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? { text: m[0], start: m.index } : null;
}

function sentenceStart(text: string, pos: number): number {
  const limit = Math.max(0, pos - 400);
  for (let i = pos - 1; i >= limit; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if ((c === 46 || c === 33 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) {
      // not after an abbreviation such as "Mr." or "U.S."
      const before = text.charCodeAt(i - 2);
      if (!(before === 32 || before === 46) || i < 2) return i + 1;
    }
  }
  return limit;
}

function sentenceEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + 400);
  for (let i = pos; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    if ((c === 46 || c === 33 || c === 63) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 10)) return i;
  }
  return limit;
}
