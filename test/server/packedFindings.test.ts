// A passage's findings packed by the analysis thread and unpacked on the main thread are what the
// structured clone (postMessage of the objects, as before) gave: equal, with the same objects shared
// (an event's participants are mentions of the passage's list, not copies).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzePassages, planDocument, type EntityMention, type EventMention } from '../../src/core/index.js';
import { installNameModel } from '../../src/core/entities/model/index.js';
import { packFindings, unpackFindings, type Findings } from '../../src/server/packedFindings.js';
import { createWorld, generateLongDocument } from '../support/corpusGenerator.js';

before(() => {
  // With the model, mentions carry their confidence, as the analysis thread's do.
  assert.ok(installNameModel(() => readFileSync('models/names.model'), 'models/names.model').ok);
});

/** Packed, posted (the numbers transferred), unpacked: equal to the clone, sharing as the clone shares. */
function check(findings: Findings, what: string): void {
  const cloned = structuredClone(findings);
  const packed = packFindings(findings);
  const posted = structuredClone(packed, { transfer: [packed.numbers.buffer] });
  const got = unpackFindings(posted);
  assert.deepStrictEqual(got, cloned, what);
  assert.deepStrictEqual(references(got), references(cloned), `${what}: the objects events share`);
}

/** Where each object an event refers to stands among the objects seen so far (identity, not equality). */
function references({ entities, events }: Findings): number[] {
  const seen = new Map<object, number>(entities.map((m, k) => [m, k]));
  const at = (x: object | null) => {
    if (x === null) return -1;
    if (!seen.has(x)) seen.set(x, seen.size);
    return seen.get(x)!;
  };
  return events.flatMap((e: EventMention) => [at(e.sentence), ...[...e.agent, ...e.patient, ...e.participants, e.place].map(at), at(e.date)]);
}

const mention = (start: number, text: string, extra: Partial<EntityMention> = {}): EntityMention =>
  ({ start, end: start + text.length, text, type: 'PERSON', roles: [], sentence: 0, ...extra });

test('findings written by hand: optional fields, shared and outside objects, nulls', () => {
  const a = mention(0, 'Ali Haidari', { roles: [{ start: 12, end: 20, text: 'minister' }], confidence: 0.8125 });
  const b = mention(30, 'the GAO', { type: 'ORG', canonical: 'GAO', expansion: { start: 40, end: 70 } });
  const c = mention(80, 'Afghan', { type: 'NORP', country: 'Afghanistan' });
  const outside = mention(90, 'Kabul', { type: 'PLACE' });
  const sentence = { start: 0, end: 100 };
  const date = { start: 50, end: 60, value: '2024-03' };
  const event = (start: number, extra: Partial<EventMention>): EventMention => ({
    start, end: start + 3, kind: 'meeting' as EventMention['kind'], trigger: 'met', lemma: 'meet', sentence, sentenceIndex: 0, line: 0,
    happening: 0, agent: [], patient: [], participants: [], place: null, date: null, modality: 'actual', ...extra,
  });
  const cases: Array<[string, Findings]> = [
    ['nothing', { entities: [], timex: [], events: [], possibleNames: [] }],
    ['mentions alone', { entities: [a, b, c], timex: [], events: [], possibleNames: [] }],
    ['possible names', { entities: [a], timex: [], events: [], possibleNames: [{ start: 30, end: 42, type: 'ORG', confidence: 0.62 }, { start: 50, end: 55, type: 'PERSON', confidence: 0.875 }] }],
    ['dates with and without mod and anchor value', {
      entities: [], events: [], possibleNames: [],
      timex: [
        { start: 1, end: 5, text: '2024', type: 'DATE', value: '2024', resolution: { anchor: 'explicit', reason: 'written in full' } },
        { start: 9, end: 20, text: 'late March', type: 'DATE', value: '2024-03', mod: 'END', resolution: { anchor: 'dct', anchorValue: '2024-05-01', reason: 'year from the document date' } },
      ],
    }],
    ['events sharing mentions, a sentence and a date; a place outside the list', {
      entities: [a, b, c], timex: [], possibleNames: [],
      events: [
        event(13, { agent: [a], patient: [b], participants: [a, b], place: outside, date }),
        event(55, { agent: [b], participants: [b], place: outside, date, modality: 'planned' }),
        event(120, { sentence: { start: 100, end: 140 }, patient: [c], participants: [c], date: { start: 101, end: 105, value: '2024' } }),
      ],
    }],
  ];
  for (const [what, findings] of cases) check(findings, what);
});

test('the findings of real passages: the seeds and a generated long document', () => {
  const texts = readdirSync('seeds').map((f) => ({ path: f, text: readFileSync(path.join('seeds', f), 'utf8') }));
  texts.push({ path: 'dump.txt', text: generateLongDocument(createWorld(1, 200), 100, 200 * 1024) });
  let passages = 0;
  for (const { path: file, text } of texts) {
    for (const p of analyzePassages(planDocument(text, { path: file }))) {
      check({ entities: p.entities, timex: p.timex, events: p.events, possibleNames: p.possibleNames }, `${file} at ${p.start}`);
      passages++;
    }
  }
  assert.ok(passages > texts.length, `the long document has several passages (${passages} in all)`);
});
