// An event as the views and other editors see it (protocol.ts EventSummary): participants and place
// by name, and, unless brief, each report with its sentence and where it stands.
import type { Corpus, CorpusEvent } from '../core/index.js';
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
    const entry = corpus.get(m.path);
    if (!doc || !entry) return [];
    const name = decodeURIComponent(m.path.split('/').pop() ?? m.path);
    return [{ uri: m.path, range: toRange(doc, m), trigger: m.trigger, sentence: entry.text.slice(m.sentence.start, m.sentence.end), sentenceRange: toRange(doc, m.sentence), documentTitle: entry.analysis.displayTitle ?? name }];
  });
  return {
    id: e.id, date: e.date, kind: e.kind, title: e.title,
    participants: e.participants.flatMap((id) => participant(id) ?? []),
    place: e.place ? participant(e.place) : null,
    documents: documentCount(e),
    mentions,
  };
}

/** Documents reporting the event (its mentions are in path order). */
function documentCount(e: CorpusEvent): number {
  let n = 0;
  for (let k = 0; k < e.mentions.length; k++) if (k === 0 || e.mentions[k].path !== e.mentions[k - 1].path) n++;
  return n;
}
