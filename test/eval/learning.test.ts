// The learning scorer's split: the simulated user works on every other document of each topic and
// never on those scored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitByTopic, type LearningDoc } from '../../eval/learning.js';

const doc = (path: string): LearningDoc => ({ path, text: '', topic: path.split('_')[0], gold: [], neutral: [] });

function check(paths: string[], worked: string[], scored: string[]): void {
  const split = splitByTopic(paths.map(doc));
  assert.deepEqual(split.worked.map((d) => d.path), worked);
  assert.deepEqual(split.scored.map((d) => d.path), scored);
}

const cases: Array<[string, string[], string[], string[]]> = [
  ['every other document of a topic, in path order', ['a_3', 'a_1', 'a_2', 'a_4'], ['a_1', 'a_3'], ['a_2', 'a_4']],
  ['each topic split on its own', ['a_1', 'b_1', 'b_2', 'a_2', 'a_3'], ['a_1', 'a_3', 'b_1'], ['a_2', 'b_2']],
  ['a topic of one document is worked on only', ['c_1'], ['c_1'], []],
];
for (const [name, paths, worked, scored] of cases) test(`learning split: ${name}`, () => check(paths, worked, scored));
