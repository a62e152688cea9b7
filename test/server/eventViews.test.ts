// The Events view's tree and the timeline's windows as the server answers them: years, months and
// the undated at each level, filtered by entity and document, a page at a time with the page size
// kept within bounds; the timeline's lanes (participants by name, documents by title, a lane for
// events with neither) and each event's line of detail; lanes named again when a document's title
// or an entity's name changes with the same events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Corpus, type CorpusEvent, type EntityNameAnnotation } from '../../src/core/index.js';
import type { EventTreeLevel, EventTreeParams, TimelineParams } from '../../src/protocol.js';
import { EventViews } from '../../src/server/eventViews.js';
import { ATTACK_2023, CONVOY, eventCorpus, MEETING, retitle, SUMMIT } from './eventCorpus.js';

/** The views over the corpus, each event summarised by its id alone (summaries are eventSummary's, tested on their own). */
function views(corpus: Corpus): EventViews {
  return new EventViews(corpus, (e: CorpusEvent, brief: boolean) => ({ id: brief ? e.id : `${e.id} (full)` }) as unknown as EventTreeLevel['events'][number]);
}

/** A level as `key label count` per group, then the ids of its events, then the group's total. */
function checkTree(params: EventTreeParams | undefined, groups: string[], events: string[] = [], total = 0): void {
  const level = views(eventCorpus()).eventTree(params);
  assert.deepEqual({
    groups: level.groups.map((g) => `${g.key} ${g.label} ${g.count}`),
    events: level.events.map((e) => e.id),
    total: level.total,
    joining: level.joining,
  }, { groups, events, total, joining: false });
}

const trees: Array<[string, EventTreeParams | undefined, string[], string[]?, number?]> = [
  ['the top: years in order, the undated last', undefined, ['2023 2023 1', '2024 2024 2', 'undated Undated 1']],
  ['a year: its months', { group: '2024' }, ['2024-03 March 2']],
  ['a year with events dated to the year only: those', { group: '2023' }, [], [ATTACK_2023], 1],
  ['a month: its events in date order (the briefs)', { group: '2024-03' }, [], [MEETING, CONVOY], 2],
  ['the undated', { group: 'undated' }, [], [SUMMIT], 1],
  ['a year with nothing in it', { group: '1999' }, [], [], 0],
  ['a page from an offset', { group: '2024-03', offset: 1, limit: 1 }, [], [CONVOY], 2],
  ['a page size of 0 is one event', { group: '2024-03', limit: 0 }, [], [MEETING], 2],
  ['an offset before the start is the start', { group: '2024-03', offset: -4, limit: 1.9 }, [], [MEETING], 2],
  ['an entity\'s events', { entity: 'person:dmitry-zhirnov' }, ['2024 2024 1']],
  ['an entity\'s events in one document', { entity: 'person:dmitry-zhirnov', uri: 'file:///c/d.txt', group: '2024-03' }, [], [MEETING], 1],
  ['an entity\'s events in a document that reports none of them', { entity: 'person:dmitry-zhirnov', uri: 'file:///c/e.txt' }, []],
  ['a document\'s events', { uri: 'file:///c/f.txt' }, ['undated Undated 1']],
  ['an unknown entity', { entity: 'person:nobody' }, []],
];

for (const [name, params, groups, events, total] of trees) test(`event views: tree: ${name}`, () => checkTree(params, groups, events, total));

test('event views: a page of at most 1000 events', () => {
  const corpus = eventCorpus();
  const many = Array.from({ length: 1200 }, (_, k) => ({ ...corpus.events()[0]!, id: `e${k}`, date: null }));
  const stub = { eventsJoined: true, events: () => many, eventsOf: () => [], eventsIn: () => [] } as unknown as Corpus;
  assert.deepEqual([views(stub).eventTree({ group: 'undated', limit: 5000 }).events.length, views(stub).eventTree({ group: 'undated' }).events.length], [1000, 200]);
});

/** The window's lanes (label, count), its events (id, detail, lanes by label), and the undated listed below (id, detail). */
function checkTimeline(corpus: Corpus, eventViews: EventViews, params: TimelineParams, expected: { lanes: string[]; events: string[]; undated: string[] }): void {
  const answer = eventViews.timelineWindow(params);
  assert.deepEqual({
    lanes: answer.lanes.map((l) => `${l.label} (${l.detail}) ${l.count}`),
    events: answer.events.map((e) => `${e.id}: ${e.detail} [${e.lanes.map((k) => answer.lanes[k]!.label).join(', ')}]`),
    undated: answer.undatedEvents.map((e) => `${e.id}: ${e.detail}`),
  }, expected);
  assert.equal(answer.joining, !corpus.eventsJoined);
}

const DETAIL = {
  attack: `${ATTACK_2023}: Attack · 1 document: Talks · Taliban`,
  meeting: `${MEETING}: Meeting · 2 documents, first Envoy in Kabul (2024-03-05) · Dmitry Zhirnov, Sirajuddin Haqqani`,
  convoy: `${CONVOY}: Attack · 1 document: Convoy`,
  summit: `${SUMMIT}: Meeting · 1 document: Summit · Vladimir Putin, Xi Jinping, Narendra Modi +1`,
};

const timelines: Array<[string, TimelineParams, (corpus: Corpus) => void, { lanes: string[]; events: string[]; undated: string[] }]> = [
  ['lanes by participant; an event with none on a lane of its own', { lanes: 'participant' }, () => undefined, {
    lanes: ['Dmitry Zhirnov (PERSON) 1', 'No participant (Events whose participants were not recognised) 1', 'Sirajuddin Haqqani (PERSON) 1', 'Taliban (ORG) 1'],
    events: [
      `${DETAIL.attack} [Taliban]`,
      `${DETAIL.meeting} [Dmitry Zhirnov, Sirajuddin Haqqani]`,
      `${DETAIL.convoy} [No participant]`,
    ],
    undated: [DETAIL.summit],
  }],
  ['lanes by document: one per document reporting the event, the file name decoded beside the title', { lanes: 'document' }, () => undefined, {
    lanes: ['Convoy (e.txt) 1', 'Envoy in Kabul (a.txt) 1', 'Kabul talks (d.txt) 1', 'Talks (b two.txt) 1'],
    events: [`${DETAIL.attack} [Talks]`, `${DETAIL.meeting} [Envoy in Kabul, Kabul talks]`, `${DETAIL.convoy} [Convoy]`],
    undated: [DETAIL.summit],
  }],
  ['an unknown lane mode is by participant', { lanes: 'nonsense' as 'document' }, () => undefined, {
    lanes: ['Dmitry Zhirnov (PERSON) 1', 'No participant (Events whose participants were not recognised) 1', 'Sirajuddin Haqqani (PERSON) 1', 'Taliban (ORG) 1'],
    events: [`${DETAIL.attack} [Taliban]`, `${DETAIL.meeting} [Dmitry Zhirnov, Sirajuddin Haqqani]`, `${DETAIL.convoy} [No participant]`],
    undated: [DETAIL.summit],
  }],
  ['a document retitled with the same events: its lane and the details follow', { lanes: 'document' }, (c) => retitle(c, 'file:///c/a.txt', 'Envoy in Kabul, retitled'), {
    lanes: ['Convoy (e.txt) 1', 'Envoy in Kabul, retitled (a.txt) 1', 'Kabul talks (d.txt) 1', 'Talks (b two.txt) 1'],
    events: [`${DETAIL.attack} [Talks]`, `${DETAIL.meeting.replace('first Envoy in Kabul', 'first Envoy in Kabul, retitled')} [Envoy in Kabul, retitled, Kabul talks]`, `${DETAIL.convoy} [Convoy]`],
    undated: [DETAIL.summit],
  }],
  ['an entity renamed: its lane and the details follow', { lanes: 'participant' }, (c) => rename(c, 'org:taliban', 'The Taliban movement'), {
    lanes: ['Dmitry Zhirnov (PERSON) 1', 'No participant (Events whose participants were not recognised) 1', 'Sirajuddin Haqqani (PERSON) 1', 'The Taliban movement (ORG) 1'],
    events: [`${DETAIL.attack.replace('· Taliban', '· The Taliban movement')} [The Taliban movement]`, `${DETAIL.meeting} [Dmitry Zhirnov, Sirajuddin Haqqani]`, `${DETAIL.convoy} [No participant]`],
    undated: [DETAIL.summit],
  }],
];

function rename(corpus: Corpus, entity: string, name: string): void {
  const decision: EntityNameAnnotation = { id: 'n1', document: '*', source: 'user', created: '2024-01-01T00:00:00Z', kind: 'entity-name', entity, name };
  corpus.setAnnotations(new Map(), [], [decision]);
}

for (const [name, params, change, expected] of timelines) {
  test(`event views: timeline: ${name}`, () => {
    const corpus = eventCorpus();
    const eventViews = views(corpus);
    // Asked once before the change, so that what the views keep between requests is put to the test.
    eventViews.timelineWindow(params);
    change(corpus);
    checkTimeline(corpus, eventViews, params, expected);
  });
}

test('event views: timeline: a document retitled while a large change waits to be linked: its lane follows (same events, same links)', () => {
  const corpus = eventCorpus();
  corpus.events();
  corpus.deferLargeChanges = true;
  const large = `March 1, 2024\n\nLarge\n\n${'Dmitry Zhirnov met Sirajuddin Haqqani in Kabul. '.repeat(5000)}`;
  corpus.update('file:///c/large.txt', large, analyzeDocument(large, { path: 'file:///c/large.txt' }));
  const eventViews = views(corpus);
  eventViews.timelineWindow({ lanes: 'document' });
  const [events, links] = [corpus.events(), corpus.linked()];
  retitle(corpus, 'file:///c/a.txt', 'Envoy in Kabul, retitled');
  assert.ok(corpus.events() === events && corpus.linked() === links, 'the events and links from before the large change');
  assert.deepEqual(eventViews.timelineWindow({ lanes: 'document' }).lanes.map((l) => l.label), ['Convoy', 'Envoy in Kabul, retitled', 'Kabul talks', 'Talks']);
});

test('event views: the timeline\'s index is built ahead in steps, and due again once the events change', () => {
  const corpus = eventCorpus();
  const eventViews = views(corpus);
  assert.equal(eventViews.timelineDue(), true);
  let steps = 0;
  while (!eventViews.timelineStep()) assert.ok(++steps < 1000, 'the index gets built');
  assert.equal(eventViews.timelineDue(), false);
  corpus.remove('file:///c/f.txt');
  assert.equal(eventViews.timelineDue(), true);
});
