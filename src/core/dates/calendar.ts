// Proleptic Gregorian calendar arithmetic on plain numbers: no Date objects, no time zones.
// Days are counted from 1970-01-01 (day 0); weekdays are ISO (1 = Monday … 7 = Sunday).

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of dayNumber). */
export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(year: number, month: number, day: number): number {
  const n = dayNumber(year, month, day);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week: the week-numbering year and the week (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const n = dayNumber(year, month, day);
  const thursday = n - isoWeekday(year, month, day) + 4;
  const weekYear = fromDayNumber(thursday).year;
  return { year: weekYear, week: Math.floor((thursday - dayNumber(weekYear, 1, 1)) / 7) + 1 };
}

/** The Monday of an ISO week, as a day number. */
export function isoWeekMonday(weekYear: number, week: number): number {
  const jan4 = dayNumber(weekYear, 1, 4);
  return jan4 - (isoWeekday(weekYear, 1, 4) - 1) + (week - 1) * 7;
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(date.year, date.month, date.day) + days);
}

/** Adds months, keeping the day when the month has it (else the month's last day). */
export function addMonths(date: { year: number; month: number; day?: number }, months: number): Ymd {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day ?? 1, daysInMonth(year, month)) };
}

export function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function formatYmd(date: Ymd): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function formatIsoWeek(date: Ymd): string {
  const w = isoWeek(date.year, date.month, date.day);
  return `${pad(w.year, 4)}-W${pad(w.week, 2)}`;
}

/** Reads YYYY-MM-DD (a valid date) into numbers, else null. */
export function parseYmd(value: string | null | undefined): Ymd | null {
  if (!value || value.length < 10) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return null;
  const date = { year: +m[1], month: +m[2], day: +m[3] };
  return isValidYmd(date.year, date.month, date.day) ? date : null;
}

/**
 * The weekday of a value that names one day (`2024-03-05`, `2024-03-05T10:00`), e.g. "Tuesday";
 * null for anything coarser or unknown (`2024-03`, `XXXX-03-05`, `P1D`).
 */
export function weekdayOf(value: string | null | undefined): string | null {
  const date = parseYmd(value);
  return date ? WEEKDAY_NAMES[isoWeekday(date.year, date.month, date.day) - 1] : null;
}

export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? '';
}
