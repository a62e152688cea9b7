// The LSP tests' usual start: a copy of the seeds in a new temporary folder and the built server
// started on it; and their usual end: the server stopped and the folders removed.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LspSession } from './lspSession.js';

/** A server on a fresh copy of the seeds (`<folder>/seeds`), once it has indexed them. */
export async function startOnSeeds(name: string, settings: Record<string, unknown> = {}): Promise<{ folder: string; client: LspSession }> {
  const folder = mkdtempSync(path.join(tmpdir(), `corpus-lens-${name}-`));
  cpSync('seeds', path.join(folder, 'seeds'), { recursive: true });
  return { folder, client: await LspSession.start(folder, settings) };
}

/** Stops the server, if it started, and removes the folders. */
export async function stopAndRemove(client: LspSession | undefined, ...folders: Array<string | undefined>): Promise<void> {
  await client?.stop();
  for (const folder of folders) if (folder) rmSync(folder, { recursive: true, force: true });
}
