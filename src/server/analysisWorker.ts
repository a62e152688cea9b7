// Entry point of dist/analysisWorker.js: one analysis worker thread. It loads the files the pool
// sends (read, decode, analyse) and posts each loaded document back, packed (packedDocument.ts); see
// analysisPool.ts.
import { parentPort } from 'node:worker_threads';
import { loadFileSync, type LoadTask } from './loadFile.js';
import { installShippedNameModel } from './nameModelFile.js';
import { packDocument, type PackedDocument } from './packedDocument.js';
import { unpackLearned, useLearned, type PackedLearned } from '../core/entities/learnedModel.js';

/**
 * What the pool sends: a file to load, or the learned weights to analyse the next files with (null:
 * the shipped ones alone). A new kind of message gets a `type` of its own.
 */
export type WorkerRequest = { type: 'load'; id: number; task: LoadTask } | { type: 'learned'; learned: PackedLearned | null };
export type WorkerReply = { type: 'ready' } | { type: 'loaded'; id: number; packed: PackedDocument } | { type: 'failed'; id: number; error: string };

const port = parentPort!;
// The server reports a missing or damaged model; here the rules then answer alone, as there.
installShippedNameModel();
// One file at a time, in the order sent: if the worker dies, the pool knows which file it was on.
port.on('message', (request: WorkerRequest) => {
  if (request.type === 'learned') useLearned(request.learned && unpackLearned(request.learned));
  else load(request.id, request.task);
});

function load(id: number, task: LoadTask): void {
  let packed: PackedDocument;
  try {
    packed = packDocument(loadFileSync(task));
  } catch (e) {
    // The core should never throw; if it does, the file says so and the worker carries on.
    return port.postMessage({ type: 'failed', id, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
  port.postMessage({ type: 'loaded', id, packed } satisfies WorkerReply, [packed.numbers.buffer]);
}

// Posted once the bundle has loaded: a worker that exits before this could not start at all.
port.postMessage({ type: 'ready' } satisfies WorkerReply);
