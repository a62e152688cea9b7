// A loaded document packed by an indexing worker and unpacked on the main thread is what the
// structured clone (postMessage of the objects) gave: equal, with the same lists shared.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileTooLarge, loadDocument, skippedDocument, type DocumentMeta, type LoadedDocument } from '../../src/core/index.js';
import { installNameModel } from '../../src/core/entities/model/index.js';
import { packDocument, unpackDocument } from '../../src/server/packedDocument.js';
import { createWorld, generateDocument } from '../support/corpusGenerator.js';

before(() => {
  // With the model, mentions carry their confidence, as the workers' do.
  assert.ok(installNameModel(() => readFileSync('models/names.model'), 'models/names.model').ok);
});

/** The short strings of every document checked, shared across them as the pool shares them. */
const seen = new Map<string, string>();

/** Packed, posted (the numbers transferred), unpacked: equal to the clone. */
function check(loaded: LoadedDocument, what: string): void {
  const cloned = structuredClone(loaded);
  const packed = packDocument(loaded);
  const posted = structuredClone(packed, { transfer: [packed.numbers.buffer] });
  const got = unpackDocument(posted, seen);
  assert.deepStrictEqual(got, cloned, what);
  const { analysis } = got;
  assert.equal(analysis.problems === analysis.footnotes.problems, loaded.analysis.problems === loaded.analysis.footnotes.problems, `${what}: one list of problems`);
  for (const e of analysis.events) {
    for (const m of [...e.agent, ...e.patient, ...e.participants]) assert.ok(analysis.entities.includes(m), `${what}: an event's mention is one of the document's`);
  }
}

const load = (text: string, meta: DocumentMeta = { path: 'doc.txt' }) => loadDocument(Buffer.from(text, 'utf8'), meta);

test('documents written for their head: title, dates, sections, footnotes and their problems', () => {
  const cases: Array<[string, LoadedDocument]> = [
    ['empty', load('')],
    ['a title, a dateline, notes', load('# Talks in Kabul\n\nKABUL, March 3, 2024 — Ali Haidari met the GAO [1].\n\nNotes\n[1] A report.\n')],
    ['footnotes undefined, unused, defined twice', load('Text [1] and [3].\n\nNotes\n[1] One.\n[1] Again.\n[2] Never cited.\n')],
    ['corpus.json gives title and date', load('Ali Haidari spoke on Monday.', { path: 'x.txt', metadata: { title: 'Given title', date: '2024-05-01' } })],
    ['the date from the file name', load('He spoke on Monday.', { path: '2023-11-02-talks.txt' })],
    ['not decoded (binary)', loadDocument(new Uint8Array([0, 1, 2, 0, 255, 0, 3]), { path: 'x.bin' })],
    ['skipped for its size', skippedDocument({ path: 'big.txt' }, [fileTooLarge(30 << 20, 20 << 20)])],
  ];
  for (const [what, loaded] of cases) check(loaded, what);
});

test('real documents: the seeds and generated articles', () => {
  for (const f of readdirSync('seeds')) check(loadDocument(readFileSync(path.join('seeds', f)), { path: f }), f);
  const world = createWorld(1, 200);
  for (let i = 0; i < 20; i++) check(load(generateDocument(world, i).text), `generated article ${i}`);
});
