// Learning from the user's decisions, in process: the server's Learning over a real corpus and fake
// ports. A decision on one document changes how the same unknown name reads in another; the
// documents the change reaches are analysed again (from disk, or by the editor when open) and those
// whose names changed are taken into the corpus together; an analysis a newer change asked for again
// is never taken; the Review view's changed names; the setting; Forget What Was Learned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyzeDocument, spanKey, targetOf, type Annotation, type LoadedDocument } from '../../src/core/index.js';
import { learnFromStore } from '../../src/core/annotations/learnFromStore.js';
import { packLearned, useLearned, type PackedLearned } from '../../src/core/entities/learnedModel.js';
import { currentNameModel, installNameModel, useNameModel } from '../../src/core/entities/model/index.js';
import { LearnedWeights } from '../../src/core/entities/model/learn.js';
import { LEARNED_PATH, writeLearned } from '../../src/core/entities/model/learnedFile.js';
import type { LearnedResult } from '../../src/protocol.js';
import { Learning } from '../../src/server/learning.js';
import { readTextSync } from '../../src/server/loadFile.js';
import { TestWorkspace } from './workspace.js';

assert.ok(installNameModel(() => readFileSync('models/names.model'), 'models/names.model').ok);
const shipped = currentNameModel()!;

// ⟦Marks⟧: the names a decision typing the first "Kestrel Varn" of DECIDED as an organisation changes.
const DECIDED = 'Shares of ⟦Kestrel Varn⟧ fell after the airline cut its fares, ⟦Kestrel Varn⟧ said.\n';
const ELSEWHERE = 'Fares at ⟦Kestrel Varn⟧ rose on Monday.\n';
/** Reached by the decision: the name stays an organisation, only how sure the model is changes. */
const SURER = 'Shares of Velmora Holdings fell after the airline cut its fares.\n';
/** Reached by the decision ("fell"), and read exactly alike. */
const ALIKE = 'Prices fell in Ostrava on Monday, the airline said.\n';
/** None of the words the decision taught. */
const UNREACHED = 'Talks with Karim Sadiqi ended in Herat.\n';
/** A second decision, about other words: "Ostrava Tessel" is no name. */
const DEAL = 'The deal with ⟦Ostrava Tessel⟧ was signed.\n';

const plain = (marked: string) => marked.replace(/[⟦⟧]/g, '');

/** The marked spans of a text, as `spanKey`s of the plain text. */
function marks(marked: string): string[] {
  const keys: string[] = [];
  for (let at = marked.indexOf('⟦'), removed = 0; at >= 0; at = marked.indexOf('⟦', at + 1), removed += 2) {
    const start = at - removed;
    keys.push(spanKey({ start, end: marked.indexOf('⟧', at) - removed - 1 }));
  }
  return keys;
}

/** An analysis asked for from disk and held back until the test lets it arrive. */
interface Held {
  name: string;
  loaded: LoadedDocument;
  /** Lets it arrive (null: nothing to take, the document was opened meanwhile). */
  arrive: (loaded?: null) => void;
}

/** A workspace folder, its store, and a Learning whose ports record what it does. */
class Lab {
  readonly annotations: Annotation[] = [];
  enabled = true;
  /** Holds analyses from disk back (else they arrive at once). */
  hold = false;
  readonly held: Held[] = [];
  readonly open = new Set<string>();
  /** The editor's analyses never come back (the document closes while its worker analyses it). */
  lostOpen = false;
  readonly taken: string[] = [];
  /** How often each document's text was read from disk to learn from (its name → reads). */
  readonly readFromDisk = new Map<string, number>();
  readonly shared: Array<PackedLearned | null> = [];
  readonly results: LearnedResult[] = [];
  readonly lines: string[] = [];
  readonly learning: Learning;
  private waiting: Array<{ wanted: (result: LearnedResult) => boolean; resolve: (result: LearnedResult) => void }> = [];
  private sharing: Array<() => void> = [];

  private constructor(readonly ws: TestWorkspace) {
    const { corpus } = ws;
    this.learning = new Learning({
      corpus,
      stores: () => [{ root: ws.roots[0], file: '', store: { version: 1, annotations: this.annotations }, problems: [], unused: [], text: '', stamp: '' }],
      enabled: () => this.enabled,
      share: (packed) => {
        this.shared.push(packed);
        this.sharing.shift()?.();
      },
      isOpen: (uri) => this.open.has(uri),
      // The editor's analysis: with the weights in use now, back a turn later, through `took`.
      analyseOpen: (uri) => {
        if (this.lostOpen) return;
        const { text } = corpus.inputs.document(uri)!;
        const analysis = analyzeDocument(text, { path: URI.parse(uri).fsPath });
        void Promise.resolve().then(() => {
          this.learning.took(uri, corpus.inputs.document(uri)?.analysis, analysis);
          corpus.update(uri, text, analysis);
        });
      },
      // Read and analysed with the weights in use when asked, as a worker would.
      analyseFromDisk: (uri) => {
        const file = URI.parse(uri).fsPath;
        const text = readFileSync(file, 'utf8');
        const loaded: LoadedDocument = { text, analysis: analyzeDocument(text, { path: file }), fileProblems: [], skipped: false };
        if (!this.hold) return Promise.resolve(loaded);
        return new Promise((resolve) => void this.held.push({ name: path.basename(file), loaded, arrive: (nothing) => resolve(nothing === null ? null : loaded) }));
      },
      readText: (uri) => {
        const name = path.basename(URI.parse(uri).fsPath);
        this.readFromDisk.set(name, (this.readFromDisk.get(name) ?? 0) + 1);
        return readTextSync(URI.parse(uri).fsPath);
      },
      take: (uri, loaded) => {
        this.taken.push(path.basename(URI.parse(uri).fsPath));
        corpus.update(uri, loaded.text, loaded.analysis, loaded.fileProblems, loaded.skipped);
      },
      done: (result) => {
        this.results.push(result);
        const met = this.waiting.filter((w) => w.wanted(result));
        this.waiting = this.waiting.filter((w) => !met.includes(w));
        for (const w of met) w.resolve(result);
      },
      log: (line) => void this.lines.push(line),
    });
  }

  /** A folder with these documents (name → text, ⟦marks⟧ dropped) in the corpus and on disk, learning started (unless not to `start`). */
  static async create(documents: Record<string, string>, { model = true, start = true } = {}): Promise<Lab> {
    // What an earlier test learned is taken off: the shipped model is the one learning starts from.
    useLearned(null);
    if (!model) useNameModel(null);
    const ws = await TestWorkspace.create();
    for (const [name, text] of Object.entries(documents)) await ws.add(name, plain(text), { onDisk: true });
    const lab = new Lab(ws);
    if (start) lab.learning.start();
    return lab;
  }

  uri(name: string): string {
    return this.ws.uri(name);
  }

  /** What `done` says next (that is `wanted`). */
  next(wanted: (result: LearnedResult) => boolean = () => true): Promise<LearnedResult> {
    return new Promise((resolve) => this.waiting.push({ wanted, resolve }));
  }

  /** Once the next weights are laid over the model (the documents they reach are asked for by then). */
  published(): Promise<void> {
    return new Promise((resolve) => this.sharing.push(resolve));
  }

  /** A decision on the `nth` marked span of a document: typed (null: no name). The store changed: learning follows (unless told not to). */
  decide(name: string, marked: string, type: 'ORG' | null, nth = 0, follow = true): void {
    const [start, end] = marks(marked)[nth].split(':').map(Number);
    const base = { id: `d${this.annotations.length}`, document: name, source: 'user' as const, created: `2024-01-01T00:00:0${this.annotations.length}.000Z`, target: targetOf(plain(marked), start, end) };
    this.annotations.push(type ? { ...base, kind: 'entity', type, entity: null } : { ...base, kind: 'not-entity' });
    if (follow) this.learning.follow();
  }

  /** The analyses held back so far, taken off the list. */
  asked(): Held[] {
    return this.held.splice(0);
  }

  /** A document's names as the corpus's analysis reads them, "TYPE:text". */
  reads(name: string): string[] {
    return this.ws.corpus.inputs.document(this.uri(name))!.analysis.entities.map((e) => `${e.type}:${e.text}`);
  }
}

/** Once every promise callback pending has run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

const settled = (result: LearnedResult) => ({ ...result, ms: 0 });

/** A decision on DECIDED, with `other` in the corpus too (open in the editor or not): what is analysed again, taken, counted. */
async function checkReach(other: string, open: boolean, expected: { analysed: boolean; taken: boolean; labels: number; reads: string[] }): Promise<void> {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'other.txt': other });
  if (open) lab.open.add(lab.uri('other.txt'));
  const result = lab.next();
  lab.decide('decided.txt', DECIDED, 'ORG');
  // The decided document's two names change from a person to an organisation.
  assert.deepEqual(settled(await result), { decisions: 1, analysed: 1 + Number(expected.analysed), labels: 2 + expected.labels, documents: 1 + Number(expected.labels > 0), ms: 0 });
  assert.deepEqual(lab.taken, ['decided.txt', ...(expected.taken ? ['other.txt'] : [])], 'taken from disk');
  assert.deepEqual(lab.reads('decided.txt'), ['ORG:Kestrel Varn', 'ORG:Kestrel Varn']);
  assert.deepEqual(lab.reads('other.txt'), expected.reads);
  assert.deepEqual(lab.shared.at(-1)?.decisions, 1, 'the learned weights go to the other threads');
  assert.equal(lab.learning.decisions, 1);
  assert.match(lab.lines.at(-1)!, new RegExp(`changed ${2 + expected.labels} names in ${1 + Number(expected.labels > 0)} of the ${1 + Number(expected.analysed)} documents`));
}

test('learning: an open document closed before its new analysis is back does not hold the round up', async () => {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'other.txt': ELSEWHERE });
  lab.open.add(lab.uri('other.txt'));
  lab.lostOpen = true;
  const result = lab.next();
  const published = lab.published();
  lab.decide('decided.txt', DECIDED, 'ORG');
  await published;
  // The decided document's new analysis is back within a few turns; the open one's never is.
  for (let k = 0; k < 20; k++) await turn();
  assert.deepEqual([lab.results, lab.taken], [[], []], 'the round waits for the open document');
  lab.learning.closed(lab.uri('other.txt'));
  assert.deepEqual(settled(await result), { decisions: 1, analysed: 2, labels: 2, documents: 1, ms: 0 });
  assert.deepEqual(lab.taken, ['decided.txt']);
});

const reachCases: Array<[string, string, boolean, Parameters<typeof checkReach>[2]]> = [
  ['the same unknown name elsewhere reads as the decision says, and is taken', ELSEWHERE, false, { analysed: true, taken: true, labels: 1, reads: ['ORG:Kestrel Varn'] }],
  ['a name the model is only surer of is taken, and counts as no change', SURER, false, { analysed: true, taken: true, labels: 0, reads: ['ORG:Velmora Holdings'] }],
  ['a document reached whose names read alike is not taken', ALIKE, false, { analysed: true, taken: false, labels: 0, reads: ['PLACE:Ostrava'] }],
  ['a document without the words learned is not analysed again', UNREACHED, false, { analysed: false, taken: false, labels: 0, reads: ['PERSON:Karim Sadiqi', 'PLACE:Herat'] }],
  ['an open document is analysed by the editor, counted, and not taken from disk', ELSEWHERE, true, { analysed: true, taken: false, labels: 1, reads: ['ORG:Kestrel Varn'] }],
];
for (const [name, other, open, expected] of reachCases) test(`learning reach: ${name}`, () => checkReach(other, open, expected));

/**
 * After a decision (and a `later` one on DEAL, whose words reach no other document), the documents
 * `replaced` analysed again (by the editor, say): the changed names the Review view gets, ⟦marked⟧.
 */
async function checkChangedNames(later: boolean, replaced: string[], expected: Record<string, string>): Promise<void> {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE, 'surer.txt': SURER, 'deal.txt': DEAL });
  assert.deepEqual(lab.learning.changedNames(), new Map(), 'nothing changed yet');
  const decisions: Array<[string, string, 'ORG' | null]> = [['decided.txt', DECIDED, 'ORG'], ...(later ? [['deal.txt', DEAL, null] as [string, string, null]] : [])];
  for (const [name, text, type] of decisions) {
    const result = lab.next();
    lab.decide(name, text, type);
    await result;
  }
  for (const name of replaced) {
    const { text } = lab.ws.corpus.inputs.document(lab.uri(name))!;
    lab.ws.corpus.update(lab.uri(name), text, analyzeDocument(text, { path: name }));
  }
  const changed = new Map(Object.entries(expected).map(([name, marked]) => [lab.uri(name), new Set(marks(marked))]));
  assert.deepEqual(lab.learning.changedNames(), changed);
}

const changedCases: Array<[string, boolean, string[], Record<string, string>]> = [
  ['exactly the names the decision changed, in every document', false, [], { 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE }],
  ['a document analysed again since drops out', false, ['elsewhere.txt'], { 'decided.txt': DECIDED }],
  ['none once every document was analysed again', false, ['elsewhere.txt', 'decided.txt'], {}],
  // A name gone is no name to review: "Ostrava Tessel" is simply no longer offered.
  ["only the last change's: a later decision that types no name leaves none", true, [], {}],
];
for (const [name, later, replaced, expected] of changedCases) test(`learning changed names: ${name}`, () => checkChangedNames(later, replaced, expected));

/**
 * A decision whose analyses from disk are held back, then what `script` says happens, in order:
 * 'forget' or 'decide' (a newer change, asking for both documents again), '1 elsewhere.txt' (the
 * first round's analysis of that document arrives; '1': the rest of the first round's, '2': of the
 * newer one's; '… null': it arrives with nothing to take), 'open elsewhere.txt' (opened in the
 * editor), 'edit elsewhere.txt' (its text changed). What is taken, and how ELSEWHERE reads at the end.
 */
async function checkRounds(script: string[], expected: { taken: string[]; reads: string[]; decisions: number }): Promise<void> {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE });
  lab.hold = true;
  const published = lab.published();
  lab.decide('decided.txt', DECIDED, 'ORG');
  await published;
  const rounds: Held[][] = [lab.asked()];
  assert.deepEqual(rounds[0].map((h) => h.name).sort(), ['decided.txt', 'elsewhere.txt']);
  const result = lab.next();
  for (const step of script) {
    const [what, name, nothing] = step.split(' ');
    if (what === 'forget' || what === 'decide') {
      const published = lab.published();
      if (what === 'forget') void lab.learning.forget();
      else lab.decide('decided.txt', DECIDED, 'ORG', 1);
      await published;
      rounds.push(lab.asked());
      assert.equal(rounds[1].length, 2, 'the newer change reaches both documents');
    } else if (what === 'open') lab.open.add(lab.uri(name));
    else if (what === 'edit') lab.ws.corpus.update(lab.uri(name), `${ELSEWHERE}More.\n`, analyzeDocument(`${ELSEWHERE}More.\n`, { path: name }));
    else {
      const round = Number(what) - 1;
      const arriving = rounds[round].filter((h) => !name || h.name === name);
      rounds[round] = rounds[round].filter((h) => !arriving.includes(h));
      for (const h of arriving) h.arrive(nothing === 'null' ? null : undefined);
      await turn();
    }
  }
  assert.equal((await result).decisions, expected.decisions);
  assert.equal(lab.results.length, 1, 'only the latest change says what it changed');
  assert.deepEqual(lab.taken.sort(), expected.taken);
  assert.deepEqual(lab.reads('elsewhere.txt'), expected.reads);
}

const roundCases: Array<[string, string[], Parameters<typeof checkRounds>[1]]> = [
  ['asked again before it is back: dropped on arrival', ['forget', '1', '2'], { taken: [], reads: ['PLACE:Kestrel Varn'], decisions: 0 }],
  ['back, then asked again before its round ends: not taken with the round', ['1 elsewhere.txt', 'forget', '1', '2'], { taken: [], reads: ['PLACE:Kestrel Varn'], decisions: 0 }],
  ['the newer round back first: the older arrives too late to be taken', ['forget', '2', '1'], { taken: [], reads: ['PLACE:Kestrel Varn'], decisions: 0 }],
  ['an older analysis with nothing to take leaves the newer one to be taken', ['decide', '1 elsewhere.txt null', '1', '2'], { taken: ['decided.txt', 'elsewhere.txt'], reads: ['ORG:Kestrel Varn'], decisions: 2 }],
  ["opened meanwhile: the editor's text wins", ['open elsewhere.txt', '1'], { taken: ['decided.txt'], reads: ['PLACE:Kestrel Varn'], decisions: 1 }],
  // (The edit's own analysis was made with the learned weights.)
  ['edited meanwhile: the analysis of the old text is not taken', ['edit elsewhere.txt', '1'], { taken: ['decided.txt'], reads: ['ORG:Kestrel Varn'], decisions: 1 }],
];
for (const [name, script, expected] of roundCases) test(`learning rounds: ${name}`, () => checkRounds(script, expected));

/** The setting turned off and on around a decision ('decide'): how ELSEWHERE reads, what the other threads get. */
async function checkSetting(steps: Array<'decide' | 'off' | 'on'>, expected: { reads: string[]; shared: number | null; decisions: number }): Promise<void> {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE });
  for (const step of steps) {
    if (step === 'decide') {
      // A decision made while off teaches nothing yet: no change, nothing said.
      lab.decide('decided.txt', DECIDED, 'ORG');
      if (!lab.enabled) continue;
    } else {
      lab.enabled = step === 'on';
      lab.learning.settingChanged();
    }
    // Said once every document the weights now in use reach was analysed again.
    await lab.next((result) => result.decisions === (lab.enabled ? lab.annotations.length : 0));
  }
  assert.deepEqual(lab.reads('elsewhere.txt'), expected.reads);
  assert.equal(lab.shared.at(-1)?.decisions ?? null, expected.shared);
  assert.equal(lab.learning.decisions, expected.decisions);
}

const settingCases: Array<[string, Array<'decide' | 'off' | 'on'>, Parameters<typeof checkSetting>[1]]> = [
  ['turned off, the shipped weights are laid back', ['decide', 'off'], { reads: ['PLACE:Kestrel Varn'], shared: null, decisions: 0 }],
  ['turned on again, the learned weights are laid over them again', ['decide', 'off', 'on'], { reads: ['ORG:Kestrel Varn'], shared: 1, decisions: 1 }],
  ['a decision made while off is learned once on again', ['off', 'decide', 'on'], { reads: ['ORG:Kestrel Varn'], shared: 1, decisions: 1 }],
];
for (const [name, steps, expected] of settingCases) test(`learning setting: ${name}`, () => checkSetting(steps, expected));

/**
 * The server starts with a decision in the store, the setting on or off, and a learned file that
 * does not fit the store (none, or one of other decisions): when the decision is learned (as the
 * log says: again at start, or once the setting is turned on), and that it then reads so.
 */
async function checkStart(on: boolean, file: 'none' | 'other decisions', expected: string[]): Promise<void> {
  const lab = await Lab.create({ 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE }, { start: false });
  lab.decide('decided.txt', DECIDED, 'ORG', 0, false);
  if (file === 'other decisions') {
    const learned = path.join(lab.ws.roots[0], LEARNED_PATH);
    await mkdir(path.dirname(learned), { recursive: true });
    await writeFile(learned, writeLearned(new LearnedWeights(), shipped.checksum, { taught: '1:other', since: null }));
  }
  lab.enabled = on;
  lab.learning.start();
  if (!on) {
    lab.lines.push('turned on');
    const result = lab.next((r) => r.decisions === 1);
    lab.enabled = true;
    lab.learning.settingChanged();
    await result;
  }
  const learning = /^(Learned weights made again|Learned from the decisions|turned on)/;
  assert.deepEqual(lab.lines.filter((l) => learning.test(l)).map((l) => learning.exec(l)![1]), expected);
  // As the indexing, or a document analysed again, reads it now.
  assert.deepEqual(analyzeDocument(plain(ELSEWHERE), { path: 'elsewhere.txt' }).entities.map((e) => `${e.type}:${e.text}`), ['ORG:Kestrel Varn']);
  assert.equal(lab.learning.decisions, 1);
}

const startCases: Array<[string, boolean, 'none' | 'other decisions', string[]]> = [
  ['on, no learned file: learned again at start', true, 'none', ['Learned weights made again']],
  ['on, a file of other decisions: learned again at start', true, 'other decisions', ['Learned weights made again']],
  ['off, no learned file: learned once turned on, not at start', false, 'none', ['turned on', 'Learned from the decisions']],
  ['off, a file of other decisions: learned once turned on, not at start', false, 'other decisions', ['turned on', 'Learned from the decisions']],
];
for (const [name, on, file, expected] of startCases) test(`learning at start: ${name}`, () => checkStart(on, file, expected));

/** DISK's text as bytes in an encoding other than plain UTF-8. */
const ENCODED: Record<string, (text: string) => Uint8Array> = {
  'UTF-8 with a BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
  'UTF-16LE with a BOM': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  'Windows-1252': (text) => Buffer.from(text, 'latin1'),
};
/** A document not yet in the corpus (learning starts before indexing), only on disk. */
const DISK = 'Shares of ⟦Société Varn⟧ fell after the airline cut its fares, ⟦Société Varn⟧ said.\n';

/**
 * Both names of DISK decided, the file written in `encoding`, and the learned file missing: at
 * start, the decisions are learned from the text as the server reads corpus files, read once.
 */
async function checkDiskText(encoding: keyof typeof ENCODED): Promise<void> {
  const lab = await Lab.create({}, { start: false });
  await writeFile(path.join(lab.ws.roots[0], 'disk.txt'), ENCODED[encoding](plain(DISK)));
  lab.decide('disk.txt', DISK, null, 0, false);
  lab.decide('disk.txt', DISK, null, 1, false);
  lab.learning.start();
  const expected = learnFromStore(documentsOf(lab), (uri) => (uri === lab.uri('disk.txt') ? plain(DISK) : undefined), shipped);
  assert.ok(expected.deltas.size > 0, 'the decisions teach something');
  assert.deepEqual(lab.shared.at(-1), packLearned(expected));
  assert.deepEqual(Object.fromEntries(lab.readFromDisk), { 'disk.txt': 1 });
}

/** The lab's decisions with their documents named by URI, as Learning learns them. */
function documentsOf(lab: Lab): Annotation[] {
  return lab.annotations.map((a) => ({ ...a, document: lab.uri(a.document) }));
}

for (const encoding of Object.keys(ENCODED)) test(`learning from a file on disk: ${encoding}`, () => checkDiskText(encoding));

/** Forget What Was Learned after `decisions` decisions (with the name model in use or not): the message, the reading, the learned file. */
async function checkForget(decisions: number, model: boolean, expected: { message: string; reads: string[] }): Promise<void> {
  try {
    const lab = await Lab.create({ 'decided.txt': DECIDED, 'elsewhere.txt': ELSEWHERE, 'deal.txt': DEAL }, { model });
    for (let k = 0; k < decisions && model; k++) {
      const result = lab.next();
      if (k === 0) lab.decide('decided.txt', DECIDED, 'ORG');
      else lab.decide('deal.txt', DEAL, null);
      await result;
    }
    const result = model ? lab.next() : null;
    assert.equal(await lab.learning.forget(), expected.message);
    await result;
    assert.deepEqual(lab.reads('elsewhere.txt'), expected.reads);
    assert.equal(lab.learning.decisions, 0);
    if (model) assert.equal(JSON.parse(readFileSync(path.join(lab.ws.roots[0], LEARNED_PATH), 'utf8')).decisions, 0, 'the learned file says so');
  } finally {
    useNameModel(shipped);
  }
}

const forgetCases: Array<[string, number, boolean, Parameters<typeof checkForget>[2]]> = [
  ['one decision: the shipped reading back', 1, true, { message: 'Forgot what was learned from 1 decision; names are read by the shipped model again.', reads: ['PLACE:Kestrel Varn'] }],
  ['two decisions', 2, true, { message: 'Forgot what was learned from 2 decisions; names are read by the shipped model again.', reads: ['PLACE:Kestrel Varn'] }],
  ['without a name model nothing was learned', 0, false, { message: 'Nothing was learned: the name model is not in use.', reads: ['PERSON:Kestrel Varn'] }],
];
for (const [name, decisions, model, expected] of forgetCases) test(`learning forget: ${name}`, () => checkForget(decisions, model, expected));
