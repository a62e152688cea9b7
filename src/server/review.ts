// corpusLens/review: a page of the Review view (core snapshot/review.ts), as ranges in documents.
import { reviewPage, type ChangedNames, type Corpus } from '../core/index.js';
import { REVIEW_MAX_LIMIT, REVIEW_PAGE, type ReviewItem, type ReviewList, type ReviewParams } from '../protocol.js';
import { toRange } from './convert.js';
import type { DocumentText } from './diskDocument.js';
import { documentTitle } from './eventSummary.js';


export function reviewList(corpus: Corpus, textDocument: (uri: string) => DocumentText | undefined, params: ReviewParams | undefined, changed?: ChangedNames): ReviewList {
  const offset = Math.max(0, Math.floor(params?.offset ?? 0)) || 0;
  const limit = Math.min(REVIEW_MAX_LIMIT, Math.max(0, Math.floor(params?.limit ?? REVIEW_PAGE)) || 0);
  const snapshot = corpus.current;
  const page = reviewPage(snapshot, offset, limit, changed);
  const items = page.entries.flatMap(({ path, mention: m, changed, before, after }): ReviewItem[] => {
    const doc = textDocument(path);
    if (!doc) return [];
    return [{ uri: path, range: toRange(doc, m), text: m.text, type: m.type, confidence: m.confidence ?? null, possible: m.possible === true, changed, documentTitle: documentTitle(corpus, path), before, after }];
  });
  return { items, total: page.total, version: snapshot.version };
}
