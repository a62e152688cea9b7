// An event as the views and other editors see it (protocol.ts EventSummary): participants and place
// by name, and, unless brief, each report with its sentence and where it stands.
import { eventSources, type Corpus, type CorpusEvent } from '../core/index.js';
import type { EventSummary } from '../protocol.js';
import { toRange } from './convert.js';
import type { DocumentText } from './diskDocument.js';

export function eventSummary(corpus: Corpus, textDocument: (uri: string) => DocumentText | undefined, e: CorpusEvent, brief = false): EventSummary {
  const byId = corpus.linked().byId;
  const participant = (id: string) => {
    const entity = byId.get(id);
    return entity ? { id, name: entity.name, type: entity.type } : null;
  };
  const mentions = brief ? [] : e.mentions.flatMap((m) => {
    const doc = textDocument(m.path);
    const entry = corpus.inputs.document(m.path);
    if (!doc || !entry) return [];
    return [{ uri: m.path, range: toRange(doc, m), trigger: m.trigger, sentence: entry.text.slice(m.sentence.start, m.sentence.end), sentenceRange: toRange(doc, m.sentence), documentTitle: documentTitle(corpus, m.path) }];
  });
  const sources = eventSources(e, (path) => corpus.inputs.document(path)?.analysis.dct ?? null);
  return {
    id: e.id, date: e.date, kind: e.kind, title: e.title,
    participants: e.participants.flatMap((id) => participant(id) ?? []),
    place: e.place ? participant(e.place) : null,
    documents: sources.documents,
    firstReport: { uri: sources.first.path, title: documentTitle(corpus, sources.first.path), date: sources.first.date },
    mentions,
  };
}

/** The document's title, or its file name. */
export function documentTitle(corpus: Corpus, path: string): string {
  return corpus.inputs.document(path)?.analysis.displayTitle ?? decodeURIComponent(path.split('/').pop() ?? path);
}
