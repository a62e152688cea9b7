// Renders media/icon.svg to media/icon.png (128×128, the size the Marketplace and the Extensions
// view show), with Debian's Chromium through playwright-core, as the end-to-end tests drive it.
//   node --import tsx scripts/icon.ts
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../test/e2e/codeServer.js';

async function main(): Promise<void> {
  const svg = await readFile(path.join(repoRoot, 'media', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CORPUS_LENS_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(repoRoot, 'media', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
