// `corpus-lens report` and `check`: readable summaries of the corpus, computed from plain data.
import type { Corpus, CorpusDocument } from '../corpus/corpus.js';
import { problemsOf } from '../snapshot/problems.js';
import { lineColumn, lineStarts } from '../document/positions.js';
import type { Problem } from '../types.js';

const DCT_SOURCE_WORDS = { metadata: 'from corpus.json', header: 'from its dateline', filename: 'from the file name' } as const;

/** One problem per line, as compilers print them: path:line:column: severity: message [code]. */
export function formatProblems(doc: Pick<CorpusDocument, 'path' | 'text'>, problems: Problem[]): string[] {
  const starts = lineStarts(doc.text);
  return problems.map((p) => {
    const { line, column } = lineColumn(starts, p.start);
    return `${doc.path}:${line}:${column}: ${p.severity}: ${p.message} [${p.code}]`;
  });
}

export function formatReport(corpus: Corpus, root: string): string {
  const docs = corpus.documents();
  const out: string[] = [];
  const analysed = docs.filter((d) => !d.skipped);
  out.push(`Corpus ${root}: ${docs.length} document${docs.length === 1 ? '' : 's'}${analysed.length < docs.length ? ` (${docs.length - analysed.length} not analysed)` : ''}`);
  out.push('');
  out.push('Documents');
  for (const doc of docs) {
    const a = doc.analysis;
    const date = a.dct ? `${a.dct} (${DCT_SOURCE_WORDS[a.dctSource!]})` : 'date unknown';
    out.push(`  ${doc.path}`);
    if (doc.skipped) {
      out.push(`    not analysed: ${doc.fileProblems.map((p) => p.message).join(' ')}`);
      continue;
    }
    out.push(`    title: ${a.displayTitle ?? '(none found)'}`);
    out.push(`    date:  ${date}`);
    const f = a.footnotes;
    out.push(`    footnotes: ${f.markers.length} markers, ${f.definitions.length} definitions, ${f.problems.filter((p) => p.severity !== 'hint').length} problems`);
  }
  const entities = corpus.entities().filter((e) => e.type !== 'NORP').slice(0, 20);
  out.push('');
  out.push(entities.length ? `Main entities (of ${corpus.entities().length})` : 'Entities: none');
  for (const e of entities) {
    out.push(`  ${e.name.padEnd(40)} ${e.type.padEnd(6)} ${String(e.mentions.length).padStart(4)} mentions in ${e.documents.length} document${e.documents.length === 1 ? '' : 's'}`);
  }
  const problemLines = docs.flatMap((d) => formatProblems(d, problemsOf(corpus.snapshot(), d.path)));
  out.push('');
  out.push(problemLines.length ? `Problems (${problemLines.length})` : 'Problems: none');
  for (const line of problemLines) out.push(`  ${line}`);
  return out.join('\n') + '\n';
}
