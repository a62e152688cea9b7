// Headlines and datelines as news writes them: copies of training documents with some lines in
// capitals ("JAPAN GET LUCKY WIN") or title case ("Those Weapons Were Never Won By The Taliban").
// The spans stay where they were: only lines whose length does not change are rewritten.
import type { TrainingDoc } from './sources.js';

export { mulberry32 as random } from '../../test/support/corpusGenerator.js';

/** Copies of a share of the documents with lines in capitals or title case. */
export function augment(docs: readonly TrainingDoc[], share: number, next: () => number): TrainingDoc[] {
  const out: TrainingDoc[] = [];
  for (const doc of docs) {
    if (next() >= share) continue;
    const upper = next() < 0.6;
    const lines = doc.text.split('\n');
    let changed = false;
    const written = lines.map((line, i) => {
      // The first line as a headline always; others now and then.
      if (!(i === 0 || next() < 0.25)) return line;
      const rewritten = upper ? line.toUpperCase() : line.replace(/\p{L}[\p{L}'’]*/gu, (w) => w[0].toUpperCase() + w.slice(1));
      if (rewritten.length !== line.length) return line;
      changed ||= rewritten !== line;
      return rewritten;
    });
    if (changed) out.push({ ...doc, id: `${doc.id}#${upper ? 'upper' : 'title'}`, text: written.join('\n') });
  }
  return out;
}
