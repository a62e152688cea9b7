// Semantic colours over the protocol's encoding: one token per name or date in document order, the
// defining mention marked `declaration`, none across a line or over another, and only those
// touching the range asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { SEMANTIC_LEGEND, semanticTokens } from '../../src/server/semanticTokens.js';

const TEXT = 'March 5, 2024\n\nEnvoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul.\nZhirnov left Kabul on March 6, 2024.\n';

function tokensOf(text: string, range?: { start: number; end: number }): string[] {
  const corpus = new Corpus();
  corpus.update('a', text, analyzeDocument(text, { path: 'a' }));
  const doc = new DiskDocument('a', text);
  const data = semanticTokens(doc, corpus, 'a', range).data;
  // Decoded: each token is (line delta, start delta, length, type, modifiers).
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let k = 0; k < data.length; k += 5) {
    line += data[k];
    character = data[k] === 0 ? character + data[k + 1] : data[k + 1];
    const start = doc.offsetAt({ line, character });
    const type = SEMANTIC_LEGEND.tokenTypes[data[k + 3]];
    out.push(`${text.slice(start, start + data[k + 2])}:${type}${data[k + 4] ? '+declaration' : ''}`);
  }
  return out;
}

const ALL = [
  'March 5, 2024:date', 'Dmitry Zhirnov:person+declaration', 'Sirajuddin Haqqani:person+declaration', 'Kabul:place+declaration',
  'Zhirnov:person', 'Kabul:place', 'March 6, 2024:date',
];

const cases: Array<[string, string, { start: number; end: number } | undefined, string[]]> = [
  ['names and dates in document order, the first full mention the declaration', TEXT, undefined, ALL],
  ['only those touching the range', TEXT, { start: TEXT.indexOf('Zhirnov left'), end: TEXT.indexOf(' on March') }, ['Zhirnov:person', 'Kabul:place']],
  ['a range touching a token\'s end still shows it', TEXT, { start: TEXT.indexOf(' met'), end: TEXT.indexOf(' met') }, ['Dmitry Zhirnov:person+declaration']],
  ['no names, no tokens', 'nothing here at all\n', undefined, []],
];

for (const [name, text, range, expected] of cases) test(`semantic tokens: ${name}`, () => assert.deepEqual(tokensOf(text, range), expected));
