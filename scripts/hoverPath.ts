// Which of our modules (src/core, src/server) a warm hover runs code in, measured, not counted by
// hand: the server runs in this process over in-memory streams, with V8's precise coverage (call
// counts per function) on from the start; after the seeds are open and two hovers have warmed
// every cache, the counters are reset, one hover is asked, and every module with a function
// called in between is listed. The server's own timers (diagnostics republished after linking,
// the annotation store polled) may fire within that window: each hover is measured three times
// and a module counts when it ran in all three, as the hover's own code does every time. `npm run hover:path` prints them for a name, a date and a
// footnote marker; test/server/hoverPath.test.ts holds the bound.
import { Session } from 'node:inspector/promises';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';

export interface HoverPath {
  /** What was hovered. */
  target: string;
  /** The first words of the card, to show it is the card meant. */
  card: string;
  /** Our modules with code run during the hover, relative to the repository, sorted. */
  modules: string[];
}

/** Opens the seeds in an in-process server and measures one warm hover on each target (text in a seed). */
export async function hoverPaths(targets: Array<{ seed: string; text: string; offset?: number }>): Promise<HoverPath[]> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  // From the start: functions compiled before precise coverage is on may not be counted.
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  const { createConnection } = await import('vscode-languageserver/node');
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-jsonrpc/node');
  const { startServer } = await import('../src/server/server.js');
  const { installNameModel } = await import('../src/core/entities/model/index.js');
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  // The server looks for the model beside its bundle (dist/); here it runs from the sources.
  installNameModel(() => readFileSync('models/names.model'), 'models/names.model');
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  // Waits for a notification (never for time): `until` sees each as it arrives.
  let until: ((method: string, params: any) => boolean) | null = null;
  let arrived: (() => void) | null = null;
  const next = (predicate: (method: string, params: any) => boolean) => new Promise<void>((resolve) => {
    until = predicate;
    arrived = resolve;
  });
  client.onNotification((method, params) => {
    if (until?.(method, params)) {
      until = null;
      arrived?.();
    }
  });
  const indexChanged = (method: string, params: any) => method === 'corpusLens/indexChanged' && params?.indexing === false;
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  client.onRequest(() => null);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: [], capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  const initialized = next(indexChanged);
  await client.sendNotification('initialized', {});
  await initialized;

  const seeds = path.resolve('seeds');
  const texts = new Map<string, string>();
  for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) texts.set(file, readFileSync(path.join(seeds, file), 'utf8'));
  // Every seed open and analysed (an open document always gets its diagnostics), then linked and
  // joined, its spelling problems published: the index says so after the last change.
  const published = new Set<string>();
  const analysed = next((method, params) => method === 'textDocument/publishDiagnostics' && published.add(params.uri).size === texts.size);
  for (const [file, text] of texts) {
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(path.join(seeds, file)).href, languageId: 'corpus', version: 1, text } });
  }
  await analysed;
  await next(indexChanged);

  const root = path.resolve('.');
  const ours = (url: string) => {
    const file = url.startsWith('file:') ? new URL(url).pathname : url;
    const relative = path.relative(root, file);
    return /^src\/(core|server)\//.test(relative) ? relative : null;
  };
  const results: HoverPath[] = [];
  for (const target of targets) {
    const text = texts.get(target.seed)!;
    const at = text.indexOf(target.text) + (target.offset ?? 1);
    const before = text.slice(0, at).split('\n');
    const params = { textDocument: { uri: pathToFileURL(path.join(seeds, target.seed)).href }, position: { line: before.length - 1, character: before[before.length - 1].length } };
    for (let k = 0; k < 2; k++) await client.sendRequest('textDocument/hover', params); // warm
    const runs: Array<Set<string>> = [];
    let hover: { contents: { value: string } } | null = null;
    for (let k = 0; k < 3; k++) {
      await session.post('Profiler.takePreciseCoverage'); // resets the counters
      hover = await client.sendRequest('textDocument/hover', params) as { contents: { value: string } } | null;
      const { result } = await session.post('Profiler.takePreciseCoverage');
      const ran = new Set<string>();
      for (const script of result) {
        const file = ours(script.url);
        // Run from the sources, every import is read through a getter of the module exporting it
        // (named "get"); in the bundle the server runs (dist/server.js) those are plain bindings. A
        // module only read so (src/core/index.ts, a list of re-exports) is not counted.
        const called = script.functions.filter((f) => f.ranges.some((r) => r.count > 0) && f.functionName !== 'get');
        if (file && called.length > 0) ran.add(file);
        if (file && process.env.DEBUG_HOVER_PATH) console.error(file, called.map((f) => f.functionName).join(' '));
      }
      runs.push(ran);
    }
    const modules = [...runs[0]].filter((m) => runs.every((ran) => ran.has(m)));
    results.push({ target: `${target.seed}: ${target.text}`, card: (hover?.contents.value ?? '(no card)').split('\n')[0], modules: modules.sort() });
  }
  await session.post('Profiler.stopPreciseCoverage');
  session.disconnect();
  client.dispose();
  toServer.end();
  toClient.end();
  return results;
}

/** A name, a date and a footnote marker in the first seed. */
export const HOVER_TARGETS = [
  { seed: '000_de029b9b870dac60.txt', text: 'Sirajuddin Haqqani' },
  { seed: '000_de029b9b870dac60.txt', text: 'March 11, 2024' },
  { seed: '001_22225b4e410ffef9.txt', text: '[1]' },
];

if (process.argv[1]?.endsWith('hoverPath.ts')) {
  hoverPaths(HOVER_TARGETS).then((paths) => {
    for (const p of paths) console.log(`${p.target}  →  ${p.card}\n  ${p.modules.length} modules: ${p.modules.join(', ')}`);
    process.exit(0);
  }, (e) => {
    console.error(e);
    process.exit(1);
  });
}
