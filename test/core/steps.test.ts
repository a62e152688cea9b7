// Catching up a step at a time (issue #14): a long document opened beside the seeds is linked and
// joined in steps whose work is bounded by count, not by the clock, whatever the size of one entity
// or event or the length of a list; and the steps give what applying at once gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinker, LINK_STEP_WEIGHT, type LinkInput } from '../../src/core/index.js';
import { IncrementalJoiner, JOIN_STEP_WEIGHT, reportChange, type ReportChange } from '../../src/core/events/incrementalJoin.js';
import { mergeSorted, SORT_RUN, sortSteps, StepMeter } from '../../src/core/corpus/stepMeter.js';
import { splitIntoUnits } from '../../src/core/corpus/units.js';
import { CAP, STORY_STEP_WEIGHT, StoryJoin } from '../../src/core/events/storyJoin.js';
import { createWorld, generateCorpus, generateLongDocument } from '../support/corpusGenerator.js';
import { cachedAnalysis } from './cachedAnalysis.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const docs = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: readFileSync(path.join(seedsDir, f), 'utf8') }));
// Generated articles of one world, many telling the same happenings: entities and events of
// hundreds of mentions, and a year of thousands of reports.
docs.push({ path: 'dump.txt', text: generateLongDocument(createWorld(3, 200), 200, 600 * 1024) });
const analysed = docs.map((d) => ({ ...d, analysis: cachedAnalysis(d.path, d.text) }));

/** Each document's mentions by unit (a long one's passages), as the linking stage gives them. */
const linkInputs: LinkInput[] = analysed.flatMap((d) =>
  splitIntoUnits(d.path, d.analysis.passages, d.analysis.entities).map((u) => ({ path: u.key, document: d.path, mentions: u.items })));

/** Takes every step; returns how many there were. */
function stepsOf(steps: Generator<void, void>): number {
  let n = 0;
  while (!steps.next().done) n++;
  return n + 1;
}

test('steps: a meter ends a step when its size is reached and keeps the largest step', () => {
  const meter = new StepMeter(10);
  const full = [4, 4, 4, 30, 1].map((n) => meter.add(n));
  assert.deepEqual(full, [false, false, true, true, false]);
  meter.end();
  assert.equal(meter.largest, 30);
});

// Lists of [key, place]: sorted by key, in steps of a small meter, or merged; ties keep their places' order.
const sorts: Array<[string, Array<[number, number]>]> = [
  ['empty', []],
  ['short, sorted at once', [[3, 0], [1, 1], [3, 2], [2, 3], [1, 4]]],
  ['longer than a run, in runs merged', Array.from({ length: 2345 }, (_, k) => [(k * 7919) % 97, k])],
];

for (const [name, items] of sorts) {
  test(`steps: sortSteps sorts as a stable sort does, a step at a time: ${name}`, () => {
    const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
    const meter = new StepMeter(50);
    const steps = sortSteps([...items], byKey, meter, 1);
    let step = steps.next();
    let yields = 0;
    for (; !step.done; step = steps.next()) yields++;
    assert.deepEqual(step.value, [...items].sort(byKey));
    assert.ok(items.length < 100 || yields > 10, `${yields} steps`);
    // Two halves sorted, then merged: the first half's on a tie first.
    const half = Math.floor(items.length / 2);
    assert.deepEqual(mergeSorted(items.slice(0, half).sort(byKey), items.slice(half).sort(byKey), byKey), [...items].sort(byKey));
  });
}

test('steps: linking a long document beside the seeds takes a bounded count of work per step, and links as at once', () => {
  assert.ok(analysed[analysed.length - 1].analysis.passages!.length > 10, 'the long document has passages');
  const stepped = new IncrementalLinker();
  const steps = stepsOf(stepped.applySteps(linkInputs));
  const mentions = linkInputs.reduce((n, u) => n + u.mentions.length, 0);
  // No step took more than a step's size and the largest single item: a unit's mentions keyed.
  const largestUnit = Math.max(...linkInputs.map((u) => u.mentions.length));
  const item = LINK_STEP_WEIGHT.document + largestUnit * LINK_STEP_WEIGHT.keyed;
  assert.ok(stepped.meter.largest <= stepped.meter.size + item, `largest step ${stepped.meter.largest} (size ${stepped.meter.size}, largest unit ${largestUnit})`);
  // The work is counted: at least a step per step's size of mentions keyed.
  assert.ok(steps >= mentions / stepped.meter.size, `${steps} steps for ${mentions} mentions`);
  const atOnce = new IncrementalLinker().apply(linkInputs).result();
  const result = stepped.result();
  assert.deepEqual(result.entities.map((e) => [e.id, e.name, e.mentions.length]), atOnce.entities.map((e) => [e.id, e.name, e.mentions.length]));
});

test('steps: joining a long document beside the seeds takes a bounded count of work per step, and joins as at once', () => {
  const links = new IncrementalLinker().apply(linkInputs).result();
  const changes: ReportChange[] = analysed.flatMap((d) =>
    splitIntoUnits(d.path, d.analysis.passages, d.analysis.events).map((u) =>
      reportChange(u.key, { path: d.path, dct: d.analysis.dct, events: u.items, mentions: links.mentionsByPath.get(u.key) ?? [], text: d.text })));
  const stepped = new IncrementalJoiner();
  const steps = stepsOf(stepped.applySteps(changes, links.byId));
  const events = stepped.events();
  const mentions = events.reduce((n, e) => n + e.mentions.length, 0);
  // No step took more than a step's size and the largest single item: a unit's reports placed, or
  // an event described beside all its mentions.
  const largestEvent = Math.max(...events.map((e) => e.mentions.length));
  const largestUnit = Math.max(...changes.map((c) => c.reports!.length));
  assert.ok(largestEvent > 20, `an event of many mentions (${largestEvent})`);
  const w = JOIN_STEP_WEIGHT;
  const item = Math.max(largestUnit * w.report, w.event + largestEvent * (w.mention + 1));
  assert.ok(stepped.meter.largest <= stepped.meter.size + item, `largest step ${stepped.meter.largest} (size ${stepped.meter.size}, largest event ${largestEvent}, unit ${largestUnit})`);
  assert.ok(steps >= (2 * mentions) / stepped.meter.size, `${steps} steps for ${mentions} mentions described`);
  const atOnce = new IncrementalJoiner().apply(changes, links.byId).events();
  assert.deepEqual(events.map((e) => [e.id, e.title, e.mentions.length]), atOnce.map((e) => [e.id, e.title, e.mentions.length]));
});

// Generated articles of one world, many telling the same happenings: undated events of different
// documents that the learned scorer joins.
const manyArticles = () => generateCorpus({ docs: 300, seed: 4 }).documents.map((d) => ({ path: d.path, text: d.text, analysis: cachedAnalysis(d.path, d.text) }));

test('steps: the learned joins across many articles take a bounded count of work per step, and join as at once', () => {
  const articles = manyArticles();
  const links = new IncrementalLinker().apply(articles.map((d) => ({ path: d.path, document: d.path, mentions: d.analysis.entities }))).result();
  const changes = (): ReportChange[] => articles.map((d) =>
    reportChange(d.path, { path: d.path, dct: d.analysis.dct, events: d.analysis.events, mentions: links.mentionsByPath.get(d.path) ?? [], text: d.text }));
  const stepped = new IncrementalJoiner();
  stepsOf(stepped.applySteps(changes(), links.byId));
  const events = stepped.events();
  const joinedAcross = events.filter((e) => e.date === null && new Set(e.mentions.map((m) => m.path)).size > 1);
  assert.ok(joinedAcross.length >= 3, `undated events joined across documents (${joinedAcross.length})`);
  // No step took more than a step's size and the largest single item: an event described beside
  // all its mentions (a joined one too), a unit's reports placed, a key's events scored, or a run of
  // a sort (what sortSteps sorts at once).
  const w = JOIN_STEP_WEIGHT;
  const s = STORY_STEP_WEIGHT;
  const largestEvent = Math.max(...events.map((e) => e.mentions.length));
  const largestUnit = Math.max(...articles.map((d) => d.analysis.events.length));
  const sortRun = SORT_RUN * w.element * Math.log2(SORT_RUN + 1);
  const item = Math.max(largestUnit * w.report, w.event + largestEvent * (w.mention + 1), s.key + 2 * CAP * s.pair, s.event + largestEvent * s.mention, sortRun);
  assert.ok(stepped.meter.largest <= stepped.meter.size + item, `largest step ${stepped.meter.largest} (size ${stepped.meter.size}, largest item ${item})`);
  const atOnce = new IncrementalJoiner().apply(changes(), links.byId).events();
  assert.deepEqual(events.map((e) => [e.id, e.title, e.mentions.length]), atOnce.map((e) => [e.id, e.title, e.mentions.length]));
  // The learned joins alone, over every event: hundreds filed and pairs scored, in small steps.
  const meter = new StepMeter(100);
  const story = new StoryJoin();
  const storySteps = story.updateSteps([], events, links.byId, () => NaN, meter);
  let step = storySteps.next();
  let n = 1;
  for (; !step.done; n++) step = storySteps.next();
  story.commit(step.value, events, links.byId);
  meter.end();
  // An event filed reads its mentions and files it under a key per word and strong participant; a
  // key scores its undated and dated events (at most CAP each); a joined event is described.
  const largestFiled = Math.max(...events.map((e) => s.node + 2 * e.mentions.length + e.participants.length));
  const largestJoined = Math.max(...story.events().map((e) => e.mentions.length));
  const storyItem = Math.max(s.key + 2 * CAP * s.pair, largestFiled, s.event + largestJoined * s.mention);
  assert.ok(n > 10, `${n} steps`);
  assert.ok(meter.largest <= meter.size + storyItem, `largest step ${meter.largest} (size ${meter.size}, largest item ${storyItem})`);
  const whole = new StoryJoin();
  whole.update(events, [], events, links.byId);
  assert.deepEqual(story.events().map((e) => [e.id, e.mentions.length]), whole.events().map((e) => [e.id, e.mentions.length]));
});

test('steps: between the learned joins\' steps, the events are those from before the change', () => {
  const articles = manyArticles().slice(0, 120);
  const links = new IncrementalLinker().apply(articles.map((d) => ({ path: d.path, document: d.path, mentions: d.analysis.entities }))).result();
  const change = (d: (typeof articles)[number]) =>
    reportChange(d.path, { path: d.path, dct: d.analysis.dct, events: d.analysis.events, mentions: links.mentionsByPath.get(d.path) ?? [], text: d.text });
  const joiner = new IncrementalJoiner().apply(articles.slice(0, 60).map(change), links.byId);
  const before = joiner.events().map((e) => e.id);
  const beforeIn = articles.slice(0, 60).map((d) => joiner.eventsIn(d.path).map((e) => e.id));
  const steps = joiner.applySteps(articles.slice(60).map(change), links.byId);
  let n = 0;
  while (!steps.next().done) {
    n++;
    assert.deepEqual(joiner.events().map((e) => e.id), before, `events() after step ${n}`);
    assert.deepEqual(articles.slice(0, 60).map((d) => joiner.eventsIn(d.path).map((e) => e.id)), beforeIn, `eventsIn() after step ${n}`);
  }
  assert.notDeepEqual(joiner.events().map((e) => e.id), before);
});
