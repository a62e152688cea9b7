// The built language server (`dist/server.js --stdio`) driven over real LSP, for the LSP tests
// and the benchmarks alike: every wait is on a message with a deadline, never on time; every
// notification is kept, stamped with its arrival time; the server's peak memory is read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** How long a test waits for a message unless it says otherwise. */
const WAIT_MS = 10_000;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic { range: Range; severity: number; code: string; message: string; tags?: number[]; data?: unknown }
/** A notification as it arrived: `at` is `performance.now()` when it was read. */
export interface Arrival { method: string; params: any; at: number }

export const uriOf = (file: string) => pathToFileURL(file).href;

export class DeadlineExceeded extends Error {
  constructor(readonly what: string, readonly ms: number, stderr = '') {
    super(`${what}: no answer within ${ms < 10_000 ? `${ms} ms` : `${(ms / 1000).toFixed(0)} s`}${stderr ? `. Server stderr: ${stderr.slice(-1000)}` : ''}`);
  }
}

export interface LaunchOptions {
  /** More workspace folders after the first. */
  moreFolders?: string[];
  /** The server bundle; the built one by default. */
  serverJs?: string;
  /** Arguments for node before the bundle (a heap limit, a profiler). */
  nodeArgs?: string[];
}

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (arrival: Arrival) => void;
}

export class LspSession {
  /** Every notification so far (and the requests the server makes of the editor that tests look at). */
  readonly notifications: Arrival[] = [];
  /** The latest diagnostics published per document URI. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly stderr: string[] = [];
  /** The answer to workspace/configuration. */
  settings: Record<string, unknown> = {};
  /** A workspace folder's own settings, by folder URI (the answer to a configuration item with that scopeUri). */
  folderSettings: Record<string, Record<string, unknown>> = {};
  private waiters: Waiter[] = [];
  private listeners: Array<{ method: string; listener: (params: any, at: number) => void }> = [];
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection) {}

  /**
   * Starts the server on the folder; resolves once it has indexed it, or once initialized with
   * `waitForIndex: false`.
   */
  static async start(folder: string, settings: Record<string, unknown> = {}, { waitForIndex = true, ...options }: LaunchOptions & { waitForIndex?: boolean } = {}): Promise<LspSession> {
    const session = await LspSession.launch(folder, options);
    session.settings = settings;
    const indexed = waitForIndex && session.waitFor('corpusLens/indexChanged', (p) => !p.indexing);
    await session.notify('initialized', {});
    await indexed;
    return session;
  }

  /**
   * Starts the server and sends initialize only. `notify('initialized', {})` starts indexing: the
   * moment a benchmark measures cold indexing from.
   */
  static async launch(folder: string, { moreFolders = [], serverJs = path.resolve('dist/server.js'), nodeArgs = [] }: LaunchOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on('data', (d) => session.stderr.push(String(d)));
    child.on('exit', () => (session.exited = true));
    connection.onNotification((method, params: any) => session.arrived(method, params));
    connection.onRequest('workspace/configuration', (params: any) => params.items.map((item: { scopeUri?: string }) => (item.scopeUri && session.folderSettings[item.scopeUri]) || session.settings));
    // Kept with the notifications: the server asking the editor to ask again, and messages shown to the user.
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh', 'window/showMessageRequest']) {
      connection.onRequest(method, (params: unknown) => {
        session.arrived(method, params ?? null);
        return null;
      });
    }
    // $/progress is routed by token, not to the generic notification handler: subscribe per token.
    connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
      connection.onProgress(new ProgressType<unknown>(), token, (value) => session.arrived('$/progress', { token, value }));
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await session.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [folder, ...moreFolders].map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
      },
    });
    return session;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Calls the listener on every notification of this method, with its arrival time. */
  on(method: string, listener: (params: any, at: number) => void): void {
    this.listeners.push({ method, listener });
  }

  private arrived(method: string, params: any): void {
    const arrival = { method, params, at: performance.now() };
    this.notifications.push(arrival);
    if (method === 'textDocument/publishDiagnostics') this.diagnostics.set(params.uri, params.diagnostics);
    for (const l of this.listeners) if (l.method === method) l.listener(params, arrival.at);
    for (const w of [...this.waiters]) {
      if (w.method === method && w.predicate(params)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(arrival);
      }
    }
  }

  /**
   * Resolves with the first notification of this method that matches and arrives from now on
   * (or has arrived, with `includePast`), stamped with its arrival time.
   */
  arrival(method: string, predicate: (params: any) => boolean = () => true, { includePast = false, deadlineMs = WAIT_MS } = {}): Promise<Arrival> {
    if (includePast) {
      const past = this.notifications.find((n) => n.method === method && predicate(n.params));
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { method, predicate, resolve: (hit) => { clearTimeout(timer); resolve(hit); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new DeadlineExceeded(`${method} matching`, deadlineMs, this.stderr.join('')));
      }, deadlineMs);
      timer.unref();
      this.waiters.push(waiter);
    });
  }

  /** The parameters of the first notification of this method that matches (see `arrival`). */
  async waitFor(method: string, predicate: (params: any) => boolean = () => true, options: { includePast?: boolean; deadlineMs?: number } = {}): Promise<any> {
    return (await this.arrival(method, predicate, options)).params;
  }

  /**
   * Asks `probe` until it answers (not undefined), again after each index change the server
   * announces: for what the server does on its own after a notification (a rename, files on disk).
   */
  async eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const seen = this.notifications.length;
      const answer = await probe();
      if (answer !== undefined) return answer;
      if (Date.now() > deadline) throw new DeadlineExceeded(`still waiting for ${what}`, WAIT_MS, this.stderr.join(''));
      const later = this.notifications.slice(seen).some((n) => n.method === 'corpusLens/indexChanged');
      if (!later) await this.waitFor('corpusLens/indexChanged').catch(() => undefined);
    }
  }

  /** Waits for the next diagnostics of a document that satisfy the predicate. */
  diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && predicate(current)) return Promise.resolve(current);
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && predicate(p.diagnostics)).then((p) => p.diagnostics);
  }

  async request<R = any>(method: string, params: unknown, deadlineMs = 30_000): Promise<R> {
    if (this.exited) throw new Error(`server exited; stderr: ${this.stderr.join('').slice(-2000)}`);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded(method, deadlineMs)), deadlineMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Round-trip time of one request, in ms, with its result. */
  async timed<R = any>(method: string, params: unknown, deadlineMs = 30_000): Promise<{ ms: number; result: R }> {
    const t0 = performance.now();
    const result = await this.request<R>(method, params, deadlineMs);
    return { ms: performance.now() - t0, result };
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'corpus', version: 1, text } });
    return uri;
  }

  /** The document's whole new text. */
  async change(uri: string, text: string): Promise<void> {
    await this.notify('textDocument/didChange', { textDocument: { uri, version: this.nextVersion(uri) }, contentChanges: [{ text }] });
  }

  /** An incremental change: `text` replaces the range. Returns the new version. */
  async edit(uri: string, range: Range, text: string): Promise<number> {
    const version = this.nextVersion(uri);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  private nextVersion(uri: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return version;
  }

  hover(uri: string, position: Position) {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  /**
   * Waits until the server has handled everything sent before: a request is answered only after
   * the notifications ahead of it (the server reads its input in order).
   */
  async settle(deadlineMs = 60_000): Promise<void> {
    await this.request('corpusLens/documents', { uris: [] }, deadlineMs);
  }

  /** Peak resident memory of the server process so far (VmHWM), in MB; null where /proc is missing. */
  peakMemoryMB(): number | null {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      return kb ? Number(kb[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  /** Asks the server to shut down; kills it if it does not answer in time. */
  async stop(deadlineMs = 5_000): Promise<void> {
    try {
      if (!this.exited) {
        await this.request('shutdown', null, deadlineMs);
        await this.notify('exit', null);
        await new Promise<void>((resolve) => {
          if (this.exited) return resolve();
          const timer = setTimeout(resolve, deadlineMs);
          this.child.once('exit', () => { clearTimeout(timer); resolve(); });
        });
      }
    } catch {
      // a busy or broken server is killed below
    } finally {
      this.connection.dispose();
      if (!this.exited) this.child.kill('SIGKILL');
    }
  }
}

// ---- Positions in a document's text -----------------------------------------------------------------

export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The position of the n-th occurrence of `needle` in the text, plus `offset` characters. */
export function positionOf(text: string, needle: string, occurrence = 1, offset = 0): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  at += offset;
  const before = linesOf(text.slice(0, at));
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function textAt(text: string, range: Range): string {
  const lines = linesOf(text);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

// ---- Entity mentions of opened documents, from their semantic tokens ------------------------------

const SEMANTIC_ENTITY_TYPES = 5; // legend: person, organization, place, nationality, other; 5 = date

export interface Mention { uri: string; position: Position; text: string }

/** Entity mentions of a document, from its semantic tokens (relative encoding, five numbers each). */
export function mentionsFromTokens(uri: string, text: string, data: number[]): Mention[] {
  const lines = linesOf(text);
  const out: Mention[] = [];
  let line = 0;
  let character = 0;
  for (let k = 0; k + 4 < data.length; k += 5) {
    line += data[k];
    character = data[k] === 0 ? character + data[k + 1] : data[k + 1];
    if (data[k + 3] >= SEMANTIC_ENTITY_TYPES) continue;
    const length = data[k + 2];
    out.push({ uri, position: { line, character: character + Math.floor(length / 2) }, text: lines[line]?.slice(character, character + length) ?? '' });
  }
  return out;
}
