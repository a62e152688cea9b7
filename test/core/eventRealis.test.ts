// Which words of a sentence report a happening (realis.ts): what happened or is planned for a
// definite time is listed, with who did it and to whom; negated, hypothetical, conditional, generic
// and modifying uses are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../src/core/index.js';

/** A document's event mentions as "trigger kind modality date: agent > patient" lines. */
function check(text: string, expected: string[]): void {
  const events = analyzeDocument(text, { path: 'a.txt' }).events;
  const names = (list: Array<{ text: string }>) => list.map((m) => m.text).join(', ');
  assert.deepEqual(events.map((e) => `${e.trigger} ${e.kind} ${e.modality} ${e.date?.value ?? 'undated'}: ${names(e.agent)} > ${names(e.patient)}`), expected);
}

const cases: Array<[string, string, string[]]> = [
  ['a weekday is a definite time, though no date places it', 'A judge on Saturday sentenced the man.', ['sentenced sentence actual undated:  > ']],
  ['nobody named, no place, no time: a happening all the same', 'A judge sentenced the man.', ['sentenced sentence actual undated:  > ']],
  ['a dated act, its doer and its object', 'Russia removed the Taliban from its list of banned organizations on March 3, 2024.', ['removed decision actual 2024-03-03: Russia > Taliban']],
  ['a definite future is planned', 'Sergei Lavrov will meet Amir Khan Muttaqi in Moscow on October 4, 2024.', ['meet meeting planned 2024-10-04: Sergei Lavrov > Amir Khan Muttaqi']],
  ['a subject "no country" negates, over "has yet"', 'No country has yet formally recognized the Taliban-led government.', []],
  ['"not" negates', 'The Taliban did not meet Zamir Kabulov.', []],
  ['a modal is hypothetical', 'Sergei Lavrov may meet Amir Khan Muttaqi in Moscow.', []],
  ['a condition is hypothetical', 'Such a step is impossible unless the label is removed by Russia.', []],
  ['a participle before a noun modifies it', 'The Taliban-appointed ambassadors arrived.', []],
  ['a noun before another noun modifies it', 'The election campaign in Turkey began.', []],
  ['an adverb or a verb after a noun tells about the noun', 'A suspicious fire virtually destroyed the Wasilla Bible Church early Saturday.', ['fire disaster actual undated:  > Wasilla Bible Church', 'destroyed disaster actual undated:  > Wasilla Bible Church']],
  ['a bare plural is generic', 'Militants carry out cross-border attacks against Pakistan.', []],
  ['a bare plural is particular when it fills days, is faced or entered, or has its place and date', 'The shooting sparked five days of riots. The driver is facing manslaughter charges. Ross is in negotiations with Lionsgate. Elections in Turkmenistan were held on December 15, 2013. Militants carry out attacks in Pakistan.', ['shooting attack actual undated:  > ', 'riots protest actual undated:  > ', 'manslaughter killing actual undated:  > ', 'charges charge actual undated:  > ', 'negotiations meeting actual undated:  > Lionsgate', 'Elections election actual 2013-12-15:  > ']],
  ['a source is no happening; what it tells is', 'According to a report by Reuters, the talks failed.', ['talks meeting actual undated:  > ']],
  ['an -ing clause tells what the happening before it brought about', 'A bomb exploded at the bank, killing a guard and critically injuring the manager.', ['exploded attack actual undated:  > ', 'killing attack actual undated:  > ', 'injuring attack actual undated:  > ']],
  ['an -ing clause that goes on with a statement is not another happening', 'The minister spoke in Kabul, urging calm.', []],
  ['a disaster "hits" and "strikes"; prices do not fall', 'A powerful earthquake struck southern Iran, while oil prices fell sharply.', ['earthquake disaster actual undated:  > ', 'struck disaster actual undated:  > ']],
  ['a fall from a height is an accident', 'The climber slipped and fell 200 feet from a ridge.', ['slipped accident actual undated:  > ', 'fell accident actual undated:  > ']],
  ['news tells of escapes, care and harm', 'Joseph Comeaux escaped from a prison van. Tara Reid checked into a clinic. Two people were hurt.', ['escaped escape actual undated: Joseph Comeaux > ', 'checked into treatment actual undated: Tara Reid > ', 'hurt injury actual undated:  > ']],
  ['an -ing form after a determiner or before "of" is a noun', 'Riots followed the police killing of a teenager.', ['killing killing actual undated:  > ']],
  ['an -ing form after "after" or "by", or that a verdict is about, happened', 'Lohan checked into a clinic after fleeing another one. A jury convicted a gang member of murdering a deputy. The minister spoke, after offering to resign.', ['checked into treatment actual undated: Lohan > ', 'fleeing escape actual undated:  > ', 'convicted verdict actual undated:  > ', 'murdering killing actual undated:  > ']],
  ['an -ing form joined by "and" reads as the one before it', 'Hiller admitted killing two coworkers and seriously wounding a third.', ['admitted statement actual undated: Hiller > ', 'killing killing actual undated: Hiller > ', 'wounding killing actual undated: Hiller > ']],
  ['a vehicle hits; a count of the dead; a fall of a distance', 'A woman was struck by a car in Queens. Ten dead in quake. The man fell around 2000 ft near the hut. The team hit a new record.', ['struck accident actual undated:  > ', 'fell accident actual undated:  > ', 'dead death actual undated:  > ', 'quake disaster actual undated:  > ']],
  ['an -ing noun heads a compound; an -ing clause after "and" follows the one after the comma', 'A man was charged in the office party shooting. An earthquake shook southern Iran, flattening seven villages and killing 10 people. The Article Examines Meeting Between Envoys.', ['charged charge actual undated:  > ', 'shooting attack actual undated:  > ', 'earthquake disaster actual undated:  > ', 'shook disaster actual undated:  > ', 'killing killing actual undated:  > ']],
  ['news tweets, rams and torches', 'Ellen DeGeneres tweeted the news. Four men rammed their car into a store. Vandals torched the church.', ['tweeted statement actual undated: Ellen DeGeneres > ', 'rammed attack actual undated:  > ', 'torched crime actual undated:  > ']],
  ['an infinitive is told by the verb that holds it', 'Russia decided to remove the Taliban from the list.', ['decided decision actual undated: Russia > ']],
];

for (const [name, text, expected] of cases) test(`realis: ${name}`, () => check(text, expected));
