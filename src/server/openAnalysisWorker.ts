// Entry point of dist/openAnalysisWorker.js: the thread that analyses large open documents, passage
// by passage, so the server's main thread keeps answering the editor (see openAnalysis.ts). It posts
// the document's plan, then each passage's analysis as it is done, and stops between two passages
// when the run is cancelled (a newer version of the document, a closed one, the user).
import { parentPort } from 'node:worker_threads';
import { installShippedNameModel } from './nameModelFile.js';
import { unpackLearned, useLearned, type PackedLearned } from '../core/entities/learnedModel.js';
import { packFindings, type Findings, type PackedFindings } from './packedFindings.js';
import { analyzePassages, documentHead, lineStarts, PassageMemo, planDocument, type DocumentAnalysis, type DocumentMeta, type Passage, type PassageAnalysis } from '../core/index.js';

export type OpenAnalysisRequest =
  | { type: 'analyse'; run: number; uri: string; text: string; meta: DocumentMeta }
  | { type: 'cancel'; run: number }
  /** The document was closed: its passages are not needed any more. */
  | { type: 'forget'; uri: string }
  /** The learned weights to analyse with from now on (null: the shipped ones alone); passages read before are read again. */
  | { type: 'learned'; learned: PackedLearned | null };

export type OpenAnalysisReply =
  | { type: 'ready' }
  /**
   * Everything but the passages' findings, where the passages are, and where the text's lines start
   * (the diagnostics' positions: found here, not in a pass over megabytes on the main thread).
   */
  | { type: 'plan'; run: number; head: DocumentAnalysis; passages: Passage[]; lineStarts: number[] }
  /** A passage's analysis, its findings packed (packedFindings.ts: fewer objects for the main thread's collector to copy). */
  | { type: 'passage'; run: number; index: number; analysis: Omit<PassageAnalysis, keyof Findings>; findings: PackedFindings }
  | { type: 'done'; run: number }
  | { type: 'cancelled'; run: number }
  | { type: 'failed'; run: number; error: string };

const port = parentPort!;
// As the server and the indexing workers: names by the shipped model (the server reports a missing one).
installShippedNameModel();
/** Each open document's passages as this thread last analysed them: a run after a cancelled one goes on from there. */
const memos = new Map<string, PassageMemo>();
/** Documents analysed and not forgotten since: only theirs are kept. */
const open = new Set<string>();
const cancelled = new Set<number>();
const queue: Array<Extract<OpenAnalysisRequest, { type: 'analyse' }>> = [];
let busy = false;

port.on('message', (request: OpenAnalysisRequest) => {
  if (request.type === 'cancel') cancelled.add(request.run);
  else if (request.type === 'learned') {
    useLearned(request.learned && unpackLearned(request.learned));
    memos.clear();
  }
  else if (request.type === 'forget') {
    open.delete(request.uri);
    memos.delete(request.uri);
  } else {
    open.add(request.uri);
    queue.push(request);
    void drain();
  }
});

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    for (let request = queue.shift(); request; request = queue.shift()) {
      if (cancelled.delete(request.run)) port.postMessage({ type: 'cancelled', run: request.run } satisfies OpenAnalysisReply);
      else await analyse(request);
    }
  } finally {
    busy = false;
  }
}

async function analyse({ run, uri, text, meta }: Extract<OpenAnalysisRequest, { type: 'analyse' }>): Promise<void> {
  try {
    const plan = planDocument(text, meta);
    port.postMessage({ type: 'plan', run, head: documentHead(plan), passages: plan.passages, lineStarts: lineStarts(text) } satisfies OpenAnalysisReply);
    const memo = memos.get(uri) ?? new PassageMemo();
    const done: PassageAnalysis[] = [];
    for (const analysis of analyzePassages(plan, memo)) {
      const { entities, timex, events, possibleNames, ...rest } = analysis;
      const findings = packFindings({ entities, timex, events, possibleNames });
      port.postMessage({ type: 'passage', run, index: done.length, analysis: rest, findings } satisfies OpenAnalysisReply, [findings.numbers.buffer]);
      done.push(analysis);
      // A turn of the event loop between passages: a cancel message can come in.
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled.delete(run)) {
        // What was analysed stays known to the next run, with what was known before.
        const kept = new PassageMemo();
        kept.keep(text, plan.passages.slice(0, done.length), done);
        for (const [passageText, list] of memo.passages) if (!kept.passages.has(passageText)) kept.passages.set(passageText, list);
        if (open.has(uri)) memos.set(uri, kept);
        port.postMessage({ type: 'cancelled', run } satisfies OpenAnalysisReply);
        return;
      }
    }
    memo.keep(text, plan.passages, done);
    if (open.has(uri)) memos.set(uri, memo);
    port.postMessage({ type: 'done', run } satisfies OpenAnalysisReply);
  } catch (e) {
    // The core should never throw; if it does, the document says so and the thread carries on.
    port.postMessage({ type: 'failed', run, error: e instanceof Error ? e.message : String(e) } satisfies OpenAnalysisReply);
  }
}

port.postMessage({ type: 'ready' } satisfies OpenAnalysisReply);
