// End-to-end: a new user's first hour, in a fresh profile of code-server with the packaged extension.
// An empty folder, then a folder of plain .txt articles (no seeds/, no corpus.json): the Corpus Lens
// sidebar says what to do, and two clicks from it (the activity bar icon, Make Folder a Corpus)
// open an article whose names have hover cards. The walkthrough is listed; Open Sample Corpus opens
// the shipped articles in a folder of their own.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureTools, repoRoot, startCodeServer, type CodeServer } from './codeServer.js';
import { openWorkbench, positionOf, resultsDir, type Workbench } from './workbench.js';

const vsix = process.env.CORPUS_LENS_VSIX ?? path.join(repoRoot, 'dist', 'corpus-lens.vsix');
const seedsDir = path.join(repoRoot, 'seeds');
/** The Corpus Lens activity bar item, there once the extension's contributions are read. */
const CORPUS_LENS_ICON = '.part.activitybar .action-item .action-label[aria-label^="Corpus Lens"]';

describe('A new user\'s first hour (code-server, fresh profile)', () => {
  let scratch = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;

  async function check(name: string, body: (wb: Workbench) => Promise<void>): Promise<void> {
    assert.ok(workbench, 'the workbench did not open (see the error in `before`)');
    try {
      await body(workbench);
    } catch (error) {
      const shot = await workbench.screenshot(`failure-first-hour-${name}.png`).catch(() => 'none');
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { screenshot: shot });
    }
  }

  before(async () => {
    if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run \`npm run package\` first`);
    await mkdir(resultsDir, { recursive: true });
    scratch = await mkdtemp(path.join(os.tmpdir(), 'corpus-lens-first-hour-'));
    await mkdir(path.join(scratch, 'empty'));
    // A folder of the user's own articles: plain .txt files at its root.
    await mkdir(path.join(scratch, 'my-articles'));
    for (const seed of (await readdir(seedsDir)).filter((f) => f.endsWith('.txt'))) await cp(path.join(seedsDir, seed), path.join(scratch, 'my-articles', seed));
    const tools = await ensureTools();
    server = await startCodeServer({ vsix, folder: path.join(scratch, 'empty'), tools });
    workbench = await openWorkbench(server.url, { executablePath: tools.chromium, readyWhen: CORPUS_LENS_ICON });
  });

  after(async () => {
    if (server) await writeFile(path.join(resultsDir, 'e2e-first-hour-code-server.log'), server.logs());
    await workbench?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('in an empty folder, the Corpus Lens sidebar offers Make Folder a Corpus and Open Sample Corpus', async () => {
    await check('empty-folder', async (wb) => {
      await wb.openViewContainer('Corpus Lens');
      const welcome = wb.view('Documents').locator('.welcome-view-content');
      await welcome.waitFor({ state: 'visible', timeout: 30_000 });
      const buttons = await welcome.locator('.monaco-button').allInnerTexts();
      assert.deepEqual(buttons.map((b) => b.trim()), ['Make Folder a Corpus', 'Open Sample Corpus']);
      assert.match(await welcome.innerText(), /No corpus documents in this folder yet/);
      for (const view of ['Events', 'Entities']) {
        assert.match(await wb.view(view).locator('.welcome-view-content').innerText(), /once the folder is a corpus/);
      }
      await wb.screenshot('first-hour-empty-folder.png');
    });
  });

  it('in a folder of plain .txt articles, two clicks from the sidebar open an article whose names have cards', async () => {
    const text = await readFile(path.join(seedsDir, '000_de029b9b870dac60.txt'), 'utf8');
    const name = positionOf(text, 'Dmitry Zhirnov');
    await check('plain-articles', async (wb) => {
      await wb.navigate(server!.urlFor(path.join(scratch, 'my-articles')));
      // Click 1: the Corpus Lens icon. Click 2: Make Folder a Corpus.
      await wb.openViewContainer('Corpus Lens');
      await wb.clickWelcomeButton('Documents', 'Make Folder a Corpus');
      await wb.waitUntil(async () => (await wb.activeTabName()) === '000_de029b9b870dac60.txt', 'the first article to open', 60_000);
      assert.ok(existsSync(path.join(scratch, 'my-articles', 'corpus.json')), 'corpus.json was written');
      assert.equal(await wb.waitForLanguageMode('Corpus Document', 30_000), 'Corpus Document');
      await wb.goTo(name.line, name.col + 2);
      const hover = await wb.showHover('person', 30_000);
      assert.match(hover, /Dmitry Zhirnov\s*·\s*person/, `hover: ${JSON.stringify(hover)}`);
      await wb.screenshot('first-hour-hover.png');
      await wb.dismiss();
      await wb.waitForTreeRow('Documents', (r) => r.level === 1 && r.label.length > 0, 'the articles listed', 30_000);
      assert.equal((await wb.treeRows('Documents')).length, 5);
    });
  });

  it('lists the walkthrough, whose steps open the sample corpus and show a name\'s card', async () => {
    await check('walkthrough', async (wb) => {
      await wb.startCommand('Welcome: Open Walkthrough...');
      const rows = await wb.quickPickRows();
      assert.ok(rows.some((r) => r.includes('Get Started with Corpus Lens')), `the walkthroughs listed: ${JSON.stringify(rows)}`);
      await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with Corpus Lens' }).first().click();
      const page = wb.page.locator('.gettingStartedContainer');
      await page.locator('.getting-started-step', { hasText: 'Hover a name' }).first().click();
      await page.locator('.button-link, .monaco-button', { hasText: 'Show Me' }).first().click();
      // The card of the person the corpus names most, shown beside the walkthrough.
      await wb.page.locator('.monaco-hover', { hasText: /·\s*person/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await wb.activeTabName(), /\.txt$/);
      await wb.screenshot('first-hour-walkthrough.png');
      await wb.dismiss();
    });
  });

  it('the Extensions view shows the package as finished: icon, description, categories, changelog', async () => {
    await check('extension-page', async (wb) => {
      // Alone on screen: the walkthrough's media is a webview too.
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('Extensions: Show Installed Extensions');
      const item = wb.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Corpus Lens' }).first();
      await item.waitFor({ state: 'visible', timeout: 30_000 });
      const icon = item.locator('img.icon');
      assert.match((await icon.getAttribute('src')) ?? '', /icon\.png/, 'the list shows the icon');
      await item.click();
      const editor = wb.page.locator('.extension-editor');
      await editor.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await editor.locator('.header .name').innerText(), /Corpus Lens/);
      assert.match(await editor.locator('.header .description').innerText(), /Read and annotate a corpus of news articles/);
      const tabs = (await editor.locator('.navbar .action-label').allInnerTexts()).map((t) => t.trim().toLowerCase());
      assert.ok(tabs.includes('changelog'), `the tabs: ${tabs.join(', ')}`);
      // The README, with its first steps (its images are links into the repository, which this machine cannot reach).
      const readme = await wb.activeWebview('body', 30_000);
      await readme.locator('h2', { hasText: 'First steps' }).waitFor({ state: 'visible', timeout: 30_000 });
      await wb.screenshot('first-hour-extension-page.png');
    });
  });

  it('Open Sample Corpus, from a window with no folder, opens the shipped articles and the first of them', async () => {
    await check('sample', async (wb) => {
      await wb.navigate(server!.baseUrl, 60_000, { readyWhen: CORPUS_LENS_ICON });
      await wb.openViewContainer('Corpus Lens');
      await wb.clickWelcomeButton('Documents', 'Open Sample Corpus');
      await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seeds' }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await wb.waitUntil(async () => (await wb.activeTabName()) === '000_de029b9b870dac60.txt', 'the first sample article to open', 60_000);
      assert.match(await wb.page.title(), /Corpus Lens sample/);
      await wb.screenshot('first-hour-sample.png');
    });
  });
});
