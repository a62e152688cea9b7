// An event as the views and other editors see it: participants and place by name, how many
// documents report it and which first (the earliest dated, by its own date), and, unless brief,
// each report with its sentence and where both stand (CRLF lines too); a report whose document has
// no text is left out. A document's title, or its file name decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/index.js';
import type { EventSummary } from '../../src/protocol.js';
import { documentTitle, eventSummary } from '../../src/server/eventSummary.js';
import { ATTACK_2023, CONVOY, eventCorpus, MEETING, SUMMIT, textDocumentOf } from './eventCorpus.js';

const A = 'file:///c/a.txt';
const D = 'file:///c/d.txt';
const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const person = (id: string, name: string) => ({ id: `person:${id}`, name, type: 'PERSON' as const });

const meetingMentions: EventSummary['mentions'] = [
  { uri: A, range: range(4, 21, 24), trigger: 'met', sentence: 'Envoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on Tuesday.', sentenceRange: range(4, 0, 64), documentTitle: 'Envoy in Kabul' },
  // The title reports it too; CRLF ends each line of this one.
  { uri: D, range: range(2, 6, 11), trigger: 'talks', sentence: 'Kabul talks', sentenceRange: range(2, 0, 11), documentTitle: 'Kabul talks' },
  { uri: D, range: range(4, 15, 18), trigger: 'met', sentence: 'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5.', sentenceRange: range(4, 0, 58), documentTitle: 'Kabul talks' },
];

const meeting: EventSummary = {
  id: MEETING, date: '2024-03-05', kind: 'meeting', title: 'Dmitry Zhirnov meets Sirajuddin Haqqani in Kabul',
  participants: [person('dmitry-zhirnov', 'Dmitry Zhirnov'), person('sirajuddin-haqqani', 'Sirajuddin Haqqani')],
  place: { id: 'place:kabul', name: 'Kabul', type: 'PLACE' },
  documents: 2, firstReport: { uri: A, title: 'Envoy in Kabul', date: '2024-03-05' },
  mentions: meetingMentions,
};

interface Case {
  event: string;
  brief?: boolean;
  /** The documents the requests can read (default: every one). */
  readable?: string[];
  expected: EventSummary;
}

function check({ event, brief, readable, expected }: Case): void {
  const corpus = eventCorpus();
  const all = textDocumentOf(corpus);
  const e = corpus.events().find((x) => x.id === event)!;
  assert.deepEqual(eventSummary(corpus, (uri) => (!readable || readable.includes(uri) ? all(uri) : undefined), e, brief), expected);
}

const cases: Array<[string, Case]> = [
  ['reported by two documents: every report, the earliest first', { event: MEETING, expected: meeting }],
  ['brief: no reports', { event: MEETING, brief: true, expected: { ...meeting, mentions: [] } }],
  ['a report in a document with no text is left out; the sources still count it', { event: MEETING, readable: [A], expected: { ...meeting, mentions: meetingMentions.slice(0, 1) } }],
  ['no participant, no place; its document dated after it', { event: CONVOY, brief: true, expected: {
    id: CONVOY, date: '2024-03-08', kind: 'attack', title: 'Attack', participants: [], place: null,
    documents: 1, firstReport: { uri: 'file:///c/e.txt', title: 'Convoy', date: '2024-03-09' }, mentions: [],
  } }],
  ['dated to a year, in an undated document with a file name to decode', { event: ATTACK_2023, brief: true, expected: {
    id: ATTACK_2023, date: '2023', kind: 'attack', title: 'Taliban attacks in Herat', participants: [{ id: 'org:taliban', name: 'Taliban', type: 'ORG' }],
    place: { id: 'place:herat', name: 'Herat', type: 'PLACE' }, documents: 1, firstReport: { uri: 'file:///c/b%20two.txt', title: 'Talks', date: null }, mentions: [],
  } }],
  ['undated, four participants: all of them', { event: SUMMIT, brief: true, expected: {
    id: SUMMIT, date: null, kind: 'meeting', title: 'Vladimir Putin meets Xi Jinping, Narendra Modi and Recep Erdogan in Moscow',
    participants: [person('vladimir-putin', 'Vladimir Putin'), person('xi-jinping', 'Xi Jinping'), person('narendra-modi', 'Narendra Modi'), person('recep-erdogan', 'Recep Erdogan')],
    place: { id: 'place:moscow', name: 'Moscow', type: 'PLACE' }, documents: 1, firstReport: { uri: 'file:///c/f.txt', title: 'Summit', date: '2022-06-02' }, mentions: [],
  } }],
];

for (const [name, c] of cases) test(`event summary: ${name}`, () => check(c));

test('event summary: a document\'s title, else its file name decoded', () => {
  const corpus = eventCorpus();
  corpus.update('file:///c/n%C3%A9ant.txt', '', analyzeDocument('', { path: 'file:///c/n%C3%A9ant.txt' }), [], true);
  assert.deepEqual(
    ['file:///c/a.txt', 'file:///c/b%20two.txt', 'file:///c/n%C3%A9ant.txt', 'file:///c/gone%20away.txt', 'no-slash'].map((p) => documentTitle(corpus, p)),
    ['Envoy in Kabul', 'Talks', 'néant.txt', 'gone away.txt', 'no-slash'],
  );
});
