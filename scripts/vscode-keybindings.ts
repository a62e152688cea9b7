// Writes VS Code's default keybindings for Linux, Windows and macOS to test/fixtures/vscode-keybindings/,
// the data test/client/keybindings.test.ts checks the extension's keys against. The source is a real
// VS Code: code-server (the version install-tools.sh installs), whose workbench resolves keybindings
// for the platform its browser reports, so Chromium is started with each platform's user agent and
// "Preferences: Open Default Keyboard Shortcuts (JSON)" is read.
//   node --import tsx scripts/vscode-keybindings.ts
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'jsonc-parser';
import { ensureTools, repoRoot, startCodeServer } from '../test/e2e/codeServer.js';
import { openWorkbench, type Workbench } from '../test/e2e/workbench.js';

const PLATFORMS = {
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  macos: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
} as const;

const out = path.join(repoRoot, 'test', 'fixtures', 'vscode-keybindings');

async function main(): Promise<void> {
  const tools = await ensureTools();
  const vscodeVersion = JSON.parse(await readFile(path.join(path.dirname(tools.codeServerEntry), '..', '..', 'lib', 'vscode', 'package.json'), 'utf8')).version as string;
  const codeServerVersion = JSON.parse(await readFile(path.join(path.dirname(tools.codeServerEntry), '..', '..', 'package.json'), 'utf8')).version as string;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'corpus-lens-keys-'));
  await mkdir(out, { recursive: true });
  // The workbench counts as ready once the Explorer lists something.
  await writeFile(path.join(scratch, 'empty.txt'), '');
  const server = await startCodeServer({ folder: scratch, tools });
  try {
    for (const [platform, userAgent] of Object.entries(PLATFORMS).filter(([p]) => !process.env.ONLY || p === process.env.ONLY)) {
      const workbench = await openWorkbench(server.url, { executablePath: tools.chromium, userAgent });
      try {
        await workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
        // Built-in extensions add theirs as the extension host comes up: read until two readings agree.
        let entries = await defaultKeybindings(workbench, platform);
        for (let again = await defaultKeybindings(workbench, platform); JSON.stringify(again) !== JSON.stringify(entries); again = await defaultKeybindings(workbench, platform)) {
          entries = again;
        }
        const source = `VS Code ${vscodeVersion} (code-server ${codeServerVersion}, the web workbench), "Preferences: Open Default Keyboard Shortcuts (JSON)" with the browser reporting ${platform}, built-in extensions included; written by scripts/vscode-keybindings.ts`;
        const lines = entries.map((k) => `    ${JSON.stringify(k)}`);
        await writeFile(path.join(out, `${platform}.json`), `{\n  "source": ${JSON.stringify(source)},\n  "platform": ${JSON.stringify(platform)},\n  "keybindings": [\n${lines.join(',\n')}\n  ]\n}\n`);
        process.stderr.write(`${platform}: ${entries.length} keybindings\n`);
      } finally {
        await workbench.close();
      }
    }
  } finally {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Opens the default keybindings, takes the whole text through the clipboard (the editor renders only the lines in view), closes them. */
async function defaultKeybindings(workbench: Workbench, platform: string): Promise<Array<{ key: string; command: string }>> {
  await workbench.runCommand('Preferences: Open Default Keyboard Shortcuts (JSON)');
  await workbench.waitUntil(async () => (await workbench.activeTabName()) === 'keybindings.json', 'the default keybindings to open');
  await workbench.focusEditor();
  // Select All by the platform's key; Copy by the key of the browser's own platform (Linux), which
  // raises the copy event VS Code for the web answers.
  await workbench.press(platform === 'macos' ? 'Meta+A' : 'Control+A');
  await workbench.page.evaluate('navigator.clipboard.writeText("")');
  await workbench.press('Control+C');
  let text = '';
  await workbench.waitUntil(async () => (text = await workbench.page.evaluate<string>('navigator.clipboard.readText()')).includes('"command"'), 'the keybindings on the clipboard');
  const tab = workbench.page.locator('.editor-group-container.active .tabs-container .tab.active');
  await tab.locator('.tab-actions .action-label').click();
  await tab.waitFor({ state: 'detached', timeout: 20_000 });
  return (parse(text) as Array<{ key: string; command: string }>).map(({ key, command }) => ({ key, command }));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
