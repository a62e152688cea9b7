import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/index.js';
import {
  isCommonWord, isGivenName, isLanguage, isMiscHead, isOrgHead, isOrgPrefix, isPlaceHead, isTitleAlsoName, isTitleModifier, isTitleWord, lookupAlias, lookupNationality, lookupPlace,
  MONTHS_AND_DAYS,
} from '../../src/core/entities/lexicon.js';
import { hasSpace, isThe, mayBeHeadlineByWords, sortedByStart } from '../../src/core/entities/recognize.js';
import {
  ALIAS, COMMON, FUNCTION_WORD, GIVEN, KNOWN, LANGUAGE, MISC_HEAD, MONTH_OR_DAY, NATIONALITY, NOT_NAME, ORG_HEAD, ORG_PREFIX, PLACE, PLACE_HEAD,
  spanFacts, TITLE, TITLE_ALSO_NAME, TITLE_MODIFIER, wordFacts,
} from '../../src/core/entities/wordFacts.js';

const TYPED_SPAN = /⟦([^⟧]*)⟧(PERSON|ORG|PLACE|NORP|MISC)/g;

/**
 * ⟦name⟧TYPE marks every entity mention the recogniser must find, with its type; nothing
 * unmarked may be found. Written for text nobody tuned on: the names are not in any list.
 */
function check(marked: string): void {
  let text = '';
  const expected: string[] = [];
  let last = 0;
  for (const m of marked.matchAll(TYPED_SPAN)) {
    text += marked.slice(last, m.index);
    expected.push(`${m[2]} ${m[1]} @${text.length}`);
    text += m[1];
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  const got = analyzeDocument(text, { path: 'x.txt' }).entities.map((e) => `${e.type} ${e.text} @${e.start}`);
  assert.deepEqual(got, expected);
}

const cases: Array<[string, string]> = [
  ['titles stay outside names', 'At the meeting, ⟦Russian⟧NORP Ambassador to ⟦Kabul⟧PLACE ⟦Dmitry Zhirnov⟧PERSON spoke first.'],
  ['a title phrase with a ministry word', 'It was held with Interior Minister ⟦Sirajuddin Haqqani⟧PERSON on Tuesday.'],
  ['names no lexicon knows', 'Officials named ⟦Mukhammadsobir Faizov⟧PERSON and ⟦Yakubdzhoni Yusufzoda⟧PERSON as suspects.'],
  ['possessives stay outside', 'The ⟦Taliban⟧ORG’s decision surprised ⟦Pakistan⟧PLACE\'s envoy.'],
  ['hyphenated forms', 'After the ⟦US⟧PLACE-led withdrawal, the ⟦Tajikistan⟧PLACE-⟦Afghanistan⟧PLACE border was closed.'],
  ['an acronym defined in parentheses', 'The ⟦Collective Security Treaty Organization⟧ORG (⟦CSTO⟧ORG) met; the ⟦CSTO⟧ORG agreed.'],
  ['a title-case headline keeps only names', 'Those Weapons Were Never ‘War Booty’ Won By The ⟦Taliban⟧ORG In ⟦Afghanistan⟧PLACE\nThe weapons were left behind.'],
  ['an ordinary word opening a sentence is not a name', 'According to ⟦Hamid Ahmedi⟧PERSON, talks failed. However, ⟦Ahmedi⟧PERSON wrote again.'],
  ['facilities, lines and agreements', 'The attack on ⟦Crocus City Hall⟧PLACE followed talks on the ⟦Durand Line⟧PLACE and the ⟦Doha Agreement⟧MISC.'],
  ['metonymy: cities act as places', '⟦Moscow⟧PLACE seeks closer ties, and ⟦Kabul⟧PLACE agreed.'],
  ['nationality and group words', 'Many ⟦Tajiks⟧NORP and ⟦Pashtuns⟧NORP live there, said an ⟦Afghan⟧NORP official.'],
  ['dates and months are not names', 'On March 5, 2024, and again on Friday, nothing happened.'],
  ['an organisation with "of"', 'A statement by the ⟦Interior Ministry of Afghanistan⟧ORG followed.'],
  ['"the" stays outside the name of an organisation or place that heads its phrase', 'Fishermen wrote to the ⟦Coastal Fisheries Authority⟧ORG and to the ⟦Baltic Sea Commission⟧ORG, which answered.'],
  ['"the" stays outside a name that modifies a noun or owns something', 'Later the ⟦Coastal Fisheries Authority⟧ORG inspectors came, and the ⟦Coastal Fisheries Authority⟧ORG’s boats left the ⟦Vilnius⟧PLACE-based fleet.'],
  ['"the" stays outside people and nationality words', 'In 1990 the ⟦Estonian⟧NORP minister met the ⟦Dutch⟧NORP.'],
  ['"the" stays outside an acronym, whether this document defines it or not', 'Staff of the ⟦Nordic Grain Council⟧ORG (⟦NGC⟧ORG) said the ⟦NGC⟧ORG would wait; the ⟦WPQ⟧ORG did not.'],
  ['an ordinary word opening a sentence is a name when the document writes it alone with a capital', '⟦Orchard⟧ORG opens new stores.\nAnalysts said ⟦Orchard⟧ORG would grow. ⟦Orchard Foods⟧ORG was founded in 1990.'],
  ['an ordinary word opening a sentence is the surname of a full name the document gives', 'Analysts praised ⟦Tom Baker⟧PERSON on Monday.\n⟦Baker⟧PERSON said the plan would work.'],
  ['a given name opening a sentence before an unknown word is a person', '⟦Mark Oduya⟧PERSON joined the board in 2019.'],
  ['an ordinary word before a firm’s head word names a company, and opening the headline too', '⟦Lantern⟧ORG unveils a cheaper tablet\n⟦Lantern Computer⟧ORG introduced the tablet on Monday; shares of ⟦Harbour Airlines⟧ORG rose.'],
  ['a spaced hyphen joins two words that never stand apart into one firm’s name', 'Shoppers left ⟦Vant - Sorro⟧ORG for ⟦Harlan⟧ORG, and a ⟦Kestrel⟧ORG - ⟦Harlan⟧ORG rivalry grew; ⟦Vant - Sorro⟧ORG gave in.'],
  ['two words ending with a given name but opening with none are a firm, unless a title makes them someone', '⟦Brackley Douglas⟧ORG built the jet. Chairman ⟦Quorn Douglas⟧PERSON resigned.'],
  ['capitalised ordinary words spelling out an acronym are a term, not names', 'Analysts said that Harvesting, Storage and Milling (HSM) costs rose at ⟦Kestrel Foods⟧ORG, and HSM work slowed.'],
  ['without such evidence, ordinary words opening a sentence stay words', 'Mark the date. Apple pie was served, and Bill said nothing.'],
  ['an abbreviation ending a firm’s name keeps its full stop', 'Shares of ⟦Kestrel Robotics Inc.⟧ORG rose on Monday.'],
  ['a town followed by its state or country is one place', 'The plant opens in ⟦Dayton, Ohio⟧PLACE and later in ⟦Lyon, France⟧PLACE.'],
  ['ordinary words or an unknown word before a state are one town, and a town before a noun takes no "the"', 'Jets flew from ⟦Green Harbor, Alabama⟧PLACE on Monday, from ⟦Quillby, Washington⟧PLACE later, and to the ⟦Dorrance, California⟧PLACE show.'],
  ['a list of places stays a list', 'Envoys from ⟦Kabul⟧PLACE, ⟦Tashkent⟧PLACE and ⟦Tehran⟧PLACE met. In Meetings In ⟦Kabul⟧PLACE, ⟦Russia⟧PLACE And ⟦Iran⟧PLACE Agree'],
  ['an ampersand joins one firm’s name', 'Lawyers at ⟦Harlow & Finch⟧ORG sued ⟦KL&M⟧ORG last week.'],
  ['units, prefixes and holidays are no organisations', 'The 8GB model sold well over ⟦Christmas⟧MISC. Pre-orders opened in May.'],
  ['a possessive inside a name', 'Officials of the ⟦People\'s Republic of China⟧PLACE spoke.'],
  ['an ordinary word opening the name of a public body at a sentence start', '⟦National Fisheries Council⟧ORG officials met on Monday.'],
  ['two titles before a name', 'Mr Justice ⟦Alan Mercer⟧PERSON ruled against the bank.'],
  ['a title word ending a name that opens with a given name', 'Readers queued for ⟦Stephen King⟧PERSON on Friday.'],
  ['one name, one type: an organisation noun types every mention', '⟦Irish⟧NORP airline ⟦Aer Tara⟧ORG ordered jets. ⟦Aer Tara⟧ORG also leases two.'],
  ['the European Union is a place, like a country', 'Flights were banned in the ⟦EU⟧PLACE and the ⟦European Union⟧PLACE said so.'],
  ['a surname after a lower-case title', 'The talks with ⟦Afghan⟧NORP foreign minister ⟦Muttaqi⟧PERSON ended.'],
];

for (const [name, marked] of cases) test(`entities: ${name}`, () => check(marked));

test('entities: roles from a title before the name and an apposition after it', () => {
  const text = 'Later, Zamir Kabulov, Russia’s special envoy for Afghanistan, met Russian Ambassador to Kabul Dmitry Zhirnov.';
  const entities = analyzeDocument(text, { path: 'x.txt' }).entities;
  const roles = Object.fromEntries(entities.filter((e) => e.type === 'PERSON').map((e) => [e.text, e.roles.map((r) => r.text)]));
  assert.deepEqual(roles, {
    'Zamir Kabulov': ['Russia’s special envoy for Afghanistan'],
    'Dmitry Zhirnov': ['Russian Ambassador to Kabul'],
  });
});

test('entities: any text gives an answer (binary-looking, lone surrogates, empty)', () => {
  for (const text of ['', '\u0000\u0001 Kabul', 'A \uD800 B', '['.repeat(1000), 'ALL CAPS HEADLINE ABOUT NATO', 'x'.repeat(10_000)]) {
    const entities = analyzeDocument(text, { path: 'x.txt' }).entities;
    for (const e of entities) assert.ok(e.start >= 0 && e.end <= text.length && e.start < e.end);
  }
});

// wordFacts: the lexicon's answers about a word as bits, asked once per token by the recogniser.
// Each bit must say what the lexicon function says; the recogniser's own lists give the last two.
const FACT_QUESTIONS: Array<[number, string, (w: string) => boolean]> = [
  [COMMON, 'common', (w) => isCommonWord(w.toLowerCase())],
  [KNOWN, 'known', (w) => !!(lookupPlace(w) || lookupNationality(w) || lookupAlias(w))],
  [PLACE, 'place', (w) => !!lookupPlace(w)],
  [NATIONALITY, 'nationality', (w) => !!lookupNationality(w)],
  [ALIAS, 'alias', (w) => !!lookupAlias(w)],
  [MONTH_OR_DAY, 'month or day', (w) => MONTHS_AND_DAYS.has(w)],
  [TITLE, 'title', isTitleWord],
  [TITLE_MODIFIER, 'title modifier', isTitleModifier],
  [TITLE_ALSO_NAME, 'title also name', isTitleAlsoName],
  [GIVEN, 'given name', isGivenName],
  [ORG_HEAD, 'org head', isOrgHead],
  [PLACE_HEAD, 'place head', isPlaceHead],
  [MISC_HEAD, 'misc head', isMiscHead],
  [ORG_PREFIX, 'org prefix', isOrgPrefix],
  [LANGUAGE, 'language', isLanguage],
];
const FACT_WORDS: Array<[string, { functionWord?: boolean; notName?: boolean }]> = [
  ['Kabul', {}], ['KABUL', {}], ['kabul', {}], ['Afghan', {}], ['Taliban', {}], ['Daesh', {}], ['US', {}], ['U.S.', {}],
  ['March', {}], ['Friday', {}], ['President', {}], ['president', {}], ['Foreign', {}], ['Amir', {}], ['Mark', {}],
  ['Ministry', {}], ['Line', {}], ['Agreement', {}], ['Pashto', {}], ['Apple', {}], ['Zhirnov', {}], ['', {}],
  ['The', { functionWord: true }], ['and', { functionWord: true }], ['Between', { functionWord: true }],
  ['UTC', { notName: true }], ['CEO', { notName: true }], ['I', { notName: true }], ['Taliban’s', {}], ['Côte', {}],
];
for (const [word, own] of FACT_WORDS) {
  test(`entities: wordFacts of "${word}" say what the lexicon says`, () => {
    const facts = wordFacts(word);
    for (const [bit, name, ask] of FACT_QUESTIONS) assert.equal((facts & bit) !== 0, ask(word), name);
    assert.equal((facts & FUNCTION_WORD) !== 0, !!own.functionWord, 'function word');
    assert.equal((facts & NOT_NAME) !== 0, !!own.notName, 'not a name');
    assert.equal(wordFacts(word), facts, 'asked again');
  });
}

for (const name of ['Islamic State', 'the United States', 'Saudi Arabia', 'Afghan Taliban', 'Dmitry Zhirnov', 'Hong Kong', 'Côte d’Ivoire', 'Kabul', 'Tajiks', '']) {
  test(`entities: spanFacts of "${name}" say what the lexicon says`, () => {
    const facts = spanFacts(name);
    for (const [bit, what, ask] of FACT_QUESTIONS.slice(1, 5)) assert.equal((facts & bit) !== 0, ask(name), what);
    assert.equal(facts & ~(KNOWN | PLACE | NATIONALITY | ALIAS), 0, 'name facts only');
  });
}

for (const word of ['the', 'The', 'THE', 'tHe', 'thee', 'th', 'Thé', 'tħe', '']) {
  test(`entities: isThe("${word}") is /^the$/i`, () => assert.equal(isThe(word), /^the$/i.test(word)));
}

for (const text of ['Kabul', 'Dmitry Zhirnov', 'a\tb', 'a\nb', 'a\u00a0b', 'a\u2009b', 'a\u3000b', 'a\ufeffb', 'Côte d’Ivoire', '', ' ', 'x\u200bz']) {
  test(`entities: hasSpace(${JSON.stringify(text)}) is /\\s/.test`, () => assert.equal(hasSpace(text), /\s/.test(text)));
}

for (const starts of [[], [3], [1, 2, 3], [1, 1, 2], [2, 1], [1, 3, 2], [5, 5, 5]]) {
  test(`entities: sortedByStart([${starts}]) says whether a stable sort keeps the order`, () => {
    const mentions = starts.map((start, i) => ({ start, i }));
    const sorted = [...mentions].sort((a, b) => a.start - b.start);
    assert.equal(sortedByStart(mentions), sorted.every((m, k) => m === mentions[k]));
  });
}

for (const text of ['', '.', '"', 'A.', 'A,', 'A;', 'A:', 'A', 'He said."', 'He said.”', 'He said,’', 'It (ends.)', 'It ends)', 'x.""', 'x"', '.”', 'x. ', 'Title Case Headline', 'Kabul, March 5 –']) {
  test(`entities: mayBeHeadlineByWords(${JSON.stringify(text)}) is !/[.;,]["”’)]?$/`, () => assert.equal(mayBeHeadlineByWords(text), !/[.;,]["”’)]?$/.test(text)));
}
