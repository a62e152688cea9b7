// Core data (offsets) to LSP types (line/character positions). The only place that knows both.
import {
  DiagnosticSeverity, DiagnosticTag, DocumentHighlightKind, SymbolKind,
  type Diagnostic, type DocumentHighlight, type DocumentSymbol, type Range, type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { DocumentText } from './diskDocument.js';
import type { Highlight, OutlineItem, Problem, Span, TextEdit } from '../core/index.js';

export function toRange(doc: DocumentText, span: Span): Range {
  // A file's own problems stand at its start: no line table of a document of megabytes for them.
  if (span.end === 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toDiagnostic(doc: DocumentText, problem: Problem): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(doc, problem),
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: 'corpus-lens',
    message: problem.message,
  };
  if (problem.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (problem.data) diagnostic.data = problem.data;
  if (problem.related) {
    diagnostic.relatedInformation = problem.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r) }, message: r.message }));
  }
  return diagnostic;
}

export function toTextEdit(doc: DocumentText, edit: TextEdit): LspTextEdit {
  return { range: toRange(doc, edit), newText: edit.newText };
}

export function toHighlight(doc: DocumentText, h: Highlight): DocumentHighlight {
  return { range: toRange(doc, h), kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read };
}

const SYMBOL_KIND = {
  title: SymbolKind.String,
  body: SymbolKind.Namespace,
  notes: SymbolKind.Namespace,
  footnote: SymbolKind.Number,
  entities: SymbolKind.Namespace,
  entity: SymbolKind.Object,
} as const;

const ENTITY_SYMBOL_KIND: Record<string, SymbolKind> = {
  PERSON: SymbolKind.Constructor,
  ORG: SymbolKind.Class,
  PLACE: SymbolKind.EnumMember,
  NORP: SymbolKind.TypeParameter,
  MISC: SymbolKind.Struct,
};

export function entitySymbolKind(type: string): SymbolKind {
  return ENTITY_SYMBOL_KIND[type] ?? SymbolKind.Object;
}

export function toDocumentSymbol(doc: DocumentText, item: OutlineItem): DocumentSymbol {
  const range = toRange(doc, item.span);
  return {
    name: item.name || ' ',
    detail: item.detail.length > 120 ? `${item.detail.slice(0, 119)}…` : item.detail,
    kind: item.entityType ? entitySymbolKind(item.entityType) : SYMBOL_KIND[item.kind],
    range,
    selectionRange: toRange(doc, item.selection),
    children: item.children.map((c) => toDocumentSymbol(doc, c)),
  };
}
