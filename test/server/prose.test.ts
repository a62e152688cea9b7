// Folding, selection ranges and footnote completion in LSP terms: the core finds where (tested in
// test/core); this checks what the server makes of it. The notes block folds as a region with its
// collapsed text, a paragraph as plain text; a selection grows from the name under the cursor
// outwards, each range the parent of the one inside; after "[" every footnote label, the cited
// ones first with their text, each replacing what was typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemKind, type Position } from 'vscode-languageserver';
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { footnoteCompletionsOf, foldingRangesOf, selectionRangesOf } from '../../src/server/prose.js';

/** The fixture with cursor markers ‸name‸ where the requests are made. */
const MARKED = 'March 5, 2024\n\nEnvoy in Kabul\n\nEnvoy Dmitry Zh‸name‸irnov met Sirajuddin Haqqani in Kabul.[1] He left.\nA second line.\n\nNew paragraph [‸bracket‸\n\nNotes\n[1] Source one.\n[2] Source two, unused.\n';
const URI = 'file:///c/a.txt';

function fixture(uri: string) {
  const at: Record<string, number> = {};
  const text = MARKED.replace(/‸(\w+)‸/g, (_, name: string, offset: number) => {
    at[name] = offset - Object.keys(at).reduce((n, k) => n + k.length + 2, 0);
    return '';
  });
  const corpus = new Corpus();
  corpus.update(URI, text, analyzeDocument(text, { path: URI }));
  const doc = new DiskDocument(uri, text);
  return { corpus, doc, text, position: (name: string): Position => doc.positionAt(at[name]!) };
}

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
/** A selection chain, innermost first, as nested parents. */
const chain = (...ranges: ReturnType<typeof range>[]) => ranges.reduceRight<object | undefined>((parent, r) => ({ range: r, ...(parent ? { parent } : {}) }), undefined);
const completion = (label: string, kind: CompletionItemKind, detail: string, k: number, documentation?: string) => ({
  label, kind, detail, ...(documentation ? { documentation: { kind: 'plaintext', value: documentation } } : {}),
  sortText: String(k).padStart(5, '0'), filterText: label, textEdit: { range: range(7, 14, 7, 15), newText: label },
});

type Request = { folding: true } | { selection: Array<string | Position> } | { completion: string };

function check(uri: string, request: Request, expected: unknown): void {
  const { corpus, doc, text, position } = fixture(uri);
  const answer = 'folding' in request ? foldingRangesOf(text, corpus, uri)
    : 'selection' in request ? selectionRangesOf(doc, corpus, uri, request.selection.map((p) => (typeof p === 'string' ? position(p) : p)))
    : footnoteCompletionsOf(doc, corpus, uri, position(request.completion));
  assert.deepEqual(answer, expected);
}

const WHOLE = range(0, 0, 12, 0);

const cases: Array<[string, string, Request, unknown]> = [
  ['folding: a paragraph of two lines as text, the notes as a region', URI, { folding: true }, [
    { startLine: 4, endLine: 5 }, { startLine: 9, endLine: 11, kind: 'region', collapsedText: 'Notes…' },
  ]],
  ['folding: an unknown document folds nothing', 'file:///c/other.txt', { folding: true }, []],
  ['selection: the name, its sentence, its paragraph, the body, the document', URI, { selection: ['name'] }, [
    chain(range(4, 6, 4, 20), range(4, 0, 4, 56), range(4, 0, 5, 14), range(4, 0, 7, 15), WHOLE),
  ]],
  ['selection: one answer per position; past the end, the document', URI, { selection: ['name', { line: 99, character: 0 }] }, [
    chain(range(4, 6, 4, 20), range(4, 0, 4, 56), range(4, 0, 5, 14), range(4, 0, 7, 15), WHOLE), chain(WHOLE),
  ]],
  ['selection: a document not in the corpus: its text\'s sentences and paragraphs, no names', 'file:///c/other.txt', { selection: ['name'] }, [
    chain(range(4, 0, 4, 56), range(4, 0, 5, 14), WHOLE),
  ]],
  ['completion after "[": the cited notes with their text, then the next free label', URI, { completion: 'bracket' }, [
    completion('[1]', CompletionItemKind.Reference, 'Footnote [1]', 0, 'Source one.'),
    completion('[2]', CompletionItemKind.Reference, 'Footnote [2]', 1, 'Source two, unused.'),
    completion('[3]', CompletionItemKind.Value, 'a new note (add its definition to the notes)', 2),
  ]],
  ['completion not after "[": none', URI, { completion: 'name' }, []],
  ['completion in an unknown document: none', 'file:///c/other.txt', { completion: 'bracket' }, []],
];

for (const [name, uri, request, expected] of cases) test(`prose: ${name}`, () => check(uri, request, expected));
