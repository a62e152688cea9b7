// The Review view's rows: type, how sure, learned or not, document; the hover with the name in its line; "more".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moreLabel, reviewDescription, reviewTooltip } from '../../src/client/views/reviewLabels.js';
import type { ReviewItem } from '../../src/protocol.js';

const item = (over: Partial<ReviewItem>): ReviewItem => ({
  uri: 'file:///c/a.txt', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: 'Varna', type: 'ORG', confidence: 0.412, possible: false, changed: false,
  documentTitle: 'Talks in Kabul', before: 'Officials of ', after: ' met on Monday.', ...over,
});

const cases: Array<[string, Partial<ReviewItem>, string, string]> = [
  ['the model\'s name', {}, 'Organisation · 41% sure · Talks in Kabul', '…Officials of «Varna» met on Monday.…\n\nOrganisation, 41% sure, in Talks in Kabul'],
  ['the rules\' name, at a line\'s start', { confidence: null, type: 'PLACE', before: '' }, 'Place · by the rules · Talks in Kabul', '«Varna» met on Monday.…\n\nPlace, by the rules, in Talks in Kabul'],
  ['never 100% sure', { confidence: 0.9996 }, 'Organisation · 99% sure · Talks in Kabul', '…Officials of «Varna» met on Monday.…\n\nOrganisation, 99% sure, in Talks in Kabul'],
  ['a span the model nearly read as a name', { possible: true, confidence: 0.62 }, 'Organisation? · 62% sure it is none · Talks in Kabul', '…Officials of «Varna» met on Monday.…\n\nNearly read as a name (Organisation), 62% sure it is none, in Talks in Kabul: accept to mark it so'],
  ['a possible person', { possible: true, confidence: 0.55, type: 'PERSON' }, 'Person? · 55% sure it is none · Talks in Kabul', '…Officials of «Varna» met on Monday.…\n\nNearly read as a name (Person), 55% sure it is none, in Talks in Kabul: accept to mark it so'],
  ['changed by what the model learned', { changed: true }, 'Organisation · 41% sure · learned · Talks in Kabul', '…Officials of «Varna» met on Monday.…\n\nOrganisation, 41% sure, in Talks in Kabul\n\nRead so since the model learned from your last decisions.'],
];

for (const [name, over, description, tooltip] of cases) {
  test(`review labels: ${name}`, () => {
    assert.equal(reviewDescription(item(over)), description);
    assert.equal(reviewTooltip(item(over)), tooltip);
  });
}

test('review labels: the row that loads the next page says how many', () => {
  assert.equal(moreLabel(100, 1234, 100), 'Show 100 more (100 of 1,234)');
  assert.equal(moreLabel(1200, 1234, 100), 'Show 34 more (1,200 of 1,234)');
});
