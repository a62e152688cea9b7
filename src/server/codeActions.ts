// Code actions in LSP terms: the core says which (src/core/snapshot/codeActions.ts); this converts.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import { codeActionsAt, type CodeActionItem, type Snapshot } from '../core/index.js';
import { toTextEdit } from './convert.js';
import type { DocumentText } from './diskDocument.js';

export const RENUMBER_KIND = `${CodeActionKind.Source}.corpusLens.renumberFootnotes`;
export const ANNOTATE_KIND = `${CodeActionKind.QuickFix}.corpusLens.annotate`;

export function codeActions(snapshot: Snapshot, doc: DocumentText, params: CodeActionParams): CodeAction[] {
  const { textDocument: { uri }, context } = params;
  const items = codeActionsAt(snapshot, {
    path: uri,
    start: doc.offsetAt(params.range.start),
    end: doc.offsetAt(params.range.end),
    diagnostics: context.diagnostics,
    only: !!context.only,
    renumberAsked: !!context.only?.some((k) => RENUMBER_KIND.startsWith(k)),
  });
  return items.map((item) => toCodeAction(doc, params, item));
}

function toCodeAction(doc: DocumentText, { textDocument: { uri }, context }: CodeActionParams, item: CodeActionItem): CodeAction {
  const diagnostics = (list: number[]) => list.map((k) => context.diagnostics[k]);
  switch (item.kind) {
    case 'fix': {
      const [problem] = diagnostics(item.diagnostics);
      const edits = 'replaceProblem' in item.edit ? [{ range: problem.range, newText: item.edit.replaceProblem }] : item.edit.edits.map((e) => toTextEdit(doc, e));
      return { title: item.title, kind: CodeActionKind.QuickFix, diagnostics: diagnostics(item.diagnostics), isPreferred: true, edit: { changes: { [uri]: edits } } };
    }
    case 'annotate':
      return { title: item.title, kind: ANNOTATE_KIND, command: item.command };
    case 'renumber':
      return {
        title: item.title,
        kind: context.only ? RENUMBER_KIND : CodeActionKind.QuickFix,
        diagnostics: diagnostics(item.diagnostics),
        edit: { changes: { [uri]: item.edits.map((e) => toTextEdit(doc, e)) } },
      };
  }
}
