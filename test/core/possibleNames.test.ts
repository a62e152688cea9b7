// The spans the model nearly read as names: the analysis records them (the Review view lists them),
// and they are the spans the eval's simulated user reviews, found the eval's way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/index.js';
import { loadNameModel, useNameModel, type NameModel } from '../../src/core/entities/model/index.js';
import { possibleNamesToReview } from '../../src/core/entities/reviewOrder.js';

const shipped: NameModel = (() => {
  const model = loadNameModel(readFileSync('models/names.model'));
  if ('error' in model) throw new Error(model.error);
  return model;
})();

function check(name: string, text: string, model: NameModel | null): void {
  useNameModel(model);
  try {
    const analysis = analyzeDocument(text, { path: name });
    if (!model) return assert.deepEqual(analysis.possibleNames, [], `${name}: none without the model`);
    assert.deepEqual(analysis.possibleNames, possibleNamesToReview(text, model, analysis.entities), name);
    for (const p of analysis.possibleNames) assert.ok(!analysis.entities.some((m) => m.start < p.end && p.start < m.end), `${name}: “${text.slice(p.start, p.end)}” overlaps no name`);
  } finally {
    useNameModel(null);
  }
}

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const cases: Array<[string, string, NameModel | null]> = [
  ...seeds.map((f): [string, string, NameModel | null] => [f, readFileSync(path.join('seeds', f), 'utf8'), shipped]),
  ['a short article', 'Shares of Thornbury rose. Analysts at Velmora Holdings said on Monday that Kestrel would buy it.\n', shipped],
  ['the rules alone', readFileSync(path.join('seeds', seeds[0]), 'utf8'), null],
];

for (const [name, text, model] of cases) test(`possible names: ${name}`, () => check(name, text, model));

test('possible names: the seeds hold some', () => {
  useNameModel(shipped);
  try {
    const count = seeds.reduce((n, f) => n + analyzeDocument(readFileSync(path.join('seeds', f), 'utf8'), { path: f }).possibleNames.length, 0);
    assert.ok(count > 0, `${count} on the seeds`);
  } finally {
    useNameModel(null);
  }
});
