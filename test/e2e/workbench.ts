// Drives a VS Code workbench in Chromium the way a person does: keyboard shortcuts, the quick
// open box, the status bar, the hover widget, the Problems panel. Every wait is on something the
// screen shows, with a deadline; no helper sleeps for a fixed time.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './codeServer.js';

export const resultsDir = path.join(repoRoot, 'test-results');

export interface Position {
  line: number;
  col: number;
}

export interface WorkbenchOptions {
  /** Default: /usr/bin/chromium. */
  executablePath?: string;
  /** How long the workbench may take to appear. Default 60 s. */
  timeoutMs?: number;
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Default deadline for one action to show its effect on screen. */
const STEP_MS = 20_000;

/** Launches Chromium, opens the workbench URL and waits until the workbench is ready to type into. */
export async function openWorkbench(url: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const workbench = new Workbench(browser, page);
    await workbench.navigate(url, options.timeoutMs);
    return workbench;
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export class Workbench {
  /** Messages the page logged as errors, for a failure report. */
  readonly consoleErrors: string[] = [];

  constructor(
    readonly browser: Browser,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(String(error)));
  }

  /** Loads a workbench URL (another folder, say) and waits until it is ready. */
  async navigate(url: string, timeoutMs = 60_000): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    // The explorer lists the folder once the remote file system answers: the workbench is usable.
    await this.page
      .locator('.explorer-folders-view .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Ctrl+P, type the file name, Enter; waits until that file's tab is the active one. */
  async openFile(name: string): Promise<void> {
    const input = await this.quickInput('Control+P');
    await input.fill(name);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_MS });
    await this.page.keyboard.press('Enter');
    await this.page
      .locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`)
      .waitFor({ state: 'visible', timeout: STEP_MS });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: STEP_MS });
    await this.waitForQuickInputClosed();
  }

  /** Ctrl+G, `line:col`, Enter; waits until the status bar shows the cursor there. */
  async goTo(line: number, col: number): Promise<void> {
    const input = await this.quickInput('Control+G');
    // Ctrl+G opens quick open with the ':' (go to line) prefix; keep it.
    await input.fill(`:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await this.waitForQuickInputClosed();
    await this.waitUntil(
      async () => {
        const at = await this.cursorPosition();
        return at.line === line && at.col === col;
      },
      `the cursor to reach Ln ${line}, Col ${col}`,
    );
  }

  /** Where the cursor is, read from the status bar ("Ln 12, Col 5"). */
  async cursorPosition(): Promise<Position> {
    const item = this.page.locator('[id="status.editor.selection"]');
    await item.waitFor({ state: 'visible', timeout: STEP_MS });
    const text = (await item.innerText()).trim();
    const match = /Ln\s+(\d+),\s*Col\s+(\d+)/.exec(text);
    if (!match) throw new Error(`cannot read the cursor position from the status bar: ${JSON.stringify(text)}`);
    return { line: Number(match[1]), col: Number(match[2]) };
  }

  /** The language mode shown in the status bar for the active editor ("Plain Text", ...). */
  async languageMode(): Promise<string> {
    const item = this.page.locator('[id="status.editor.mode"]');
    await item.waitFor({ state: 'visible', timeout: STEP_MS });
    return (await item.innerText()).trim();
  }

  /** Waits until the status bar's language mode is `expected`; returns what it last showed. */
  async waitForLanguageMode(expected: string, timeoutMs = STEP_MS): Promise<string> {
    let last = '';
    await this.waitUntil(
      async () => (last = await this.languageMode()) === expected,
      `the language mode to read ${JSON.stringify(expected)}`,
      timeoutMs,
    ).catch(() => undefined);
    return last;
  }

  /**
   * Ctrl+K Ctrl+I: shows the hover at the cursor and returns its text once it has loaded. With
   * `waitFor`, keeps asking (up to the deadline, pressing the keys again as a person would when
   * nothing shows) for a hover containing it; returns the last text either way, so the caller's
   * assertion shows what was really there.
   */
  async showHover(waitFor?: string, timeoutMs = STEP_MS): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)').filter({ visible: true });
    const deadline = Date.now() + timeoutMs;
    let text = '';
    do {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      const shown = await this.waitUntil(
        async () => {
          text = (await hover.allInnerTexts().catch(() => [] as string[])).join('\n').trim();
          if (text === '' || /^Loading\W*$/.test(text)) return false;
          return waitFor === undefined || text.includes(waitFor);
        },
        'a hover',
        Math.max(0, Math.min(5_000, deadline - Date.now())),
      ).then(
        () => true,
        () => false,
      );
      if (shown) return text;
    } while (Date.now() < deadline);
    return text;
  }

  /** Closes a hover or widget with Escape. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /**
   * F12. Waits until the cursor moves or the editor says there is no definition; returns where the
   * cursor is then.
   */
  async goToDefinition(timeoutMs = STEP_MS): Promise<Position> {
    const before = await this.cursorPosition();
    const activeTab = await this.activeTabName();
    await this.page.keyboard.press('F12');
    const noDefinition = this.page.locator('.monaco-editor-overlaymessage').filter({ visible: true });
    await this.waitUntil(
      async () => {
        if ((await noDefinition.count()) > 0) return true;
        if ((await this.activeTabName()) !== activeTab) return true;
        const now = await this.cursorPosition();
        return now.line !== before.line || now.col !== before.col;
      },
      'F12 to move the cursor or report no definition',
      timeoutMs,
    ).catch(() => undefined);
    return this.cursorPosition();
  }

  /** The file name on the active editor tab ('' when no editor is open). */
  async activeTabName(): Promise<string> {
    const tab = this.page.locator('.editor-group-container.active .tabs-container .tab.active').first();
    return (await tab.count()) > 0 ? ((await tab.getAttribute('data-resource-name')) ?? '') : '';
  }

  /**
   * Ctrl+Shift+M: opens the Problems panel and returns its text. With `waitFor`, keeps waiting (up
   * to the deadline) for text containing it; returns the text either way.
   */
  async openProblems(waitFor?: string, timeoutMs = STEP_MS): Promise<string> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: STEP_MS });
    let text = '';
    await this.waitUntil(
      async () => {
        text = (await panel.innerText()).trim();
        return waitFor === undefined ? text !== '' : text.includes(waitFor);
      },
      waitFor === undefined ? 'the Problems panel to show' : `the Problems panel to show ${JSON.stringify(waitFor)}`,
      timeoutMs,
    ).catch(() => undefined);
    return text;
  }

  /** F1, type the command's title, Enter (the first match must be exactly that command). */
  async runCommand(title: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').first();
    await this.waitUntil(
      async () => (await row.isVisible()) && (await row.innerText()).includes(title),
      `the command palette to offer ${JSON.stringify(title)}`,
    );
    await this.page.keyboard.press('Enter');
    await this.waitForQuickInputClosed();
  }

  /**
   * "Developer: Show Running Extensions": the names of the extensions that have been activated.
   * The list only renders the rows in view, so this pages through it; Escape closes it again.
   */
  async runningExtensions(): Promise<string[]> {
    await this.runCommand('Developer: Show Running Extensions');
    const names = this.page.locator('.runtime-extensions-editor .monaco-list-row .name');
    await names.first().waitFor({ state: 'visible', timeout: STEP_MS });
    // How many rows the list holds: the height of its scroll content over the height of one row.
    const listHeight = await this.page
      .locator('.runtime-extensions-editor .monaco-list-rows')
      .evaluate((el) => el.getBoundingClientRect().height);
    const rowHeight = await this.page
      .locator('.runtime-extensions-editor .monaco-list-row')
      .first()
      .evaluate((el) => el.getBoundingClientRect().height);
    const total = rowHeight > 0 ? Math.round(listHeight / rowHeight) : 1;
    const seen = new Set<string>();
    await this.waitUntil(
      async () => {
        (await names.allInnerTexts()).forEach((name) => seen.add(name.trim()));
        if (seen.size >= total) return true;
        await this.page.keyboard.press('PageDown');
        return false;
      },
      `all ${total} running extensions to be listed`,
    );
    await this.page.keyboard.press('Escape');
    await this.page.locator('.runtime-extensions-editor').waitFor({ state: 'hidden', timeout: STEP_MS });
    return [...seen].sort();
  }

  /** Ctrl+P then `#query`: VS Code's workspace symbol search; picks the row showing `pick`. */
  async goToWorkspaceSymbol(query: string, pick: string, timeoutMs = STEP_MS): Promise<void> {
    const input = await this.quickInput('Control+P');
    await input.fill(`#${query}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: pick }).first();
    await row.waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.keyboard.press('Enter');
    await this.waitForQuickInputClosed();
  }

  /** The text of the lines the active editor currently renders. */
  async visibleEditorText(): Promise<string> {
    return this.activeEditor().locator('.view-lines').innerText();
  }

  /** Saves a PNG of the whole window into test-results/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    await mkdir(resultsDir, { recursive: true });
    const file = path.join(resultsDir, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Presses the shortcut and returns the quick input box once it is visible and focused. */
  private async quickInput(shortcut: string): Promise<Locator> {
    await this.page.keyboard.press(shortcut);
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await this.waitUntil(async () => input.evaluate((el) => el.ownerDocument.activeElement === el), 'the quick input to take focus');
    return input;
  }

  private async waitForQuickInputClosed(): Promise<void> {
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** Polls a condition on the screen until it holds; throws with `what` after the deadline. */
  async waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = STEP_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await condition()) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      // Poll interval: give the page time to render before looking again.
      await pause(100);
    }
  }
}
