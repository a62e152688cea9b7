// Problems (diagnostics) of one document: of the file, of its analysis, of the user's annotations
// on it, and the spelling variants the corpus-wide linking found.
import type { Problem } from '../types.js';
import type { Snapshot } from './snapshot.js';

export function problemsOf(snapshot: Snapshot, path: string): Problem[] {
  const doc = snapshot.document(path);
  if (!doc) return [];
  // Spelling variants come from the corpus-wide linking: used when it is current, never linked for
  // one document's diagnostics (that made indexing quadratic). The server republishes the
  // documents whose variants changed once linking has caught up.
  const links = snapshot.currentLinks();
  const spelling: Problem[] = (links?.variants ?? []).filter((v) => v.path === path).map((v) => ({
    start: v.start, end: v.end, severity: 'information', code: 'entity.spelling',
    message: `“${v.text}” is spelled “${v.preferred}” in ${v.count} other mention${v.count === 1 ? '' : 's'} across ${v.documents} document${v.documents === 1 ? '' : 's'}; both are linked as one person.`,
    data: { preferred: v.preferred, entity: v.entity },
  }));
  return [...doc.fileProblems, ...doc.analysis.problems, ...(snapshot.applied(path)?.problems ?? []), ...spelling].sort((a, b) => a.start - b.start);
}
