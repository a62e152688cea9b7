import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCorpusJson } from '../../src/core/index.js';
import { parseFixture } from '../fixture.js';

/** ⟦…⟧ marks where each problem must point; `entries` are the documents read. */
function check(marked: string, entries: Record<string, object>, messages: RegExp[]): void {
  const { text, spans } = parseFixture(marked);
  const result = parseCorpusJson(text);
  assert.deepEqual(Object.fromEntries(result.documents), entries);
  const positioned = result.problems.filter((p) => !(p.start === 0 && p.end === 0));
  assert.deepEqual(positioned.map((p) => ({ start: p.start, end: p.end })), spans.map((s) => ({ start: s.start, end: s.end })));
  assert.equal(result.problems.length >= messages.length, true);
  messages.forEach((m, i) => assert.match(result.problems[i].message, m));
}

const cases: Array<[string, string, Record<string, object>, RegExp[]]> = [
  ['a sound file', '{"documents": {"a.txt": {"date": "2024-03-11", "title": "T", "source": "S"}}}',
    { 'a.txt': { date: '2024-03-11', title: 'T', source: 'S' } }, []],
  ['paths are normalised', '{"documents": {"./sub\\\\b.txt": {"date": "2024-01-01"}}}', { 'sub/b.txt': { date: '2024-01-01' } }, []],
  ['a bad date is reported where it stands', '{"documents": {"a.txt": {"date": ⟦"11 March"⟧, "title": "T"}}}',
    { 'a.txt': { title: 'T' } }, [/YYYY-MM-DD/]],
  ['an impossible date', '{"documents": {"a.txt": {"date": ⟦"2023-02-29"⟧}}}', { 'a.txt': {} }, [/YYYY-MM-DD/]],
  ['a path outside the corpus is refused', '{"documents": {⟦"../secret.txt"⟧: {"date": "2024-01-01"}, "ok.txt": {}}}',
    { 'ok.txt': {} }, [/not a path inside/]],
  ['a syntax error keeps the sound entries', '{"documents": {"a.txt": {"date": "2024-01-01"}}⟦⟧', { 'a.txt': { date: '2024-01-01' } }, [/not valid JSON/]],
  ['not an object', '⟦[1, 2]⟧', {}, [/must hold an object/]],
];

for (const [name, text, entries, messages] of cases) test(`corpus.json: ${name}`, () => check(text, entries, messages));
