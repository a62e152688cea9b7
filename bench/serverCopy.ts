// What the benchmarks that write into a corpus share: a copy of a generated corpus (the store or
// learned file written there must not reach the corpus other benchmarks read), and one server that
// has indexed it cold.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCorpusDir, writeCorpus, type WrittenCorpus } from './generate.js';
import { DeadlineExceeded, LspSession } from '../test/support/lspSession.js';
import { SERVER_NODE_ARGS } from '../src/protocol.js';

/** bench/.corpus/<docs>-<seed> (generated when missing), copied into a new temporary folder. */
export function corpusCopy(docs: number, seed: number, prefix: string): { corpus: WrittenCorpus; root: string } {
  const corpus = writeCorpus(docs, seed, defaultCorpusDir(docs, seed));
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  cpSync(corpus.dir, root, { recursive: true });
  return { corpus, root };
}

/** A server on `root`, once its cold index is done. */
export async function indexedServer(root: string, serverJs: string): Promise<LspSession> {
  const session = await LspSession.launch(root, { serverJs, nodeArgs: SERVER_NODE_ARGS });
  const indexed = session.arrival('corpusLens/indexChanged', (p) => !p.indexing, { deadlineMs: 600_000 });
  await session.notify('initialized', {});
  await indexed;
  return session;
}

/**
 * Runs `measure` on a server that indexed a copy of the generated corpus, then stops the server and
 * removes the copy. A deadline passed stops the run with a note; the rows measured so far stand.
 */
export async function onIndexedCopy(
  options: { docs: number; seed: number; server: string; prefix: string },
  log: (message: string) => void,
  measure: (session: LspSession, root: string, corpus: WrittenCorpus) => Promise<void>,
): Promise<string[]> {
  const { corpus, root } = corpusCopy(options.docs, options.seed, options.prefix);
  let session: LspSession | null = null;
  try {
    log(`cold index of ${corpus.docs.toLocaleString('en-US')} documents…`);
    session = await indexedServer(root, options.server);
    await measure(session, root, corpus);
    return [];
  } catch (e) {
    if (!(e instanceof DeadlineExceeded)) throw e;
    return [`stopped: ${e.message}`];
  } finally {
    await session?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
