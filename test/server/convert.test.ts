// Core offsets to LSP positions and the core's answers to LSP types. A span's ends as the editor
// counts them (UTF-16 code units, so a surrogate pair is two; CRLF, CR and LF end a line, and an end
// inside a CRLF stays on its line), whether the document is open (TextDocument) or read from disk
// (DiskDocument); a file's own problems at its start; diagnostics with their tags, related places
// and data; outline items as symbols, their details cut to a line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, DocumentHighlightKind, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OutlineItem, Problem } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { toDiagnostic, toDocumentSymbol, toHighlight, toRange, toTextEdit } from '../../src/server/convert.js';

const URI = 'file:///c/a.txt';
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** The span between ⟦ and ⟧ in `marked`: its range in the text without them, with either kind of document. */
function checkRange(marked: string, expected: ReturnType<typeof range>): void {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧') - 1;
  const text = marked.replace('⟦', '').replace('⟧', '');
  for (const doc of [TextDocument.create(URI, 'corpus', 0, text), new DiskDocument(URI, text)]) {
    assert.deepEqual(toRange(doc, { start, end }), expected, `${doc.constructor.name}: ${JSON.stringify(marked)}`);
  }
}

const ranges: Array<[string, string, ReturnType<typeof range>]> = [
  ['a word in the first line', 'a ⟦word⟧ here', range(0, 2, 0, 6)],
  ['up to the end of a line', 'ab⟦cd⟧\nef', range(0, 2, 0, 4)],
  ['over a line break: the end at the next line\'s start', 'ab⟦cd\n⟧ef', range(0, 2, 1, 0)],
  ['on a line after a CRLF', 'ab\r\n⟦cd⟧\r\nef', range(1, 0, 1, 2)],
  ['ending between CR and LF: at the end of its line', 'ab⟦cd\r⟧\nef', range(0, 2, 0, 4)],
  ['after a lone CR', 'ab\r⟦cd⟧', range(1, 0, 1, 2)],
  ['after a surrogate pair: two code units', '😀 ⟦Kabul⟧', range(0, 3, 0, 8)],
  ['a surrogate pair itself', 'a⟦😀⟧b\r\n', range(0, 1, 0, 3)],
  ['on the last line, to the end of the text', 'a\r\n\r\n⟦last⟧', range(2, 0, 2, 4)],
  ['a file\'s own problem, at its start', '⟦⟧ab\ncd', range(0, 0, 0, 0)],
];

for (const [name, marked, expected] of ranges) test(`convert: range ${name}`, () => checkRange(marked, expected));

// Line 2 starts at offset 9, its emoji takes 19-21 and its marker [1] 26-29; line 3 starts at 35.
const TEXT = 'Title\r\n\r\nEnvoy met 😀 him.[1] Old.\n[1] Source.';
const doc = new DiskDocument(URI, TEXT);

test('convert: a problem as a diagnostic, with its severity, tag, related places in the same document, and data', () => {
  const problem: Problem = {
    start: 26, end: 29, severity: 'warning', code: 'footnote.unused', message: 'Footnote [1] is never cited.', unnecessary: true,
    related: [{ start: 35, end: 38, message: 'Defined here' }], data: { label: '1' },
  };
  assert.deepEqual(toDiagnostic(doc, problem), {
    range: range(2, 17, 2, 20), severity: DiagnosticSeverity.Warning, code: 'footnote.unused', source: 'corpus-lens', message: 'Footnote [1] is never cited.',
    tags: [DiagnosticTag.Unnecessary], data: { label: '1' },
    relatedInformation: [{ location: { uri: URI, range: range(3, 0, 3, 3) }, message: 'Defined here' }],
  });
  const severities = (['error', 'warning', 'information', 'hint'] as const).map((severity) => toDiagnostic(doc, { ...problem, severity }).severity);
  assert.deepEqual(severities, [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint]);
  // Nothing more than it has: no empty tags, related places or data.
  assert.deepEqual(Object.keys(toDiagnostic(doc, { start: 0, end: 5, severity: 'error', code: 'c', message: 'm' })), ['range', 'severity', 'code', 'source', 'message']);
});

test('convert: an edit and a highlight keep their ranges; a write highlight stays a write', () => {
  assert.deepEqual(toTextEdit(doc, { start: 26, end: 29, newText: '[2]' }), { range: range(2, 17, 2, 20), newText: '[2]' });
  assert.deepEqual([toHighlight(doc, { start: 9, end: 14, kind: 'write' }), toHighlight(doc, { start: 9, end: 14, kind: 'read' })], [
    { range: range(2, 0, 2, 5), kind: DocumentHighlightKind.Write }, { range: range(2, 0, 2, 5), kind: DocumentHighlightKind.Read },
  ]);
});

test('convert: outline items as symbols: kinds by item and by entity type, an empty name kept visible, a long detail cut, children kept', () => {
  const item = (over: Partial<OutlineItem>): OutlineItem => ({ name: 'n', detail: '', kind: 'entity', span: { start: 9, end: 14 }, selection: { start: 9, end: 14 }, children: [], ...over });
  const symbol = toDocumentSymbol(doc, item({
    name: '', kind: 'body', detail: 'x'.repeat(130), span: { start: 9, end: 40 },
    children: [
      item({ name: 'Envoy', entityType: 'PERSON' }), item({ name: 'Kabul', entityType: 'PLACE' }), item({ name: 'Taliban', entityType: 'ORG' }),
      item({ name: 'Afghan', entityType: 'NORP' }), item({ name: 'Doha Agreement', entityType: 'MISC' }), item({ name: 'Odd', entityType: 'EVENT' }),
      item({ name: '[1]', kind: 'footnote', detail: 'Source.', span: { start: 35, end: 46 }, selection: { start: 35, end: 38 } }),
    ],
  }));
  assert.deepEqual({ ...symbol, children: undefined }, {
    name: ' ', detail: `${'x'.repeat(119)}…`, kind: SymbolKind.Namespace, range: range(2, 0, 3, 5), selectionRange: range(2, 0, 2, 5), children: undefined,
  });
  assert.equal(toDocumentSymbol(doc, item({ detail: 'y'.repeat(120) })).detail, 'y'.repeat(120), '120 characters fit');
  assert.deepEqual(symbol.children!.map((c) => [c.name, c.kind]), [
    ['Envoy', SymbolKind.Constructor], ['Kabul', SymbolKind.EnumMember], ['Taliban', SymbolKind.Class], ['Afghan', SymbolKind.TypeParameter],
    ['Doha Agreement', SymbolKind.Struct], ['Odd', SymbolKind.Object], ['[1]', SymbolKind.Number],
  ]);
  assert.deepEqual(symbol.children!.at(-1)!.selectionRange, range(3, 0, 3, 3));
});
