// Entry point of dist/analysisWorker.js: one analysis worker thread. It loads the files the pool
// sends (read, decode, analyse) and posts each loaded document back; see analysisPool.ts.
import { parentPort } from 'node:worker_threads';
import { loadFileSync, type LoadedDocument, type LoadTask } from './loadFile.js';
import { installShippedNameModel } from './nameModelFile.js';
import { unpackLearned, useLearned, type PackedLearned } from '../core/entities/learnedModel.js';

/** A file to load, or the learned weights to analyse the next files with (null: the shipped ones alone). */
export type WorkerRequest = { id: number; task: LoadTask } | { learned: PackedLearned | null };
export type WorkerReply = { ready: true } | { id: number; loaded: LoadedDocument } | { id: number; error: string };

const port = parentPort!;
// The server reports a missing or damaged model; here the rules then answer alone, as there.
installShippedNameModel();
// One file at a time, in the order sent: if the worker dies, the pool knows which file it was on.
port.on('message', (request: WorkerRequest) => {
  if ('learned' in request) return useLearned(request.learned && unpackLearned(request.learned));
  const { id, task } = request;
  let reply: WorkerReply;
  try {
    reply = { id, loaded: loadFileSync(task) };
  } catch (e) {
    // The core should never throw; if it does, the file says so and the worker carries on.
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
// Posted once the bundle has loaded: a worker that exits before this could not start at all.
port.postMessage({ ready: true } satisfies WorkerReply);
