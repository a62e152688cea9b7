// W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD: one
// AnnotationCollection whose first (and only) AnnotationPage holds an Annotation per entity mention
// and per temporal expression.
//
//   body    a TextualBody, purpose "tagging", value the type (PERSON, DATE, …); for a name also a
//           SpecificResource, purpose "identifying", source the entity's IRI
//           (urn:corpus-lens:entity:<entity id>); for a date also a TextualBody, purpose
//           "describing", value "value=<TIMEX3 value>[ mod=<mod>]"
//   target  source: the document (a file URI from the CLI); selector: a TextQuoteSelector (exact,
//           and up to 32 characters of prefix and suffix) and a TextPositionSelector (start, end),
//           alternatives for the same span. Positions count code points, as the model requires.
//   creator a Software agent (Corpus Lens) when the recogniser found it; none when a person marked it.
import type { CorpusExport } from './exportJson.js';
import { codePointIndex, quoteContext, stableHash } from './offsets.js';
import type { DocumentTexts, FormatProblem, SourcedExport } from './types.js';
import { documentsWithText } from './types.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const ENTITY_IRI_PREFIX = 'urn:corpus-lens:entity:';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'describing';
  value: string;
}

export interface IdentifyingBody {
  type: 'SpecificResource';
  purpose: 'identifying';
  source: string;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'tagging';
  creator?: { type: 'Software'; name: string };
  body: Array<TextualBody | IdentifyingBody>;
  target: { source: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export interface WebAnnotationOptions {
  /** The collection's IRI (default urn:corpus-lens:collection); its page is `<id>#page-1` (or `<id>-page-1` when it has a fragment). */
  collectionId?: string;
  /** The IRI of a document (default: its path as given, a relative IRI). */
  sourceOf?: (path: string) => string;
  label?: string;
}

export function entityIri(id: string): string {
  return `${ENTITY_IRI_PREFIX}${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
}

export function toWebAnnotation(exp: CorpusExport | SourcedExport, texts: DocumentTexts, options: WebAnnotationOptions = {}): { collection: AnnotationCollection; problems: FormatProblem[] } {
  const collectionId = options.collectionId ?? 'urn:corpus-lens:collection';
  const sourceOf = options.sourceOf ?? ((p: string) => p);
  const problems: FormatProblem[] = [];
  const items: WebAnnotation[] = [];
  const software = { type: 'Software' as const, name: 'Corpus Lens' };
  for (const [doc, text] of documentsWithText(exp.documents, texts, problems)) {
    const index = codePointIndex(text);
    const source = sourceOf(doc.path);
    const spans = [
      ...doc.entities.map((m) => ({ start: m.start, end: m.end, type: m.type, entity: m.entity as string | null, value: null as string | null, mod: undefined as string | undefined, auto: (m as { source?: string }).source !== 'user' })),
      ...doc.timex.map((t) => ({ start: t.start, end: t.end, type: t.type, entity: null, value: t.value, mod: t.mod as string | undefined, auto: true })),
    ].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const s of spans) {
      if (!(s.start >= 0 && s.start < s.end && s.end <= text.length)) {
        problems.push({ path: doc.path, severity: 'warning', message: `${s.type} at ${s.start}-${s.end} does not fit the text; left out` });
        continue;
      }
      const body: WebAnnotation['body'] = [{ type: 'TextualBody', purpose: 'tagging', value: s.type }];
      if (s.entity) body.push({ type: 'SpecificResource', purpose: 'identifying', source: entityIri(s.entity) });
      if (s.value !== null) body.push({ type: 'TextualBody', purpose: 'describing', value: `value=${s.value}${s.mod ? ` mod=${s.mod}` : ''}` });
      const { prefix, suffix } = quoteContext(text, s.start, s.end, 32);
      items.push({
        id: `urn:corpus-lens:annotation:${stableHash(`${doc.path}\u0000${s.start}\u0000${s.end}\u0000${s.type}`)}`,
        type: 'Annotation',
        motivation: 'tagging',
        ...(s.auto ? { creator: software } : {}),
        body,
        target: {
          source,
          selector: [
            { type: 'TextQuoteSelector', exact: text.slice(s.start, s.end), prefix, suffix },
            { type: 'TextPositionSelector', start: index.toCodePoint(s.start), end: index.toCodePoint(s.end) },
          ],
        },
      });
    }
  }
  const collection: AnnotationCollection = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: options.label ?? 'Corpus Lens annotations',
    total: items.length,
    first: { id: `${collectionId}${collectionId.includes('#') ? '-' : '#'}page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
  return { collection, problems };
}
