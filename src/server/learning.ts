// Learning from the user's decisions, on the server's side: the learned weights kept equal to what
// the stores teach (core annotations/learning.ts), laid over the shipped model on every thread that
// analyses (this one, the indexing workers, the open-document worker), written beside the store as
// `.corpus-lens/learned.json`, and the documents a change reaches analysed again, so similar names
// elsewhere follow. The decisions themselves are applied over any analysis (annotations/apply.ts):
// what was learned never overrides them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ChangedNames, Corpus, LoadedDocument } from '../core/index.js';
import { adoptLearnedFile, restoreLearning, StoreLearning, type LearningChange } from '../core/annotations/learning.js';
import type { Annotation } from '../core/annotations/store.js';
import { packLearned, useLearned, type PackedLearned } from '../core/entities/learnedModel.js';
import { labelChanges, sameNames } from '../core/entities/learnedReach.js';
import { currentNameModel, type NameModel } from '../core/entities/model/index.js';
import { LEARNED_PATH, writeLearned } from '../core/entities/model/learnedFile.js';
import type { LearnedResult } from '../protocol.js';
import { writeAtomically, type StoreState } from './annotationFiles.js';
import { documentUri } from './documentMoves.js';

/** Learning a store again: the decisions learned before the event loop turns (requests are answered between). */
const LEARN_SLICE_MS = 20;
/** Documents whose reach is checked between two turns of the event loop: requests are answered meanwhile. */
const REACH_SLICE = 100;

export interface LearningPorts {
  corpus: Corpus;
  /** Every workspace folder's store. */
  stores: () => StoreState[];
  enabled: () => boolean;
  /** Hands the learned weights (null: the shipped ones) to the other threads that analyse. */
  share: (packed: PackedLearned | null) => void;
  isOpen: (uri: string) => boolean;
  /** Analyses an open document again (its result comes back through `took`). */
  analyseOpen: (uri: string) => void;
  /** Reads and analyses a document from disk again, without taking it; null when there is nothing to take (opened or gone meanwhile). */
  analyseFromDisk: (uri: string) => Promise<LoadedDocument | null>;
  /** A document's text read from disk, decoded as the corpus files are; undefined when it cannot be read. */
  readText: (uri: string) => string | undefined;
  /** Takes a document's new analysis, read from disk, into the corpus. */
  take: (uri: string, loaded: LoadedDocument) => void;
  /** What the last decisions changed, once every document they reach is analysed again. */
  done: (result: LearnedResult) => void;
  log: (message: string) => void;
}

/** One change of the learned weights, followed until every document it reaches is analysed again. */
interface Round {
  started: number;
  decisions: number;
  /** The documents are still being looked through for those the change reaches. */
  looking: boolean;
  waiting: Set<string>;
  /** The new analyses read from disk that differ from the corpus's, taken together once all are back. */
  read: Array<{ uri: string; loaded: LoadedDocument; asked: number }>;
  analysed: number;
  labels: number;
  documents: number;
  /** The names the round changed, by document, with the analysis that reads them so. */
  changed: Map<string, { analysis: LoadedDocument['analysis']; spans: Set<string> }>;
}

export class Learning {
  private shipped: NameModel | null = null;
  private learning: StoreLearning | null = null;
  private round: Round | null = null;
  private writing: Promise<unknown> = Promise.resolve();
  /** Each document's latest analysis asked for after a change of the weights, by a number counting them. */
  private readonly latest = new Map<string, number>();
  private asked = 0;
  /** Counts the runs of learning: a newer one makes an older one stop. */
  private runs = 0;
  /** The setting as last applied. */
  private enabled = true;
  /** The round of the last change of the weights, ended or not: the names it changed. */
  private lastRound: Round | null = null;

  constructor(private readonly ports: LearningPorts) {}

  /** The decisions learned from now, or 0. */
  get decisions(): number {
    return this.active ? this.learning!.learned.decisions : 0;
  }

  private get active(): boolean {
    return this.learning !== null && this.enabled;
  }

  /**
   * After the stores were read (before indexing): the learned file when it fits the stores, else
   * learned again from them. With learning off, nothing is learned: that waits until it is on.
   */
  start(): void {
    this.enabled = this.ports.enabled();
    this.shipped ??= currentNameModel();
    if (!this.shipped) return;
    const file = this.stores()[0] && readLearnedFile(this.stores()[0].root);
    const restored = this.enabled
      ? restoreLearning(this.shipped, this.annotations(), this.texts(), file)
      : adoptLearnedFile(this.shipped, this.annotations(), file);
    this.learning = restored.learning;
    if (restored.why && this.enabled) {
      this.ports.log(`Learned weights made again from the annotation store (${restored.why}): ${this.learning.learned.decisions} decisions.`);
      this.write();
    }
    this.publish(null);
  }

  /**
   * The stores changed (a decision made or taken back, a store changed behind the editor): learn
   * what they teach now. A new decision is learned at once; learning a store again goes a slice of
   * decisions at a time, answering requests between slices, and a newer change starts it afresh.
   */
  follow(): void {
    if (!this.learning) return this.start();
    if (this.active) void this.followInSlices(this.learning);
  }

  private async followInSlices(learning: StoreLearning): Promise<void> {
    const run = ++this.runs;
    const started = performance.now();
    const steps = learning.following(this.annotations(), this.texts());
    let slice = performance.now();
    let step = steps.next();
    while (!step.done) {
      if (performance.now() - slice > LEARN_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (run !== this.runs) return;
        slice = performance.now();
      }
      step = steps.next();
    }
    const change = step.value;
    if (!change) return;
    this.ports.log(`Learned from the decisions in ${(performance.now() - started).toFixed(0)} ms${change.rebuilt ? ' (all again)' : ''}: ${change.changed.length} features changed.`);
    this.write();
    this.publish(change);
  }

  /** Forget What Was Learned: the decisions made so far teach nothing any more. Answers once the learned file says so. */
  async forget(): Promise<string> {
    if (!this.learning) return 'Nothing was learned: the name model is not in use.';
    this.runs++;
    const was = this.learning.learned.decisions;
    const change = this.learning.forget(new Date().toISOString());
    this.write();
    this.publish(change);
    await this.writing;
    return `Forgot what was learned from ${was} decision${was === 1 ? '' : 's'}; names are read by the shipped model again.`;
  }

  /** The setting changed: the learned weights are laid over the model again, or taken off. */
  settingChanged(): void {
    if (!this.learning || this.enabled === this.ports.enabled()) return;
    this.enabled = this.ports.enabled();
    this.runs++;
    this.publish({ changed: [...this.learning.learned.deltas.keys()], rebuilt: true });
    // The decisions made while it was off are learned now.
    if (this.enabled) this.follow();
  }

  /** An open document's new analysis is about to replace `before`: counted when a change of the weights asked for it. */
  took(uri: string, before: LoadedDocument['analysis'] | undefined, after: LoadedDocument['analysis']): void {
    const round = this.round;
    if (!round?.waiting.has(uri)) return;
    this.count(round, uri, before, after);
    this.arrived(round, uri);
  }

  /** An open document closed: its new analysis, if it was being made, will not come back through `took`. */
  closed(uri: string): void {
    if (this.round?.waiting.has(uri)) this.arrived(this.round, uri);
  }

  /** Lays the weights over the model on every thread, and analyses again the documents the change reaches. */
  private publish(change: LearningChange | null): void {
    const learned = this.active ? this.learning!.learned : null;
    useLearned(learned);
    this.ports.share(learned && learned.deltas.size > 0 ? packLearned(learned) : null);
    if (change) void this.analyseReached(change);
  }

  /**
   * Analyses again the documents the change reaches, each sent to the workers as soon as it is found
   * to be reached. Those read from disk are taken into the corpus together, once the last is back:
   * the corpus changes once, and linking follows once, rather than after each document.
   */
  private async analyseReached(change: LearningChange): Promise<void> {
    const reach = this.learning!.reach.of(change.changed);
    const round: Round = { started: performance.now(), decisions: this.decisions, looking: true, waiting: new Set(), read: [], analysed: 0, labels: 0, documents: 0, changed: new Map() };
    this.round = round;
    this.lastRound = round;
    const clusters = this.shipped!.clusters;
    const documents = this.ports.corpus.documents();
    // Looked through to the end even when a newer change came meanwhile: its reach is its own features only.
    for (let i = 0; i < documents.length; i++) {
      if (i > 0 && i % REACH_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      const doc = documents[i];
      if (!doc.skipped && reach.reaches(doc.text, clusters)) this.analyse(round, doc.path);
    }
    round.looking = false;
    if (round.waiting.size === 0) this.takeRead(round);
  }

  private analyse(round: Round, uri: string): void {
    round.analysed++;
    round.waiting.add(uri);
    if (this.ports.isOpen(uri)) return this.ports.analyseOpen(uri);
    const asked = ++this.asked;
    this.latest.set(uri, asked);
    void this.ports.analyseFromDisk(uri).then((loaded) => {
      if (this.latest.get(uri) !== asked) return;
      if (!loaded) return void this.latest.delete(uri);
      const before = this.ports.corpus.inputs.document(uri)?.analysis;
      this.count(round, uri, before, loaded.analysis);
      // Taken when any name or how sure the model is of it changed (the cards and the export show
      // both), or a span it nearly read as a name (the Review view lists those).
      if (!before || !sameNames(before.entities, loaded.analysis.entities) || !sameNames(before.possibleNames, loaded.analysis.possibleNames)) round.read.push({ uri, loaded, asked });
      else this.latest.delete(uri);
    }).catch((e) => this.ports.log(`Could not analyse ${uri} again: ${String(e)}`)).finally(() => this.arrived(round, uri));
  }

  /** Takes the round's new analyses into the corpus, those not asked for again since (a later change reaches them too: that later analysis is the one taken). */
  private takeRead(round: Round): void {
    for (const { uri, loaded, asked } of round.read) {
      if (this.latest.get(uri) !== asked) continue;
      this.latest.delete(uri);
      // Opened, changed or gone meanwhile: what the corpus holds now was read with these weights or later ones.
      if (this.ports.isOpen(uri) || this.ports.corpus.inputs.document(uri)?.text !== loaded.text) continue;
      this.ports.take(uri, loaded);
    }
    round.read = [];
    this.finish(round);
  }

  private count(round: Round, uri: string, before: LoadedDocument['analysis'] | undefined, after: LoadedDocument['analysis']): void {
    if (!before) return;
    const { changed, gone } = labelChanges(before.entities, after.entities);
    round.labels += changed.size + gone;
    if (changed.size + gone > 0) round.documents++;
    if (changed.size > 0) round.changed.set(uri, { analysis: after, spans: changed });
  }

  /** The names the last change of the weights changed, where their documents still read them so (the Review view shows them first). */
  changedNames(): ChangedNames {
    const names = new Map<string, Set<string>>();
    for (const [uri, { analysis, spans }] of this.lastRound?.changed ?? []) if (this.ports.corpus.inputs.document(uri)?.analysis === analysis) names.set(uri, spans);
    return names;
  }

  private arrived(round: Round, uri: string): void {
    if (round.waiting.delete(uri) && round.waiting.size === 0 && !round.looking) this.takeRead(round);
  }

  private finish(round: Round): void {
    if (this.round !== round) return;
    this.round = null;
    const ms = Math.round(performance.now() - round.started);
    this.ports.log(`The learned weights changed ${round.labels} names in ${round.documents} of the ${round.analysed} documents analysed again (${ms} ms).`);
    const result = { labels: round.labels, documents: round.documents, analysed: round.analysed, decisions: round.decisions, ms };
    // Said once the learned file holds the weights too.
    void this.writing.then(() => this.ports.done(result));
  }

  /** Every folder's span decisions, their documents named by URI. */
  private annotations(): Annotation[] {
    return this.stores().flatMap((s) => (s.store?.annotations ?? []).map((a) => ({ ...a, document: a.document === '*' ? '*' : documentUri(s.root, a.document) })));
  }

  private stores(): StoreState[] {
    return this.ports.stores();
  }

  /**
   * The documents' texts for one run of learning: the corpus's (the editor's when open), else the
   * file's (before indexing reads it), read once however many decisions it holds.
   */
  private texts(): (uri: string) => string | undefined {
    const read = new Map<string, string | undefined>();
    return (uri) => {
      if (uri === '*') return undefined;
      const doc = this.ports.corpus.inputs.document(uri);
      if (doc) return doc.text;
      if (!read.has(uri)) read.set(uri, this.ports.readText(uri));
      return read.get(uri);
    };
  }

  /** Writes the learned file beside each folder's store, one write after another, each atomic (temporary file, renamed). */
  private write(): void {
    const learning = this.learning!;
    const text = writeLearned(learning.learned, this.shipped!.checksum, learning.stamp);
    this.writing = this.writing.then(() => Promise.all(this.stores().map(async ({ root }) => {
      const file = path.join(root, LEARNED_PATH);
      try {
        await writeAtomically(file, text);
      } catch (e) {
        this.ports.log(`Could not write ${file}: ${String(e)}`);
      }
    })));
  }
}

function readLearnedFile(root: string): string | undefined {
  try {
    return readFileSync(path.join(root, LEARNED_PATH), 'utf8');
  } catch {
    return undefined;
  }
}
