// Nothing lost: the annotation store survives its writer being killed at any moment of a write.
// A child process adds annotations as fast as it can; it is killed (SIGKILL) after a random delay,
// many times; after each kill the store must parse and hold every annotation acknowledged so far.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseStore, STORE_PATH } from '../../src/core/index.js';

const KILLS = Number(process.env.STORE_KILLS ?? 25);

/** A deterministic sequence of delays (ms) so a failure can be replayed. */
function delays(n: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 20 + (x % 400);
  });
}

test(`store: killed mid-write ${KILLS} times, the store always parses and loses no acknowledged annotation`, async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'corpus-lens-kill-'));
  const acknowledged = new Set<string>();
  let writesSeen = 0;
  for (const delay of delays(KILLS)) {
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/server/storeWriter.ts'), root], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buffer = '';
    let firstAck: () => void = () => undefined;
    const acked = new Promise<void>((resolve) => (firstAck = resolve));
    child.stdout!.on('data', (d) => {
      buffer += String(d);
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) if (line.startsWith('ack ')) {
        acknowledged.add(line.slice(4));
        writesSeen++;
        firstAck();
      }
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill at a random moment once the writer is writing (its first acknowledgement), never before.
    await acked;
    await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await exited;
    const text = readFileSync(path.join(root, STORE_PATH), 'utf8');
    const parsed = parseStore(text);
    assert.ok(parsed.store, `after a kill the store does not parse: ${parsed.problems[0]?.message}`);
    const stored = new Set(parsed.store.annotations.map((a) => a.id));
    for (const id of acknowledged) assert.ok(stored.has(id), `annotation ${id} was acknowledged and then lost`);
  }
  assert.ok(writesSeen > KILLS, `the writer wrote (${writesSeen} writes)`);
  // Temporary files may be left by a kill; they are never the store.
  const leftovers = readdirSync(path.join(root, '.corpus-lens')).filter((f) => f.endsWith('.tmp'));
  assert.ok(existsSync(path.join(root, STORE_PATH)));
  console.log(`store kill test: ${KILLS} kills, ${writesSeen} acknowledged writes, 0 lost, ${leftovers.length} temporary files left by kills`);
});
