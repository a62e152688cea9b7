// What the status bar says once the corpus followed a change of the learned weights (no vscode
// here, so it is tested alone).
import type { LearnedResult } from '../protocol.js';
import { plural } from './format.js';

/** "Learned from 3 decisions: 12 names changed in 5 documents." */
export function learnedMessage({ labels, documents, decisions }: LearnedResult): string {
  const from = decisions > 0 ? `learned from ${plural(decisions, 'decision')}` : 'back to the shipped model';
  return `Corpus Lens: ${from}: ${labels === 0 ? 'no names changed' : `${plural(labels, 'name')} changed in ${plural(documents, 'document')}`}.`;
}
