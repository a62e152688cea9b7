// What decide.ts keeps of the model's names where the guidelines speak: titles outside names, no
// possessive inside one, the curated lexicon's names. The shipped model reads each text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNameModel, type NameModel } from '../../src/core/entities/model/index.js';
import { recognizeEntities } from '../../src/core/entities/recognize.js';

const loaded = loadNameModel(readFileSync('models/names.model'));
if ('error' in loaded) throw new Error(loaded.error);
const model: NameModel = loaded;

/** `want`: names the text must have ("text/TYPE"); `not`: texts no name may be. */
function check(text: string, want: string[], not: string[] = []): void {
  const names = recognizeEntities(text, undefined, model).map((m) => `${m.text}/${m.type}`);
  for (const w of want) assert.ok(names.includes(w), `${w} not among ${JSON.stringify(names)}`);
  for (const n of not) assert.ok(!names.some((m) => m.startsWith(`${n}/`)), `${n} is a name in ${JSON.stringify(names)}`);
}

const cases: Array<[string, string, string[], string[]?]> = [
  ['a title between a nationality word and a full name stays outside',
    'In a statement, Russian Foreign Minister Kadri Vaher emphasized the importance of dialogue.', ['Russian/NORP', 'Kadri Vaher/PERSON'], ['Foreign Minister Kadri Vaher', 'Russian Foreign Minister Kadri Vaher']],
  ['a possessive splits two names',
    'Norway’s Foreign Ministry announced on Friday that the talks would resume.', ['Norway/PLACE', 'Foreign Ministry/ORG'], ['Norway’s Foreign Ministry']],
  ['a possessive splits two names, straight apostrophe',
    'Maria Lind, spokesperson for Sweden\'s Ministry of Foreign Affairs, said the talks would resume.', ['Sweden/PLACE', 'Ministry of Foreign Affairs/ORG']],
  ['a portfolio in a title is no organisation',
    'He served as Minister of Defense and later as Minister of Interior Affairs in the cabinet of Oleksa Marchenko.', ['Oleksa Marchenko/PERSON'], ['Defense', 'Interior Affairs']],
  ['after "of the", an organisation',
    'Viktor Pell, Secretary of the Security Council of the Republic, led the delegation to Tallinn.', ['Viktor Pell/PERSON', 'Security Council of the Republic/ORG']],
  ['an unknown word before a full name given elsewhere is a title',
    'Pieter Aldous arrived on Monday. Later, the Dutch Amabassador Pieter Aldous met the minister.', ['Pieter Aldous/PERSON'], ['Amabassador Pieter Aldous']],
];

for (const [name, text, want, not] of cases) test(`decide: ${name}`, () => check(text, want, not));
