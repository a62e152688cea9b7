// A small corpus with each kind of event the views and summaries tell apart: one reported by two
// documents (one with CRLF line ends), one dated to a year only, one with no participant, one
// undated with more than three participants; and a document whose file name needs decoding.
import { analyzeDocument, Corpus } from '../../src/core/index.js';
import { DiskDocument } from '../../src/server/diskDocument.js';

export const DOCUMENTS: Record<string, string> = {
  'file:///c/a.txt': 'March 5, 2024\n\nEnvoy in Kabul\n\nEnvoy Dmitry Zhirnov met Sirajuddin Haqqani in Kabul on Tuesday.\n',
  'file:///c/d.txt': 'March 7, 2024\r\n\r\nKabul talks\r\n\r\nDmitry Zhirnov met Sirajuddin Haqqani in Kabul on March 5.\r\n',
  'file:///c/b%20two.txt': 'Talks\n\nIn 2023, Taliban fighters attacked a convoy near Herat. Officials said nothing.\n',
  'file:///c/e.txt': 'March 9, 2024\n\nConvoy\n\nOn March 8, a convoy was attacked.\n',
  'file:///c/f.txt': 'June 2, 2022\n\nSummit\n\nVladimir Putin, Xi Jinping, Narendra Modi and Recep Erdogan met in Moscow.\n',
};

/** The events' ids. */
export const MEETING = 'event:meeting:2024-03-05:person:dmitry-zhirnov';
export const ATTACK_2023 = 'event:attack:2023:org:taliban';
export const CONVOY = 'event:attack:2024-03-08:none@e.txt';
export const SUMMIT = 'event:meeting:undated:person:vladimir-putin';

export function eventCorpus(): Corpus {
  const corpus = new Corpus();
  for (const [path, text] of Object.entries(DOCUMENTS)) corpus.update(path, text, analyzeDocument(text, { path }));
  return corpus;
}

/** The document analysed again with a title from corpus.json: the same events, another title. */
export function retitle(corpus: Corpus, path: string, title: string): void {
  const text = DOCUMENTS[path]!;
  corpus.update(path, text, analyzeDocument(text, { path, metadata: { title } }));
}

/** The requests' view of a corpus document's text, as the server's for a document not open. */
export const textDocumentOf = (corpus: Corpus) => (uri: string) => {
  const doc = corpus.inputs.document(uri);
  return doc ? new DiskDocument(uri, doc.text) : undefined;
};
