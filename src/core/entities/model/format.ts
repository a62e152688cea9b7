// The model file: a header (magic, format version, the feature set it was trained with, label
// count, feature count, temperature, lengths), a note on how it was trained, the keys, the rows'
// scales, the rows, the transitions, the word clusters its features read, and a CRC-32 of all
// before it. Reading never throws: a file that is not a model, from another version, or damaged
// is an error message, and the rules answer alone.
import { readClusters, type Clusters } from './clusterFile.js';
import { LABEL_COUNT } from './labels.js';
import type { Weights } from './weights.js';

const MAGIC = 0x4d4e4c43; // "CLNM" little-endian
export const FORMAT_VERSION = 2;
/** Raised whenever features.ts changes what a feature means: old weights would then mislead. */
export const FEATURE_SET = 5;
const HEADER = 9 * 4;

export interface ModelFile {
  weights: Weights;
  clusters: Clusters;
  /** Turns a margin into a confidence (see tagger.ts). */
  temperature: number;
  /** What training wrote about its data and settings (JSON). */
  about: string;
  checksum: number;
}

function layout(n: number, aboutLength: number, clusterLength: number) {
  const about = HEADER;
  const keys = about + aboutLength + ((4 - (aboutLength % 4)) % 4);
  const scales = keys + n * 4;
  const transitions = scales + n * 4;
  const rows = transitions + LABEL_COUNT * LABEL_COUNT * 4;
  const clusters = rows + n * LABEL_COUNT + ((4 - ((n * LABEL_COUNT) % 4)) % 4);
  const checksum = clusters + clusterLength + ((4 - (clusterLength % 4)) % 4);
  return { about, keys, scales, transitions, rows, clusters, checksum, size: checksum + 4 };
}

export function writeModel(weights: Weights, clusterBytes: Uint8Array, temperature: number, about: string): Uint8Array {
  const aboutBytes = new TextEncoder().encode(about);
  const n = weights.keys.length;
  const at = layout(n, aboutBytes.length, clusterBytes.length);
  const bytes = new Uint8Array(at.size);
  const view = new DataView(bytes.buffer);
  [MAGIC, FORMAT_VERSION, FEATURE_SET, LABEL_COUNT, n].forEach((v, i) => view.setUint32(i * 4, v, true));
  view.setFloat32(20, temperature, true);
  view.setUint32(24, aboutBytes.length, true);
  view.setUint32(28, clusterBytes.length, true);
  bytes.set(aboutBytes, at.about);
  for (let i = 0; i < n; i++) view.setUint32(at.keys + i * 4, weights.keys[i], true);
  for (let i = 0; i < n; i++) view.setFloat32(at.scales + i * 4, weights.scales[i], true);
  for (let i = 0; i < weights.transitions.length; i++) view.setFloat32(at.transitions + i * 4, weights.transitions[i], true);
  bytes.set(new Uint8Array(weights.rows.buffer, weights.rows.byteOffset, weights.rows.byteLength), at.rows);
  bytes.set(clusterBytes, at.clusters);
  view.setUint32(at.checksum, crc32(bytes.subarray(0, at.checksum)), true);
  return bytes;
}

export function readModel(bytes: Uint8Array): ModelFile | { error: string } {
  if (bytes.length < HEADER + 4) return { error: 'the file is too short to be a model' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return { error: 'the file is not a Corpus Lens name model' };
  const version = view.getUint32(4, true);
  if (version !== FORMAT_VERSION) return { error: `model format ${version}, this version reads format ${FORMAT_VERSION}` };
  const featureSet = view.getUint32(8, true);
  if (featureSet !== FEATURE_SET) return { error: `the model was trained for feature set ${featureSet}, this version computes set ${FEATURE_SET}: run npm run train` };
  if (view.getUint32(12, true) !== LABEL_COUNT) return { error: 'the model has another label set' };
  const n = view.getUint32(16, true);
  const temperature = view.getFloat32(20, true);
  const at = layout(n, view.getUint32(24, true), view.getUint32(28, true));
  if (at.size !== bytes.length) return { error: `the file is ${bytes.length} bytes, its header says ${at.size}: it is damaged` };
  const checksum = view.getUint32(at.checksum, true);
  if (crc32(bytes.subarray(0, at.checksum)) !== checksum) return { error: 'the checksum does not match: the file is damaged' };
  const about = new TextDecoder().decode(bytes.subarray(at.about, at.about + view.getUint32(24, true)));
  const keys = new Uint32Array(n);
  const scales = new Float32Array(n);
  for (let i = 0; i < n; i++) keys[i] = view.getUint32(at.keys + i * 4, true);
  for (let i = 0; i < n; i++) scales[i] = view.getFloat32(at.scales + i * 4, true);
  const transitions = new Float32Array(LABEL_COUNT * LABEL_COUNT);
  for (let i = 0; i < transitions.length; i++) transitions[i] = view.getFloat32(at.transitions + i * 4, true);
  // Copies: a Node Buffer's slice shares (and its .buffer is) the whole pool it came from.
  const rows = new Int8Array(n * LABEL_COUNT);
  rows.set(new Int8Array(bytes.buffer, bytes.byteOffset + at.rows, n * LABEL_COUNT));
  const clusters = readClusters(bytes.slice(at.clusters, at.clusters + view.getUint32(28, true)));
  if ('error' in clusters) return clusters;
  return { weights: { keys, rows, scales, transitions }, clusters, temperature, about, checksum };
}

const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  CRC_TABLE[n] = c >>> 0;
}

/** CRC-32 (IEEE). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
