// The incremental linker must give what linking the final corpus from scratch gives, whatever
// sequence of additions, edits and removals led there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, IncrementalLinker, type LinkInput, type LinkResult } from '../../src/core/index.js';

const seedsDir = path.join(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));

/** Edits that change corpus-wide facts: spellings, acronym definitions, who bears a surname, names colliding on one id. */
const EDITS: Array<[RegExp, string]> = [
  [/Amir Khan Muttaqi/g, 'Amin Khan Muttaqi'],
  [/\(CSTO\)/g, ''],
  [/Sirajuddin Haqqani/g, 'Anas Haqqani'],
  [/Zhirnov/g, 'Zhirnow'],
  [/Kabulov/g, 'Lavrov'],
  [/Islamic State/g, 'Islamic Emirate'],
  // Edits that only move mentions: the entities stay as described, with the moved parts swapped in.
  [/^/, 'Updated. '],
  [/ said /, ' said on the record '],
];
const EXTRA = [
  'Foreign Minister Amir Khan Muttaqi met Zamir Kabulov. Later Muttaqi spoke to the Collective Security Treaty Organization (CSTO).',
  'The CSTO and the Shanghai Cooperation Organisation (SCO) met in Astana. Haqqani and Lavrov attended; Sergei Lavrov spoke.',
  'Haqqani Network fighters attacked. Anas Haqqani denied it, and Haqqani said the Taliban (IEA) would respond.',
];
const pool: string[] = [...seeds, ...EXTRA];
for (const text of seeds) for (const [pattern, replacement] of EDITS) if (pattern.test(text)) pool.push(text.replace(pattern, replacement));
const mentions = new Map<number, LinkInput['mentions']>();
const mentionsOf = (k: number) => {
  if (!mentions.has(k)) mentions.set(k, analyzeDocument(pool[k], { path: `${k}.txt` }).entities);
  return mentions.get(k)!;
};

/** Everything a consumer can see of a link result, in a comparable form. */
function snapshot(r: LinkResult) {
  return {
    entities: r.entities.map((e) => ({
      ...e, mentions: e.mentions.map((m) => `${m.path}:${m.start}-${m.end}:${m.entity}:${m.type}`),
      definition: `${e.definition.path}:${e.definition.start}`,
    })),
    ids: [...r.byId.keys()].sort(),
    byPath: [...r.mentionsByPath.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([p, list]) => [p, list.map((m) => `${m.start}:${m.entity}`)]),
    variants: r.variants,
  };
}

function fromScratch(corpus: Map<string, number>): LinkResult {
  return new IncrementalLinker().apply([...corpus].map(([p, k]) => ({ path: p, mentions: mentionsOf(k) }))).result();
}

const step = fc.record({ doc: fc.integer({ min: 0, max: 6 }), text: fc.integer({ min: -1, max: pool.length - 1 }) });

test('incremental linking equals linking from scratch after any sequence of changes', () => {
  fc.assert(fc.property(fc.array(fc.array(step, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (batches) => {
    const linker = new IncrementalLinker();
    const corpus = new Map<string, number>();
    for (const batch of batches) {
      const changes = batch.map(({ doc, text }) => {
        const p = `doc${doc}.txt`;
        if (text < 0) corpus.delete(p);
        else corpus.set(p, text);
        return { path: p, mentions: text < 0 ? null : mentionsOf(text) };
      });
      linker.apply(changes);
      assert.deepEqual(snapshot(linker.result()), snapshot(fromScratch(corpus)));
    }
  }), { seed: 20261121, numRuns: Number(process.env.FUZZ_RUNS ?? 150) });
});

test('incremental linking: an edit that changes no corpus-wide fact keys only the edited document', () => {
  const linker = new IncrementalLinker().apply(seeds.map((_, k) => ({ path: `${k}.txt`, mentions: mentionsOf(k) })));
  const before = linker.result();
  const untouched = before.mentionsByPath.get('1.txt');
  // The same mentions again, as after a keystroke that changed no name.
  linker.apply([{ path: '0.txt', mentions: [...mentionsOf(0)] }]);
  const after = linker.result();
  assert.equal(after.mentionsByPath.get('1.txt'), untouched, 'document 1 was not keyed again');
  assert.deepEqual(snapshot(after), snapshot(before));
});
