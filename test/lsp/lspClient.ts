// A typed test client for the built server: starts `dist/server.js --stdio`, speaks real LSP,
// and waits on messages (never on time) with a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ProgressType, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const SERVER = path.resolve('dist/server.js');
const WAIT_MS = 10_000;

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface Diagnostic { range: Range; severity: number; code: string; message: string; tags?: number[]; data?: unknown }

export const uriOf = (file: string) => pathToFileURL(file).href;

/** The position of the n-th occurrence of `needle` in the text, plus `offset` characters. */
export function positionOf(text: string, needle: string, occurrence = 1, offset = 0): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times`);
  }
  at += offset;
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function textAt(text: string, range: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (range.start.line === range.end.line) return lines[range.start.line].slice(range.start.character, range.end.character);
  return [lines[range.start.line].slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line].slice(0, range.end.character)].join('\n');
}

type Waiter = { method: string; predicate: (params: any) => boolean; resolve: (params: any) => void };

export class LspTestClient {
  readonly notifications: Array<{ method: string; params: any }> = [];
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly stderr: string[] = [];
  settings: Record<string, unknown> = {};
  /** A workspace folder's own settings, by folder URI (the answer to a configuration item with that scopeUri). */
  folderSettings: Record<string, Record<string, unknown>> = {};
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  /** Starts the server on the folder; resolves once it has indexed it, or at once with `waitForIndex: false`. */
  static async start(folder: string, settings: Record<string, unknown> = {}, { waitForIndex = true, moreFolders = [] as string[] } = {}): Promise<LspTestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    client.settings = settings;
    child.stderr!.on('data', (d) => client.stderr.push(String(d)));
    connection.onNotification((method, params: any) => client.arrived(method, params));
    connection.onRequest('workspace/configuration', (params: any) => params.items.map((item: { scopeUri?: string }) => (item.scopeUri && client.folderSettings[item.scopeUri]) || client.settings));
    // Recorded with the notifications: the server asking the editor to ask again.
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh', 'workspace/semanticTokens/refresh']) {
      connection.onRequest(method, () => {
        client.arrived(method, null);
        return null;
      });
    }
    // $/progress is routed by token, not to the generic notification handler: subscribe per token.
    connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
      connection.onProgress(new ProgressType<unknown>(), token, (value) => client.arrived('$/progress', { token, value }));
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    // Recorded with the notifications: messages shown to the user.
    connection.onRequest('window/showMessageRequest', (params: any) => {
      client.arrived('window/showMessageRequest', params);
      return null;
    });
    connection.listen();
    const indexed = waitForIndex && client.waitFor('corpusLens/indexChanged', (p) => !p.indexing);
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [folder, ...moreFolders].map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    await connection.sendNotification('initialized', {});
    await indexed;
    return client;
  }

  private arrived(method: string, params: any): void {
    this.notifications.push({ method, params });
    if (method === 'textDocument/publishDiagnostics') this.diagnostics.set(params.uri, params.diagnostics);
    for (const w of [...this.waiters]) {
      if (w.method === method && w.predicate(params)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(params);
      }
    }
  }

  /** Resolves with the first notification of this method (already received or coming) that matches. */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, { includePast = false } = {}): Promise<any> {
    if (includePast) {
      const past = this.notifications.find((n) => n.method === method && predicate(n.params));
      if (past) return Promise.resolve(past.params);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { method, predicate, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        this.waiters = this.waiters.filter((x) => x !== waiter);
        reject(new Error(`No ${method} matching within ${WAIT_MS} ms. Server stderr: ${this.stderr.join('')}`));
      }, WAIT_MS).unref();
    });
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
      if (Date.now() > deadline) throw new Error(`Still waiting for ${what} after ${WAIT_MS} ms. Server stderr: ${this.stderr.join('')}`);
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

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
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

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  hover(uri: string, position: Position) {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null);
      await this.notify('exit', null);
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}
