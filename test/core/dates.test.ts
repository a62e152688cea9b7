import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, findTimex, weekdayOf } from '../../src/core/index.js';
import { TIMEX_SCANNER, unguardedScanner } from '../../src/core/dates/patterns.js';

/**
 * ⟦text⟧{value} marks every temporal expression the recogniser must find, with its TIMEX3 value;
 * `{TYPE value}` also checks the type, `{value MOD}` the mod. Nothing unmarked may be found.
 * The document date is given beside the sentence (null: none).
 */
const MARKED = /⟦([^⟧]*)⟧\{(?:(DATE|TIME|DURATION|SET) )?([^ }]+)(?: (START|MID|END))?\}/g;

function check(marked: string, dct: string | null): void {
  let text = '';
  const expected: string[] = [];
  const typed = new Set<number>();
  let last = 0;
  for (const m of marked.matchAll(MARKED)) {
    text += marked.slice(last, m.index);
    if (m[2]) typed.add(expected.length);
    expected.push(`${m[1]} @${text.length} = ${m[3]}${m[4] ? ' ' + m[4] : ''}${m[2] ? ' ' + m[2] : ''}`);
    text += m[1];
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  const got = findTimex(text, { dct }).map(
    (t, i) => `${t.text} @${t.start} = ${t.value}${t.mod ? ' ' + t.mod : ''}${typed.has(i) ? ' ' + t.type : ''}`,
  );
  assert.deepEqual(got, expected);
}

const cases: Array<[string, string | null, string]> = [
  // explicit dates
  ['a full date', '2024-03-11', 'The statement was issued on ⟦March 5, 2024⟧{2024-03-05}.'],
  ['day before month, ordinals, abbreviations', '2024-03-11', 'Talks began on ⟦5 March 2024⟧{2024-03-05}, resumed ⟦Feb. 3rd, 2024⟧{2024-02-03} and on ⟦the 9th of January 2024⟧{2024-01-09}.'],
  ['month and year', null, 'In ⟦April 2023⟧{2023-04}, Shoigu spoke; in ⟦April of 2022⟧{2022-04} he had not.'],
  ['a year', null, 'The ceasefire was broken in ⟦2022⟧{DATE 2022}.'],
  ['numeric dates', null, 'It was dated ⟦2024-03-11⟧{2024-03-11}, and the plane is named for ⟦7/8/07⟧{2007-07-08}.'],
  ['a range of days is an interval', null, 'The meeting was held in Doha on ⟦February 18-19, 2024⟧{2024-02-18/2024-02-19}.'],
  ['a range of days before the month', null, 'It ran ⟦18-19 February 2024⟧{2024-02-18/2024-02-19}.'],
  ['a range of years', null, 'Production will start by ⟦2010-11⟧{2010/2011}.'],
  ['modifiers are kept', '2024-03-11', 'In ⟦late-December 2023⟧{2023-12 END}, and again in ⟦early 2024⟧{2024 START}, then ⟦mid-November⟧{2023-11 MID}.'],
  ['decades and centuries', null, 'Since ⟦the early 1990s⟧{199 START} and in ⟦the 19th century⟧{18}.'],
  ['quarters, halves, seasons', '2007-01-18', 'Profits rose in ⟦the fourth quarter of 2006⟧{2006-Q4}, in ⟦the last quarter⟧{2006-Q4}, in ⟦the first half of 2006⟧{2006-H1} and in ⟦the summer of 2005⟧{2005-SU}.'],
  ['a holiday', '2007-01-18', 'Sales were strong over ⟦Christmas⟧{2006-12-25}.'],
  ['financial quarters and halves', '2009-05-06', 'Ford reported a ⟦third-quarter⟧{2008-Q3} loss, fell in ⟦the fourth quarter of last year⟧{2008-Q4} and will rise in ⟦the second half of the year⟧{2009-H2}; a fourth quarter touchdown.'],
  ['a modifier on a relative year', '2009-05-06', 'GM said ⟦early next year⟧{2010 START} it will cut jobs, after ⟦late 2008⟧{2008 END}.'],
  // years among numbers
  ['numbers that are not years', null, 'Some 2000 people, US$2000, Flight 1549, Resolution 1373, 1,500 to 2,000 jobs, a force of 1500 men, 2000 km and 15-20% gains; but the ⟦1967⟧{1967} killings, the war of ⟦1812⟧{1812}, in ⟦2008⟧{2008} prices rose and ⟦1991⟧{1991}.'],
  ['years from and to', '2007-06-09', 'It will receive aircraft from ⟦2009⟧{2009} to ⟦2011⟧{2011}, then between ⟦2014⟧{2014} and ⟦2016⟧{2016}.'],
  ['a year in a name', null, 'Jobs gave the keynote at WWDC ⟦2005⟧{2005}.'],
  ['a code is not a year', null, 'Microsoft patched CVE - 2013 - 3893 in all versions.'],
  ['an index is not a year', null, 'The Russell 2000 fell, and in ⟦May⟧{XXXX-05} 2000 people marched.'],
  // not dates
  ['9/11 names an event, may is a verb', '2024-11-25', 'The world can witness another 9/11. The Taliban may deny it, and Moscow may not be first.'],
  ['May the month needs a date or a preposition', '2024-11-25', 'May we ask? The talks ended in ⟦May⟧{2024-05}; ⟦May 2008⟧{2008-05} was earlier.'],
  ['names that look like dates', null, 'April Smith wrote in the Sunday Times and China Daily; Good Friday came.'],
  ['ordinals and fractions are not durations', null, 'A second A380 landed, and a quarter of the votes were cast.'],
  ['ages are not durations', null, 'The 56-year-old and a 59 - year old man were aged 55.'],
  // without a year: the most recent occurrence up to the document date, or the next one in the future
  ['month-day in the past', '2024-11-25', 'The attack on ⟦March 22⟧{2024-03-22} claimed 144 lives; Ashurov was captured on ⟦April 16⟧{2024-04-16}.'],
  ['month-day before January', '2010-01-25', 'The plane made its maiden flight on ⟦11 December⟧{2009-12-11}.'],
  ['February 29 finds a leap year', '2008-07-02', 'The Air Force selected Northrop on ⟦February 29⟧{2008-02-29}.'],
  ['a month alone', '2009-07-30', 'The jet crashed into the Atlantic Ocean in ⟦June⟧{2009-06}.'],
  ['the future moves forward', '2005-11-05', 'The plane will arrive on ⟦November 11⟧{2005-11-11}; the visit will be rescheduled for ⟦November 17⟧{2005-11-17}.'],
  ['scheduled and slated', '2010-06-16', 'It is slated for a U.S. release on ⟦June 24⟧{2010-06-24}; the event is to be held on ⟦October 12⟧{2010-10-12}.'],
  ['last and next with a month', '2007-09-01', 'The airport opened ⟦last September⟧{2006-09} and the line opens ⟦next March⟧{2008-03}.'],
  ['no document date: the year stays unknown', null, 'The attack on ⟦March 22⟧{XXXX-03-22} came in ⟦March⟧{XXXX-03}, after the talks of ⟦mid-November⟧{XXXX-11 MID}.'],
  // weekdays
  ['weekdays in the past', '2009-12-16', 'The Dreamliner made its first flight ⟦Tuesday⟧{2009-12-15}; the airline stated on ⟦Wednesday⟧{2009-12-16} that it agreed.'],
  ['weekdays in the future', '2006-03-28', 'The trial is set to begin on ⟦Wednesday⟧{2006-03-29}.'],
  ['last and next weekdays', '2024-03-11', 'They met ⟦last Monday⟧{2024-03-04} and will meet ⟦next Friday⟧{2024-03-15}.'],
  ['a weekday without a document date', null, 'The ministry announced on ⟦Friday⟧{XXXX-WXX-5} that the decision was taken.'],
  ['a weekday with a date', null, 'It opened on ⟦Friday, March 8, 2024⟧{2024-03-08}.'],
  // deictic
  ['deictic days', '2010-06-08', '⟦Yesterday⟧{2010-06-07}, Jobs spoke; shares rise ⟦today⟧{2010-06-08} and ⟦tomorrow⟧{2010-06-09}.'],
  ['deictic weeks, months, years', '2004-11-24', 'He spoke ⟦last week⟧{2004-W47}, expects a vote ⟦next month⟧{2004-12} and a deal ⟦this calendar year⟧{2004}; it failed ⟦last year⟧{2003}.'],
  ['ISO weeks', '2006-03-28', 'A lawsuit was filed ⟦this week⟧{2006-W13}.'],
  ['this weekend in a past sentence is the one just gone', '2010-01-25', 'It became public ⟦this weekend⟧{2010-W03-WE}.'],
  ['earlier and later this year', '2005-06-13', 'It reported profits ⟦earlier this year⟧{2005} and will deliver ⟦later this year⟧{2005}.'],
  ['the end of the month', '2010-01-25', 'A decision will be made before ⟦the end of the month⟧{2010-01 END}.'],
  ['the weekend', '2010-01-25', 'The knee was examined over ⟦the weekend⟧{2010-W03-WE}.'],
  ['parts of the day are times', '2008-01-09', 'Apple announced ⟦this morning⟧{TIME 2008-01-09TMO} what it said ⟦last night⟧{TIME 2008-01-08TNI} and on ⟦Friday morning⟧{TIME 2008-01-04TMO}.'],
  ['without a document date, today is the present', null, 'Its crimes continue ⟦today⟧{PRESENT_REF}; ⟦yesterday⟧{XXXX-XX-XX} it spoke.'],
  // anaphoric
  ['the next day counts from the date before it', null, 'On ⟦March 5, 2024⟧{2024-03-05}, they met. Ufuq News published ⟦the next day⟧{2024-03-06} an article.'],
  ['a date naming an event is not where the story stands', null, 'On ⟦March 5, 2024⟧{2024-03-05}, ⟦weeks⟧{PXW} before the ⟦March 22, 2024⟧{2024-03-22} attack, they met.\nThe paper published ⟦the next day⟧{2024-03-06} an article.'],
  ['that year, the following year, N days later', null, 'He founded it in ⟦1976⟧{1976}; ⟦the following year⟧{1977} it grew and ⟦that year⟧{1977} it sold. On ⟦May 2, 2001⟧{2001-05-02} it opened; ⟦three days later⟧{2001-05-05} it closed.'],
  ['anaphora with nothing before them and no document date', null, 'It closed ⟦the next day⟧{XXXX-XX-XX}.'],
  ['anaphora without a date before them use the document date', '2024-03-11', 'It closed ⟦the next day⟧{2024-03-12}.'],
  // vague
  ['vague references', '2024-03-11', '⟦Recently⟧{PAST_REF}, he ⟦recently⟧{PAST_REF} said so; ties will grow in ⟦the coming months⟧{FUTURE_REF}; Russia ⟦now⟧{PRESENT_REF} and ⟦currently⟧{PRESENT_REF} agrees, as in ⟦the past⟧{PAST_REF} and in ⟦recent years⟧{PAST_REF}.'],
  ['now in a compound or a conjunction', null, 'The now-cancelled deal failed now that it ended.'],
  // durations
  ['hyphenated durations', null, 'The ⟦20-year⟧{DURATION P20Y} war, a ⟦fifty-year⟧{P50Y} life, a ⟦12-hour⟧{PT12H} flight, a ⟦daylong⟧{P1D} visit, a ⟦decades-long⟧{PXY} dispute.'],
  ['counted durations', null, 'It took ⟦two years⟧{DURATION P2Y}, ⟦almost two and a half years⟧{P2.5Y}, ⟦18 months⟧{P18M}, ⟦thirty minutes⟧{PT30M}, ⟦several years⟧{PXY}, ⟦a week⟧{P1W} and ⟦half an hour⟧{PT30M}.'],
  ['durations with a determiner', null, 'Cuts over ⟦the next four years⟧{P4Y}, the largest in ⟦the past decade⟧{P10Y}, ⟦over the years⟧{PXY}.'],
  ['ago keeps the duration', '2008-05-24', 'Development, begun ⟦two years⟧{DURATION P2Y} ago, was pushed back.'],
  ['vague durations after a preposition', null, '⟦Weeks⟧{PXW} before the attack, within ⟦hours⟧{PTXH}, and for ⟦years⟧{PXY}; in after hours trading.'],
  ['less than a year', null, 'Kyrgyzstan, in ⟦less than a year⟧{P1Y}, followed.'],
  // sets
  ['sets', null, 'We see ⟦daily⟧{SET P1D} attacks, ⟦weekly⟧{P1W} talks, an ⟦annual⟧{P1Y} report, 15 ⟦a year⟧{SET P1Y}, ⟦every day⟧{P1D}, ⟦every Monday⟧{XXXX-WXX-1}.'],
  // times
  ['clock times take the day their sentence names', '2009-12-16', 'It flew ⟦Tuesday⟧{2009-12-15} at ⟦18:00 UTC⟧{TIME 2009-12-15T18:00Z}.'],
  ['clock times take the document date', '2005-04-27', 'The take-off, at ⟦08:30 UTC⟧{2005-04-27T08:30Z}, was normal; it left at ⟦3 p.m.⟧{2005-04-27T15:00} and at ⟦0800 GMT⟧{2005-04-27T08:00Z}.'],
  ['a ratio is not a time', null, 'It was 1.83 and 2 GHz, won 3:1.'],
];

for (const [name, dct, marked] of cases) test(`dates: ${name}`, () => check(marked, dct));

/** Every match of a scanner, tried at every position of the text (not only where the last ended). */
function matchesAnywhere(scanner: RegExp, text: string): string[] {
  const out: string[] = [];
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    out.push(`${m.index}: ${m.join('|')}`);
    scanner.lastIndex = m.index + 1;
  }
  return out;
}

/** The scanner skips "the", "a", "that" … before words no family continues them with: it finds what it finds without skipping. */
function checkGuards(text: string, finds: boolean): void {
  const expected = matchesAnywhere(unguardedScanner(), text);
  assert.equal(expected.length > 0, finds, `${text}: ${expected.join(', ')}`);
  assert.deepEqual(matchesAnywhere(TIMEX_SCANNER, text), expected, text);
}

const GUARDED: Array<[string, boolean]> = [
  ['on the 5th of March', true], ['in the early 1990s', true], ["in the '90s", true], ['the 19th century', true], ['The mid-1990s', true],
  ['by the very end of the year', true], ['the beginning of March', true], ['the next day', true], ['The following week', true],
  ['the same month', true], ['over the weekend', true], ['the first quarter of 2024', true], ['the final quarter', true],
  ['the second half of 2023', true], ['the summer of 2023', true], ['the day before yesterday', true], ['in the near future', true],
  ['in the past', true], ['the next four years', true], ['the initial six months', true], ['the late 2000s', true],
  ['a year', true], ['An hour', true], ['a few days', true], ['a couple of weeks', true], ['a hundred years', true], ['a dozen-year', true],
  ['15 a year', true], ['an hour-long', true], ['a decade', true], ['a century', true], ['a fortnight', true],
  ['that day', true], ['That calendar year', true], ['that morning', true], ['this week', true], ['this May', true], ['This Friday', true],
  ['this fiscal year', true], ['this autumn', true], ['this Sept. 5', true], ['New Year’s Day', true], ['at present', true],
  ['at the moment', true], ['at least two years', true], ['at most three days', true],
  ['the man and a dog, that is this one: new rules at home', false],
];

for (const [text, finds] of GUARDED) test(`dates: the scanner's guards keep "${text}"`, () => checkGuards(text, finds));

test("dates: the scanner's guards keep every expression of the seeds", () => {
  for (const f of readdirSync('seeds').filter((f) => f.endsWith('.txt'))) checkGuards(readFileSync(path.join('seeds', f), 'utf8'), true);
});

test('dates: each value says how it was reached', () => {
  const text = 'On March 5, 2024, they met. The paper published the next day an article. The attack on March 22 claimed lives.';
  const [explicit, next, yearless] = findTimex(text, { dct: '2024-11-25' });
  assert.deepEqual(explicit.resolution, { anchor: 'explicit', reason: 'day, month and year as written' });
  assert.deepEqual(next.resolution, { anchor: 'previous-date', anchorValue: '2024-03-05', reason: 'the day after 2024-03-05, the date mentioned before it' });
  assert.equal(yearless.resolution.anchor, 'dct');
  assert.equal(yearless.resolution.anchorValue, '2024-11-25');
  assert.match(yearless.resolution.reason, /year from the document date 2024-11-25/);
  const [unknown] = findTimex('The attack on March 22 claimed lives.', { dct: null });
  assert.deepEqual(unknown.resolution, { anchor: 'none', reason: 'no document date: the year stays unknown' });
});

test('dates: the weekday of a full date', () => {
  assert.equal(weekdayOf('2024-03-05'), 'Tuesday');
  assert.equal(weekdayOf('2009-12-15T18:00Z'), 'Tuesday');
  assert.equal(weekdayOf('2000-02-29'), 'Tuesday');
  assert.equal(weekdayOf('1970-01-01'), 'Thursday');
  for (const v of ['2024-03', '2024', 'XXXX-03-05', 'P1D', '2023-02-29', null]) assert.equal(weekdayOf(v), null);
});

test('dates: analyzeDocument anchors on its own document date', () => {
  const a = analyzeDocument('November 25, 2024\nThe attack on March 22 claimed lives. In 2022, talks failed.', { path: 'x.txt' });
  assert.equal(a.dct, '2024-11-25');
  assert.deepEqual(a.timex.map((t) => `${t.text}=${t.value}`), ['November 25, 2024=2024-11-25', 'March 22=2024-03-22', '2022=2022']);
  const b = analyzeDocument('The attack on March 22 claimed lives.', { path: 'x.txt', metadata: { date: '2024-11-25' } });
  assert.equal(b.timex[0].value, '2024-03-22');
});

test('dates: a bracketed year that is a footnote label is no date', () => {
  const a = analyzeDocument('It happened in 2003.[2003]\n\n[2003] A note.', { path: 'x.txt' });
  assert.deepEqual(a.timex.map((t) => t.text), ['2003']);
  assert.equal(a.timex[0].start, 15);
});

test('dates: any text gives an answer (empty, binary-looking, lone surrogates, huge)', () => {
  const texts = ['', '\u0000\u0001 March 5', 'A \uD800 May 5, 2024 \uDC00', '9'.repeat(5000), 'March '.repeat(5000), '2024-'.repeat(2000), 'the next '.repeat(3000) + 'day', '\r\nJune 5,\r\n2024\r\n'];
  for (const text of texts) {
    for (const dct of [null, '2024-03-11', 'not a date', '2024-02-30']) {
      const found = findTimex(text, { dct });
      let end = 0;
      for (const t of found) {
        assert.ok(t.start >= end && t.end <= text.length && t.start < t.end, `${JSON.stringify(t)} in ${JSON.stringify(text.slice(0, 40))}`);
        assert.equal(t.text, text.slice(t.start, t.end));
        assert.ok(t.value.length > 0);
        end = t.end;
      }
    }
  }
});
