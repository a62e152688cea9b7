// Training the name model from documents: examples, the perceptron, 8-bit weights, calibrated
// confidences. Same documents, settings and seed: the same bytes.
import { readClusters } from '../../src/core/entities/model/clusterFile.js';
import { useClusters } from '../../src/core/entities/model/features.js';
import { writeModel } from '../../src/core/entities/model/format.js';
import { loadNameModel } from '../../src/core/entities/model/index.js';
import { LABEL_COUNT } from '../../src/core/entities/model/labels.js';
import { augment, random } from './augment.js';
import { calibrate } from './calibrate.js';
import { addDocument, emptyExamples } from './examples.js';
import { train } from './perceptron.js';
import type { TrainingDoc } from './sources.js';

const L = LABEL_COUNT;
/**
 * The strongest rows kept (by largest weight): the table then holds 2^17 slots of 32 bytes (4 MB),
 * half full, in the server and in each analysis worker.
 */
const KEPT_ROWS = 60_000;

export interface TrainingSettings {
  epochs: number;
  seed: number;
  /** The share of documents also seen with headline lines in capitals or title case. */
  augment: number;
  /** How many perceptrons, each shuffled its own way, are averaged (1: one). */
  ensemble?: number;
  /** What the file says about its data, besides the settings. */
  about: Record<string, unknown>;
  log: (line: string) => void;
}

/** Trains on the documents, with the features reading the given word clusters (a cluster file's bytes). */
export function trainNameModel(all: readonly TrainingDoc[], clusterBytes: Uint8Array, settings: TrainingSettings): Uint8Array {
  const { log } = settings;
  const clusters = readClusters(clusterBytes);
  if ('error' in clusters) throw new Error(clusters.error);
  useClusters(clusters);
  // Every 20th document calibrates confidences and is not trained on.
  const held = all.filter((_, i) => i % 20 === 19);
  const kept = all.filter((_, i) => i % 20 !== 19);
  const next = random(settings.seed);
  const augmented = augment(kept, settings.augment, next);
  const docs: TrainingDoc[] = [...kept, ...augmented];
  log(`${docs.length} documents (${kept.length} + ${augmented.length} with headline lines), ${held.length} kept aside`);
  const ex = emptyExamples();
  docs.forEach((d, i) => addDocument(ex, d, i));
  log(`${ex.lengths.length} segments, ${ex.allowed.length} tokens, ${ex.keys.length} features; ${ex.stats.skipped} segments left out, ${ex.stats.goldOutside} of ${ex.stats.goldSpans} gold names outside segments`);
  // Several perceptrons, each seeing the examples in its own order, averaged: less of one order's luck.
  const runs = Array.from({ length: settings.ensemble ?? 1 }, (_, i) => train(ex, settings.epochs, i === 0 ? next : random(settings.seed + 1000 * i), log));
  const trained = runs.length === 1 ? runs[0] : average(runs);
  const { keys, rows, scales } = quantise(ex.keys, trained.weights);
  const about = JSON.stringify({ ...settings.about, documents: docs.length, epochs: settings.epochs, seed: settings.seed, augment: settings.augment, features: keys.length });
  const weights = { keys, rows, scales, transitions: trained.transitions };
  const model = loadNameModel(writeModel(weights, clusterBytes, 1, about));
  if ('error' in model) throw new Error(model.error);
  const fit = calibrate(held, model);
  log(`calibration on ${held.length} documents: temperature ${fit.temperature.toFixed(3)}, ${fit.names} names, ${fit.correct} right; log loss ${fit.loss.toFixed(4)}`);
  return writeModel(weights, clusterBytes, fit.temperature, about);
}

function average(runs: ReadonlyArray<{ weights: Float32Array; transitions: Float32Array }>): { weights: Float32Array; transitions: Float32Array } {
  const weights = new Float32Array(runs[0].weights.length);
  const transitions = new Float32Array(runs[0].transitions.length);
  for (const r of runs) {
    for (let i = 0; i < weights.length; i++) weights[i] += r.weights[i] / runs.length;
    for (let i = 0; i < transitions.length; i++) transitions[i] += r.transitions[i] / runs.length;
  }
  return { weights, transitions };
}

/** 8-bit weights, each row with its own scale; only the KEPT_ROWS strongest rows are kept. */
function quantise(allKeys: number[], weights: Float32Array): { keys: Uint32Array; rows: Int8Array; scales: Float32Array } {
  const all: Array<{ f: number; max: number }> = [];
  for (let f = 0; f < allKeys.length; f++) {
    let max = 0;
    for (let l = 0; l < L; l++) max = Math.max(max, Math.abs(weights[f * L + l]));
    if (max > 0) all.push({ f, max });
  }
  all.sort((a, b) => b.max - a.max || a.f - b.f);
  const keep = all.slice(0, KEPT_ROWS).sort((a, b) => a.f - b.f).map(({ f, max }) => ({ f, scale: Math.fround(max / 127) }));
  const keys = new Uint32Array(keep.length);
  const scales = new Float32Array(keep.length);
  const rows = new Int8Array(keep.length * L);
  keep.forEach(({ f, scale }, i) => {
    keys[i] = allKeys[f];
    scales[i] = scale;
    for (let l = 0; l < L; l++) rows[i * L + l] = Math.round(weights[f * L + l] / scale);
  });
  return { keys, rows, scales };
}

