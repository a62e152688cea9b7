// The Documents view's wording.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentDescription, documentLabel, documentTooltip, reviewProgress } from '../../src/client/views/documentLabels.js';
import { fileNameOf, plural, shorten } from '../../src/client/format.js';
import { documentSummary } from './fixtures.js';

test('a document row: title (else file name), date and counts; problems only when there are some', () => {
  const doc = documentSummary();
  assert.equal(documentLabel(doc), 'In Meetings In Kabul');
  assert.equal(documentDescription(doc), '2024-03-11 · 26 entities · 3 dates · 10 events');
  const untitled = documentSummary({ title: null, dct: null, uri: 'file:///c/My%20Notes/x%20y.txt', entities: 1, dates: 1, events: 1, footnoteProblems: 2 });
  assert.equal(documentLabel(untitled), 'x y.txt');
  assert.equal(documentDescription(untitled), 'no date · 1 entity · 1 date · 1 event · 2 footnote problems');
});

test('review progress: the annotations and "reviewed" on a row, "n/m reviewed" for the view', () => {
  const reviewed = documentSummary({ reviewed: true, userAnnotations: 3 });
  assert.equal(documentDescription(reviewed), '2024-03-11 · 26 entities · 3 dates · 10 events · 3 annotations · reviewed');
  assert.equal(documentDescription(documentSummary({ userAnnotations: 1 })), '2024-03-11 · 26 entities · 3 dates · 10 events · 1 annotation');
  assert.match(documentTooltip(reviewed), /\nReviewed · 3 annotations of yours$/);
  assert.equal(reviewProgress([reviewed, documentSummary(), documentSummary({ reviewed: true })]), '2/3 reviewed');
  assert.equal(reviewProgress([documentSummary()]), '0/1 reviewed');
  assert.equal(reviewProgress([]), undefined);
});

test('a skipped document says why', () => {
  const doc = documentSummary({ skipped: true, reason: 'The file looks binary.' });
  assert.equal(documentDescription(doc), 'not analysed: The file looks binary.');
  assert.match(documentTooltip(doc), /Not analysed: The file looks binary\./);
});

test('a document tooltip gives every count and where the date came from', () => {
  assert.equal(
    documentTooltip(documentSummary({ footnoteProblems: 1 })),
    [
      'In Meetings In Kabul', '000_de029b9b870dac60.txt', 'Date: 2024-03-11 (from the dateline)',
      '26 entities · 3 dates · 10 events', '10 footnote markers · 10 footnote definitions · 1 footnote problem',
      'Not reviewed yet · no annotations of yours',
    ].join('\n'),
  );
  assert.match(documentTooltip(documentSummary({ dct: null, dctSource: null })), /Date: unknown/);
  assert.match(documentTooltip(documentSummary()), /no footnote problems/);
});

test('wording helpers', () => {
  assert.equal(plural(0, 'event'), '0 events');
  assert.equal(plural(1, 'entity', 'entities'), '1 entity');
  assert.equal(fileNameOf('file:///c/seeds/a%25b.txt'), 'a%b.txt');
  assert.equal(fileNameOf('file:///c/bad%E0.txt'), 'bad%E0.txt');
  assert.equal(shorten('short', 10), 'short');
  assert.equal(shorten('one two three four five', 16), 'one two three…');
  assert.equal(shorten('abcdefghijklmnop', 8), 'abcdefg…');
  assert.equal(shorten('a\n  b', 10), 'a b');
});
