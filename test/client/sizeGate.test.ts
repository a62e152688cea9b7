// What reaches the language server of a document over the size limit: nothing until the limit is
// raised or the document shrinks under it, and then the whole document, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overLimit, SizeGate } from '../../src/client/sizeGate.js';

interface Doc { uri: string; text: string; getText(): string }
const MB = 1024 * 1024;
const doc = (uri: string, bytes: number): Doc => ({ uri, text: 'x'.repeat(bytes), getText() { return this.text; } });

type Step = ['open', Doc] | ['change', Doc, number] | ['close', Doc] | ['limit', number];

/** Runs the steps and compares what was sent to the server and what the file says, in order. */
async function check(steps: Step[], want: string[]): Promise<void> {
  let limit = 1;
  const log: string[] = [];
  const gate = new SizeGate<Doc>({
    key: (d) => d.uri,
    limitMB: () => limit,
    held: (d, bytes) => log.push(bytes === null ? `cleared ${d.uri}` : `held ${d.uri} ${bytes}`),
  });
  const sent = (what: string) => (d: Doc) => {
    log.push(`${what} ${d.uri} ${d.text.length}`);
    return Promise.resolve();
  };
  for (const step of steps) {
    if (step[0] === 'open') await gate.open(step[1], sent('didOpen'));
    else if (step[0] === 'change') {
      const [, d, bytes] = step;
      d.text = 'x'.repeat(bytes);
      await gate.change(d, () => sent('didChange')(d));
    } else if (step[0] === 'close') await gate.close(step[1], sent('didClose'));
    else {
      limit = step[1];
      await gate.limitChanged();
    }
  }
  assert.deepEqual(log, want);
}

const cases: Array<[string, () => [Step[], string[]]]> = [
  ['a document under the limit goes through', () => {
    const a = doc('a', MB / 2);
    return [[['open', a], ['change', a, MB / 2 + 1], ['close', a]], ['didOpen a 524288', 'didChange a 524289', 'didClose a 524289']];
  }],
  ['a document over the limit is held, its edits and close are not sent', () => {
    const b = doc('b', 2 * MB);
    return [[['open', b], ['change', b, 2 * MB + 5], ['close', b]], [`held b ${2 * MB}`, `held b ${2 * MB + 5}`, 'cleared b']];
  }],
  ['raising the limit sends the held document whole, once', () => {
    const c = doc('c', 2 * MB);
    return [[['open', c], ['limit', 3], ['limit', 4], ['change', c, 7]], [`held c ${2 * MB}`, 'cleared c', `didOpen c ${2 * MB}`, 'didChange c 7']];
  }],
  ['an edit that brings it under the limit sends it as it now is', () => {
    const d = doc('d', 2 * MB);
    return [[['open', d], ['change', d, 100]], [`held d ${2 * MB}`, 'cleared d', 'didOpen d 100']];
  }],
];

for (const [name, make] of cases) test(`size gate: ${name}`, () => { const [steps, want] = make(); return check(steps, want); });

test('size gate: the limit counts UTF-8 bytes', () => {
  assert.equal(overLimit('é'.repeat(MB / 2 + 1), 1), MB + 2); // 2 bytes each
  assert.equal(overLimit('e'.repeat(MB), 1), null);
});
