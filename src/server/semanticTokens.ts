// Semantic colours for entity mentions: one token type per entity type, and `declaration` on the
// defining mention. The legend is documented in the README and declared in package.json.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { DocumentText } from './diskDocument.js';
import type { Corpus } from '../core/index.js';

const TYPES = ['person', 'organization', 'place', 'nationality', 'other', 'date'] as const;
const DATE = 5;
const BY_ENTITY_TYPE: Record<string, number> = { PERSON: 0, ORG: 1, PLACE: 2, NORP: 3, MISC: 4 };

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ['declaration'] };

/** The tokens of the document, or of those touching `range` (offsets) only: what a large document shows first. */
export function semanticTokens(doc: DocumentText, corpus: Corpus, uri: string, range?: { start: number; end: number }): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const byId = corpus.linked().byId;
  // Tokens must come in document order: merge entity mentions and dates.
  const spans: Array<{ start: number; end: number; type: number; modifiers: number }> = [];
  const inRange = (s: { start: number; end: number }) => !range || (s.end >= range.start && s.start <= range.end);
  for (const m of corpus.mentions(uri)) {
    if (!inRange(m)) continue;
    const definition = byId.get(m.entity)?.definition;
    const declaration = definition && definition.path === m.path && definition.start === m.start ? 1 : 0;
    spans.push({ start: m.start, end: m.end, type: BY_ENTITY_TYPE[m.type] ?? 4, modifiers: declaration });
  }
  for (const t of corpus.timex(uri)) if (inRange(t)) spans.push({ start: t.start, end: t.end, type: DATE, modifiers: 0 });
  spans.sort((a, b) => a.start - b.start);
  let last = -1;
  for (const s of spans) {
    if (s.start < last) continue; // overlapping tokens are not allowed
    const start = doc.positionAt(s.start);
    const end = doc.positionAt(s.end);
    if (start.line !== end.line) continue; // tokens cannot span lines
    builder.push(start.line, start.character, end.character - start.character, s.type, s.modifiers);
    last = s.end;
  }
  return builder.build();
}
