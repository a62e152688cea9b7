// The status bar's words after the corpus followed a change of the learned weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnedMessage } from '../../src/client/learnedMessage.js';

test('the status bar says how many names the last decisions changed', () => {
  const cases: Array<[Parameters<typeof learnedMessage>[0], string]> = [
    [{ labels: 12, documents: 5, analysed: 40, decisions: 3, ms: 800 }, 'Corpus Lens: learned from 3 decisions: 12 names changed in 5 documents.'],
    [{ labels: 1, documents: 1, analysed: 1, decisions: 1, ms: 90 }, 'Corpus Lens: learned from 1 decision: 1 name changed in 1 document.'],
    [{ labels: 0, documents: 0, analysed: 7, decisions: 2, ms: 300 }, 'Corpus Lens: learned from 2 decisions: no names changed.'],
    [{ labels: 4, documents: 2, analysed: 9, decisions: 0, ms: 300 }, 'Corpus Lens: back to the shipped model: 4 names changed in 2 documents.'],
  ];
  for (const [result, said] of cases) assert.equal(learnedMessage(result), said);
});
