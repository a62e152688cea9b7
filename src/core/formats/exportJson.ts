// The corpus-lens/1 export: the interface evaluation scripts and other tools read. Keep it stable.
import type { Corpus } from '../corpus/corpus.js';
import type { DctSource } from '../document/analyze.js';

export const EXPORT_FORMAT = 'corpus-lens/1';

export interface ExportedDocument {
  path: string;
  title: string | null;
  dct: string | null;
  dctSource: DctSource | null;
  /** A person marked the document as reviewed (an addition: readers that do not know it can ignore it). */
  reviewed: boolean;
  /** `confidence`: how sure the trained model is of the span and type (absent for names the user or the lexicon typed). */
  entities: Array<{ start: number; end: number; text: string; type: 'PERSON' | 'ORG' | 'PLACE' | 'NORP' | 'MISC'; entity: string; confidence?: number }>;
  timex: Array<{ start: number; end: number; text: string; type: 'DATE' | 'TIME' | 'DURATION' | 'SET'; value: string | null; mod?: 'START' | 'MID' | 'END' }>;
  footnoteMarkers: Array<{ label: string; start: number; end: number }>;
  footnoteDefinitions: Array<{ label: string; start: number; end: number; text: string }>;
}

export interface CorpusExport {
  format: typeof EXPORT_FORMAT;
  documents: ExportedDocument[];
  entities: Array<{ id: string; name: string; type: string; aliases: string[]; description: string | null; mentions: number; documents: string[] }>;
  /** `kind`, `roles` (who did it, to whom: entity ids) and `modality` are additions: readers that do not know them can ignore them. */
  events: Array<{
    id: string; date: string | null; title: string; kind: string; participants: string[]; roles: { agent: string[]; patient: string[] }; place: string | null;
    modality: 'actual' | 'planned'; mentions: Array<{ path: string; start: number; end: number }>;
  }>;
}

/** The export of every analysed document; corpus paths are used as given (relative, '/'). */
export function buildExport(corpus: Corpus): CorpusExport {
  const documents = corpus.documents().filter((d) => !d.skipped).map((doc): ExportedDocument => {
    const a = doc.analysis;
    const confidence = new Map<string, number>();
    for (const m of a.entities) if (m.confidence !== undefined) confidence.set(`${m.start}:${m.end}:${m.type}`, m.confidence);
    return {
      path: doc.path,
      title: a.displayTitle,
      dct: a.dct,
      dctSource: a.dctSource,
      reviewed: corpus.applied(doc.path)?.reviewed ?? false,
      entities: corpus.mentions(doc.path).map((m) => {
        const sure = m.source === 'auto' ? confidence.get(`${m.start}:${m.end}:${m.type}`) : undefined;
        const out = { start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity };
        return sure === undefined ? out : { ...out, confidence: Math.round(sure * 1000) / 1000 };
      }),
      timex: corpus.timex(doc.path).map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) })),
      footnoteMarkers: a.footnotes.markers.map((m) => ({ label: m.label, start: m.start, end: m.end })),
      footnoteDefinitions: a.footnotes.definitions.map((d) => ({ label: d.label, start: d.start, end: d.end, text: d.text })),
    };
  });
  const entities = corpus.entities().map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    description: e.description ?? (e.roles.length ? [...new Set(e.roles.map((r) => r.text))].join('; ') : null),
    mentions: e.mentions.length,
    documents: e.documents,
  }));
  const events = corpus.events().map((e) => ({
    id: e.id,
    date: e.date,
    title: e.title,
    kind: e.kind,
    participants: e.participants,
    roles: e.roles,
    place: e.place,
    modality: e.modality,
    mentions: e.mentions.map((m) => ({ path: m.path, start: m.start, end: m.end })),
  }));
  return { format: EXPORT_FORMAT, documents, entities, events };
}
