// Prose features in LSP terms: folding ranges, selection ranges, footnote-label completion. The
// core says where (src/core/document/prose.ts); this converts.
import {
  CompletionItemKind, FoldingRangeKind, MarkupKind,
  type CompletionItem, type FoldingRange, type Position, type SelectionRange,
} from 'vscode-languageserver';
import { footnoteLabelCompletions, foldingRanges, selectionChain, type Corpus } from '../core/index.js';
import { toRange } from './convert.js';
import type { DocumentText } from './diskDocument.js';

export function foldingRangesOf(text: string, corpus: Corpus, uri: string): FoldingRange[] {
  const entry = corpus.inputs.document(uri);
  if (!entry) return [];
  return foldingRanges(text, entry.analysis.footnotes).map((f) => ({
    startLine: f.startLine,
    endLine: f.endLine,
    // The notes block folds with "Fold All Regions"; a paragraph is plain text.
    ...(f.kind === 'notes' ? { kind: FoldingRangeKind.Region, collapsedText: 'Notes…' } : {}),
  }));
}

/** For each position: the name there, its sentence, paragraph, section, the document; outermost last. */
export function selectionRangesOf(doc: DocumentText, corpus: Corpus, uri: string, positions: Position[]): SelectionRange[] {
  const entry = corpus.inputs.document(uri);
  const text = doc.getText();
  const units = entry ? [...corpus.mentions(uri), ...entry.analysis.footnotes.definitions] : [];
  const sections = entry?.analysis.sections ?? [];
  return positions.map((position) => {
    const chain = selectionChain(text, doc.offsetAt(position), sections, units);
    let range: SelectionRange | undefined;
    for (let i = chain.length - 1; i >= 0; i--) range = { range: toRange(doc, chain[i]!), ...(range ? { parent: range } : {}) };
    return range ?? { range: { start: position, end: position } };
  });
}

/** After "[": the footnote labels that fit, each replacing the "[", the digits and a closing "]". */
export function footnoteCompletionsOf(doc: DocumentText, corpus: Corpus, uri: string, position: Position): CompletionItem[] {
  const entry = corpus.inputs.document(uri);
  if (!entry) return [];
  const result = footnoteLabelCompletions(doc.getText(), doc.offsetAt(position), entry.analysis.footnotes);
  if (!result) return [];
  const range = toRange(doc, result.replace);
  return result.items.map((item, i) => ({
    label: `[${item.label}]`,
    kind: item.kind === 'cited' ? CompletionItemKind.Reference : CompletionItemKind.Value,
    detail: item.kind === 'cited' ? `Footnote [${item.label}]` : item.detail,
    ...(item.kind === 'cited' ? { documentation: { kind: MarkupKind.PlainText, value: item.detail } } : {}),
    sortText: String(i).padStart(5, '0'),
    filterText: `[${item.label}]`,
    textEdit: { range, newText: `[${item.label}]` },
  }));
}
