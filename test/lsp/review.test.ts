// The Review view over the protocol: the seeds' undecided names, least sure first, a page at a
// time, each range holding its name; a name accepted, retyped or said to be none leaves the list.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LspSession, textAt } from '../support/lspSession.js';
import { startOnSeeds, stopAndRemove } from '../support/seedsSession.js';
import type { ReviewItem, ReviewList } from '../../src/protocol.js';

let folder: string;
let client: LspSession;

// Learning off: what a decision teaches would put the names it changed first, after a round of
// unknown length; the learning test checks that order.
before(async () => ({ folder, client } = await startOnSeeds('review', { learning: { enabled: false } })));

after(() => stopAndRemove(client, folder));

const review = (offset: number, limit: number): Promise<ReviewList> => client.request('corpusLens/review', { offset, limit });
const key = (i: ReviewItem) => `${i.uri}#${i.range.start.line}:${i.range.start.character}`;

/** The text a range covers in its file. */
const covered = (item: ReviewItem): string => textAt(readFileSync(fileURLToPath(item.uri), 'utf8'), item.range);

test('lsp review: least sure first across the seeds, in pages that continue each other', async () => {
  const all = await review(0, 1000);
  assert.ok(all.total > 50, `${all.total} names to review`);
  assert.equal(all.items.length, all.total);
  const sure = all.items.map((i) => i.confidence ?? 1);
  assert.deepEqual(sure, [...sure].sort((a, b) => a - b));
  assert.ok(sure[0]! < 0.9, 'the first name is one the model doubts');
  for (const i of all.items.slice(0, 20)) assert.equal(covered(i), i.text);
  const pages = [...(await review(0, 7)).items, ...(await review(7, 7)).items];
  assert.deepEqual(pages.map(key), all.items.slice(0, 14).map(key));
});

const decisions: Array<[string, (i: ReviewItem) => object]> = [
  ['accepted as it is', (i) => ({ action: 'entity', type: i.type })],
  ['given another type', (i) => ({ action: 'entity', type: i.type === 'PERSON' ? 'ORG' : 'PERSON' })],
  ['said to be no name', () => ({ action: 'not-entity' })],
];

for (const [name, params] of decisions) {
  test(`lsp review: the first name ${name} leaves the list`, async () => {
    const before = await review(0, 3);
    const first = before.items[0]!;
    const indexChanged = client.waitFor('corpusLens/indexChanged', (p) => p.version > before.version);
    await client.request('corpusLens/annotate', { uri: first.uri, range: first.range, ...params(first) });
    const now = await review(0, 3);
    // The view asks for the list again once the decision is made: the index change that follows holds nothing newer.
    assert.equal((await indexChanged).version, now.version, 'the list read after the decision answers its index change');
    assert.equal(now.total, before.total - 1);
    assert.ok(!now.items.some((i) => key(i) === key(first)), `${first.text} is still listed`);
    assert.equal(key(now.items[0]!), key(before.items[1]!));
  });
}
