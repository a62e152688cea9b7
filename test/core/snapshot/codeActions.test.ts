import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActionsAt, problemsOf, type CodeActionItem } from '../../../src/core/index.js';
import { applyEdits } from '../../fixture.js';
import { corpusOf } from './corpusOf.js';

interface Ask {
  /** Send the document's problems with these codes, as the editor does for those under the cursor. */
  problems?: string[];
  /** The selection: ⟦…⟧ in the fixture; else the cursor. */
  select?: boolean;
  /** Asked for source actions alone (the request's `only` filter). */
  sourceActions?: boolean;
  renumberAsked?: boolean;
}

/** Each action as "kind title", and for edits the document after them. */
function describe(item: CodeActionItem, text: string, problems: Array<{ start: number; end: number }>): string {
  if (item.kind === 'annotate') return `annotate ${item.title} → ${item.command.command}`;
  const edits = item.kind === 'renumber' ? item.edits
    : 'edits' in item.edit ? item.edit.edits
    : [{ ...problems[item.diagnostics[0]], newText: item.edit.replaceProblem }];
  return `${item.kind} ${item.title} [${item.diagnostics.join(',')}] → ${JSON.stringify(applyEdits(text, edits))}`;
}

function check(docs: Record<string, string>, ask: Ask, expected: string[]): void {
  const { corpus, texts, cursor, spans } = corpusOf(docs);
  corpus.linked();
  const snapshot = corpus.snapshot();
  const text = texts.get(cursor.path)!;
  const problems = problemsOf(snapshot, cursor.path).filter((p) => ask.problems?.includes(p.code));
  const selection = ask.select ? spans[0] : { start: cursor.offset, end: cursor.offset };
  const { sourceActions = false, renumberAsked = false } = ask;
  const items = codeActionsAt(snapshot, { path: cursor.path, start: selection.start, end: selection.end, diagnostics: problems, only: sourceActions, renumberAsked });
  assert.deepEqual(items.map((i) => describe(i, text, problems)), expected);
}

const ANNOTATE_ALL = [
  'annotate Corpus Lens: annotate as a person → corpusLens.annotate.person',
  'annotate Corpus Lens: annotate as an organisation → corpusLens.annotate.organisation',
  'annotate Corpus Lens: annotate as a place → corpusLens.annotate.place',
  'annotate Corpus Lens: annotate as a nationality or group → corpusLens.annotate.nationality',
  'annotate Corpus Lens: annotate as another named thing → corpusLens.annotate.other',
];

const cases: Array<[string, Record<string, string>, Ask, string[]]> = [
  ['plain text, no selection: nothing', { d: 'Pl$0ain words.' }, {}, []],
  ['a selection: every annotating command', { d: '⟦Plain⟧ words.' }, { select: true }, ANNOTATE_ALL],
  ['on a name: the other types, not an entity, link', { d: 'Sirajuddin Haq$0qani met the envoy.' }, {}, [
    ...ANNOTATE_ALL.filter((a) => !a.includes('a person')),
    'annotate Corpus Lens: “Sirajuddin Haqqani” is not an entity here → corpusLens.annotate.notEntity',
    'annotate Corpus Lens: link to another entity… → corpusLens.annotate.linkToEntity',
  ]],
  ['a source action asked for: no annotating commands', { d: '⟦Plain⟧ words.' }, { select: true, sourceActions: true }, []],
  ['a marker without a definition: add one to the notes', { d: 'Claim.[$02]\n\n[1] One.' }, { problems: ['footnote.undefined'] }, [
    'fix Add a definition for footnote [2] to the notes [0] → "Claim.[2]\\n\\n[1] One.\\n\\n[2] "',
  ]],
  ['a spelling variant: the corpus\'s spelling over the problem', {
    a: 'Foreign Minister Amin Khan Muttaqi$0 met the envoy.',
    b: 'Foreign Minister Amir Khan Muttaqi spoke.',
    c: 'Later Amir Khan Muttaqi travelled.',
  }, { problems: ['entity.spelling'], sourceActions: true }, [
    'fix Change to “Amir Khan Muttaqi”, the spelling most of the corpus uses [0] → "Foreign Minister Amir Khan Muttaqi met the envoy."',
  ]],
  ['footnotes out of order: renumber them', { d: 'A.[2] B.[1]$0\n\n[1] One.\n[2] Two.' }, { problems: ['footnote.order'] }, [
    'renumber Renumber footnotes in order of appearance [0,1] → "A.[1] B.[2]\\n\\n[1] Two.\\n[2] One."',
  ]],
  ['renumbering asked as a source action, with no problem sent', { d: 'A.[2] B.[1]$0\n\n[1] One.\n[2] Two.' }, { sourceActions: true, renumberAsked: true }, [
    'renumber Renumber footnotes in order of appearance [] → "A.[1] B.[2]\\n\\n[1] Two.\\n[2] One."',
  ]],
  ['footnotes in order: no renumbering', { d: 'A.[1] B.[2]$0\n\n[1] One.\n[2] Two.' }, { sourceActions: true, renumberAsked: true }, []],
];

for (const [name, docs, ask, expected] of cases) test(`code actions: ${name}`, () => check(docs, ask, expected));
