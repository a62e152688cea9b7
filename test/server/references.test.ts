// References over the protocol: every mention as a location in its document; with a partial-result
// token, a first chunk of 200 at once and the rest in chunks of 2,000 between other requests (the
// final answer then empty), stopped when cancelled; a document the server cannot read is left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CancellationToken, Location } from 'vscode-languageserver';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { references } from '../../src/server/references.js';

/** One line per meeting in Kabul: `n` mentions of Kabul, and of Dmitry Zhirnov. */
const meetings = (n: number) => Array.from({ length: n }, (_, k) => `Dmitry Zhirnov met envoys in Kabul on day ${k + 1}.`).join('\n') + '\n';

function corpusOf(texts: Record<string, string>): Corpus {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(texts)) corpus.update(path, text, analyzeDocument(text, { path }));
  return corpus;
}

interface Case {
  name: string;
  texts: Record<string, string>;
  /** Which documents the server can read. */
  readable: string[];
  partial: boolean;
  /** Cancelled after this many partial results. */
  cancelAfter?: number;
  /** The sizes of the partial results, and of the final answer. */
  chunks: number[];
  final: number;
}

const cases: Case[] = [
  { name: 'a few mentions: one answer, in every document', texts: { a: meetings(3), b: meetings(2) }, readable: ['a', 'b'], partial: true, chunks: [], final: 5 },
  { name: 'a document the server cannot read is left out', texts: { a: meetings(3), b: meetings(2) }, readable: ['a'], partial: false, chunks: [], final: 3 },
  { name: 'many mentions, without a partial token: one answer', texts: { a: meetings(2500) }, readable: ['a'], partial: false, chunks: [], final: 2500 },
  { name: 'many mentions, with a partial token: 200, then 2,000 a chunk, the final answer empty', texts: { a: meetings(2500) }, readable: ['a'], partial: true, chunks: [200, 2000, 300], final: 0 },
  { name: 'cancelled after the first chunk: no more', texts: { a: meetings(2500) }, readable: ['a'], partial: true, cancelAfter: 1, chunks: [200], final: 0 },
];

for (const c of cases) {
  test(`references: ${c.name}`, async () => {
    const corpus = corpusOf(c.texts);
    const text = (path: string) => (c.readable.includes(path) ? new DiskDocument(path, c.texts[path]) : undefined);
    const reported: Location[][] = [];
    const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;
    const partial = {
      report: (chunk: Location[]) => {
        reported.push(chunk);
        if (reported.length === c.cancelAfter) (token as { isCancellationRequested: boolean }).isCancellationRequested = true;
      },
    };
    const final = await references(corpus.current, text, 'a', c.texts.a.indexOf('Kabul'), true, token, c.partial ? partial : undefined);
    assert.deepEqual(reported.map((r) => r.length), c.chunks);
    assert.equal(final.length, c.final);
    // Each location is a Kabul in its document.
    for (const loc of [...reported.flat(), ...final]) {
      const doc = new DiskDocument(loc.uri, c.texts[loc.uri]);
      assert.equal(c.texts[loc.uri].slice(doc.offsetAt(loc.range.start), doc.offsetAt(loc.range.end)), 'Kabul');
    }
  });
}
