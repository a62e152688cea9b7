// Training is reproducible: the same documents, settings and seed give the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readNews } from '../../scripts/train/sources.js';
import { trainNameModel } from '../../scripts/train/train.js';
import { loadNameModel } from '../../src/core/entities/model/index.js';

test('training: same data, settings and seed give byte-identical weights', () => {
  const docs = readNews(path.resolve('data/ner/ecbplus')).slice(0, 24);
  const settings = { epochs: 2, seed: 7, augment: 0.3, about: { test: true }, log: () => {} };
  const clusters = readFileSync('data/word-clusters.bin');
  const a = trainNameModel(docs, clusters, settings);
  const b = trainNameModel(docs, clusters, settings);
  assert.ok(a.length > 1000);
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
  const model = loadNameModel(a);
  assert.ok(!('error' in model));
  const other = trainNameModel(docs, clusters, { ...settings, seed: 8 });
  assert.notDeepEqual(Buffer.from(other), Buffer.from(a), 'the seed matters');
});
