import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus, documentCounts } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { documentSummary, entitySummary } from '../../src/server/summaries.js';

const TEXT = 'March 5, 2024\n\nEnvoy in Kabul\n\nEnvoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.[1][2] Zhirnov, the envoy, left.\n\n[1] Source.\n[3] Unused.';

function corpus(): Corpus {
  const c = new Corpus();
  c.update('a', TEXT, analyzeDocument(TEXT, { path: 'a' }));
  c.update('skipped', '', analyzeDocument('', { path: 'skipped' }), [{ start: 0, end: 0, severity: 'warning', code: 'file.binary', message: 'Looks binary.' }], true);
  return c;
}

test('summaries: a document as the Documents view shows it, footnote hints not counted', () => {
  const c = corpus();
  const summary = documentSummary(c.inputs.document('a')!, documentCounts(c.snapshot(), 'a'));
  assert.deepEqual(summary, {
    uri: 'a', title: 'Envoy in Kabul', dct: '2024-03-05', dctSource: 'header', footnoteMarkers: 2, footnoteDefinitions: 2, footnoteProblems: 1,
    skipped: false, reason: null, entities: 3, dates: 1, reviewed: false, userAnnotations: 0, events: 1,
  });
});

test('summaries: a skipped document says why', () => {
  const c = corpus();
  const summary = documentSummary(c.inputs.document('skipped')!, documentCounts(c.snapshot(), 'skipped'));
  assert.deepEqual([summary.skipped, summary.reason], [true, 'Looks binary.']);
});

test('summaries: an entity with its roles once each and its definition as a range; none when its document is gone', () => {
  const c = corpus();
  const zhirnov = c.snapshot().entities().find((e) => e.name === 'Dmitry Zhirnov')!;
  const summary = entitySummary(zhirnov, (uri) => (c.inputs.document(uri) ? new DiskDocument(uri, c.inputs.document(uri)!.text) : undefined));
  assert.deepEqual({ ...summary, roles: summary?.roles }, {
    id: zhirnov.id, name: 'Dmitry Zhirnov', type: 'PERSON', mentions: 2, documents: 1, roles: [...new Set(zhirnov.roles.map((r) => r.text))],
    definition: { uri: 'a', range: { start: { line: 4, character: 6 }, end: { line: 4, character: 20 } } },
  });
  assert.equal(entitySummary(zhirnov, () => undefined), null);
});
