// The learned joins of undated events across documents (storyJoin.ts): the shipped weights load and
// are what their checksum says; links depend on the pair alone, so any order of updates, additions
// and removals gives what one update of the final events gives; a word shared by too many events
// ties none of them (blocking keeps the work per event bounded); a pair is the same pair from
// either side (each is scored once, from the side found first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../src/core/index.js';
import type { CorpusEvent, CorpusEventMention } from '../../src/core/events/join.js';
import { compatible, KINDS, type EventKind } from '../../src/core/events/kinds.js';
import { canonical, contradicts, FEATURES, fnv1a, pairFeatures, shippedJoinModel, sketch } from '../../src/core/events/joinScorer.js';
import { JOIN_WEIGHTS } from '../../src/core/events/joinWeights.js';
import { CAP, MAX_DAYS_APART, pairable, StoryJoin } from '../../src/core/events/storyJoin.js';
import { generateCorpus } from '../support/corpusGenerator.js';
import { cachedAnalysis } from './cachedAnalysis.js';

function event(path: string, trigger: string, agent: string[], patient: string[], id = `event:${path}:${trigger}`): CorpusEvent {
  const m: CorpusEventMention = {
    path, start: 0, end: trigger.length, trigger, kind: 'meeting', sentence: { start: 0, end: 40 }, line: 0, date: null,
    participants: [...agent, ...patient], agent, patient, place: null, lemma: trigger, modality: 'actual',
    // Reports of one meeting told alike: the scorer reads the wording too.
    words: [trigger, 'talks', 'kabul'],
  };
  return { id, kind: 'meeting', date: null, title: trigger, participants: [...agent, ...patient], roles: { agent, patient }, place: null, lemma: trigger, modality: 'actual', mentions: [m] };
}

const entities = new Map(['p:orlov', 'p:sadiqi', 'p:weber', 'p:berg'].map((id) => [id, { id, type: 'PERSON', name: id } as never]));
const shown = (s: StoryJoin) => s.events().map((e) => `${e.id}: ${e.mentions.map((m) => m.path).join(' ')}`).sort();

test('storyJoin: the shipped weights have the features and the checksum they were written with', () => {
  const model = shippedJoinModel();
  assert.ok(model, 'the shipped join model loads');
  assert.deepEqual(model.features, [...FEATURES]);
  assert.equal(fnv1a(canonical(JOIN_WEIGHTS)), JOIN_WEIGHTS.checksum);
  assert.notEqual(fnv1a(canonical({ ...JOIN_WEIGHTS, threshold: JOIN_WEIGHTS.threshold + 0.01 })), JOIN_WEIGHTS.checksum);
});

const a = event('a.txt', 'met', ['p:orlov'], ['p:sadiqi']);
const b = event('b.txt', 'met', ['p:sadiqi'], ['p:orlov']);
const c = event('c.txt', 'met', ['p:weber'], ['p:berg']);
const d = event('d.txt', 'met', ['p:orlov'], ['p:sadiqi']);

const cases: Array<[string, CorpusEvent[][], string[]]> = [
  ['the same people and verb join; other people stay apart', [[a, b, c]], ['event:a.txt:met: a.txt b.txt', 'event:c.txt:met: c.txt']],
  ['added one at a time, in another order', [[c], [c, b], [c, b, a]], ['event:a.txt:met: a.txt b.txt', 'event:c.txt:met: c.txt']],
  ['a member removed leaves the others joined', [[a, b, d], [b, d]], ['event:b.txt:met: b.txt d.txt']],
  ['the last partner removed leaves the event alone', [[a, b], [a]], ['event:a.txt:met: a.txt']],
];

for (const [name, steps, expected] of cases) {
  test(`storyJoin: ${name}`, () => {
    const s = new StoryJoin();
    let before: CorpusEvent[] = [];
    for (const list of steps) {
      s.update(list, before.filter((e) => !list.includes(e)), list.filter((e) => !before.includes(e)), entities);
      before = list;
    }
    assert.deepEqual(shown(s), expected);
    const scratch = new StoryJoin();
    scratch.update(steps[steps.length - 1], [], steps[steps.length - 1], entities);
    assert.deepEqual(shown(s), shown(scratch));
  });
}

test('storyJoin: a key shared by more events than the cap ties none of them, and ties again below it', () => {
  // Nameless reports of one verb in many documents: only the shared word can tie them.
  const many = Array.from({ length: CAP + 1 }, (_, k) => event(`n${String(k).padStart(3, '0')}.txt`, 'met', [], []));
  const s = new StoryJoin();
  s.update(many, [], many, entities);
  assert.equal(s.events().length, CAP + 1);
  s.update(many.slice(0, 3), many.slice(3), [], entities);
  const below = s.events().length;
  const scratch = new StoryJoin();
  scratch.update(many.slice(0, 3), [], many.slice(0, 3), entities);
  assert.ok(below < 3, 'below the cap the word ties them again');
  assert.equal(below, scratch.events().length);
});

// The documents' dates: [a.txt, b.txt] (null: undated), and whether a and b (which join undated) still join.
const DAY = 86_400_000;
const dated: Array<[string, [string | null, string | null], boolean]> = [
  ['neither document dated', [null, null], true],
  ['one document dated', ['2024-03-01', null], true],
  ['dated a few days apart', ['2024-03-01', '2024-03-08'], true],
  [`dated ${MAX_DAYS_APART} days apart`, ['2024-03-01', new Date(Date.parse('2024-03-01') + MAX_DAYS_APART * DAY).toISOString().slice(0, 10)], true],
  [`dated more than ${MAX_DAYS_APART} days apart`, ['2024-03-01', new Date(Date.parse('2024-03-01') + (MAX_DAYS_APART + 1) * DAY).toISOString().slice(0, 10)], false],
  ['dated years apart', ['2021-03-01', '2024-03-01'], false],
];

for (const [name, [dctA, dctB], joined] of dated) {
  test(`storyJoin: documents ${name} ${joined ? 'join' : 'stay apart'}`, () => {
    const time = new Map([['a.txt', dctA], ['b.txt', dctB]].map(([p, d]) => [p!, d ? Date.parse(d) : NaN]));
    const s = new StoryJoin();
    s.update([a, b], [], [a, b], entities, [], (path) => time.get(path) ?? NaN);
    assert.deepEqual(shown(s), joined ? ['event:a.txt:met: a.txt b.txt'] : ['event:a.txt:met: a.txt', 'event:b.txt:met: b.txt']);
  });
}

/** An event of `path` the rules dated. */
const onDate = (e: CorpusEvent, date: string): CorpusEvent => ({ ...e, id: `${e.id}:${date}`, date, mentions: e.mentions.map((m) => ({ ...m, date })) });

// Events of a.txt, b.txt, d.txt (the same people and verb), some dated: what they make, and the date it takes.
const withDates: Array<[string, CorpusEvent[], string[], Array<string | null>]> = [
  ['an undated report joins a dated event and takes its date', [onDate(a, '2024-03-05'), b], ['event:a.txt:met:2024-03-05: a.txt b.txt'], ['2024-03-05']],
  ['two dated events are the scopes’ to join, not the scorer’s', [onDate(a, '2024-03-05'), onDate(b, '2024-03-05')], ['event:a.txt:met:2024-03-05: a.txt', 'event:b.txt:met:2024-03-05: b.txt'], ['2024-03-05', '2024-03-05']],
  ['dates that agree join through an undated report, the most precise kept', [onDate(a, '2024-03'), b, onDate(d, '2024-03-05')], ['event:a.txt:met:2024-03: a.txt b.txt d.txt'], ['2024-03-05']],
  ['dates that disagree stay apart, the report joining one of them', [onDate(a, '2024-03-05'), b, onDate(d, '2024-06-01')], ['event:a.txt:met:2024-03-05: a.txt b.txt', 'event:d.txt:met:2024-06-01: d.txt'], ['2024-03-05', '2024-06-01']],
];

for (const [name, list, expected, dates] of withDates) {
  test(`storyJoin: ${name}`, () => {
    const s = new StoryJoin();
    s.update(list, [], list, entities);
    assert.deepEqual(shown(s), expected);
    assert.deepEqual(s.events().map((e) => e.date).sort(), dates.sort());
    const reversed = new StoryJoin();
    for (const e of [...list].reverse()) reversed.update(list, [], [e], entities);
    assert.deepEqual(shown(reversed), expected);
  });
}

test('storyJoin: a key shared by more dated events than the cap ties no undated event to them, and does again below it', () => {
  const many = Array.from({ length: CAP + 1 }, (_, k) => onDate(event(`n${String(k).padStart(3, '0')}.txt`, 'met', [], []), '2024-03-05'));
  const report = event('u.txt', 'met', [], []);
  const s = new StoryJoin();
  s.update([...many, report], [], [...many, report], entities);
  assert.equal(s.events().length, CAP + 2);
  s.update([many[0], report], many.slice(1), [], entities);
  assert.deepEqual(shown(s), ['event:n000.txt:met:2024-03-05: n000.txt u.txt']);
});

test('storyJoin: a pair is the same from either side: kinds, what rules it out, its features', () => {
  // Kinds: compatible() reads one way (an invasion takes an attack, not the other way); a pair either way.
  const ofKind = (e: CorpusEvent, kind: EventKind) => ({ event: { ...e, kind }, paths: [e.mentions[0].path], dctTime: NaN, sketch: sketch({ ...e, kind }, entities) });
  const kinds = Object.keys(KINDS) as EventKind[];
  for (const x of kinds) {
    for (const y of kinds) {
      assert.equal(pairable(ofKind(a, x), ofKind(b, y)), pairable(ofKind(b, y), ofKind(a, x)), `${x}, ${y}`);
      assert.equal(pairable(ofKind(a, x), ofKind(b, y)), compatible(x, y) || compatible(y, x), `${x}, ${y}`);
    }
  }
  // The events of the seeds and of generated articles (some undated, some dated, of every kind they tell).
  const seedsDir = path.join(__dirname, '..', '..', 'seeds');
  const texts = [
    ...readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8')),
    ...generateCorpus({ docs: 30, seed: 3 }).documents.map((d) => d.text),
  ];
  const corpus = new Corpus();
  texts.forEach((text, k) => corpus.update(`doc${k}.txt`, text, cachedAnalysis(`doc${k}.txt`, text)));
  const events = corpus.events();
  assert.ok(events.length > 100 && events.some((e) => !e.date) && events.some((e) => e.date), 'dated and undated events');
  const byId = corpus.linked().byId;
  const sides = events.map((event) => ({ event, paths: [...new Set(event.mentions.map((m) => m.path))], dctTime: NaN, sketch: sketch(event, byId) }));
  let pairs = 0;
  for (const x of sides) {
    for (const y of sides) {
      assert.equal(contradicts(x.sketch, y.sketch), contradicts(y.sketch, x.sketch));
      assert.equal(pairable(x, y), pairable(y, x));
      // Exactly: the same features give the same probability, bit for bit.
      assert.deepEqual(pairFeatures(x.sketch, y.sketch), pairFeatures(y.sketch, x.sketch), `${x.event.id}, ${y.event.id}`);
      if (pairable(x, y)) pairs++;
    }
  }
  assert.ok(pairs > 100, 'pairs the scorer would score');
});
