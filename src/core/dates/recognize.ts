// Temporal expressions in text: one pass of one precompiled expression (patterns.ts) finds
// candidate spans; each is checked against its context (a month or a verb? a year or a count?)
// and read into a type and the parts it names. Anchoring happens in normalize.ts.
// Never throws on text; offsets are UTF-16 code units, end exclusive.
import { isValidYmd } from './calendar.js';
import {
  COUNT_WORDS_AFTER_NUMBER, FAMILY_GROUPS, MODS, MONTHS, NOT_YEAR_BEFORE, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, S_WORDS_AFTER_YEAR, SEASONS,
  TEMPORAL_PREPOSITIONS, TIMEX_SCANNER, UNITS_AFTER_NUMBER, WEEKDAYS, YEAR_PREPOSITIONS, type FamilyGroups,
} from './patterns.js';
import type { DateParts, RelativeUnit, TimexCandidate, TimexMod, TimexReading, TimexType } from './types.js';

type Groups = Record<string, string | undefined>;

/** Every temporal expression the text holds, in order, not overlapping. */
export function recognizeTimex(text: string): TimexCandidate[] {
  const found: TimexCandidate[] = [];
  if (typeof text !== 'string' || text.length === 0) return found;
  const scanner = TIMEX_SCANNER;
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const end = m.index + m[0].length;
    const family = familyOf(m);
    const candidate = family ? read(text, family.name, m, partsOf(m, family)) : null;
    if (candidate && candidate.end > candidate.start) {
      found.push(candidate);
      scanner.lastIndex = Math.max(end, candidate.end);
    } else {
      scanner.lastIndex = afterFirstWord(text, m.index);
    }
  }
  return found;
}

function familyOf(m: RegExpExecArray): FamilyGroups | null {
  for (const family of FAMILY_GROUPS) if (m[family.index] !== undefined) return family;
  return null;
}

/** The named parts of a family's match (those of the other families are all undefined). */
function partsOf(m: RegExpExecArray, family: FamilyGroups): Groups {
  const g: Groups = {};
  for (const [name, index] of family.parts) g[name] = m[index];
  return g;
}

// ---------------------------------------------------------------- reading one match

/**
 * Where a named part of a match lies in the text. Parts are found by searching the match (the
 * `d` flag would give them, but slows every scan): first occurrence, or last with `last`. The
 * callers ask only for parts no earlier part can contain (a month after a weekday, a year after a
 * premodifier).
 */
function partAt(m: RegExpExecArray, value: string, last = false): [number, number] {
  const i = last ? m[0].lastIndexOf(value) : m[0].indexOf(value);
  const start = m.index + Math.max(0, i);
  return [start, start + value.length];
}

function read(text: string, family: string, m: RegExpExecArray, g: Groups): TimexCandidate | null {
  const start = m.index;
  const end = m.index + m[0].length;
  switch (family) {
    case 'fIso': {
      const parts = { year: +g.isoY!, month: +g.isoM!, day: +g.isoD! };
      if (!isValidYmd(parts.year, parts.month, parts.day)) return null;
      if (g.isoH !== undefined) {
        const clock = clockReading(+g.isoH, +g.isoMin!, null, false);
        return clock ? { start, end, type: 'TIME', reading: { kind: 'calendar', parts }, partOfDay: `${pad2(clock.hour)}:${pad2(clock.minute)}` } : null;
      }
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts }, attributive: isAttributive(text, start, end) };
    }
    case 'fNum': {
      // US order (7/8/07 is July 8) unless the first number cannot be a month; dots are day.month.year.
      let a = +g.numA!;
      let b = +g.numB!;
      if (g.numDot !== undefined || a > 12) [a, b] = [b, a];
      const c = g.numC!;
      const year = c.length === 2 ? (+c < 50 ? 2000 + +c : 1900 + +c) : +c;
      if (!isValidYmd(year, a, b)) return null;
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts: { year, month: a, day: b } } };
    }
    case 'fDayMonth': {
      const monthAt = partAt(m, g.dmMon!, true);
      if (!monthWordOk(text, monthAt[0], monthAt[1], true)) return null;
      const month = monthNumber(g.dmMon!);
      const year = g.dmY !== undefined ? +g.dmY : undefined;
      const day = parseInt(g.dmD!, 10);
      const day2 = g.dmD2 !== undefined ? parseInt(g.dmD2, 10) : undefined;
      if (!dayOk(year, month, day) || (day2 !== undefined && (!dayOk(year, month, day2) || day2 <= day))) return null;
      if (g.dmWd !== undefined && !capitalised(text, start)) return null;
      const reading: TimexReading = day2 !== undefined ? { kind: 'range', from: { year, month, day }, to: { year, month, day: day2 } } : { kind: 'calendar', parts: { year, month, day } };
      return { start, end, type: 'DATE', reading, attributive: isAttributive(text, start, end) };
    }
    case 'fMonth':
      return readMonth(text, g, m, start, end);
    case 'fDecade': {
      let decade: number;
      if (g.decY !== undefined) decade = Math.floor(+g.decY / 10);
      else decade = +g.decYY! >= 30 ? 190 + +g.decYY! / 10 : 200 + +g.decYY! / 10;
      return fixedDate(text, start, end, String(decade), `the decade ${decade}0s`, modOf(g.decMod));
    }
    case 'fCentury': {
      const n = +g.cenN!;
      if (n < 1 || n > 30) return null;
      return fixedDate(text, start, end, pad2(n - 1), `the ${g.cenN}${ordinalSuffix(n)} century`, modOf(g.cenMod));
    }
    case 'fRel': {
      const rel = readRelative(g.relDet!.toLowerCase(), g.relUnit!.toLowerCase(), start, end);
      const mod = modOf(g.relMod);
      return rel && mod ? { ...rel, mod } : rel;
    }
    case 'fThe':
      return readThe(text, g, start, end);
    case 'fEarlier': {
      const offset = detOffset(g.eaDet!.toLowerCase());
      return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: g.eaUnit!.toLowerCase() as RelativeUnit, offset } };
    }
    case 'fPos': {
      const det = g.posDet!.toLowerCase();
      const unit = g.posUnit!.toLowerCase() as RelativeUnit;
      const reading: TimexReading = det === 'the' ? { kind: 'relative', base: 'context', unit, offset: 0 } : { kind: 'relative', base: 'dct', unit, offset: detOffset(det) };
      return { start, end, type: 'DATE', reading, mod: MODS[g.posWord!.toLowerCase()] };
    }
    case 'fQuarter': {
      // "a fourth quarter victory": a game's quarter; a year's has "the", a year, or a hyphen ("third-quarter profit").
      if (g.qY === undefined && g.qHyph === undefined && !/^the/i.test(m[0])) return null;
      const quarter = ORDINALS[g.qOrd!.toLowerCase()];
      if (g.qDet !== undefined) return { start, end, type: 'DATE', reading: yearPart(g.qDet, `Q${quarter}`) };
      const parts: DateParts = { quarter, ...(g.qY !== undefined ? { year: +g.qY } : {}) };
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts }, attributive: isAttributive(text, start, end) };
    }
    case 'fQ': {
      if (text.charCodeAt(start) !== 81 /* Q */) return null;
      const parts: DateParts = { quarter: +g.qQ!.slice(1), ...(g.qQY !== undefined ? { year: +g.qQY } : {}) };
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts } };
    }
    case 'fHalf':
      if (g.hDet !== undefined) return { start, end, type: 'DATE', reading: yearPart(g.hDet, g.hOrd!.toLowerCase() === 'first' ? 'H1' : 'H2') };
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts: { year: +g.hY!, half: g.hOrd!.toLowerCase() === 'first' ? 1 : 2 } } };
    case 'fSeason': {
      const season = SEASONS[g.seaName!.toLowerCase()];
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts: { year: +g.seaY!, season } }, attributive: isAttributive(text, start, end) };
    }
    case 'fFiscal': {
      if (/^fy/i.test(m[0]) && text.slice(start, start + 2) !== 'FY') return null;
      return fixedDate(text, start, end, `FY${g.fisY}`, `the fiscal year ${g.fisY}`);
    }
    case 'fWeekday':
      return readWeekday(text, g, m, start, end);
    case 'fToday': {
      if (g.tdBA !== undefined) {
        const offset = /yesterday/i.test(g.tdBA) ? -2 : 2;
        return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: 'day', offset } };
      }
      const word = g.tdWord!.toLowerCase();
      const offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const part = word === 'tonight' ? 'NI' : g.tdPart !== undefined ? PARTS_OF_DAY[g.tdPart.toLowerCase()] : undefined;
      return { start, end, type: part ? 'TIME' : 'DATE', reading: { kind: 'relative', base: 'dct', unit: 'day', offset }, ...(part ? { partOfDay: part } : {}) };
    }
    case 'fRef':
      return readRef(text, g.refWord!, start, end);
    case 'fSetA': {
      if (yearJustBefore(text, start)) return null;
      const unit = g.setAUnit!.toLowerCase();
      return fixed(start, end, 'SET', durationValue(1, unit), `once every ${unit}`);
    }
    case 'fSetAdv':
      return readSetAdverb(text, g.setAdv!, start, end);
    case 'fSetEvery':
      return readEvery(text, g, start, end);
    case 'fClock': {
      const prev = prevWord(text, start);
      const ap = g.clAp?.toLowerCase().replace(/[\s.]/g, '');
      const zoned = g.clZ !== undefined || g.clLocal !== undefined;
      if (!ap && !zoned && !CLOCK_CUES.has(prev)) return null;
      if (text[start + g.clH!.length] === '.' && !ap && !zoned) return null;
      const clock = clockReading(+g.clH!, +g.clM!, ap ?? null, g.clZ !== undefined && g.clOff === undefined);
      if (!clock) return null;
      return { start, end, type: 'TIME', reading: { kind: 'clock', ...clock } };
    }
    case 'fClockAp': {
      const clock = clockReading(+g.caH!, 0, g.caAp!.toLowerCase().replace(/[\s.]/g, ''), g.caZ !== undefined);
      if (!clock || +g.caH! > 12 || +g.caH! === 0) return null;
      return { start, end, type: 'TIME', reading: { kind: 'clock', ...clock } };
    }
    case 'fMilitary': {
      const zone = g.milZ!.toLowerCase();
      const clock = clockReading(+g.milH!, +g.milM!, null, zone === 'gmt' || zone === 'utc' || zone === 'z');
      return clock ? { start, end, type: 'TIME', reading: { kind: 'clock', ...clock } } : null;
    }
    case 'fWeekend':
      return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: 'weekend', offset: 0 } };
    case 'fNoon': {
      if (!CLOCK_CUES.has(prevWord(text, start))) return null;
      const word = g.noon!.toLowerCase();
      return { start, end, type: 'TIME', reading: { kind: 'clock', hour: word === 'midnight' ? 24 : 12, minute: 0, utc: false } };
    }
    case 'fHoliday': {
      if (!capitalised(text, start)) return null;
      const words = m[0].toLowerCase();
      // Christmas Island, A Christmas Carol: names.
      const next = nextWordAt(text, end);
      if (!/(day|eve)$/.test(words) && next && isUpperCode(next.charCodeAt(0))) return null;
      const parts = words.startsWith('christmas') ? { month: 12, day: words.endsWith('eve') ? 24 : 25 } : words.endsWith('eve') ? { month: 12, day: 31 } : { month: 1, day: 1 };
      return { start, end, type: 'DATE', reading: { kind: 'calendar', parts } };
    }
    case 'fDurDet': {
      const n = quantity(g.ddQ!);
      const unit = unitOf(g.ddUnit!);
      if (!unit) return null;
      return fixed(start, end, 'DURATION', durationValue(n, unit), `${g.ddQ} ${unit}${n === 1 ? '' : 's'}`);
    }
    case 'fOverThe': {
      const unit = unitOf(g.otUnit!)!;
      return fixed(start, end, 'DURATION', durationValue(null, unit), `an unspecified number of ${unit}s`);
    }
    case 'fAdj': {
      if (g.adjVague !== undefined) {
        const unit = unitOf(g.adjVague)!;
        return fixed(start, end, 'DURATION', durationValue(null, unit), `${unit}s`);
      }
      if (g.adjLong !== undefined) {
        const unit = unitOf(g.adjLong)!;
        return fixed(start, end, 'DURATION', durationValue(1, unit), `one ${unit}`);
      }
      const n = quantity(g.adjN!);
      const unit = unitOf(g.adjUnit!);
      if (!unit || n === null || n === 0) return null;
      return fixed(start, end, 'DURATION', durationValue(n, unit), `${n} ${unit}${n === 1 ? '' : 's'}`);
    }
    case 'fDur':
      return readDuration(text, g, m, start, end);
    case 'fVague':
      return readVague(text, g, start);
    case 'fYear':
      return readYear(text, g, m, start, end);
  }
  return null;
}

// ---------------------------------------------------------------- months and weekdays

function readMonth(text: string, g: Groups, m: RegExpExecArray, start: number, end: number): TimexCandidate | null {
  const monthAt = partAt(m, g.mMon!);
  const hasDay = g.mD !== undefined;
  const hasYear = g.mY !== undefined;
  const mod = modOf(g.mMod);
  if (!monthWordOk(text, monthAt[0], monthAt[1], hasDay || hasYear || mod !== undefined || g.mRel !== undefined)) return null;
  if (g.mWd !== undefined && !capitalised(text, start)) return null;
  const month = monthNumber(g.mMon!);
  const year = hasYear ? +g.mY! : undefined;
  if (hasYear && !yearOk(year!)) return null;
  let day = hasDay ? parseInt(g.mD!, 10) : undefined;
  let day2 = g.mD2 !== undefined ? parseInt(g.mD2, 10) : undefined;
  let spanEnd = end;
  if (day !== undefined && !dayOk(year, month, day)) {
    // "June 31" or "March 40": the month alone, when it can stand alone.
    if (hasYear || !monthWordOk(text, monthAt[0], monthAt[1], mod !== undefined)) return null;
    day = undefined;
    day2 = undefined;
    spanEnd = monthAt[1];
  }
  if (day2 !== undefined && (!dayOk(year, month, day2) || day2 <= day!)) {
    day2 = undefined;
    spanEnd = monthAt[1] + m[0].slice(monthAt[1] - start).indexOf(g.mD!) + g.mD!.length;
    if (hasYear) return null;
  }
  // A month before a count that looks like a year ("in May 2000 people") keeps the month only.
  if (hasYear && !hasDay && spanEnd === end && countFollows(text, end, false)) spanEnd = monthAt[1];
  const parts: DateParts = { month, ...(day !== undefined ? { day } : {}), ...(year !== undefined && spanEnd === end ? { year } : {}) };
  const rel = g.mRel?.toLowerCase();
  const shift = rel === undefined || parts.year !== undefined ? undefined : rel === 'last' || rel === 'past' ? -1 : rel === 'this' ? 0 : 1;
  const reading: TimexReading = day2 !== undefined
    ? { kind: 'range', from: parts, to: { ...parts, day: day2 } }
    : { kind: 'calendar', parts, ...(shift !== undefined ? { shift: shift as -1 | 0 | 1 } : {}) };
  return { start, end: spanEnd, type: 'DATE', reading, ...(mod ? { mod } : {}), attributive: isAttributive(text, start, spanEnd) };
}

/**
 * A month word is a month when capitalised, and, standing alone, when a preposition or a
 * premodifier is before it, or nothing name-like follows (May the verb, April the name).
 */
function monthWordOk(text: string, start: number, end: number, withDayOrYear: boolean): boolean {
  if (!capitalised(text, start)) return false;
  if (withDayOrYear) return true;
  const bare = text.slice(start, end).toLowerCase().replace(/\.$/, '');
  if (!(bare in LONG_MONTHS)) return false; // "Jan" alone may be a name
  const prev = prevWord(text, start);
  if (TEMPORAL_PREPOSITIONS.has(prev)) return true;
  if (bare === 'may') return false;
  const next = nextWordAt(text, end);
  if (next && isUpperCode(next.charCodeAt(0)) && !sentenceEndBetween(text, end, end + 3)) return false;
  return true;
}

const LONG_MONTHS: Record<string, true> = {
  january: true, february: true, march: true, april: true, may: true, june: true, july: true, august: true, september: true, october: true, november: true, december: true,
};

function readWeekday(text: string, g: Groups, m: RegExpExecArray, start: number, end: number): TimexCandidate | null {
  const nameAt = partAt(m, g.wdName!);
  if (!capitalised(text, nameAt[0])) return null;
  const prev = prevWordRaw(text, start);
  if (WEEKDAY_NAME_PREFIXES.has(prev)) return null;
  // The Sunday Times: a weekday inside a name.
  const next = nextWordAt(text, nameAt[1]);
  if (prev.toLowerCase() === 'the' && g.wdShift === undefined && next && isUpperCode(next.charCodeAt(0)) && !(next.toLowerCase() in MONTHS)) return null;
  const weekday = WEEKDAYS[g.wdName!.toLowerCase()];
  const shiftWord = g.wdShift?.toLowerCase();
  const shift = shiftWord === undefined ? null : shiftWord === 'last' || shiftWord === 'past' ? -1 : shiftWord === 'this' ? 0 : 1;
  const part = g.wdPart !== undefined ? PARTS_OF_DAY[g.wdPart.toLowerCase()] : undefined;
  return {
    start, end, type: part ? 'TIME' : 'DATE', reading: { kind: 'weekday', weekday, shift },
    ...(part ? { partOfDay: part } : {}), attributive: isAttributive(text, start, end),
  };
}

const WEEKDAY_NAME_PREFIXES = new Set(['Black', 'Good', 'Bloody', 'Super', 'Cyber', 'Ash', 'Palm', 'Easter', 'Holy', 'Maundy', 'Shrove', 'Giving']);

// ---------------------------------------------------------------- relative and anaphoric

function detOffset(det: string): number {
  return det === 'last' || det === 'past' || det === 'previous' || det === 'preceding' || det === 'prior' ? -1 : det === 'next' || det === 'coming' || det === 'following' ? 1 : 0;
}

/** A part of a year named relatively: "the first quarter of last year", "the second half of the year". */
function yearPart(det: string, within: string): TimexReading {
  const d = det.toLowerCase();
  return d === 'the' ? { kind: 'relative', base: 'context', unit: 'year', offset: 0, within } : { kind: 'relative', base: 'dct', unit: 'year', offset: detOffset(d), within };
}

function readRelative(det: string, unitWord: string, start: number, end: number): TimexCandidate | null {
  const offset = detOffset(det);
  const part = PARTS_OF_DAY[unitWord];
  if (part) {
    // this morning, last night, tomorrow evening
    if (det === 'past' || det === 'coming' || det === 'current') return null;
    return { start, end, type: 'TIME', reading: { kind: 'relative', base: 'dct', unit: 'day', offset: detOffset(det) }, partOfDay: part };
  }
  const season = SEASONS[unitWord];
  if (season) return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: 'season', offset, season } };
  return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: unitWord as RelativeUnit, offset } };
}

function readThe(text: string, g: Groups, start: number, end: number): TimexCandidate | null {
  const unitWord = g.theUnit!.toLowerCase();
  const plural = unitWord.endsWith('s');
  const unit = (unitWord === 'weekend' ? 'weekend' : unitOf(unitWord)) as RelativeUnit | null;
  const part = PARTS_OF_DAY[unitWord];
  if (!unit && !part) return null;
  if (g.theThat !== undefined) {
    if (plural) return null;
    if (part) return { start, end, type: 'TIME', reading: { kind: 'relative', base: 'previous', unit: 'day', offset: 0 }, partOfDay: part };
    return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'previous', unit: unit as RelativeUnit, offset: 0 } };
  }
  const det = g.theDet!.toLowerCase();
  if (plural) {
    if (det === 'coming') return fixed(start, end, 'DATE', 'FUTURE_REF', 'a vague reference to the future');
    if (det === 'past' || det === 'last' || det === 'previous' || det === 'next' || det === 'following') {
      return fixed(start, end, 'DURATION', durationValue(null, unit!), `an unspecified number of ${unit}s`);
    }
    return null;
  }
  if (part) {
    if (det === 'past' || det === 'last' || det === 'coming' || det === 'current') return null;
    return { start, end, type: 'TIME', reading: { kind: 'relative', base: 'previous', unit: 'day', offset: detOffset(det) }, partOfDay: part };
  }
  if (det === 'past' || det === 'last') {
    if (unit === 'quarter') return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: 'quarter', offset: -1 } };
    if (unit === 'day' || unit === 'weekend') return null; // "the last day of the trial": an ordinal, not a time
    return fixed(start, end, 'DURATION', durationValue(1, unit!), `one ${unit}`);
  }
  if (det === 'coming' && (unit === 'decade' || unit === 'century')) return fixed(start, end, 'DURATION', durationValue(1, unit), `one ${unit}`);
  if (det === 'coming' || det === 'current') return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: unit!, offset: det === 'coming' ? 1 : 0 } };
  if (det === 'next' && (unit === 'decade' || unit === 'century')) return fixed(start, end, 'DURATION', durationValue(1, unit), `one ${unit}`);
  return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'previous', unit: unit!, offset: detOffset(det) }, attributive: isAttributive(text, start, end) };
}

function readRef(text: string, word: string, start: number, end: number): TimexCandidate | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'now') {
    const next = nextWordAt(text, end);
    if (next === 'that') return null; // "now that …": a conjunction
    return fixed(start, end, 'DATE', 'PRESENT_REF', 'the present of the writing');
  }
  if (w.endsWith('future')) return fixed(start, end, 'DATE', 'FUTURE_REF', 'a vague reference to the future');
  if (w.endsWith('recently') || w === 'lately' || w.endsWith('past') || w.startsWith('recent ')) return fixed(start, end, 'DATE', 'PAST_REF', 'a vague reference to the past');
  return fixed(start, end, 'DATE', 'PRESENT_REF', 'the present of the writing');
}

// ---------------------------------------------------------------- sets

const SET_ADVERBS: Record<string, [number, string]> = {
  daily: [1, 'day'], nightly: [1, 'day'], weekly: [1, 'week'], fortnightly: [2, 'week'], monthly: [1, 'month'], quarterly: [3, 'month'],
  yearly: [1, 'year'], annually: [1, 'year'], annual: [1, 'year'], hourly: [1, 'hour'], biannual: [6, 'month'], semiannual: [6, 'month'], biennial: [2, 'year'],
};

function readSetAdverb(text: string, word: string, start: number, end: number): TimexCandidate | null {
  // The Daily Mail, China Daily, Entertainment Weekly: a name, not a frequency.
  if (capitalised(text, start)) {
    const next = nextWordAt(text, end);
    if (next && isUpperCode(next.charCodeAt(0))) return null;
    if (!atSentenceStart(text, start)) return null;
  }
  const [n, unit] = SET_ADVERBS[word.toLowerCase()];
  return fixed(start, end, 'SET', durationValue(n, unit), n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
}

function readEvery(text: string, g: Groups, start: number, end: number): TimexCandidate | null {
  const unitWord = g.setUnit!.toLowerCase();
  const weekday = WEEKDAYS[unitWord];
  if (weekday) {
    if (!capitalised(text, end - unitWord.length)) return null;
    return fixed(start, end, 'SET', `XXXX-WXX-${weekday}`, `every ${g.setUnit}`);
  }
  const part = PARTS_OF_DAY[unitWord];
  if (part) return fixed(start, end, 'SET', `XXXX-XX-XXT${part}`, `every ${unitWord}`);
  if (unitWord === 'weekend') return fixed(start, end, 'SET', 'XXXX-WXX-WE', 'every weekend');
  const unit = unitOf(unitWord);
  if (!unit) return null;
  const every = g.setEvery!.toLowerCase();
  if (every === 'per' && g.setN !== undefined) return null;
  const n = g.setN === undefined ? 1 : g.setN.toLowerCase() === 'other' ? 2 : quantity(g.setN);
  if (n === null || n === 0) return null;
  return fixed(start, end, 'SET', durationValue(n, unit), n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);
}

// ---------------------------------------------------------------- durations

function readDuration(text: string, g: Groups, m: RegExpExecArray, start: number, end: number): TimexCandidate | null {
  const unitEnd = partAt(m, g.durUnit!, true)[1];
  const unitWord = g.durUnit!.toLowerCase();
  const unit = unitOf(unitWord);
  if (!unit) return null;
  const qWord = g.durQ!.toLowerCase();
  const digits = /^\d/.test(qWord);
  // "a second A380", "a quarter of the votes": an ordinal and a fraction, not durations.
  if (unitWord === 'second' && !digits) return null;
  if (unit === 'quarter' && nextWordAt(text, unitEnd) === 'of') return null;
  const n = quantity(qWord);
  if (n === 0) return null;
  if (digits && n !== null && n >= 1000 && unit === 'year') return null;
  const value = durationValue(n, unit);
  const label = `${n === null ? 'some' : n} ${unit}${n === 1 ? '' : 's'}`;
  const after = g.durAfter?.toLowerCase().replace(/\s+/g, ' ');
  if (after === 'later' || after === 'earlier') {
    // three days later: a date, counted from the date mentioned before
    if (n === null) return fixed(start, unitEnd, 'DURATION', value, label);
    return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'previous', unit: relativeUnitOf(unit), offset: after === 'later' ? n * unitFactor(unit) : -n * unitFactor(unit) } };
  }
  if (after === 'from now' || after === 'hence') {
    if (n === null) return fixed(start, end, 'DATE', 'FUTURE_REF', 'a vague reference to the future');
    return { start, end, type: 'DATE', reading: { kind: 'relative', base: 'dct', unit: relativeUnitOf(unit), offset: n * unitFactor(unit) } };
  }
  if (after === 'ago') {
    // ISO-TimeML: "two years" is the duration; "ago" places it, and the hover says where.
    return {
      start, end: unitEnd, type: 'DURATION',
      reading: { kind: 'fixed', value, note: label, shift: { base: 'dct', unit: relativeUnitOf(unit), amount: n === null ? null : -n * unitFactor(unit) } },
    };
  }
  return fixed(start, unitEnd, 'DURATION', value, label);
}

function readVague(text: string, g: Groups, start: number): TimexCandidate | null {
  const unit = unitOf(g.vagUnit!)!;
  const unitEnd = start + g.vagUnit!.length;
  const prev = prevWord(text, start);
  const standsFirst = atSentenceStart(text, start);
  // "after years of talks", not "after hours trading"
  if (prev === 'after' && g.vagAfter === undefined && nextWordAt(text, unitEnd) !== 'of') return null;
  if (!VAGUE_CUES.has(prev) && g.vagAfter === undefined && !standsFirst) return null;
  if (g.vagAfter === undefined && standsFirst && !VAGUE_CUES.has(prev)) return null;
  return fixed(start, unitEnd, 'DURATION', durationValue(null, unit), `${unit}s`);
}

const VAGUE_CUES = new Set(['for', 'within', 'after', 'in', 'over', 'taking', 'took', 'lasted', 'last']);

// ---------------------------------------------------------------- years

function readYear(text: string, g: Groups, m: RegExpExecArray, start: number, end: number): TimexCandidate | null {
  const year = +g.yrY!;
  const mod = modOf(g.yrMod);
  const yearAt = partAt(m, g.yrY!);
  if (!yearOk(year)) return null;
  const prevRaw = prevWordRaw(text, yearAt[0]);
  const prev = prevRaw.toLowerCase().replace(/\.$/, '');
  if (!mod) {
    if (year < 1900 && !TEMPORAL_PREPOSITIONS.has(prev)) return null;
    if (NOT_YEAR_BEFORE.has(prev) || NOT_YEAR_BEFORE.has(prevRaw.toLowerCase())) return null;
    const before = charBefore(text, yearAt[0]);
    // $2000, #2000, CVE - 2013 - 3893
    if (before === '$' || before === '\u00a3' || before === '\u20ac' || before === '#' || before === '-' || before === '\u2013') return null;
  }
  let reading: TimexReading = { kind: 'calendar', parts: { year } };
  if (g.yrY2 !== undefined) {
    const y2s = g.yrY2;
    const century = Math.floor(year / 100) * 100;
    const y2 = y2s.length === 2 ? century + +y2s : +y2s;
    if (y2s.length === 2 && +y2s >= 1 && +y2s <= 12 && y2 <= year && text[yearAt[1]] === '-') {
      reading = { kind: 'calendar', parts: { year, month: +y2s } }; // 2024-03
    } else if (y2 > year && y2 - year < 100) {
      reading = { kind: 'range', from: { year }, to: { year: y2 } };
    } else {
      return null; // 2013 - 3893: a code, not a range of years
    }
  }
  // "2000 people", "2000 jobs": a count; "the 1967 killings", "in 2008 prices rose": a year.
  const lenient = ATTRIBUTIVE_DETERMINERS.has(prev) || /['\u2019]s$/.test(prev) || YEAR_PREPOSITIONS.has(prev);
  if (!mod && countFollows(text, end, lenient)) return null;
  return { start, end, type: 'DATE', reading, ...(mod ? { mod } : {}), attributive: isAttributive(text, start, end) };
}

/**
 * The word after a number makes it a count: a unit always; a count word or a plural noun unless
 * a determiner or a preposition of time stands before the number (lenient).
 */
function countFollows(text: string, end: number, lenient: boolean): boolean {
  const next = nextWordAt(text, end);
  if (!next) return false;
  const lower = next.toLowerCase();
  if (UNITS_AFTER_NUMBER.has(lower)) return true;
  if (lenient) return false;
  if (COUNT_WORDS_AFTER_NUMBER.has(lower)) return true;
  return lower === next && lower.length >= 3 && lower.endsWith('s') && !lower.endsWith('ss') && !S_WORDS_AFTER_YEAR.has(lower) && !/^\d/.test(lower);
}

function yearOk(year: number): boolean {
  return year >= 1000 && year <= 2099;
}

/** "in 2003 a year …": the number before "a year" is a year, so "a year" is no frequency. */
function yearJustBefore(text: string, start: number): boolean {
  const prev = prevWordRaw(text, start);
  return /^(1[5-9]|20)\d\d$/.test(prev);
}

// ---------------------------------------------------------------- values

const UNIT_CODES: Record<string, [string, boolean]> = {
  second: ['S', true], minute: ['M', true], hour: ['H', true], day: ['D', false], week: ['W', false], fortnight: ['W', false],
  month: ['M', false], quarter: ['M', false], year: ['Y', false], decade: ['Y', false], century: ['Y', false],
};

/** Multiplier from a unit to the unit its code counts (a decade is 10 Y). */
function unitFactor(unit: string): number {
  return unit === 'decade' ? 10 : unit === 'century' ? 100 : unit === 'fortnight' ? 2 : unit === 'quarter' ? 3 : 1;
}

/** The relative unit a duration unit counts in, for "three days later" (decades count in years). */
function relativeUnitOf(unit: string): RelativeUnit {
  return unit === 'decade' || unit === 'century' ? 'year' : unit === 'fortnight' ? 'week' : unit === 'quarter' ? 'month' : (unit as RelativeUnit);
}

/** TIMEX3 duration: P20Y, PT30M, P2.5Y, PXY (n null: unspecified). */
export function durationValue(n: number | null, unit: string): string {
  const [code, timeUnit] = UNIT_CODES[unit] ?? ['D', false];
  const prefix = timeUnit ? 'PT' : 'P';
  if (n === null) return `${prefix}X${code}`;
  let amount = n * unitFactor(unit);
  if (timeUnit && !Number.isInteger(amount)) {
    // half an hour: PT30M
    if (code === 'H') return `PT${Math.round(amount * 60)}M`;
    if (code === 'M') return `PT${Math.round(amount * 60)}S`;
  }
  amount = Math.round(amount * 1000) / 1000;
  return `${prefix}${amount}${code}`;
}

/** The number a quantity word names; null for vague ones (several, a few). */
function quantity(word: string): number | null {
  const w = word.toLowerCase().replace(/[\s\u00a0]+/g, ' ');
  if (/^\d/.test(w)) return parseFloat(w);
  if (w === 'several' || w === 'few' || w === 'many' || w === 'a few' || w === 'some') return null;
  if (w === 'a couple of' || w === 'couple of') return 2;
  if (w === 'half a' || w === 'half an') return 0.5;
  if (w === 'one and a half') return 1.5;
  let total = 0;
  let rest = w;
  let half = 0;
  if (rest.endsWith(' and a half')) {
    half = 0.5;
    rest = rest.slice(0, -' and a half'.length);
  }
  for (const part of rest.split(/[ \-\u2010\u2011\u2013\u2014]+/)) {
    const v = NUMBER_WORDS[part];
    if (v === undefined) continue;
    total = v === 100 ? (total || 1) * 100 : total + v;
  }
  return total + half;
}

function unitOf(word: string): string | null {
  const w = word.toLowerCase();
  if (w === 'centuries' || w === 'century') return 'century';
  const singular = w.endsWith('s') ? w.slice(0, -1) : w;
  return singular in UNIT_CODES ? singular : null;
}

function clockReading(hour: number, minute: number, ap: string | null, utc: boolean): { hour: number; minute: number; utc: boolean } | null {
  if (minute > 59 || hour > 24) return null;
  if (ap) {
    if (hour < 1 || hour > 12) return null;
    const pm = ap.startsWith('p');
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  return { hour, minute, utc };
}

const CLOCK_CUES = new Set(['at', 'by', 'around', 'about', 'from', 'until', 'till', 'til', 'before', 'after', 'since', 'to', 'and', 'between', 'approximately', 'shortly', 'past']);

function fixed(start: number, end: number, type: TimexType, value: string, note: string): TimexCandidate {
  return { start, end, type, reading: { kind: 'fixed', value, note } };
}

function fixedDate(text: string, start: number, end: number, value: string, note: string, mod?: TimexMod): TimexCandidate {
  return { start, end, type: 'DATE', reading: { kind: 'fixed', value, note }, ...(mod ? { mod } : {}), attributive: isAttributive(text, start, end) };
}

function modOf(words: string | undefined): TimexMod | undefined {
  if (words === undefined) return undefined;
  const m = /(early|late|mid|end|beginning|start|middle)/i.exec(words);
  return m ? MODS[m[1].toLowerCase()] : undefined;
}

function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

function dayOk(year: number | undefined, month: number, day: number): boolean {
  return isValidYmd(year ?? 2000, month, day); // 2000 is a leap year: February 29 stays possible
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function ordinalSuffix(n: number): string {
  return n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
}

// ---------------------------------------------------------------- context

/**
 * A date used to name an event ("the March 22, 2024 attack", "the 1991 agreement"): a
 * determiner before it and a word after it. It does not move the story's time.
 */
function isAttributive(text: string, start: number, end: number): boolean {
  const prev = prevWord(text, start);
  if (!ATTRIBUTIVE_DETERMINERS.has(prev) && !/['\u2019]s$/.test(prev)) return false;
  const next = nextWordAt(text, end);
  if (!next || !/^[A-Za-z]/.test(next)) return false;
  return !NOT_NOUNS_AFTER_DATE.has(next.toLowerCase());
}

const ATTRIBUTIVE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);
const NOT_NOUNS_AFTER_DATE = new Set(['and', 'or', 'to', 'through', 'until', 'when', 'as', 'in', 'on', 'at', 'of', 'for', 'with', 'was', 'were', 'is', 'are', 'has', 'had', 'will', 'would', 'that', 'which', 'who', 'by', 'from', 'after', 'before', 'since', 'than']);

function capitalised(text: string, at: number): boolean {
  return isUpperCode(text.charCodeAt(at));
}

function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 /* $ */ || c === 46 /* . */ || c === 39 || c === 0x2019 || c > 0xbf;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** The word before a position on the same line, as written (with trailing dots), or ''. */
function prevWordRaw(text: string, pos: number): string {
  let i = pos - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && isWordCode(text.charCodeAt(i))) i--;
  return text.slice(i + 1, end);
}

/** The word before a position, lower-cased, without a final full stop. */
function prevWord(text: string, pos: number): string {
  const raw = prevWordRaw(text, pos).toLowerCase();
  return raw.length > 1 && raw.endsWith('.') && raw !== 'c.' ? raw.slice(0, -1) : raw;
}

/** The word after a position on the same line (letters, digits, apostrophes), or ''. */
function nextWordAt(text: string, pos: number): string {
  let i = pos;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf || ((c === 39 || c === 0x2019) && i > start)) i++;
    else break;
  }
  return text.slice(start, i);
}

function charBefore(text: string, pos: number): string {
  let i = pos - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  return i >= 0 ? text[i] : '';
}

function sentenceEndBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, text.length); i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 10 || c === 58 || c === 59) return true;
  }
  return false;
}

/** First word of a sentence: only blanks, quotes or brackets since a line start or a full stop. */
function atSentenceStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (isBlank(c) || c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 91) {
      i--;
      continue;
    }
    return c === 10 || c === 13 || c === 46 || c === 33 || c === 63 || c === 58;
  }
  return true;
}

/** Past the first word of a rejected match: the scan resumes at the next word. */
function afterFirstWord(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isWordCode(text.charCodeAt(i)) && text.charCodeAt(i) !== 46) i++;
  return i > pos ? i : pos + 1;
}
