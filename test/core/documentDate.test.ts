import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type DocumentMeta } from '../../src/core/index.js';
import { dedent } from '../fixture.js';

/** The document date, where it came from, and the title, for a text and its metadata. */
function check(text: string, meta: DocumentMeta, expected: { dct: string | null; source: string | null; title: string | null }): void {
  const a = analyzeDocument(dedent(text), meta);
  assert.deepEqual({ dct: a.dct, source: a.dctSource, title: a.displayTitle }, expected);
}

const cases: Array<[string, string, DocumentMeta, { dct: string | null; source: string | null; title: string | null }]> = [
  ['a dateline before the headline', `
    March 11, 2024 Special Dispatch No. 11189

    In Meetings In Kabul, Russia And Afghanistan Agree To Forge Cooperation

    March 11, 2024
    At a recent meeting held between the two sides, it was decided to cooperate.
  `, { path: 'a.txt' }, { dct: '2024-03-11', source: 'header', title: 'In Meetings In Kabul, Russia And Afghanistan Agree To Forge Cooperation' }],
  ['a date alone on the first line, then a paragraph: no title', `
    November 25, 2024
    Prior to the visit, the envoy paid a daylong visit to Islamabad. He had also held similar meetings.
  `, { path: 'b.txt' }, { dct: '2024-11-25', source: 'header', title: null }],
  ['a date inside the first paragraph is not a dateline', `
    Weeks Before The Attack, An Article Examines A Meeting
    On March 5, 2024, weeks before the attack on the concert hall in the capital, the ambassador met the minister in the city, as reported by several outlets in the region that week.
  `, { path: 'c.txt' }, { dct: null, source: null, title: 'Weeks Before The Attack, An Article Examines A Meeting' }],
  ['a markdown heading is the title', `


    ## What Does Closer Relations Between Russia and the Taliban Signify?

    ### News:
  `, { path: 'd.txt' }, { dct: null, source: null, title: 'What Does Closer Relations Between Russia and the Taliban Signify?' }],
  ['the file name gives the date when the text does not', `
    Short Headline
    Body text without any date at all, long enough to be a paragraph of the article body here.
  `, { path: '/corpus/2023-08-15_report.txt' }, { dct: '2023-08-15', source: 'filename', title: 'Short Headline' }],
  ['a compact date in the file name', 'Body.', { path: 'news_20240102.txt' }, { dct: '2024-01-02', source: 'filename', title: null }],
  ['an impossible date in the file name is ignored', 'Body.', { path: 'news_20241399.txt' }, { dct: null, source: null, title: null }],
  ['corpus.json wins over the dateline and gives the title', `
    March 11, 2024
    Headline Here
  `, { path: 'e.txt', metadata: { date: '2024-03-12', title: 'From Metadata' } }, { dct: '2024-03-12', source: 'metadata', title: 'From Metadata' }],
  ['other date forms in a dateline', `
    Monday, 4 March 2024 | Kabul
    Headline Of The Day
  `, { path: 'f.txt' }, { dct: '2024-03-04', source: 'header', title: 'Headline Of The Day' }],
  ['an ISO dateline', `
    2024-02-29
    A Leap Day Headline
  `, { path: 'g.txt' }, { dct: '2024-02-29', source: 'header', title: 'A Leap Day Headline' }],
];

for (const [name, text, meta, expected] of cases) test(`document date: ${name}`, () => check(text, meta, expected));
