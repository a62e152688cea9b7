import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDefinitionEdit, findFootnotes, renameFootnoteEdits, renumberFootnotesEdits } from '../../src/core/index.js';
import { applyEdits, dedent } from '../fixture.js';

type Edit = (text: string) => ReturnType<typeof renumberFootnotesEdits>;

/** The text after the edit, or the error message the edit gives. */
function check(before: string, edit: Edit, after: string): void {
  const text = dedent(before);
  const result = edit(text);
  if ('error' in result) assert.equal(result.error, after);
  else assert.equal(applyEdits(text, result.edits), dedent(after));
}

const add = (label: string): Edit => (t) => ({ edits: [addDefinitionEdit(t, findFootnotes(t), label)] });
const rename = (from: string, to: string): Edit => (t) => renameFootnoteEdits(findFootnotes(t), from, to);
const renumber: Edit = (t) => renumberFootnotesEdits(t, findFootnotes(t));

const cases: Array<[string, string, Edit, string]> = [
  ['add a missing definition after the last one, keeping the spacing', `
    A.[1] B.[2]

    [1] One.
  `, add('2'), `
    A.[1] B.[2]

    [1] One.

    [2] 
  `],
  ['add the first definition: a notes block starts at the end', `
    A.[1]
  `, add('1'), `
    A.[1]

    [1] 
  `],
  ['rename a label everywhere', `
    A.[1] B.[2] C.[1]

    [1] One.
    [2] Two.
  `, rename('1', '5'), `
    A.[5] B.[2] C.[5]

    [5] One.
    [2] Two.
  `],
  ['rename accepts the brackets typed', 'A.[1]\n\n[1] One.', rename('1', '[3]'), 'A.[3]\n\n[3] One.'],
  ['rename refuses a taken label', 'A.[1] B.[2]\n\n[1] One.\n[2] Two.', rename('1', '2'),
    'Footnote [2] already exists. To shift several notes, use "Renumber footnotes in order of appearance".'],
  ['rename refuses a non-number', 'A.[1]\n\n[1] One.', rename('1', 'x'), 'Footnote labels are whole numbers, like 3; "x" is not one.'],
  ['renumber in order of appearance, moving definitions into order', `
    A.[3] B.[1] C.[3]

    [1] One.

    [3] Three.
  `, renumber, `
    A.[1] B.[2] C.[1]

    [1] Three.

    [2] One.
  `],
  ['renumber keeps uncited definitions after the cited ones', `
    A.[2]

    [1] Never cited.
    [2] Cited.
  `, renumber, `
    A.[1]

    [1] Cited.
    [2] Never cited.
  `],
  ['renumber refuses duplicates', 'A.[1]\n\n[1] One.\n[1] Again.', renumber, 'Some footnotes are defined twice; resolve the duplicates first.'],
];

for (const [name, before, edit, after] of cases) test(`footnote edits: ${name}`, () => check(before, edit, after));
