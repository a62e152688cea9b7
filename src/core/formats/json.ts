// corpus-lens/1 JSON, with `source` on every entity mention: "user" when a person marked it, else
// "auto". The rest of the schema is untouched (the field is an addition readers may ignore).
import type { CorpusExport } from './exportJson.js';
import type { ExportedMention, MentionSource, SourcedExport } from './types.js';

/**
 * The export with `source` on each entity mention: the mention's own `source` when it has one,
 * else what `sourceOf` says (the CLI asks the corpus), else "auto". Key order: after `entity`.
 */
export function withSources(exp: CorpusExport | SourcedExport, sourceOf?: (path: string, mention: ExportedMention) => MentionSource | undefined): SourcedExport {
  return {
    ...exp,
    documents: exp.documents.map((doc) => ({
      ...doc,
      entities: doc.entities.map((m: ExportedMention) => {
        const { source, ...rest } = m;
        return { ...rest, source: source ?? sourceOf?.(doc.path, m) ?? 'auto' };
      }),
    })),
  };
}

export function toJson(exp: CorpusExport | SourcedExport): string {
  return `${JSON.stringify(withSources(exp), null, 2)}\n`;
}
