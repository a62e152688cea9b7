// Publishes diagnostics, and is the one place that knows what was last published for each URI:
// what each corpus document shows, which depend on the corpus-wide linking (spelling variants),
// and what the corpus.json and annotation-store files show. A change that is not a document's own
// (the annotations, the settings, the linking) reaches only the documents whose problems it changed.
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { problemsOf, type Corpus, type Problem } from '../core/index.js';
import { toDiagnostic } from './convert.js';
import type { DocumentText } from './diskDocument.js';
import type { ServerSettings } from './settings.js';

export interface DiagnosticsPorts {
  corpus: Corpus;
  /** Sends one URI's diagnostics to the client; resolves once written. */
  send: (uri: string, diagnostics: Diagnostic[]) => Promise<void>;
  isOpen: (uri: string) => boolean;
  /** The document's text as it was analysed: its diagnostics' positions. */
  textDocument: (uri: string) => DocumentText | undefined;
  settings: () => ServerSettings['diagnostics'];
}

/** Whether the settings show a problem: the file's own always, the rest as configured. */
export function visible(problem: Problem, settings: ServerSettings['diagnostics']): boolean {
  if (problem.code.startsWith('file.') || problem.code.startsWith('corpusJson.')) return true;
  if (!settings.enabled) return false;
  if (problem.code === 'footnote.order') return settings.footnoteOrder;
  if (problem.code === 'footnote.unused') return settings.unusedFootnotes;
  if (problem.code === 'entity.spelling') return settings.spelling;
  return true;
}

/** The problem that depends on the corpus-wide linking, and the key of no diagnostics. */
const SPELLING = 'entity.spelling';
const NONE = '[]';

export class DiagnosticsPublisher {
  /**
   * What each corpus document with problems was last sent, as keys: all of it, and its own (without
   * the spelling variants, which follow the corpus-wide linking). A document not here shows none.
   */
  private readonly shown = new Map<string, { all: string; own: string }>();
  /** Documents with spelling variants, as last published: a key of them per document. */
  private linkedProblemKeys = new Map<string, string>();
  /** Documents whose diagnostics went out before the corpus-wide linking caught up. */
  private publishedBeforeLinking = new Set<string>();
  /** corpus.json files whose last published diagnostics were not empty. */
  private readonly jsonWithProblems = new Set<string>();
  /** What each annotation-store file last showed. */
  private readonly storeKeys = new Map<string, string>();
  /** Resolves once the last diagnostics of a corpus document have been written to the client. */
  private lastWritten: Promise<void> = Promise.resolve();

  constructor(private readonly ports: DiagnosticsPorts) {}

  /** Resolves once the diagnostics just published are written out (the writer takes several turns of the event loop). */
  written(): Promise<void> {
    return this.lastWritten;
  }

  /**
   * Publishes a corpus document's problems after the document changed, as the settings show them:
   * an open document always gets its list (the editor waits for fresh diagnostics after an edit),
   * a closed one only when it differs from what it shows.
   */
  publish(uri: string): void {
    this.update(uri, this.ports.isOpen(uri));
  }

  /** Publishes the documents whose problems changed (the settings or the annotations did): the others show theirs already. */
  publishAll(): void {
    for (const doc of this.ports.corpus.documents()) this.update(doc.path, false);
  }

  /** Sends a document's problems if `always`, else only when they differ from what it was last sent. */
  private update(uri: string, always: boolean): void {
    const { corpus } = this.ports;
    if (!this.ports.isOpen(uri) && !corpus.inputs.has(uri)) return;
    const snapshot = corpus.snapshot();
    const linked = snapshot.linkingCurrent;
    const settings = this.ports.settings();
    const problems = problemsOf(snapshot, uri).filter((p) => visible(p, settings));
    // A document that shows nothing and has nothing needs no message (nor a text document to place
    // diagnostics in). Most documents have no problems: at 10,000 that skips ~10,000 messages per index.
    const had = this.shown.get(uri);
    if (problems.length === 0 && had === undefined && !always) return;
    const doc = this.ports.textDocument(uri)!;
    const diagnostics = problems.map((p) => toDiagnostic(doc, p));
    const all = JSON.stringify(diagnostics);
    const own = JSON.stringify(diagnostics.filter((d) => d.code !== SPELLING));
    // Before linking catches up, the spelling variants are not known: only the document's own
    // problems are compared (republishLinked sends the variants once they are).
    if (!always && (linked ? all === (had?.all ?? NONE) : own === (had?.own ?? NONE))) return;
    if (!linked) this.publishedBeforeLinking.add(uri);
    if (diagnostics.length === 0) this.shown.delete(uri);
    else this.shown.set(uri, { all, own });
    this.lastWritten = this.ports.send(uri, diagnostics).catch(() => undefined);
  }

  /** A document left the corpus: only one that shows diagnostics needs them cleared. */
  removed(uri: string): void {
    if (this.shown.delete(uri)) void this.ports.send(uri, []);
  }

  /** Cross-document problems change when any document changes: republishes where they did. Links the corpus. */
  republishLinked(): void {
    const next = new Map<string, string>();
    for (const v of this.ports.corpus.linked().variants) next.set(v.path, `${next.get(v.path) ?? ''}|${v.start}:${v.preferred}`);
    const stale = this.publishedBeforeLinking;
    this.publishedBeforeLinking = new Set();
    for (const path of new Set([...next.keys(), ...this.linkedProblemKeys.keys()])) {
      if (next.get(path) !== this.linkedProblemKeys.get(path) || (stale.has(path) && next.has(path))) this.update(path, false);
    }
    this.linkedProblemKeys = next;
  }

  /** A corpus.json file's problems (parse errors, unknown fields), on the file itself. */
  corpusJson(uri: string, text: string, problems: Problem[]): void {
    const doc = TextDocument.create(uri, 'json', 0, text);
    if (problems.length) this.jsonWithProblems.add(uri);
    else this.jsonWithProblems.delete(uri);
    void this.ports.send(uri, problems.map((p) => toDiagnostic(doc, p)));
  }

  /** Before indexing reads every corpus.json again: the files that showed problems. */
  corpusJsonShown(): Set<string> {
    return new Set(this.jsonWithProblems);
  }

  /** After indexing: clears the files of `before` that no longer show problems (deleted, or no longer read). */
  clearCorpusJson(before: Set<string>): void {
    for (const uri of before) if (!this.jsonWithProblems.has(uri)) void this.ports.send(uri, []);
  }

  /** An annotation store's problems, on the store file; sent only when they changed. */
  storeFile(uri: string, text: string, problems: Problem[]): void {
    const doc = TextDocument.create(uri, 'json', 0, text);
    const diagnostics = problems.map((p) => toDiagnostic(doc, p));
    const key = JSON.stringify(diagnostics);
    if (this.storeKeys.get(uri) === key) return;
    this.storeKeys.set(uri, key);
    void this.ports.send(uri, diagnostics);
  }
}
