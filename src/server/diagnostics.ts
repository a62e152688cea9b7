// Publishes diagnostics, and is the one place that knows what was last published for each URI:
// which corpus documents show problems, which depend on the corpus-wide linking (spelling
// variants), and what the corpus.json and annotation-store files show.
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

export class DiagnosticsPublisher {
  /** Corpus documents whose last published diagnostics were not empty. */
  private readonly withDiagnostics = new Set<string>();
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

  /** Publishes a corpus document's problems, as the settings show them. */
  publish(uri: string): void {
    const { corpus } = this.ports;
    const open = this.ports.isOpen(uri);
    if (!open && !corpus.has(uri)) return;
    const snapshot = corpus.snapshot();
    if (!snapshot.linkingCurrent) this.publishedBeforeLinking.add(uri);
    const settings = this.ports.settings();
    const problems = problemsOf(snapshot, uri).filter((p) => visible(p, settings));
    // An empty list only clears what the editor shows: a closed document that shows nothing needs
    // no message (nor a text document to place diagnostics in). Most documents have no problems:
    // at 10,000 that skips ~10,000 messages per index. Open documents always get theirs (the
    // editor waits for fresh diagnostics after an edit).
    if (problems.length === 0 && !this.withDiagnostics.has(uri) && !open) return;
    const doc = this.ports.textDocument(uri)!;
    const diagnostics = problems.map((p) => toDiagnostic(doc, p));
    if (diagnostics.length > 0) this.withDiagnostics.add(uri);
    else this.withDiagnostics.delete(uri);
    this.lastWritten = this.ports.send(uri, diagnostics).catch(() => undefined);
  }

  /** Publishes every corpus document (settings or annotations changed). */
  publishAll(): void {
    for (const doc of this.ports.corpus.documents()) this.publish(doc.path);
  }

  /** A document left the corpus: only one that shows diagnostics needs them cleared. */
  removed(uri: string): void {
    if (this.withDiagnostics.delete(uri)) void this.ports.send(uri, []);
  }

  /** Cross-document problems change when any document changes: republishes where they did. Links the corpus. */
  republishLinked(): void {
    const next = new Map<string, string>();
    for (const v of this.ports.corpus.linked().variants) next.set(v.path, `${next.get(v.path) ?? ''}|${v.start}:${v.preferred}`);
    const stale = this.publishedBeforeLinking;
    this.publishedBeforeLinking = new Set();
    for (const path of new Set([...next.keys(), ...this.linkedProblemKeys.keys()])) {
      if (next.get(path) !== this.linkedProblemKeys.get(path) || (stale.has(path) && next.has(path))) this.publish(path);
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
