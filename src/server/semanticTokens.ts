// Semantic colours for entity mentions: one token type per entity type, and `declaration` on the
// defining mention. The legend is documented in the README and declared in package.json.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Corpus } from '../core/index.js';

const TYPES = ['person', 'organization', 'place', 'nationality', 'other'] as const;
const BY_ENTITY_TYPE: Record<string, number> = { PERSON: 0, ORG: 1, PLACE: 2, NORP: 3, MISC: 4 };

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: ['declaration'] };

export function semanticTokens(doc: TextDocument, corpus: Corpus, uri: string): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const byId = corpus.linked().byId;
  for (const m of corpus.mentions(uri)) {
    const start = doc.positionAt(m.start);
    const end = doc.positionAt(m.end);
    if (start.line !== end.line) continue; // tokens cannot span lines
    const definition = byId.get(m.entity)?.definition;
    const declaration = definition && definition.path === m.path && definition.start === m.start ? 1 : 0;
    builder.push(start.line, start.character, end.character - start.character, BY_ENTITY_TYPE[m.type] ?? 4, declaration);
  }
  return builder.build();
}
