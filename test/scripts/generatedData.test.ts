// The generated data files are what their generator makes from the packages today: regenerating
// gives identical bytes. A failure means a package was updated (or a file edited by hand): run
// `npm run data:generate` and look at the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR, EXTRACTS } from '../../scripts/data/extracts.js';

for (const { file, render } of EXTRACTS) {
  test(`generated data: ${file} is current`, () => {
    const checkedIn = readFileSync(path.join(DATA_DIR, file), 'utf8');
    assert.ok(checkedIn === render(), `${file} differs from what scripts/data/extracts.ts makes: run npm run data:generate`);
  });
}

test('generated data: every file the generator makes is valid JSON with its source and licence', () => {
  for (const { file, render } of EXTRACTS) {
    const data = JSON.parse(render()) as Record<string, unknown>;
    assert.match(String(data.source), /\d+\.\d+\.\d+/, `${file} names the package version`);
    assert.ok(String(data.licence).length > 50, `${file} carries its licence`);
  }
});
