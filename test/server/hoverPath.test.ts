// A warm hover's way through our code (measured by scripts/hoverPath.ts with V8's precise
// coverage): the handler, the snapshot, the hover feature, the conversion, and the state they read
// (the corpus's inputs and stages, the document's footnotes). No server module is entered from the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverPaths, HOVER_TARGETS } from '../../scripts/hoverPath.js';

/** The four steps every hover takes: handler → snapshot → hover feature → conversion. */
const CHAIN = ['src/server/server.ts', 'src/core/snapshot/snapshot.ts', 'src/core/snapshot/hover.ts', 'src/server/hover.ts'];
/** The server's part: the handler and the conversion to LSP (Markdown, ranges), nothing else. */
const SERVER = new Set(['src/server/server.ts', 'src/server/hover.ts', 'src/server/convert.ts']);

/** What each card may read besides the chain, by kind: the corpus's stages and the lookups they need (an event's sources: events/sources.ts; events joined across documents: events/storyJoin.ts). */
const READS: Record<string, string[]> = {
  name: ['src/core/corpus.ts', 'src/core/inputs.ts', 'src/core/stages/analysisStage.ts', 'src/core/stages/linkStage.ts', 'src/core/stages/joinStage.ts', 'src/core/footnotes.ts', 'src/core/events/incrementalJoin.ts', 'src/core/events/storyJoin.ts', 'src/core/events/sources.ts', 'src/core/entities/link.ts', 'src/core/entities/model/index.ts'],
  date: ['src/core/corpus.ts', 'src/core/inputs.ts', 'src/core/stages/analysisStage.ts', 'src/core/stages/linkStage.ts', 'src/core/stages/joinStage.ts', 'src/core/footnotes.ts', 'src/core/events/incrementalJoin.ts', 'src/core/events/storyJoin.ts', 'src/core/events/sources.ts', 'src/core/dates/calendar.ts'],
  footnote: ['src/core/corpus.ts', 'src/core/inputs.ts', 'src/core/stages/linkStage.ts', 'src/core/stages/joinStage.ts', 'src/core/footnotes.ts'],
};

test('hover path: a warm hover takes the four steps and reads only the state it needs', async () => {
  const paths = await hoverPaths(HOVER_TARGETS);
  const kinds = ['name', 'date', 'footnote'];
  paths.forEach((path, k) => {
    assert.notEqual(path.card, '(no card)', path.target);
    for (const module of CHAIN) assert.ok(path.modules.includes(module), `${path.target}: ${module} not on the way`);
    const server = path.modules.filter((m) => m.startsWith('src/server/'));
    assert.deepEqual(server.filter((m) => !SERVER.has(m)), [], `${path.target}: server modules beyond the handler and conversion`);
    const allowed = new Set([...CHAIN, ...SERVER, ...READS[kinds[k]]]);
    assert.deepEqual(path.modules.filter((m) => !allowed.has(m)), [], `${path.target}: modules beyond the way and its reads`);
  });
});
