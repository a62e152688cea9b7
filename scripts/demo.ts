// `npm run demo`: try Corpus Lens on the seed articles.
//
// With VS Code's `code` command on PATH: builds, then opens seeds/ in VS Code with this checkout
// as the extension under development. Without it: packages the extension, starts code-server (a
// real VS Code served to the browser) on 127.0.0.1 with the package installed and seeds/ open, and
// prints the address; Ctrl+C stops it. The code-server profile lives in the cache folder, so
// settings made during one demo are still there the next time; the extension is reinstalled
// every time.
//
//   npm run demo                 port 8080, or the next free one
//   npm run demo -- --port 9000  exactly port 9000

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ensureTools, freePort, repoRoot, startCodeServer } from '../test/e2e/codeServer.js';

const DEFAULT_PORT = 8080;

interface Options {
  port: number | undefined;
  help: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const options: Options = { port: undefined, help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? args[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port needs a port number, got ${JSON.stringify(value)}`);
      options.port = port;
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)} (try --help)`);
    }
  }
  return options;
}

/** The full path of an executable on PATH, if there is one. */
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** Runs a command with the terminal attached; resolves with its exit code. */
function runAttached(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** `npm run <script>`, through the npm that started us when there is one. */
async function npmRun(script: string): Promise<void> {
  const npmCli = process.env.npm_execpath;
  const code =
    npmCli && /npm-cli\.js$/.test(npmCli)
      ? await runAttached(process.execPath, [npmCli, 'run', script])
      : await runAttached('npm', ['run', script]);
  if (code !== 0) throw new Error(`npm run ${script} failed with exit code ${code}`);
}

async function withVsCode(code: string): Promise<number> {
  await npmRun('build');
  const seeds = path.join(repoRoot, 'seeds');
  console.log(`\nOpening ${seeds} in VS Code with the extension from ${repoRoot}\n`);
  return runAttached(code, [`--extensionDevelopmentPath=${repoRoot}`, seeds]);
}

async function withCodeServer(port: number | undefined): Promise<number> {
  if (port !== undefined && (await freePort(port)) !== port) throw new Error(`port ${port} is in use; pick another with --port`);
  await npmRun('package');
  const tools = await ensureTools();
  const demoDir = path.join(tools.cacheDir, 'demo');
  const server = await startCodeServer({
    vsix: path.join(repoRoot, 'dist', 'corpus-lens.vsix'),
    folder: path.join(repoRoot, 'seeds'),
    port: port ?? DEFAULT_PORT,
    userDataDir: path.join(demoDir, 'user-data'),
    extensionsDir: path.join(demoDir, 'extensions'),
    tools,
  });

  const rule = '-'.repeat(72);
  console.log(
    [
      '',
      rule,
      '  Corpus Lens demo is running. Open this address in a browser:',
      '',
      `    ${server.url}`,
      '',
      `  (code-server listens on 127.0.0.1 only; from another machine, forward the port first,`,
      `   e.g. ssh -L ${server.port}:127.0.0.1:${server.port} this-host)`,
      `  Profile (settings survive between demos): ${server.userDataDir}`,
      '  Press Ctrl+C to stop.',
      rule,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stopped = new Promise<number>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      stopping = true;
      console.log(`\n${signal}: stopping code-server...`);
      void server.stop().then(() => resolve(0));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  const crashed = server.exited.then((code) => {
    if (stopping) return 0;
    console.error(`code-server exited on its own (code ${code}). Its output:\n${server.logs()}`);
    return 1;
  });
  const result = await Promise.race([stopped, crashed]);
  await server.stop();
  return result;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: npm run demo [-- --port N]\n\nWith `code` on PATH, opens seeds/ in VS Code; otherwise serves it with code-server.');
    return 0;
  }
  const code = onPath('code');
  if (code !== undefined) return withVsCode(code);
  return withCodeServer(options.port);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
