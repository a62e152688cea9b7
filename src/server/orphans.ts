// `corpusLens/orphans`: the user's annotations that no longer fit their document's text (the text
// they quote was edited away), so the user can look at them and delete or redo them. A document
// that was not analysed (binary, too large, unreadable) has no text to fit: its annotations are
// not orphans, only waiting.
import type { Annotation, Corpus } from '../core/index.js';
import type { OrphanedAnnotation, OrphansParams } from '../protocol.js';

const TYPE_WORDS: Record<string, string> = { PERSON: 'a person', ORG: 'an organisation', PLACE: 'a place', NORP: 'a nationality or group', MISC: 'a named thing' };

export function orphanedAnnotations(corpus: Corpus, params?: OrphansParams | null): OrphanedAnnotation[] {
  const documents = params?.uri ? [corpus.get(params.uri)].filter((d) => d !== undefined) : corpus.documents();
  return documents.filter((d) => !d.skipped).flatMap((d) => (corpus.applied(d.path)?.orphans ?? []).map((a) => orphan(d.path, a)));
}

function orphan(uri: string, a: Annotation): OrphanedAnnotation {
  const target = 'target' in a && a.target && typeof a.target === 'object' ? (a.target as { exact?: unknown }) : null;
  const exact = typeof target?.exact === 'string' ? target.exact : '';
  return { uri, id: a.id, kind: a.kind, exact, description: describe(a) };
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
