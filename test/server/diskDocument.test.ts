// Positions of documents not open in the editor must be the editor's own: DiskDocument against
// TextDocument (the editor's model) on texts with every kind of line break.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { lineStarts } from '../../src/core/index.js';

const piece = fc.constantFrom('a', 'Kabul ', '\n', '\r\n', '\r', '\n\n', 'é', '😀', '');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function check(name: string, property: (text: string, editor: TextDocument, disk: DiskDocument, n: number) => void) {
  test(`disk document: ${name}`, () => {
    fc.assert(fc.property(text, fc.integer({ min: -3, max: 120 }), (t, n) => property(t, TextDocument.create('file:///a.txt', 'corpus', 0, t), new DiskDocument('file:///a.txt', t), n)));
  });
}

check('line count as the editor counts lines', (_, editor, disk) => assert.equal(disk.lineCount, editor.lineCount));
check('offsets to positions as the editor', (_, editor, disk, n) => assert.deepEqual(disk.positionAt(n), editor.positionAt(n)));
check('offsets to positions as the editor, with the line starts handed over (a large document\'s, from its analysis thread)', (t, editor, _, n) => {
  assert.deepEqual(new DiskDocument('file:///a.txt', t, lineStarts(t)).positionAt(n), editor.positionAt(n));
});
check('positions to offsets as the editor', (t, editor, disk, n) => {
  for (const position of [{ line: n % 7, character: n }, { line: n, character: 0 }, { line: -1, character: 2 }, { line: 0, character: -n }]) {
    assert.equal(disk.offsetAt(position), editor.offsetAt(position), JSON.stringify({ t, position }));
  }
});
check('text of a range as the editor', (_, editor, disk, n) => {
  const range = { start: disk.positionAt(n % 9), end: disk.positionAt(n) };
  assert.equal(disk.getText(range), editor.getText(range));
  assert.equal(disk.getText(), editor.getText());
});
