// Headlines and datelines in capitals are read as running text would write them: the spelling is
// the document's own where it has one, and offsets never move. The shipped model reads the names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNameModel, type NameModel } from '../../src/core/entities/model/index.js';
import { recognizeEntities } from '../../src/core/entities/recognize.js';
import { tokenize } from '../../src/core/entities/tokenize.js';
import { truecaseHeadlines } from '../../src/core/entities/truecase.js';

const loaded = loadNameModel(readFileSync('models/names.model'));
if ('error' in loaded) throw new Error(loaded.error);
const model: NameModel = loaded;

/** `line`: the first line as truecasing writes it (null: left as it is); `names`: what must be read there, as the document writes it. */
function check(text: string, line: string | null, names: string[]): void {
  const cased = truecaseHeadlines(text, tokenize(text));
  if (line === null) assert.equal(cased, null);
  else {
    assert.ok(cased !== null, 'nothing was rewritten');
    assert.equal(cased.length, text.length);
    assert.equal(cased.split('\n')[0], line);
  }
  const read = recognizeEntities(text, undefined, model).map((m) => `${m.text}/${m.type}`);
  for (const n of names) assert.ok(read.includes(n), `${n} not among ${JSON.stringify(read)}`);
}

const cases: Array<[string, string, string | null, string[]]> = [
  ['a headline in capitals takes the article’s spelling',
    'MAFIA BOSS HANGS HIMSELF IN SICILY PRISON\nOne of the Mafia bosses arrested in Sicily was found dead in his cell, police said.',
    'Mafia boss hangs himself in Sicily prison', ['MAFIA/ORG', 'SICILY/PLACE']],
  ['unknown words: common ones lower case, short ones kept as acronyms, others capitalised',
    'CNN DOCTOR GUPTA TAPPED FOR SURGEON GENERAL\nThe network confirmed the approach on Tuesday.',
    'CNN doctor Gupta tapped for surgeon general', ['CNN/ORG', 'GUPTA/PERSON']],
  ['a name of several words the lexicon knows stays whole, a possessive in lower case',
    'MIDDLE EAST CABLES CUT, CAROLINA\'S TRAFFIC HIT\nTraffic was hampered on Friday.',
    'Middle East cables cut, Carolina\'s traffic hit', ['MIDDLE EAST/PLACE']],
  ['a dateline opens a line of running text',
    'LOS ANGELES, Dec 6 - The city council voted on Tuesday.',
    'Los Angeles, Dec 6 - The city council voted on Tuesday.', ['LOS ANGELES/PLACE']],
  ['a title before a name is a title',
    'OBAMA PICKS DR SANJAY GUPTA\nBarack Obama has asked Sanjay Gupta to serve.',
    'Obama picks Dr Sanjay Gupta', ['SANJAY GUPTA/PERSON']],
  ['running text in capitals one word at a time is left alone',
    'Officials of NATO and the UN met in Brussels on Monday.', null, ['NATO/ORG', 'Brussels/PLACE']],
];

for (const [name, text, line, names] of cases) test(`truecase: ${name}`, () => check(text, line, names));
