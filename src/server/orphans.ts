// `corpusLens/orphans`: the user's annotations that no longer fit their document's text (the text
// they quote was edited away), and those whose document is not in the corpus (deleted, or moved
// where it could not be followed), so the user can look at them, point them at the right document,
// or delete them. A document that was not analysed (binary, too large, unreadable) has no text to
// fit: its annotations are not orphans, only waiting.
import type { Annotation, Corpus } from '../core/index.js';
import type { OrphanedAnnotation, OrphansParams } from '../protocol.js';
import type { MissingStoreDocument } from './documentMoves.js';

const TYPE_WORDS: Record<string, string> = { PERSON: 'a person', ORG: 'an organisation', PLACE: 'a place', NORP: 'a nationality or group', MISC: 'a named thing' };

/** `missing`: the store's documents not in the corpus (none while indexing: the corpus is not complete). */
export function orphanedAnnotations(corpus: Corpus, missing: readonly MissingStoreDocument[], params?: OrphansParams | null): OrphanedAnnotation[] {
  const documents = params?.uri ? [corpus.inputs.document(params.uri)].filter((d) => d !== undefined) : corpus.documents();
  const unfit = documents.filter((d) => !d.skipped).flatMap((d) => (corpus.applied(d.path)?.orphans ?? []).map((a) => orphan(d.path, a, 'text')));
  const gone = missing.filter((m) => !params?.uri || m.uri === params.uri).flatMap((m) => m.annotations.map((a) => orphan(m.uri, a, 'document')));
  return [...unfit, ...gone];
}

function orphan(uri: string, a: Annotation, reason: OrphanedAnnotation['reason']): OrphanedAnnotation {
  // A review's target is the document's opening, not a text it marked.
  const target = a.kind !== 'reviewed' && 'target' in a && a.target && typeof a.target === 'object' ? (a.target as { exact?: unknown }) : null;
  const exact = typeof target?.exact === 'string' ? target.exact : '';
  return { uri, reason, id: a.id, kind: a.kind, exact, description: describe(a) };
}

/** What the annotation said, in words. */
export function describe(a: Annotation): string {
  const fields = a as unknown as Record<string, unknown>;
  switch (a.kind) {
    case 'entity': {
      const type = TYPE_WORDS[String(fields.type)] ?? String(fields.type);
      return typeof fields.entity === 'string' && fields.entity ? `${type}, linked to ${fields.entity}` : type;
    }
    case 'not-entity':
      return 'not an entity';
    case 'date':
      return `the date ${String(fields.value)}`;
    default:
      return String(a.kind).replace(/-/g, ' ');
  }
}
