// Full calendar dates (day, month and year all given), as datelines and file names carry them.
// The complete temporal recogniser lives in dates/; this is what the document date needs.
import { isValidYmd } from './calendar.js';

export interface CalendarDate {
  start: number;
  end: number;
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  value: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// "March 11, 2024", "Mar. 11 2024", "11 March 2024", "2024-03-11", "2024/03/11"
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, 'g');
const ISO = /\b(\d{4})[-/](\d{2})[-/](\d{2})\b/g;
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;
const FOUR_DIGITS = /\d{4}/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO value for a real date between 1000 and 2999, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 2999 || !isValidYmd(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isoDate(+m[1], +m[2], +m[3]) === s;
}

/** The first match of a global expression (none of these matches an empty string), from the text's start. */
function first(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** Every full date in the text, in order of position. */
export function findCalendarDates(text: string): CalendarDate[] {
  const found: CalendarDate[] = [];
  // Every form has a year: most lines have no four digits in a row, and need no three scans.
  if (!FOUR_DIGITS.test(text)) return found;
  const add = (m: RegExpExecArray, y: string, mo: number, d: string) => {
    const value = isoDate(+y, mo, +d);
    if (value) found.push({ start: m.index, end: m.index + m[0].length, value });
  };
  // exec loops, not matchAll: matchAll copies the expression on every call (every header line of every document).
  for (let m = first(MONTH_DAY_YEAR, text); m; m = MONTH_DAY_YEAR.exec(text)) add(m, m[3], MONTHS[m[1].toLowerCase()], m[2]);
  for (let m = first(DAY_MONTH_YEAR, text); m; m = DAY_MONTH_YEAR.exec(text)) add(m, m[3], MONTHS[m[2].toLowerCase()], m[1]);
  for (let m = first(ISO, text); m; m = ISO.exec(text)) add(m, m[1], +m[2], m[3]);
  return found.sort((a, b) => a.start - b.start);
}

/** A date in a file name: YYYY-MM-DD, YYYY_MM_DD or YYYYMMDD. */
export function dateInFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  for (const re of [/(?<!\d)(\d{4})[-_](\d{2})[-_](\d{2})(?!\d)/g, COMPACT]) {
    for (const m of base.matchAll(re)) {
      const value = isoDate(+m[1], +m[2], +m[3]);
      if (value) return value;
    }
  }
  return null;
}
