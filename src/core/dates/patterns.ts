// The words and the one regular expression the temporal recogniser scans with. Each family of
// expressions is one alternative, wrapped in a named group (`f…`) and with its own named parts, so
// one pass of one precompiled expression finds them all; recognize.ts reads the parts.
// The expression is case-insensitive; capitalisation (months, weekdays) is checked in code.

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, final: 4,
};

/** Part of the day as TIMEX3 writes it (TMO, TAF, TEV, TNI). */
export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI',
};

export const SEASONS: Readonly<Record<string, string>> = {
  spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI',
};

/** TIMEX3 mod of a premodifier. Only START, MID and END are kept (the export's vocabulary). */
export const MODS: Readonly<Record<string, 'START' | 'MID' | 'END'>> = {
  early: 'START', beginning: 'START', start: 'START', late: 'END', end: 'END', mid: 'MID', middle: 'MID',
};

// ---------------------------------------------------------------- building blocks

/** Blanks inside one expression: never a line break. */
const S = '[ \\t\\u00a0]+';
const OS = '[ \\t\\u00a0]*';
const DASH = '[-\\u2010\\u2011\\u2013\\u2014]';

const MONTH =
  '(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?)(?![a-z])';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUMBER_WORD = `(?:(?:${TENS})(?:${DASH}|${S})(?:${ONES})|${TENS}|${TEENS}|${ONES}|a${S}hundred|hundred|a${S}dozen|dozen)`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?(?![\\d:,.]\\d)';
const YEAR = '\\d{4}(?![\\d])';
/** early/late/mid, the end/beginning/start/middle of. */
const MOD = `(?:the${S})?(?:very${S})?(?:early|late|mid|(?:end|beginning|start|middle)${S}of)`;
const UNIT_SINGULAR = 'second|minute|hour|day|week|fortnight|month|quarter|year|decade|century';
const UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';
/** How many: digits, number words, vague quantities. */
const QUANTITY = `(?:\\d+(?:\\.\\d+)?|${NUMBER_WORD}(?:${S}and${S}a${S}half)?|an?(?:${S}few|${S}couple${S}of)?|several|few|many|couple${S}of|half${S}an?|one${S}and${S}a${S}half)`;
const APPROX = `(?:almost|nearly|about|around|approximately|roughly|some|more${S}than|less${S}than|fewer${S}than|over|under|at${S}least|at${S}most|up${S}to|just${S}(?:over|under)|well${S}over|barely)`;
const PART_OF_DAY = '(?:morning|afternoon|evening|night)';
/** a.m., p.m., am, pm (and "p. m." as tokenised text writes it). */
const AM_PM = `(?:[ap]\\.${OS}m\\.?|[ap]m(?![\\w]))`;
const ZONE = '(?:UTC|GMT|Z)';
const LOCAL_ZONE = `(?:local${S}time|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|IST|JST|MSK|AEST|AEDT|ET|PT|CT)(?![\\w])`;

/** Start of a number: not inside a number, a code (A330-200), a sum ($40) or a date (9/11). */
const NUM_START = '(?<![\\w.,$\\u00a3\\u20ac\\u00a5#/:\\u2010\\u2011-])';

// ---------------------------------------------------------------- the families, in order of preference at one position

const FAMILIES: Array<[string, string]> = [
  // 2024-03-05 (optionally with a time), 7/8/07, 05.03.2024
  ['fIso', `${NUM_START}(?<isoY>\\d{4})-(?<isoM>\\d{2})-(?<isoD>\\d{2})(?:T(?<isoH>\\d{2}):(?<isoMin>\\d{2}))?(?![\\d-])`],
  ['fNum', `${NUM_START}(?<numA>\\d{1,2})(?:${OS}(?<numSlash>/)${OS}|(?<numDot>\\.))(?<numB>\\d{1,2})(?:${OS}/${OS}|\\.)(?<numC>\\d{4}|\\d{2})(?![\\d/]|\\.\\d)`],
  // 5 March 2024, 18-19 February 2024, the 5th of March, Friday, 8 March
  ['fDayMonth', `(?:(?<dmWd>${WEEKDAY}),?${S})?(?:the${S})?${NUM_START}(?<dmD>${DAY})(?:${OS}${DASH}${OS}(?<dmD2>${DAY}))?${S}(?:of${S})?(?<dmMon>${MONTH})(?:,?${S}(?<dmY>${YEAR}))?`],
  // March 5, 2024; late-December 2023; mid-November; February 18-19, 2024; April of 2023; Friday, March 8
  ['fMonth', `(?:(?<mWd>${WEEKDAY}),?${S})?(?:(?<mMod>${MOD})(?:${OS}${DASH}${OS}|${S}))?(?:(?<mRel>last|next|this|coming|past)${S})?(?<mMon>${MONTH})(?:(?:${S}|(?<=\\.))(?<mD>${DAY})(?:${OS}(?:${DASH}|to|through|and)${OS}(?<mD2>${DAY}))?)?(?:(?:,${OS}|${S})(?:of${S})?(?<mY>${YEAR}))?`],
  // the 1990s, the early 2000s, '90s
  ['fDecade', `(?:the${S})?(?:(?<decMod>early|late|mid)(?:${OS}${DASH}${OS}|${S}))?(?:(?<decY>(?:1[0-9]|20)\\d0)|['\\u2019](?<decYY>\\d0))['\\u2019]?s(?![\\w])`],
  // the 19th century
  ['fCentury', `(?:the${S})?(?:(?<cenMod>early|late|mid)(?:${OS}${DASH}${OS}|${S}))?(?<cenN>\\d{1,2})(?:st|nd|rd|th)(?:${S}|${DASH})century`],
  // relative to the document date: this year, last week, next month, this calendar year, this morning, last night
  ['fRel', `(?:(?<relMod>early|late|mid)(?:${OS}${DASH}${OS}|${S}))?(?<relDet>this|last|next|past|coming|current)${S}(?:(?<relCal>calendar|fiscal|financial)${S})?(?<relUnit>week|weekend|month|year|quarter|decade|century|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)(?![\\w-])`],
  // the next day, the following week, the previous year, the coming months, the past decade, that day
  ['fThe', `(?:the${S}(?<theDet>next|following|previous|preceding|same|prior|past|last|coming|current|ensuing|subsequent)|(?<theThat>that))${S}(?:(?<theCal>calendar|fiscal|financial)${S})?(?<theUnit>day|week|weekend|month|year|quarter|decade|century|morning|afternoon|evening|night|days|weeks|months|years|decades)(?![\\w-])`],
  // the weekend, over the weekend
  ['fWeekend', `the${S}(?<weWord>weekend)(?![\\w-])`],
  // earlier this year, later this month
  ['fEarlier', `(?<eaDir>earlier|later)${S}(?<eaDet>this|last|next)${S}(?<eaUnit>week|month|year|quarter)(?![\\w-])`],
  // the end of the year, the beginning of this month, the middle of next week
  ['fPos', `(?:the${S})?(?:very${S})?(?<posWord>end|beginning|start|middle)${S}of${S}(?<posDet>the|this|last|next)${S}(?:(?:calendar|fiscal|financial)${S})?(?<posUnit>week|month|year|quarter|decade|century)(?![\\w-])`],
  // the first quarter of 2024, Q3 2023, the fourth quarter
  ['fQuarter', `(?:the${S})?(?<qOrd>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:${S}(?:(?:fiscal|financial)${S})?|(?<qHyph>${DASH}))quarter(?:${S}(?:of${S})?(?<qY>${YEAR})|${S}of${S}(?<qDet>the|this|last|next)${S}(?:(?:fiscal|financial|calendar)${S})?year)?(?![\\w-])`],
  ['fQ', `(?<qQ>Q[1-4])(?:${S}(?<qQY>${YEAR}))?(?![\\w])`],
  ['fHalf', `(?:the${S})?(?<hOrd>first|second)${S}half${S}of${S}(?:(?<hY>${YEAR})|(?<hDet>the|this|last|next)${S}(?:(?:fiscal|financial|calendar)${S})?year(?![\\w-]))`],
  // summer 2023, the summer of 2023
  ['fSeason', `(?:the${S})?(?<seaName>spring|summer|autumn|fall|winter)${S}(?:of${S})?(?<seaY>${YEAR})`],
  // fiscal 2007, FY2007, fiscal year 2007
  ['fFiscal', `(?:fiscal(?:${S}year)?${S}|FY${OS})(?<fisY>${YEAR})`],
  // on Friday, last Monday, Friday morning
  ['fWeekday', `(?:(?<wdShift>last|next|this|coming|past)${S})?(?<wdName>${WEEKDAY})(?:${S}(?<wdPart>${PART_OF_DAY}))?(?![\\w-])`],
  // today, yesterday morning, tonight, the day before yesterday
  ['fToday', `(?:the${S}day${S}(?<tdBA>before${S}yesterday|after${S}tomorrow)|(?<tdWord>today|tonight|yesterday|tomorrow)(?:${S}(?<tdPart>${PART_OF_DAY}))?)(?![\\w-])`],
  // recently, now, currently, in the past, the coming months, in recent years
  ['fRef', `(?<refWord>(?:more${S}|most${S})?recently|lately|nowadays|currently|presently|at${S}present|at${S}the${S}moment|right${S}now|now|these${S}days|(?<=\\bin${S})the${S}(?:near${S}|distant${S}|recent${S})?(?:past|future)|recent${S}(?:days|weeks|months|years|decades))(?![\\w-])`],
  // a year (after a number: 15 a year), daily, every week, each Monday
  ['fSetA', `(?<=(?:\\d|%|\\b(?:once|twice|thrice|times|billion|million|thousand|hundred|percent|dollars|euros|pounds))${S})(?<setA>an?|per)${S}(?<setAUnit>${UNIT_SINGULAR})(?![\\w-])`],
  ['fSetAdv', `(?<setAdv>daily|weekly|monthly|yearly|annually|annual|quarterly|hourly|nightly|fortnightly|biannual|semiannual|biennial)(?![\\w-])`],
  ['fSetEvery', `(?<setEvery>every|each|per)${S}(?:(?<setN>other|\\d+|${NUMBER_WORD})${S})?(?<setUnit>${UNIT}|${WEEKDAY}|morning|evening|night|weekend)(?![\\w-])`],
  // clock times: 18:00 UTC, 6:40 p.m. (GMT +8), 3 pm, noon
  ['fClock', `${NUM_START}(?<clH>\\d{1,2})(?::${OS}|\\.)(?<clM>\\d{2})(?::\\d{2})?(?![\\d])(?:${OS}(?<clAp>${AM_PM}))?(?:${OS}\\(?(?<clZ>${ZONE})(?:${OS}(?<clOff>[+-]${OS}\\d{1,2}(?::?\\d{2})?))?\\)?|${S}(?<clLocal>${LOCAL_ZONE}))?`],
  ['fClockAp', `${NUM_START}(?<caH>\\d{1,2})${OS}(?<caAp>${AM_PM})(?:${OS}\\(?(?<caZ>${ZONE})\\)?|${S}(?<caLocal>${LOCAL_ZONE}))?`],
  // 0800 GMT, 1530 hours
  ['fMilitary', `${NUM_START}(?<milH>[01]\\d|2[0-3])(?<milM>[0-5]\\d)${OS}(?<milZ>GMT|UTC|Z|hours|hrs)(?![\\w])`],
  ['fNoon', `(?<noon>noon|midday|midnight)(?![\\w-])`],
  // Christmas, New Year's Day
  ['fHoliday', `(?<hol>Christmas(?:${S}(?:Day|Eve))?|New${S}Year['\\u2019]s(?:${S}(?:Day|Eve))?)(?![\\w])`],
  // the next four years, the past five days, the first six months
  ['fDurDet', `(?:the${S})?(?<ddDet>next|past|last|first|previous|coming|following|preceding|final|initial)${S}(?<ddQ>\\d+|${NUMBER_WORD}|few|several|many|couple${S}of)${S}(?<ddUnit>${UNIT})(?![\\w-])`],
  // over the years
  ['fOverThe', `over${S}the${S}(?<otUnit>years|decades|months|weeks|centuries)(?![\\w-])`],
  // 20-year, fifty-year, 12-hour, decades-long, daylong
  ['fAdj', `(?:${NUM_START}(?<adjN>\\d+|${NUMBER_WORD})${OS}${DASH}${OS}(?<adjUnit>${UNIT_SINGULAR}|centuries)s?(?!(?:${OS}${DASH}${OS}|${S})old\\b)(?:${OS}${DASH}${OS}long)?|(?<adjVague>decades|years|months|weeks|days|hours|centuries)${OS}${DASH}${OS}long|(?<adjLong>day|week|month|year|hour|decade)(?:${OS}${DASH}${OS})?long)(?![\\w-])`],
  // two years, almost two and a half years, several months, a week; N units ago / later / earlier
  ['fDur', `(?:(?<durApprox>${APPROX})${S})?${NUM_START}(?<durQ>${QUANTITY})${S}(?<durUnit>${UNIT})(?![\\w-])(?:${S}(?<durAfter>ago|later|earlier|before|after|from${S}now|hence)(?![\\w-])(?!${S}than\\b))?`],
  // years, months (after for, within, over, after, in; or before ago, later, before, after)
  ['fVague', `(?<vagUnit>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?![\\w-])(?:${S}(?<vagAfter>ago|later|earlier|before|after)(?![\\w-]))?`],
  // a year: 2022, 2010-11, 1999/2000; mid-2011, early 2009
  ['fYear', `(?:(?<yrMod>${MOD})(?:${OS}${DASH}${OS}|${S})|${NUM_START})(?<yrY>\\d{4})(?:${OS}(?:${DASH}|/)${OS}(?<yrY2>\\d{4}|\\d{2}))?(?![\\d%]|[.,]\\d|${DASH}\\d)`],
];

/**
 * Every word an expression can begin with. The scanner tries its families only where one of
 * these (or a digit) starts, so ordinary words cost one quick test instead of thirty.
 */
const FIRST_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'the', 'this', 'that', 'these', 'last', 'next', 'past', 'coming', 'current', 'previous', 'following', 'preceding', 'prior', 'initial',
  'very', 'early', 'late', 'mid', 'end', 'beginning', 'start', 'middle', 'earlier', 'later',
  'first', 'second', 'third', 'fourth', 'final', 'q', 'spring', 'summer', 'autumn', 'fall', 'winter', 'fiscal', 'fy',
  'today', 'tonight', 'yesterday', 'tomorrow', 'more', 'most', 'recently', 'lately', 'nowadays', 'currently', 'presently', 'at', 'right', 'now', 'recent',
  'a', 'an', 'per', 'every', 'each', 'daily', 'weekly', 'monthly', 'yearly', 'annually', 'annual', 'quarterly', 'hourly', 'nightly', 'fortnightly',
  'biannual', 'semiannual', 'biennial', 'noon', 'midday', 'midnight', 'christmas', 'new', 'over',
  ...ONES.split('|'), ...TEENS.split('|'), ...TENS.split('|'), 'hundred', 'dozen', 'several', 'few', 'many', 'couple', 'some', 'half',
  'almost', 'nearly', 'about', 'around', 'approximately', 'roughly', 'less', 'fewer', 'under', 'up', 'just', 'well', 'barely',
  'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'decades', 'centuries', 'day', 'week', 'month', 'year', 'hour', 'decade',
  'daylong', 'weeklong', 'monthlong', 'yearlong', 'hourlong', 'decadelong',
];

const UNIT_STARTS = ['sec', 'min', 'hour', 'day', 'week', 'fort', 'month', 'quar', 'year', 'dec', 'cent'];
const THE_UNIT_STARTS = ['cal', 'fis', 'fin', 'day', 'week', 'month', 'year', 'quar', 'dec', 'cent', 'morn', 'after', 'even', 'night'];

/**
 * Common first words that begin an expression only before certain words ("the next day", "a year",
 * "that week", "this May", "New Year's", "at least"): after the others (most of the text's "the"
 * and "a") the scanner does not try its thirty families, which was a fifth of the scan. Each list
 * holds the start of every word that follows the first word in some family; a longer list costs
 * only time, a shorter one loses expressions (the test compares the scanner with one without them).
 */
const GUARDED_FIRST_WORDS: Readonly<Record<string, readonly string[]>> = {
  the: [
    '\\d', "['\\u2019]", 'very', 'early', 'late', 'mid', 'end', 'beginning', 'start', 'middle', 'next', 'following', 'previous', 'preceding',
    'same', 'prior', 'past', 'last', 'coming', 'current', 'ensuing', 'subsequent', 'weekend', 'first', 'second', 'third', 'fourth', 'final',
    'initial', 'spring', 'summer', 'autumn', 'fall', 'winter', 'day', 'near', 'distant', 'recent', 'future',
  ],
  a: [...UNIT_STARTS, 'few', 'coup', 'hund', 'doz'],
  an: [...UNIT_STARTS, 'few', 'coup', 'hund', 'doz'],
  that: THE_UNIT_STARTS,
  this: [
    ...THE_UNIT_STARTS, 'spring', 'summer', 'autumn', 'fall', 'winter',
    'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  ],
  new: ['year'],
  at: ['present', 'the', 'least', 'most'],
};

/** Where the scanner tries its families: a digit, a first word, a guarded first word before one of its words. */
function scanStart(guarded: boolean): string {
  const guards = guarded ? Object.entries(GUARDED_FIRST_WORDS).map(([word, next]) => `${word}${S}(?:${next.join('|')})|`).join('') : '';
  const words = [...new Set(FIRST_WORDS)].filter((w) => !guarded || !Object.hasOwn(GUARDED_FIRST_WORDS, w)).sort((a, b) => b.length - a.length);
  return `\\b(?=\\d|${guards}(?:${words.join('|')})(?![a-z]))`;
}

/** Where a family's match lies in the scanner's result: its group and its named parts' groups. */
export interface FamilyGroups {
  name: string;
  index: number;
  parts: ReadonlyArray<readonly [string, number]>;
}

const NAMED_GROUP = /\(\?<([A-Za-z]\w*)>/g;

/**
 * The scanner: every family as one alternative, tried only at a digit or a first word. Number
 * families guard their own start. Global and case-insensitive; compiled once. Its groups are
 * numbered, not named (FAMILY_GROUPS says which is which): with named groups every match built an
 * object of all 130 of them, and the scan took nearly twice as long.
 */
export const { TIMEX_SCANNER, FAMILY_GROUPS } = scanner(true);

/** The scanner without the guards of GUARDED_FIRST_WORDS: what the test compares the scanner with. */
export function unguardedScanner(): RegExp {
  return scanner(false).TIMEX_SCANNER;
}

function scanner(guarded: boolean): { TIMEX_SCANNER: RegExp; FAMILY_GROUPS: readonly FamilyGroups[] } {
  const named = `${scanStart(guarded)}(?:${FAMILIES.map(([name, source]) => `(?<${name}>${source})`).join('|')})`;
  const families: Array<{ name: string; index: number; parts: Array<[string, number]> }> = [];
  const familyNames = new Set(FAMILIES.map(([name]) => name));
  let index = 0;
  const source = named.replace(NAMED_GROUP, (_, name: string) => {
    index++;
    if (familyNames.has(name)) families.push({ name, index, parts: [] });
    else families[families.length - 1].parts.push([name, index]);
    return '(';
  });
  const scanner = new RegExp(source, 'gi');
  // Every group is a named one: the numbers above are the groups' numbers.
  const groups = new RegExp(`${source}|`).exec('')!.length - 1;
  if (groups !== index) throw new Error(`the date scanner has ${groups} groups, ${index} named`);
  return { TIMEX_SCANNER: scanner, FAMILY_GROUPS: families };
}

/** Words that make a bare month name or year temporal when they stand just before it. */
export const TEMPORAL_PREPOSITIONS = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'of', 'during', 'through', 'throughout', 'before', 'after', 'early', 'late', 'mid',
  'last', 'next', 'this', 'that', 'between', 'and', 'or', 'to', 'on', 'around', 'circa', 'c.', 'as', 'into', 'for', 'spring', 'summer', 'autumn', 'fall', 'winter',
]);

/** Words after which a four-digit number is a count, a code or a name, not a year. */
export const NOT_YEAR_BEFORE = new Set([
  'no', 'no.', 'nos', 'number', 'flight', 'flights', 'resolution', 'route', 'room', 'article', 'section', 'chapter', 'page', 'pages', 'p', 'pp',
  'model', 'version', 'russell', 'windows', 'than', 'approximately', 'nearly', 'almost', 'roughly', 'some', 'estimated', 'total', 'totaling', 'totalling', 'about',
  'code', 'bus', 'highway', 'interstate', 'lot', 'unit', 'units', 'item', 'serial', 'call', 'rs', 'rs.', 'usd', 'eur', 'gbp', 'us$', 'a$', 'c$',
]);

/** Units after a four-digit number: always a quantity ("2000 km", "1500 GMT", "2000 percent"). */
export const UNITS_AFTER_NUMBER = new Set([
  'percent', 'per', 'km', 'kilometres', 'kilometers', 'miles', 'mph', 'kg', 'lb', 'lbs', 'ft', 'm', 'sq', 'mw', 'gw', 'hp', 'cc', 'bc', 'bce',
  'gmt', 'utc', 'hours', 'hrs', 'times', 'feet', 'metres', 'meters', 'tons', 'tonnes', 'yuan', 'yen', 'rupees', 'euros', 'dollars', 'pounds',
  'crore', 'lakh', 'million', 'billion', 'thousand',
]);

/** Words that follow a count rather than a year, unless a preposition of time comes before it. */
export const COUNT_WORDS_AFTER_NUMBER = new Set(['people', 'men', 'women', 'children', 'aircraft', 'staff', 'personnel', 'police', 'more', 'other', 'others']);

/** Prepositions after which a four-digit number is a year even before a plural ("in 2008 prices rose"). */
export const YEAR_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'by', 'during', 'before', 'after', 'throughout', 'circa', 'c.']);

/** Lower-case words ending in s that may follow a year: "in 2003 was", "2011 versus". */
export const S_WORDS_AFTER_YEAR = new Set(['was', 'has', 'is', 'as', 'its', 'this', 'his', 'us', 'thus', 'versus', 'plus', 'perhaps', 'always', 'afterwards', 'towards', 'series', 'class', 'process', 'congress', 'crisis', 'basis', 'analysis', 'status', 'census', 'olympics', 'games', 'elections', 'polls', 'talks', 'accords', 'protests', 'riots', 'floods', 'attacks', 'bombings', 'awards', 'finals', 'playoffs', 'sales', 'results', 'earnings', 'figures', 'levels', 'numbers', 'rules', 'regulations', 'laws', 'sanctions', 'negotiations', 'hearings', 'budgets']);
