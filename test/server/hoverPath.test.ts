// A warm hover's way through our code (measured by scripts/hoverPath.ts with V8's precise
// coverage): the handler, the snapshot, the hover feature, the conversion, and nothing else. The
// server reads the corpus's current snapshot (a field the corpus replaces on each change), so no
// corpus, stage or lookup module runs for a card asked again; no server module is entered from the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverPaths, HOVER_TARGETS } from '../../scripts/hoverPath.js';

/** The four steps every hover takes: handler → snapshot → hover feature → conversion. */
const CHAIN = ['src/core/snapshot/hover.ts', 'src/core/snapshot/snapshot.ts', 'src/server/hover.ts', 'src/server/server.ts'];

test('hover path: a warm hover on a name, a date and a footnote takes the four steps and no others', async () => {
  const paths = await hoverPaths(HOVER_TARGETS);
  assert.equal(paths.length, 3);
  for (const path of paths) {
    assert.notEqual(path.card, '(no card)', path.target);
    assert.deepEqual(path.modules, CHAIN, `${path.target}: the modules a warm hover runs code in`);
  }
});
