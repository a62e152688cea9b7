import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus } from '../../src/core/index.js';

/** Events of a corpus as "date kind: documents(trigger…)" lines, in the corpus's order. */
function eventsOf(texts: Record<string, string>, metadata: Record<string, string> = {}): string[] {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(texts)) {
    corpus.update(path, text, analyzeDocument(text, { path, metadata: metadata[path] ? { date: metadata[path] } : undefined }));
  }
  return corpus.events().map((e) => `${e.date ?? 'undated'} ${e.kind}: ${e.mentions.map((m) => `${m.path}(${m.trigger})`).join(' ')}`);
}

/** Each case: articles (with their dates), and the events that must come out, exactly. */
const cases: Array<[string, Record<string, string>, Record<string, string>, string[]]> = [
  ['two reports of one meeting join; a meeting on another date stays apart', {
    'a.txt': 'On March 5, 2024, Ambassador Pavel Orlov met Minister Karim Sadiqi in Herat.',
    'b.txt': 'Karim Sadiqi and Pavel Orlov met on March 5, 2024 to discuss trade.',
    'c.txt': 'Pavel Orlov met Karim Sadiqi again on April 9, 2024.',
  }, { 'a.txt': '2024-03-06', 'b.txt': '2024-03-07', 'c.txt': '2024-04-10' }, [
    '2024-03-05 meeting: a.txt(met) b.txt(met)',
    '2024-04-09 meeting: c.txt(met)',
  ]],
  ['a month-only report joins the day-precise one through an alias of the perpetrator', {
    'a.txt': 'The March 22, 2024 attack on the Varna Arena in Moscow was claimed by the Islamic State.',
    'b.txt': 'In March, a deadly attack claimed by Daesh near Moscow shocked the country.',
  }, { 'a.txt': '2024-03-25', 'b.txt': '2024-06-01' }, [
    '2024-03-22 attack: a.txt(attack) b.txt(attack)',
  ]],
  ['a date written before a trigger dates that trigger, not the sentence’s main verb', {
    'a.txt': 'On March 5, 2024, weeks before the March 22, 2024 attack on the Varna Arena in Moscow, Pavel Orlov met Karim Sadiqi in Herat.',
  }, { 'a.txt': '2024-03-11' }, [
    '2024-03-05 meeting: a.txt(met)',
    '2024-03-22 attack: a.txt(attack)',
  ]],
  ['undated reports in different documents join when the scorer finds one story (storyJoin.ts), else stay apart and come last', {
    'a.txt': 'Pavel Orlov met Karim Sadiqi in Herat.',
    'b.txt': 'Pavel Orlov met Karim Sadiqi in Herat.',
    'c.txt': 'Anna Weber met Jonas Berg in Lyon.',
  }, {}, [
    'undated meeting: a.txt(met) b.txt(met)',
    'undated meeting: c.txt(met)',
  ]],
  ['an undated report takes the date of the story another document tells, in its words and with its people', {
    'a.txt': 'Ambassador Pavel Orlov met Minister Karim Sadiqi in Herat on March 5, 2024 to discuss border security and trade.',
    'b.txt': 'Pavel Orlov met Karim Sadiqi in Herat, where the two discussed border security.',
  }, { 'a.txt': '2024-03-06', 'b.txt': '2024-03-20' }, [
    '2024-03-05 meeting: a.txt(met) b.txt(met)',
  ]],
  ['a withdrawal told with another verb, by the same doer, is the same story', {
    'a.txt': 'The Varna Corporation withdrew its troops from Kenya in August 2021 after a long war.',
    'b.txt': 'Since the Varna Corporation left Kenya, the country has been at peace.',
  }, { 'a.txt': '2023-01-06', 'b.txt': '2023-02-20' }, [
    '2021-08 withdrawal: a.txt(withdrew) b.txt(left)',
  ]],
  ['an undated report that two stories of other dates fit equally stays undated', {
    'a.txt': 'Pavel Orlov met Karim Sadiqi in Herat on March 5, 2024 to discuss border security.',
    'b.txt': 'Pavel Orlov met Karim Sadiqi in Herat to discuss border security.',
    'c.txt': 'Pavel Orlov met Karim Sadiqi in Herat on April 9, 2024 to discuss border security.',
  }, { 'a.txt': '2024-03-06', 'b.txt': '2024-05-20', 'c.txt': '2024-04-10' }, [
    '2024-03-05 meeting: a.txt(met)',
    '2024-04-09 meeting: c.txt(met)',
    'undated meeting: b.txt(met)',
  ]],
  ['a report does not borrow the date of a happening after its own document’s date', {
    'a.txt': 'Pavel Orlov met Karim Sadiqi in Herat on March 5, 2024 to discuss border security.',
    'b.txt': 'Pavel Orlov met Karim Sadiqi in Herat to discuss border security.',
  }, { 'a.txt': '2024-03-06', 'b.txt': '2023-05-20' }, [
    '2024-03-05 meeting: a.txt(met)',
    'undated meeting: b.txt(met)',
  ]],
  ['one side’s statements about one happening, paragraphs apart, are one statement; another party’s stays apart', {
    'a.txt': 'The Varna government’s Interior Ministry has announced a meeting of its minister Karim Sadiqi with Ambassador Pavel Orlov.\n'
      + 'The two men spoke for an hour about the border.\nSome analysts doubt it.\n'
      + 'The Varna spokesmen stated that the purpose of the meeting between Sadiqi and Orlov was to discuss trade.\n'
      + 'The World Bank stated that the meeting between Sadiqi and Orlov was a success.',
  }, {}, [
    'undated meeting: a.txt(meeting) a.txt(meeting) a.txt(meeting)',
    'undated statement: a.txt(announced) a.txt(stated)',
    'undated statement: a.txt(stated)',
  ]],
  ['a happening with nobody named is listed bare, once', {
    'a.txt': 'The meeting was long and the talks were hard.',
  }, {}, ['undated meeting: a.txt(meeting) a.txt(talks)']],
  ['a bare mention joins the happening of its kind the document names', {
    'a.txt': 'Ambassador Pavel Orlov was attacked in Herat on March 8, 2024.\nThe police came.\nWitnesses said shots were fired at the car.',
  }, { 'a.txt': '2024-03-09' }, ['2024-03-08 attack: a.txt(attacked) a.txt(fired)']],
  ['a fire and what it destroyed are one happening; the arson suspected is told bare', {
    'a.txt': 'A fire destroyed the Varna Bible Church on March 8, 2024.\nInvestigators suspect arson.\nThe fire burned for hours.',
  }, { 'a.txt': '2024-03-09' }, ['2024-03-08 disaster: a.txt(fire) a.txt(destroyed) a.txt(fire)', 'undated crime: a.txt(arson)']],
  ['one fire, nobody named, told paragraphs apart, is one event; a fire breaks out, nobody escapes', {
    'a.txt': 'A fire broke out in the night.\nNeighbours watched.\nThe firemen came.\nThe wind rose.\nThe fire burned until noon.',
  }, {}, ['undated disaster: a.txt(fire) a.txt(fire)']],
  ['a statement nobody makes is not another’s', {
    'a.txt': 'Minister Karim Sadiqi announced the plan.\nThe two men spoke for an hour.',
  }, {}, ['undated statement: a.txt(announced)']],
];

for (const [name, texts, dates, expected] of cases) test(`events: ${name}`, () => assert.deepEqual(eventsOf(texts, dates), expected));
