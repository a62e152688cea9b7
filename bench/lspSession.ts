// The built language server (`dist/server.js --stdio`) driven over real LSP, for benchmarks: every
// wait is on a message, with a deadline; every notification is stamped when it arrives; the
// server's peak memory is read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const uriOf = (file: string) => pathToFileURL(file).href;

export class DeadlineExceeded extends Error {
  constructor(readonly what: string, readonly ms: number) {
    super(`${what}: no answer within ${(ms / 1000).toFixed(0)} s`);
  }
}

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (hit: { params: any; at: number }) => void;
}

export interface Position { line: number; character: number }

export class LspSession {
  private waiters: Waiter[] = [];
  private listeners: Array<{ method: string; listener: (params: any, at: number) => void }> = [];
  private readonly versions = new Map<string, number>();
  readonly stderr: string[] = [];
  private exited = false;

  private constructor(readonly child: ChildProcess, readonly connection: MessageConnection) {}

  /**
   * Starts the server on a workspace folder and sends initialize. Call `initialized()` to start
   * indexing (the moment cold indexing is measured from).
   */
  static async launch(folder: string, serverJs = path.resolve('dist/server.js'), nodeArgs: string[] = []): Promise<LspSession> {
    const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(child, connection);
    child.stderr!.on('data', (d) => session.stderr.push(String(d)));
    child.on('exit', () => (session.exited = true));
    connection.onNotification((method, params: any) => session.arrived(method, params));
    connection.onRequest('workspace/configuration', (params: any) => params.items.map(() => ({})));
    connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
      connection.onProgress(new ProgressType<unknown>(), token, (value) => session.arrived('$/progress', { token, value }));
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.listen();
    await session.request('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { versionSupport: true } },
      },
    }, 30_000);
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
    const at = performance.now();
    for (const l of this.listeners) if (l.method === method) l.listener(params, at);
    for (const w of [...this.waiters]) {
      if (w.method === method && w.predicate(params)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve({ params, at });
      }
    }
  }

  /** Resolves with the next notification of this method that matches, stamped with its arrival time. */
  waitFor(method: string, predicate: (params: any) => boolean, deadlineMs: number): Promise<{ params: any; at: number }> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { method, predicate, resolve: (hit) => { clearTimeout(timer); resolve(hit); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new DeadlineExceeded(method, deadlineMs));
      }, deadlineMs);
      this.waiters.push(waiter);
    });
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

  /** An incremental change: `text` replaces the range. Returns the new version. */
  async edit(uri: string, range: { start: Position; end: Position }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
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

// ---- Entity mentions of opened documents, from their semantic tokens ------------------------------

const SEMANTIC_ENTITY_TYPES = 5; // legend: person, organization, place, nationality, other; 5 = date

export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

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
