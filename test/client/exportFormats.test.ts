// The export commands' choices and wording, and the Orphaned Annotations view's rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXPORT_CHOICES, exportChoice, failureMessage, fileToOpen, overwriteQuestion, overwriteRefusal } from '../../src/client/exportFormats.js';
import { missingDocumentDescription, missingDocumentLabel, missingDocumentTooltip, orphanDescription, orphanLabel, orphansSummary, orphanTooltip } from '../../src/client/views/orphanLabels.js';
import { EXPORT_WOULD_OVERWRITE, type OrphanedAnnotation } from '../../src/protocol.js';

test('one export command per format, each declared in package.json with its title', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const titles = new Map(manifest.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
  assert.deepEqual(EXPORT_CHOICES.map((c) => c.format).sort(), ['brat', 'conll', 'json', 'jsonl', 'webanno']);
  assert.deepEqual(EXPORT_CHOICES.map((c) => titles.get(c.command)), [
    'Export Corpus as JSON…', 'Export Corpus as brat Standoff…', 'Export Corpus as CoNLL-2003…', 'Export Corpus as JSONL…', 'Export Corpus as W3C Web Annotation…',
  ]);
  // brat goes to a folder; the others to one file whose default name has the filter's extension.
  assert.deepEqual(EXPORT_CHOICES.filter((c) => c.folder).map((c) => c.format), ['brat']);
  for (const c of EXPORT_CHOICES.filter((x) => !x.folder)) {
    const extensions = Object.values(c.filters).flat();
    assert.ok(extensions.some((e) => c.fileName.endsWith(`.${e}`)), `${c.fileName} matches ${extensions.join(', ')}`);
  }
  assert.equal(exportChoice('jsonl').fileName, 'corpus-lens.jsonl');
});

test('a refusal to overwrite is told apart from other failures, with the files in the way', () => {
  const existing = ['file:///w/seeds/a.ann', 'file:///w/seeds/b%20c.ann'];
  assert.deepEqual(overwriteRefusal({ code: EXPORT_WOULD_OVERWRITE, message: 'x', data: { existing } }), existing);
  assert.deepEqual(overwriteRefusal({ code: EXPORT_WOULD_OVERWRITE, message: 'x' }), []);
  assert.equal(overwriteRefusal({ code: -32602, message: 'Unknown export format' }), null);
  assert.equal(overwriteRefusal(new Error('boom')), null);
  assert.equal(overwriteRefusal(undefined), null);
  assert.equal(failureMessage(Object.assign(new Error('There are no corpus documents'), { code: -32600 })), 'There are no corpus documents');
  assert.equal(failureMessage({ message: 'plain object' }), 'plain object');
  assert.equal(failureMessage('text'), 'text');
});

test('the question before overwriting names the first files and counts the rest', () => {
  assert.equal(overwriteQuestion(['file:///w/a.ann']), '1 .ann file from an earlier export is already there (a.ann). Overwrite it?');
  assert.equal(
    overwriteQuestion(['file:///w/a.ann', 'file:///w/b.ann', 'file:///w/c%20d.ann', 'file:///w/e.ann', 'file:///w/annotation.conf']),
    '5 files from an earlier export are already there (a.ann, b.ann, c d.ann, and 2 more). Overwrite them?',
  );
});

test('"Open" shows the one file written, or brat\'s first .ann', () => {
  assert.equal(fileToOpen({ files: ['file:///o/x.jsonl'], message: '' }), 'file:///o/x.jsonl');
  assert.equal(fileToOpen({ files: ['file:///w/a.txt', 'file:///w/a.ann', 'file:///w/annotation.conf'], message: '' }), 'file:///w/a.ann');
  assert.equal(fileToOpen({ files: [], message: '' }), undefined);
});

const orphan = (over: Partial<OrphanedAnnotation> = {}): OrphanedAnnotation => ({
  uri: 'file:///w/seeds/001_22225b4e410ffef9.txt', reason: 'text', id: 'amhn3k2a001', kind: 'entity', exact: 'Ufuq News', description: 'a person', ...over,
});

test('an orphaned annotation\'s row: the quoted text, its document and what it said', () => {
  assert.equal(orphanLabel(orphan()), '“Ufuq News”');
  assert.equal(orphanDescription(orphan()), '001_22225b4e410ffef9.txt · a person');
  assert.equal(orphanLabel(orphan({ exact: 'a '.repeat(50) })).length <= 62, true);
  assert.equal(orphanLabel(orphan({ exact: '', kind: 'date' })), '(date)');
  assert.match(orphanTooltip(orphan()), /^“Ufuq News” was marked as a person\nin 001_22225b4e410ffef9\.txt \(annotation amhn3k2a001\),/);
  assert.equal(orphansSummary([]), undefined);
  assert.equal(orphansSummary([orphan(), orphan({ id: 'b' }), orphan({ uri: 'file:///w/seeds/x.txt' })]), '3 annotations in 2 documents');
  assert.equal(orphansSummary([orphan()]), '1 annotation in 1 document');
});

test('a missing document\'s row: where it was, that it is not in the corpus, and what the store keeps for it', () => {
  const gone = [orphan({ reason: 'document' }), orphan({ reason: 'document', id: 'b', kind: 'reviewed', exact: '', description: 'reviewed' })];
  assert.equal(missingDocumentLabel(gone[0]!.uri), '001_22225b4e410ffef9.txt');
  assert.equal(missingDocumentDescription('seeds', gone), 'seeds · not in the corpus · 1 annotation, reviewed');
  assert.equal(missingDocumentDescription('', gone.slice(1)), 'not in the corpus · reviewed');
  assert.match(orphanTooltip(gone[0]!), /in 001_22225b4e410ffef9\.txt \(annotation amhn3k2a001\), which is no longer in the corpus\./);
  assert.match(missingDocumentTooltip('seeds/a.txt'), /^The annotation store names seeds\/a\.txt, which is not in the corpus/);
});
