// The seeds' events fixture and its scorer: the fixture anchors in the seeds as written, and the
// scorer's verdicts on a small hand-made tree, worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../../eval/datasets.js';
import { anchorSnippet, loadSeedEvents, scoreSeedEvents, type Happening, type SeedEvents, type TreeEvent } from '../../eval/seedEvents.js';

const root = repoRoot();

test('the seeds fixture anchors every snippet once and tells shared happenings alike', () => {
  const loaded = loadSeedEvents(root);
  assert.ok(!('absent' in loaded), 'fixture present');
  assert.deepEqual(loaded.errors, []);
  assert.equal(loaded.files, 5);
  assert.ok(loaded.happenings.filter((h) => !h.optional).length >= 30);
});

test('a snippet anchors its bracketed trigger, once', () => {
  const text = 'The meeting was held. Another meeting followed.';
  const cases: Array<[string, { start: number; end: number } | RegExp]> = [
    ['The ⟦meeting⟧ was', { start: 4, end: 11 }],
    ['Another ⟦meeting⟧', { start: 30, end: 37 }],
    ['⟦meeting⟧', /more than once/],
    ['The ⟦gathering⟧', /not in the text/],
    ['The meeting', /exactly one/],
  ];
  for (const [snippet, expected] of cases) {
    const got = anchorSnippet(text, snippet);
    if (expected instanceof RegExp) assert.match(String(got), expected, snippet);
    else assert.deepEqual(got, expected, snippet);
  }
});

// Two happenings of one document: a meeting of A and B (either way round) on 2024-03-05, and an
// arrest of C. "x" marks trigger offsets: the meeting at 0 and 10, the arrest at 20; 30 is neutral.
const span = (start: number) => ({ doc: 'd.txt', start, end: start + 5 });
const happening = (h: Partial<Happening> & Pick<Happening, 'id' | 'kind'>): Happening => ({
  date: null, dateAlso: [], agent: null, patient: null, symmetric: false, place: null, optional: false, triggers: [], docs: ['d.txt'], ...h,
});
const GOLD: SeedEvents = {
  happenings: [
    happening({ id: 'meeting', kind: ['meeting'], date: '2024-03-05', agent: ['A'], patient: ['B'], symmetric: true, place: ['Kabul'], triggers: [span(0), span(10)] }),
    happening({ id: 'arrest', kind: ['arrest'], patient: ['C'], triggers: [span(20)] }),
    happening({ id: 'aside', kind: ['statement'], agent: ['A'], optional: true, triggers: [span(40)] }),
  ],
  notHappenings: [],
  neutral: [{ ...span(30), why: 'either' }],
  errors: [],
  files: 1,
};
const NAMES = new Map([['a', ['A']], ['b', ['B']], ['c', ['C']], ['kabul', ['Kabul']], ['moscow', ['Moscow']]]);
const event = (e: Partial<TreeEvent> & Pick<TreeEvent, 'id' | 'kind'>, ...at: number[]): TreeEvent => ({
  date: null, title: e.id, agent: [], patient: [], place: null, ...e, mentions: at.map(span),
});

function check(tree: TreeEvent[], verdicts: string[], figures: Partial<ReturnType<typeof scoreSeedEvents>>): void {
  const s = scoreSeedEvents(GOLD, tree, (id) => NAMES.get(id) ?? []);
  assert.deepEqual(s.judged.map((j) => j.verdict), verdicts);
  for (const [k, v] of Object.entries(figures)) assert.deepEqual(s[k as keyof typeof s], v, k);
}

test('scoring: right, either way round, duplicate, not a happening, neutral', () => {
  check([
    event({ id: 'm', kind: 'meeting', date: '2024-03-05', agent: ['b'], patient: ['a'], place: 'kabul' }, 0, 10),
    event({ id: 'm2', kind: 'meeting', date: '2024-03-05', agent: ['a'], patient: ['b'] }, 10),
    event({ id: 'r', kind: 'arrest', patient: ['c'] }, 20),
    event({ id: 'x', kind: 'attack' }, 50),
    event({ id: 'n', kind: 'agreement' }, 30),
  ], ['right', 'duplicate', 'right', 'not a happening', 'neutral'], {
    events: 5, scored: 4, right: 2, duplicates: 1, duplicatesInDocument: 1, notHappenings: 1, neutral: 1, required: 2, found: 2, optionalFound: 0,
  });
});

test('scoring: wrong kind, date, roles; a side named twice is not two sides; optional found', () => {
  check([
    event({ id: 'm', kind: 'meeting', date: '2024-03', agent: ['a'], patient: ['b'] }, 0),
    event({ id: 'r', kind: 'killing', patient: ['c'] }, 20),
    event({ id: 's', kind: 'statement', agent: ['a'], place: 'moscow' }, 40),
  ], ['wrong date', 'wrong kind', 'wrong roles'], { right: 0, wrongKind: 1, wrongDate: 1, wrongRoles: 1, found: 2, optionalFound: 1 });
  check([event({ id: 'm', kind: 'meeting', date: '2024-03-05', agent: ['a'], patient: [] }, 0)], ['wrong roles'], { found: 1 });
  check([event({ id: 'r', kind: 'arrest', agent: ['a'], patient: ['c'] }, 20)], ['wrong roles'], {});
  check([event({ id: 'r', kind: 'arrest' }, 20)], ['wrong roles'], { missed: [GOLD.happenings[0]] });
});
