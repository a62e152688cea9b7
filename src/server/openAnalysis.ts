// Analysis of the documents open in the editor. Each edit is analysed again; what is left to analyse
// decides where: a document of ordinary length, or an edit that leaves all but a passage or two
// known (a keystroke), is analysed here at once, as before; anything larger (a long document opened,
// a large paste) goes to a worker thread of its own, passage by passage, with progress in the editor
// when it takes a while, so the main thread keeps answering requests on the other documents. A
// newer version, a close or the user cancels a run between two passages. A document over the size
// limit is not analysed at all: a message on it names the setting.
import { Worker } from 'node:worker_threads';
import {
  analysisFailed, analyzeDocument, fileTooLarge, passagesToAnalyze, PassageMemo, planDocument, skippedDocument,
  type DocumentAnalysis, type DocumentMeta, type LoadedDocument, type Passage, type PassageAnalysis, type Problem,
} from '../core/index.js';
import type { OpenAnalysisReply, OpenAnalysisRequest } from './openAnalysisWorker.js';
import { unpackFindings } from './packedFindings.js';
import type { PackedLearned } from '../core/entities/learnedModel.js';

/** Documents up to this many characters are analysed here whatever the memo knows: a passage or two. */
const IN_THREAD_MAX_CHARS = 64 * 1024;
/** An edit leaving at most this many passages to analyse (16–48 KB each) is analysed here: a keystroke. */
const IN_THREAD_MAX_PASSAGES = 2;
/** Progress shows at once for this much text (about a second of analysis), else after PROGRESS_AFTER_MS. */
const PROGRESS_AT_ONCE_CHARS = 1024 * 1024;
const PROGRESS_AFTER_MS = 1000;

export interface ProgressReporter {
  report(percentage: number, message?: string): void;
  done(): void;
  /** Called when the user cancels. */
  onCancel(listener: () => void): void;
}

export interface OpenAnalysisHost {
  /**
   * The document's analysis is ready, or it was not analysed (over the size limit, cancelled, failed):
   * its problems say why. `lineStarts`: where the text's lines start, when the worker found them.
   */
  analysed(uri: string, version: number, loaded: LoadedDocument, lineStarts?: number[]): void;
  metaFor(uri: string): DocumentMeta;
  /** `corpusLens.files.maxSizeMB`, in bytes. */
  limitBytes(): number;
  /** A cancellable progress in the editor, if the client shows one. */
  progress(title: string): Promise<ProgressReporter | undefined>;
  log(message: string): void;
}

/** A document being analysed on the worker. */
interface Run {
  id: number;
  uri: string;
  version: number;
  text: string;
  meta: DocumentMeta;
  head: DocumentAnalysis | null;
  passages: Passage[];
  lineStarts: number[] | undefined;
  analyses: PassageAnalysis[];
  /** The findings of the passages so far, gathered as they come (not all at once at the end). */
  found: Pick<DocumentAnalysis, 'entities' | 'timex' | 'events' | 'possibleNames'>;
  progress: Promise<ProgressReporter | undefined> | null;
  reported: number;
  timer: NodeJS.Timeout | undefined;
}

export class OpenDocumentAnalysis {
  /** Each open document's passages as last analysed, for the next analysis (a keystroke re-analyses one). */
  private readonly memos = new Map<string, PassageMemo>();
  /** Open documents not analysed for their size: analysed again when the limit rises. */
  private readonly overLimit = new Set<string>();
  private readonly runs = new Map<string, Run>();
  private readonly runsById = new Map<number, Run>();
  private nextRun = 0;
  private worker: Worker | null = null;
  /** Documents the worker keeps passages of. */
  private readonly onWorker = new Set<string>();
  /** The worker could not start: everything is analysed here. */
  private noWorker = false;
  /** The learned weights the worker analyses with. */
  private learned: PackedLearned | null = null;

  constructor(private readonly host: OpenAnalysisHost, private readonly workerFile: string) {}

  /** Analyses an open document's text (at this version). */
  analyze(uri: string, version: number, text: string): void {
    this.cancel(uri);
    const meta = this.host.metaFor(uri);
    const tooLarge = this.sizeProblem(text);
    if (tooLarge) {
      this.forget(uri);
      this.overLimit.add(uri);
      this.host.analysed(uri, version, skippedDocument(meta, [tooLarge]));
      return;
    }
    this.overLimit.delete(uri);
    let memo = this.memos.get(uri);
    if (!memo) this.memos.set(uri, (memo = new PassageMemo()));
    if (text.length <= IN_THREAD_MAX_CHARS || this.noWorker) return this.analyzeHere(uri, version, text, meta, memo);
    // Planning costs a pass over the text: only worth it when the memo may spare most passages.
    if (memo.passages.size > 0) {
      const plan = planDocument(text, meta);
      if (passagesToAnalyze(plan, memo) <= IN_THREAD_MAX_PASSAGES) return this.analyzeHere(uri, version, text, meta, memo, plan);
    }
    this.start(uri, version, text, meta);
  }

  /** The document was closed: its run stops and its passages are forgotten. */
  close(uri: string): void {
    this.cancel(uri);
    this.forget(uri);
    this.overLimit.delete(uri);
  }

  /** After a settings change: open documents that crossed the size limit either way are analysed again. */
  limitChanged(open: Iterable<{ uri: string; version: number; getText(): string }>): void {
    for (const doc of open) {
      const text = doc.getText();
      if (!!this.sizeProblem(text) !== this.overLimit.has(doc.uri)) this.analyze(doc.uri, doc.version, text);
    }
  }

  /**
   * The learned weights changed (null: the shipped ones alone): passages read before are read again,
   * here and on the worker, which analyses with them from now on.
   */
  useLearned(learned: PackedLearned | null): void {
    this.learned = learned;
    this.memos.clear();
    this.worker?.postMessage({ type: 'learned', learned } satisfies OpenAnalysisRequest);
  }

  /** True while the document is being analysed on the worker. */
  pending(uri: string): boolean {
    return this.runs.has(uri);
  }

  dispose(): void {
    for (const uri of [...this.runs.keys()]) this.cancel(uri);
    void this.worker?.terminate();
    this.worker = null;
  }

  private sizeProblem(text: string): Problem | null {
    const limit = this.host.limitBytes();
    // A UTF-16 code unit is one to three UTF-8 bytes: count the bytes only when it could go either way.
    if (text.length * 3 <= limit) return null;
    const bytes = Buffer.byteLength(text, 'utf8');
    return bytes > limit ? fileTooLarge(bytes, limit) : null;
  }

  private analyzeHere(uri: string, version: number, text: string, meta: DocumentMeta, memo: PassageMemo, plan?: ReturnType<typeof planDocument>): void {
    const analysis = analyzeDocument(text, meta, memo, plan);
    this.host.analysed(uri, version, { text, analysis, fileProblems: [], skipped: false });
  }

  private start(uri: string, version: number, text: string, meta: DocumentMeta): void {
    const worker = this.ensureWorker();
    if (!worker) return this.analyzeHere(uri, version, text, meta, this.memos.get(uri)!);
    const run: Run = {
      id: ++this.nextRun, uri, version, text, meta, head: null, passages: [], lineStarts: undefined, analyses: [], found: { entities: [], timex: [], events: [], possibleNames: [] },
      progress: null, reported: -1, timer: undefined,
    };
    this.runs.set(uri, run);
    this.runsById.set(run.id, run);
    this.onWorker.add(uri);
    worker.ref();
    worker.postMessage({ type: 'analyse', run: run.id, uri, text, meta } satisfies OpenAnalysisRequest);
    if (text.length >= PROGRESS_AT_ONCE_CHARS) this.showProgress(run);
    else run.timer = setTimeout(() => this.showProgress(run), PROGRESS_AFTER_MS);
  }

  private showProgress(run: Run): void {
    if (this.runsById.get(run.id) !== run || run.progress) return;
    const name = decodeURIComponent(run.uri.split('/').pop() ?? run.uri);
    run.progress = this.host.progress(`Corpus Lens: analysing ${name}`).catch(() => undefined);
    void run.progress.then((reporter) => reporter?.onCancel(() => {
      if (this.runsById.get(run.id) !== run) return;
      this.cancel(run.uri);
      this.memos.delete(run.uri);
      this.host.analysed(run.uri, run.version, skippedDocument(run.meta, [analysisCancelled()]));
    }));
  }

  /** Stops the document's run, if one is in progress. */
  private cancel(uri: string): void {
    const run = this.runs.get(uri);
    if (!run) return;
    this.worker?.postMessage({ type: 'cancel', run: run.id } satisfies OpenAnalysisRequest);
    this.end(run);
  }

  private end(run: Run): void {
    this.runs.delete(run.uri);
    this.runsById.delete(run.id);
    clearTimeout(run.timer);
    void run.progress?.then((reporter) => reporter?.done());
    if (this.runs.size === 0) this.worker?.unref();
  }

  private forget(uri: string): void {
    this.memos.delete(uri);
    if (!this.onWorker.delete(uri)) return;
    this.worker?.postMessage({ type: 'forget', uri } satisfies OpenAnalysisRequest);
    // No document's passages left on the worker: its memory goes back.
    if (this.onWorker.size === 0 && this.runs.size === 0) {
      void this.worker?.terminate();
      this.worker = null;
    }
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.noWorker) return this.worker;
    let worker: Worker;
    try {
      worker = new Worker(this.workerFile);
    } catch (e) {
      this.workerFailed(null, e instanceof Error ? e.message : String(e));
      return null;
    }
    let ready = false;
    let error: Error | undefined;
    worker.on('message', (reply: OpenAnalysisReply) => {
      if (reply.type === 'ready') ready = true;
      else this.received(reply);
    });
    worker.on('error', (e) => (error = e));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // stopped on purpose
      this.workerFailed(ready ? worker : null, error?.message ?? `exit code ${code}`);
    });
    this.worker = worker;
    if (this.learned) worker.postMessage({ type: 'learned', learned: this.learned } satisfies OpenAnalysisRequest);
    return worker;
  }

  /** The worker stopped (or never started): its runs fail; without a worker at all, documents are analysed here. */
  private workerFailed(worker: Worker | null, reason: string): void {
    this.worker = null;
    this.onWorker.clear();
    const runs = [...this.runs.values()];
    for (const run of runs) this.end(run);
    if (!worker) {
      this.noWorker = true;
      this.host.log(`The analysis thread for open documents could not start (${reason}); they are analysed on the main thread.`);
      for (const run of runs) this.analyzeHere(run.uri, run.version, run.text, run.meta, this.memos.get(run.uri) ?? new PassageMemo());
      return;
    }
    this.host.log(`The analysis thread for open documents stopped (${reason}).`);
    for (const run of runs) this.host.analysed(run.uri, run.version, skippedDocument(run.meta, [analysisFailed(`the analysis thread stopped on it (${reason}).`)]));
  }

  private received(reply: Exclude<OpenAnalysisReply, { type: 'ready' }>): void {
    const run = this.runsById.get(reply.run);
    if (!run) return; // cancelled meanwhile
    if (reply.type === 'plan') {
      run.head = reply.head;
      run.passages = reply.passages;
      run.lineStarts = reply.lineStarts;
    } else if (reply.type === 'passage') {
      // Passages come in order.
      const { entities, timex, events, possibleNames } = unpackFindings(reply.findings);
      const { key, start, sentenceBase, firstLine, sentenceCount, after } = reply.analysis;
      const analysis: PassageAnalysis = { key, start, sentenceBase, firstLine, entities, timex, events, possibleNames, sentenceCount, after };
      run.analyses[reply.index] = analysis;
      for (const m of analysis.entities) run.found.entities.push(m);
      for (const t of analysis.timex) run.found.timex.push(t);
      for (const e of analysis.events) run.found.events.push(e);
      for (const n of analysis.possibleNames) run.found.possibleNames.push(n);
      const percent = Math.floor((run.analyses.length * 100) / Math.max(1, run.passages.length));
      if (percent > run.reported) {
        run.reported = percent;
        void run.progress?.then((reporter) => reporter?.report(percent, `${run.analyses.length}/${run.passages.length} passages`));
      }
    } else if (reply.type === 'done') {
      this.end(run);
      this.memos.get(run.uri)?.keep(run.text, run.passages, run.analyses);
      this.host.analysed(run.uri, run.version, { text: run.text, analysis: { ...run.head!, ...run.found }, fileProblems: [], skipped: false }, run.lineStarts);
    } else if (reply.type === 'failed') {
      this.end(run);
      this.host.analysed(run.uri, run.version, skippedDocument(run.meta, [analysisFailed(reply.error)]));
    }
  }
}

function analysisCancelled(): Problem {
  return {
    start: 0, end: 0, severity: 'information', code: 'file.analysisCancelled',
    message: 'The analysis of this document was cancelled. Edit or reopen it to analyse it again.',
  };
}
