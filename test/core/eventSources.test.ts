// How many documents tell an event, and which told it first (src/core/events/sources.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSources, type CorpusEventMention } from '../../src/core/index.js';

/** `reports`: the documents of the event's mentions in corpus order; `dates`: each document's own date. */
function check(what: string, reports: string[], dates: Record<string, string | null>, expected: { documents: number; first: string }): void {
  const mentions = reports.map((path) => ({ path }) as CorpusEventMention);
  const got = eventSources({ mentions }, (path) => dates[path] ?? null);
  assert.deepEqual(got, { documents: expected.documents, first: { path: expected.first, date: dates[expected.first] ?? null } }, what);
}

test('the first report is the earliest document by its own date', () => {
  check('one document', ['a', 'a'], { a: '2024-03-05' }, { documents: 1, first: 'a' });
  check('a later document in corpus order told it earlier', ['a', 'b', 'c'], { a: '2024-03-07', b: '2024-03-05', c: '2024-03-06' }, { documents: 3, first: 'b' });
  check('same day: the corpus order decides', ['a', 'b'], { a: '2024-03-05', b: '2024-03-05' }, { documents: 2, first: 'a' });
  check('a month counts from its first day', ['a', 'b'], { a: '2024-03-01', b: '2024-03' }, { documents: 2, first: 'a' });
  check('a month before a later day', ['a', 'b'], { a: '2024-03-02', b: '2024-03' }, { documents: 2, first: 'b' });
  check('a year counts from January 1', ['a', 'b'], { a: '2024-02-01', b: '2024' }, { documents: 2, first: 'b' });
  check('an undated document comes after the dated', ['a', 'b'], { a: null, b: '2024-03-05' }, { documents: 2, first: 'b' });
  check('none dated: the first in corpus order', ['b', 'a'], {}, { documents: 2, first: 'b' });
  check('mentions of a document apart count once', ['a', 'b', 'a'], { a: '2024-03-05', b: '2024-03-06' }, { documents: 2, first: 'a' });
});
