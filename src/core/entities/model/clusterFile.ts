// Word clusters as bytes: magic, version, count, then the words' hashes (sorted), each word's fine
// cluster (16 bits) and coarse cluster (8 bits), and a CRC-32. The name model file carries them.
import { crc32 } from './format.js';

const MAGIC = 0x43574c43; // "CLWC" little-endian
const VERSION = 1;

export interface Clusters {
  /** Hashes of the lower-case words (hashString), ascending. */
  keys: Uint32Array;
  fine: Uint16Array;
  coarse: Uint8Array;
}

export function writeClusters(entries: ReadonlyArray<{ key: number; fine: number; coarse: number }>): Uint8Array {
  const n = entries.length;
  const size = 12 + n * 4 + n * 2 + n;
  const padded = size + ((4 - (size % 4)) % 4);
  const bytes = new Uint8Array(padded + 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, n, true);
  entries.forEach((e, i) => {
    view.setUint32(12 + i * 4, e.key, true);
    view.setUint16(12 + n * 4 + i * 2, e.fine, true);
    bytes[12 + n * 6 + i] = e.coarse;
  });
  view.setUint32(padded, crc32(bytes.subarray(0, padded)), true);
  return bytes;
}

export function readClusters(bytes: Uint8Array): Clusters | { error: string } {
  if (bytes.length < 16) return { error: 'the cluster file is too short' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== VERSION) return { error: 'not a word-cluster file of this version' };
  const n = view.getUint32(8, true);
  const size = 12 + n * 7;
  const padded = size + ((4 - (size % 4)) % 4);
  if (bytes.length !== padded + 4) return { error: 'the cluster file is damaged (wrong length)' };
  if (crc32(bytes.subarray(0, padded)) !== view.getUint32(padded, true)) return { error: 'the cluster file is damaged (checksum)' };
  const keys = new Uint32Array(n);
  const fine = new Uint16Array(n);
  const coarse = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = view.getUint32(12 + i * 4, true);
    fine[i] = view.getUint16(12 + n * 4 + i * 2, true);
    coarse[i] = bytes[12 + n * 6 + i];
  }
  return { keys, fine, coarse };
}

/** The clusters of a word's hash: fine + 1 and coarse + 1, or 0 and 0 for a word not listed. */
export function clusterOf(c: Clusters, key: number): [number, number] {
  let lo = 0;
  let hi = c.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = c.keys[mid];
    if (k === key) return [c.fine[mid] + 1, c.coarse[mid] + 1];
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return [0, 0];
}
