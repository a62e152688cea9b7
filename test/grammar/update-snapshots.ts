// Rewrites test/grammar/snapshots/*.snap from test/fixtures/grammar/*.txt.
// `npm run grammar:snapshots`; then read the diff before committing it.
import * as path from 'node:path';
import { fixtureNames, snapshotFixture } from './tokenize.js';

async function main(): Promise<void> {
  process.env.UPDATE_SNAPSHOTS = '1';
  for (const fixture of fixtureNames()) {
    const result = await snapshotFixture(fixture);
    console.log(`${result.status} ${path.relative(process.cwd(), result.file)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
