// Reads and analyses corpus files on worker threads, so a cold index uses every core while the
// main thread stays free to answer the editor. One queue for all workers; each worker holds up to
// DEPTH files, so it never idles waiting for the main thread between two. A worker that crashes
// fails only the file it was on (the file gets a problem) and is replaced; an aborted file stops
// its worker at once. If no worker can start at all, files are loaded on this thread instead.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { analysisFailed, skippedDocument, type LoadedDocument } from '../core/index.js';
import type { PackedLearned } from '../core/entities/learnedModel.js';
import { loadFile, type LoadTask } from './loadFile.js';
import type { WorkerReply, WorkerRequest } from './analysisWorker.js';
import { unpackDocument, type PackedDocument } from './packedDocument.js';

/**
 * Files each worker holds. A 5 KB article takes a worker ~1.3 ms, less than the main thread may
 * take to come back to it (a GC pause, a burst of replies to take in): with 2, each worker of a
 * cold index of 10,000 documents waited 2-2.8 s in all for its next file; with 16, 0.4 s.
 */
const DEPTH = 16;

/**
 * Workers for the `corpusLens.indexing.workers` setting: a positive number as is, else one per core.
 * Not one fewer: the main thread's share while indexing (taking results, sending diagnostics) is a
 * fraction of a core, and the system schedules it as soon as a request comes; one fewer would mean
 * a single analysing thread on a 2-core machine.
 */
export function poolSize(setting: number): number {
  return setting >= 1 ? Math.floor(setting) : Math.max(1, availableParallelism());
}

interface Job {
  id: number;
  task: LoadTask;
  signal?: AbortSignal;
  resolve(loaded: LoadedDocument): void;
  reject(reason: unknown): void;
  done: boolean;
}

interface Slot {
  worker: Worker;
  /** Files sent to the worker, in the order it loads them (it loads one at a time). */
  jobs: Map<number, Job>;
  /** The worker's bundle has loaded. */
  ready: boolean;
  error?: Error;
}

export class AnalysisPool {
  private queue: Job[] = [];
  private head = 0;
  private readonly slots = new Set<Slot>();
  private nextId = 0;
  private inThread = false;
  private inThreadBusy = false;
  private pumpScheduled = false;
  /** The short strings of the documents received, one copy each (packedDocument.ts). */
  private strings = new Map<string, string>();
  /**
   * The files waiting on each abort signal, with the one listener that aborts them: a listener per
   * file made adding one cost a scan of the others (0.2–0.3 s of the main thread for 10,000 files).
   */
  private readonly bySignal = new Map<AbortSignal, { jobs: Set<Job>; onAbort: () => void }>();

  /** The learned weights every worker analyses with (null: the shipped ones), sent to each worker before any file. */
  private learned: PackedLearned | null = null;

  /** At most this many workers; lowering it stops the extra ones as they finish their files. */
  size: number;

  constructor(size: number, private readonly workerFile: string, private readonly log: (message: string) => void = () => undefined) {
    this.size = size;
  }

  /** Loads one file (read, decode, analyse). Rejects with the signal's reason if aborted first. */
  load(task: LoadTask, signal?: AbortSignal): Promise<LoadedDocument> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const job: Job = { id: this.nextId++, task, signal, resolve, reject, done: false };
      if (signal) this.waitOn(signal, job);
      this.queue.push(job);
      this.pump();
    });
  }

  /**
   * Analyses with these learned weights from now on. A worker takes messages in order: the files
   * sent to it after this are analysed with them, those before with the weights it had.
   */
  useLearned(learned: PackedLearned | null): void {
    this.learned = learned;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'learned', learned } satisfies WorkerRequest);
  }

  /** Workers running now (for tests and logs). */
  get workers(): number {
    return this.slots.size;
  }

  /** Stops the idle workers (their heaps are large) and forgets the shared strings; both come back on demand. */
  release(): void {
    for (const slot of [...this.slots]) if (slot.jobs.size === 0) this.stop(slot);
    this.strings = new Map();
  }

  /** Stops every worker; files not loaded yet are rejected. */
  dispose(): void {
    const jobs = this.queue.slice(this.head);
    for (const slot of [...this.slots]) {
      this.stop(slot);
      jobs.push(...slot.jobs.values());
    }
    for (const job of jobs) this.finish(job, { error: new Error('The analysis pool was closed.') });
    this.queue = [];
    this.head = 0;
  }

  private waitOn(signal: AbortSignal, job: Job): void {
    let waiting = this.bySignal.get(signal);
    if (!waiting) {
      const jobs = new Set<Job>();
      const onAbort = () => {
        this.bySignal.delete(signal);
        for (const j of jobs) this.abort(j);
      };
      waiting = { jobs, onAbort };
      this.bySignal.set(signal, waiting);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    waiting.jobs.add(job);
  }

  private abort(job: Job): void {
    const slot = [...this.slots].find((s) => s.jobs.has(job.id));
    if (slot) {
      // The worker may be deep in a long analysis: stop it now, and queue its other files again.
      slot.jobs.delete(job.id);
      this.stop(slot);
      this.queue.push(...slot.jobs.values());
      // Deferred: one abort signal cancels many files at once; start new workers after all of them.
      this.schedulePump();
    }
    this.finish(job, { error: job.signal!.reason });
  }

  private finish(job: Job, outcome: { loaded: LoadedDocument } | { error: unknown }): void {
    if (job.done) return;
    job.done = true;
    const waiting = job.signal && this.bySignal.get(job.signal);
    if (waiting) {
      waiting.jobs.delete(job);
      if (waiting.jobs.size === 0) {
        this.bySignal.delete(job.signal!);
        job.signal!.removeEventListener('abort', waiting.onAbort);
      }
    }
    if ('loaded' in outcome) job.resolve(outcome.loaded);
    else job.reject(outcome.error);
  }

  /** The next file not yet aborted, left in the queue. */
  private peek(): Job | undefined {
    while (this.head < this.queue.length && this.queue[this.head].done) this.head++;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    return this.queue[this.head];
  }

  private take(): Job | undefined {
    const job = this.peek();
    if (job) this.head++;
    return job;
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.inThread) return void this.drainInThread();
    for (const slot of [...this.slots]) if (this.slots.size > this.size && slot.jobs.size === 0) this.stop(slot);
    while (this.peek()) {
      const slot = this.freeSlot();
      if (!slot) return;
      const job = this.take()!;
      slot.jobs.set(job.id, job);
      slot.worker.ref();
      slot.worker.postMessage({ type: 'load', id: job.id, task: job.task } satisfies WorkerRequest);
    }
  }

  /** An idle worker, else a new one while under the size, else one with room in its queue. */
  private freeSlot(): Slot | undefined {
    const slots = [...this.slots];
    return slots.find((s) => s.jobs.size === 0)
      ?? (slots.length < this.size ? this.spawn() : slots.find((s) => s.jobs.size < DEPTH));
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerFile);
    // Only a worker with files to load keeps the process alive; an idle one must not.
    worker.unref();
    const slot: Slot = { worker, jobs: new Map(), ready: false };
    this.slots.add(slot);
    if (this.learned) worker.postMessage({ type: 'learned', learned: this.learned } satisfies WorkerRequest);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        return;
      }
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if (slot.jobs.size === 0) slot.worker.unref();
      this.finish(job, { loaded: reply.type === 'loaded' ? this.unpack(job, reply.packed) : failed(job, reply.error) });
      this.pump();
    });
    worker.on('error', (e) => (slot.error = e));
    worker.on('exit', (code) => this.exited(slot, code));
    return slot;
  }

  /** A message that does not read back fails its file, not the server. */
  private unpack(job: Job, packed: PackedDocument): LoadedDocument {
    try {
      return unpackDocument(packed, this.strings);
    } catch (e) {
      return failed(job, `its analysis did not come back from the worker whole (${e instanceof Error ? e.message : String(e)}).`);
    }
  }

  private stop(slot: Slot): void {
    this.slots.delete(slot);
    void slot.worker.terminate();
  }

  private exited(slot: Slot, code: number): void {
    if (!this.slots.delete(slot)) return; // stopped on purpose
    const reason = slot.error?.message ?? `exit code ${code}`;
    const jobs = [...slot.jobs.values()];
    if (!slot.ready) {
      this.log(`Analysis workers could not start (${reason}); documents are analysed on the main thread.`);
      this.inThread = true;
      for (const other of [...this.slots]) {
        this.stop(other);
        jobs.push(...other.jobs.values());
      }
    } else {
      // The worker loads its files one at a time: the first one it held is the one that stopped it.
      const culprit = jobs.shift();
      this.log(`An analysis worker stopped${culprit ? ` on ${culprit.task.file}` : ''} (${reason}); another takes over.`);
      if (culprit) this.finish(culprit, { loaded: failed(culprit, `the analysis worker stopped on it (${reason}).`) });
    }
    this.queue.push(...jobs);
    this.pump();
  }

  /** Without workers: one file at a time, yielding between files so requests are answered. */
  private async drainInThread(): Promise<void> {
    if (this.inThreadBusy) return;
    this.inThreadBusy = true;
    try {
      for (let job = this.take(); job; job = this.take()) {
        let loaded: LoadedDocument;
        try {
          loaded = await loadFile(job.task);
        } catch (e) {
          loaded = failed(job, e instanceof Error ? e.message : String(e));
        }
        this.finish(job, { loaded });
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.inThreadBusy = false;
    }
  }
}

function failed(job: Job, reason: string): LoadedDocument {
  return skippedDocument(job.task.meta, [analysisFailed(reason)]);
}
