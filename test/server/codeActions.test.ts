// Code actions in LSP terms: which kinds a request's `only` asks for (renumbering is a source
// action when asked as one, a quick fix under the light bulb), each fix tied to the diagnostic the
// editor sent (by its place in the request, its range as the editor had it), edits as LSP ranges.
// Which actions the core offers is tested in test/core/snapshot/codeActions.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { problemsOf } from '../../src/core/index.js';
import { ANNOTATE_KIND, codeActions, RENUMBER_KIND } from '../../src/server/codeActions.js';
import { toDiagnostic } from '../../src/server/convert.js';
import { DiskDocument } from '../../src/server/diskDocument.js';
import { applyEdits } from '../fixture.js';
import { corpusOf } from '../core/snapshot/corpusOf.js';

const MUTTAQI = {
  'a.txt': 'Foreign Minister Amin Khan Mutta$0qi met the envoy.',
  'b.txt': 'Foreign Minister Amir Khan Muttaqi spoke.',
  'c.txt': 'Later Amir Khan Muttaqi travelled.',
};
const FOOTNOTES = { 'a.txt': 'A.[2] B.[1] C.[3]$0\n\n[1] One.\n[2] Two.' };

interface Ask {
  /** The document's problems of these codes, sent as the editor got them; `foreign`: another extension's diagnostic first. */
  problems?: string[];
  foreign?: boolean;
  only?: string[];
  /** The document the request names (else the one with the cursor). */
  uri?: string;
}

/** Each action as "kind title [codes of its diagnostics]", then what it does: the document after its edits, or its command. */
function shown(action: CodeAction, text: string, doc: DiskDocument): string {
  const codes = action.diagnostics ? ` [${action.diagnostics.map((d) => d.code).join(',')}]` : '';
  const preferred = action.isPreferred ? ' (preferred)' : '';
  const edits = Object.entries(action.edit?.changes ?? {}).map(([uri, list]: [string, TextEdit[]]) => `${uri}: ${JSON.stringify(applyEdits(text, list.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText }))))}`);
  return `${action.kind} ${action.title}${codes}${preferred} → ${action.command ? action.command.command : edits.join('; ')}`;
}

function check(docs: Record<string, string>, ask: Ask, expected: string[]): void {
  const { corpus, texts, cursor } = corpusOf(docs);
  corpus.linked();
  const text = texts.get(cursor.path)!;
  const doc = new DiskDocument(cursor.path, text);
  const foreign: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'Spelling?', code: 'entity.spelling', source: 'cSpell' };
  const diagnostics = [
    ...(ask.foreign ? [foreign] : []),
    ...problemsOf(corpus.current, cursor.path).filter((p) => ask.problems?.includes(p.code)).map((p) => toDiagnostic(doc, p)),
  ];
  const at = doc.positionAt(cursor.offset);
  const actions = codeActions(corpus.current, doc, {
    textDocument: { uri: ask.uri ?? cursor.path }, range: { start: at, end: at }, context: { diagnostics, ...(ask.only ? { only: ask.only } : {}) },
  });
  assert.deepEqual(actions.map((a) => shown(a, text, doc)), expected);
}

const RENUMBERED = 'a.txt: "A.[1] B.[2] C.[3]\\n\\n[1] Two.\\n[2] One."';
const ANNOTATE = [['an organisation', 'organisation'], ['a place', 'place'], ['a nationality or group', 'nationality'], ['another named thing', 'other']]
  .map(([words, command]) => `${ANNOTATE_KIND} Corpus Lens: annotate as ${words} → corpusLens.annotate.${command}`);

const cases: Array<[string, Record<string, string>, Ask, string[]]> = [
  ['a spelling variant: the fix over the diagnostic\'s range, preferred, beside the annotating commands', MUTTAQI, { problems: ['entity.spelling'] }, [
    `${CodeActionKind.QuickFix} Change to “Amir Khan Muttaqi”, the spelling most of the corpus uses [entity.spelling] (preferred) → a.txt: "Foreign Minister Amir Khan Muttaqi met the envoy."`,
    ...ANNOTATE,
    `${ANNOTATE_KIND} Corpus Lens: “Amin Khan Muttaqi” is not an entity here → corpusLens.annotate.notEntity`,
    `${ANNOTATE_KIND} Corpus Lens: link to another entity… → corpusLens.annotate.linkToEntity`,
  ]],
  ['another extension\'s diagnostic sent first: the fix is tied to ours', MUTTAQI, { problems: ['entity.spelling'], foreign: true, only: [CodeActionKind.QuickFix] }, [
    `${CodeActionKind.QuickFix} Change to “Amir Khan Muttaqi”, the spelling most of the corpus uses [entity.spelling] (preferred) → a.txt: "Foreign Minister Amir Khan Muttaqi met the envoy."`,
  ]],
  ['footnotes out of order under the light bulb: renumbering as a quick fix for the order problems', FOOTNOTES, { problems: ['footnote.order'] }, [
    `${CodeActionKind.QuickFix} Renumber footnotes in order of appearance [footnote.order,footnote.order] → ${RENUMBERED}`,
  ]],
  ['a marker without a definition: the definition added, as an LSP edit at the end', FOOTNOTES, { problems: ['footnote.undefined'] }, [
    `${CodeActionKind.QuickFix} Add a definition for footnote [3] to the notes [footnote.undefined] (preferred) → a.txt: "A.[2] B.[1] C.[3]\\n\\n[1] One.\\n[2] Two.\\n[3] "`,
  ]],
  ['source actions asked for: renumbering as one, even with no problem sent', FOOTNOTES, { only: [CodeActionKind.Source] }, [
    `${RENUMBER_KIND} Renumber footnotes in order of appearance [] → ${RENUMBERED}`,
  ]],
  ['renumbering asked for by its own kind', FOOTNOTES, { only: [RENUMBER_KIND] }, [
    `${RENUMBER_KIND} Renumber footnotes in order of appearance [] → ${RENUMBERED}`,
  ]],
  ['another source action asked for (organise imports, fix all): nothing', FOOTNOTES, { only: [CodeActionKind.SourceOrganizeImports, CodeActionKind.SourceFixAll] }, []],
  ['quick fixes asked for, no problem sent: nothing', FOOTNOTES, { only: [CodeActionKind.QuickFix] }, []],
  ['a document the corpus does not have: nothing', FOOTNOTES, { problems: ['footnote.order'], uri: 'unknown.txt' }, []],
];

for (const [name, docs, ask, expected] of cases) test(`code actions (LSP): ${name}`, () => check(docs, ask, expected));
