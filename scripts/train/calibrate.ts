// The temperature that turns margins into confidences: the one that best predicts, on documents
// kept out of training, whether a name the model gives is right (exact span and type).
import { recognizeEntities } from '../../src/core/entities/recognize.js';
import { tokenize } from '../../src/core/entities/tokenize.js';
import type { NameModel } from '../../src/core/entities/model/index.js';
import { TYPES } from '../../src/core/entities/model/labels.js';
import { tagNames } from '../../src/core/entities/model/tagger.js';
import type { TrainingDoc } from './sources.js';

export function calibrate(docs: readonly TrainingDoc[], model: NameModel): { temperature: number; names: number; correct: number; loss: number } {
  const seen: Array<{ margin: number; right: boolean }> = [];
  const probe = { ...model, temperature: 1 };
  for (const doc of docs) {
    const tokenized = tokenize(doc.text);
    const gold = new Set(doc.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
    const open = new Set(doc.open);
    for (const n of tagNames(tokenized, recognizeEntities(doc.text, tokenized, null), probe).names) {
      const type = TYPES[n.type];
      const key = `${tokenized.tokens[n.first].start}:${tokenized.tokens[n.last - 1].end}:${type}`;
      const right = gold.has(key);
      if (!right && open.has(type)) continue;
      // With temperature 1 the confidence is σ(margin): the margin back from it.
      const c = Math.min(Math.max(n.confidence, 1e-12), 1 - 1e-12);
      seen.push({ margin: Math.log(c / (1 - c)), right });
    }
  }
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.05; t <= 200; t *= 1.05) {
    let loss = 0;
    for (const s of seen) {
      const p = 1 / (1 + Math.exp(-s.margin / t));
      loss -= Math.log(Math.min(Math.max(s.right ? p : 1 - p, 1e-12), 1));
    }
    loss /= Math.max(1, seen.length);
    if (loss < best.loss) best = { temperature: t, loss };
  }
  return { ...best, names: seen.length, correct: seen.filter((s) => s.right).length };
}
