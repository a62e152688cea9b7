// The name model the analysis uses: none until the host (server, worker, CLI) reads the shipped
// file and installs it; without one the rules answer alone.
import { readModel } from './format.js';
import type { NameModel } from './tagger.js';
import { FeatureTable } from './weights.js';

export type { NameModel } from './tagger.js';

let current: NameModel | null = null;

export function useNameModel(model: NameModel | null): void {
  current = model;
}

export function currentNameModel(): NameModel | null {
  return current;
}

/** A model from the bytes of a model file, or why it cannot be one. */
export function loadNameModel(bytes: Uint8Array): NameModel | { error: string } {
  const file = readModel(bytes);
  if ('error' in file) return file;
  return { table: new FeatureTable(file.weights), clusters: file.clusters, about: file.about, checksum: file.checksum, temperature: file.temperature };
}

/**
 * Reads the model through the host's `read` (the core does no IO) and installs it. Says what
 * happened in one line: the model's size and load time, or why the rules answer alone.
 */
export function installNameModel(read: () => Uint8Array, where: string): { ok: boolean; message: string } {
  const started = Date.now();
  let bytes: Uint8Array;
  try {
    bytes = read();
  } catch (e) {
    useNameModel(null);
    return { ok: false, message: `The name model could not be read (${where}: ${e instanceof Error ? e.message : String(e)}); names come from the rules alone.` };
  }
  const model = loadNameModel(bytes);
  if ('error' in model) {
    useNameModel(null);
    return { ok: false, message: `The name model is unusable (${where}: ${model.error}); names come from the rules alone.` };
  }
  useNameModel(model);
  const mb = (model.table.memoryBytes / 1e6).toFixed(1);
  return { ok: true, message: `Name model loaded in ${Date.now() - started} ms: ${model.table.size} features, ${mb} MB, checksum ${model.checksum.toString(16).padStart(8, '0')}.` };
}
