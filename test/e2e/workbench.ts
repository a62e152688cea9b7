// Drives a VS Code workbench in Chromium the way a person does: keyboard shortcuts, the quick
// open box, the status bar, the hover widget, the Problems panel. Every wait is on something the
// screen shows, with a deadline; no helper sleeps for a fixed time.

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { repoRoot } from './codeServer.js';

export const resultsDir = path.join(repoRoot, 'test-results');

export interface Position {
  line: number;
  col: number;
}

/** A row of a tree view as the screen shows it. */
export interface TreeRow {
  label: string;
  description: string;
  /** 1 for the top level. */
  level: number;
  /** null for a row without children. */
  expanded: boolean | null;
  /** The codicon the row shows (`calendar`, `person`, ...), '' without one. */
  icon: string;
  /** The colour the icon is drawn in when the row gives one (a theme colour, resolved: `rgb(…)`, `#…`), else ''. */
  iconColor: string;
}

export interface WorkbenchOptions {
  /** Default: /usr/bin/chromium. */
  executablePath?: string;
  /** How long the workbench may take to appear. Default 60 s. */
  timeoutMs?: number;
  /** The browser's user agent: VS Code for the web takes the platform (its keys) from it. */
  userAgent?: string;
}

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** 1-based line and column of the first occurrence of a needle in the text (as the status bar counts). */
export function positionOf(text: string, needle: string): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`the text has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, at).split(/\r?\n/);
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Matches an element's whole text (spaces around it aside). */
function exactly(text: string, flags = ''): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, flags);
}

/** Default deadline for one action to show its effect on screen. */
const STEP_MS = 20_000;

/** Launches Chromium, opens the workbench URL and waits until the workbench is ready to type into. */
export async function openWorkbench(url: string, options: WorkbenchOptions & { readyWhen?: string } = {}): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
    const workbench = new Workbench(browser, page);
    await workbench.navigate(url, options.timeoutMs, { readyWhen: options.readyWhen });
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

  /**
   * Loads a workbench URL (another folder, say) and waits until it is ready. `readyWhen`: a
   * selector that shows the window is ready, for a window with no folder or an empty one, where
   * the Explorer lists nothing.
   */
  async navigate(url: string, timeoutMs = 60_000, { readyWhen }: { readyWhen?: string } = {}): Promise<void> {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    if (readyWhen) {
      await this.page.locator(readyWhen).first().waitFor({ state: 'visible', timeout: timeoutMs });
      return;
    }
    // The explorer lists the folder once the remote file system answers: the workbench is usable.
    // A reload restores the last layout, which may have the side bar closed or on another view:
    // open the explorer (Ctrl+Shift+E) if its rows do not show.
    const rows = this.page.locator('.explorer-folders-view .monaco-list-row').first();
    const shown = await rows.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
    if (!shown) {
      await this.page.keyboard.press('Control+Shift+E');
      await rows.waitFor({ state: 'visible', timeout: timeoutMs });
    }
  }

  /** Ctrl+P, type the file name, Enter; waits until that file's tab is the active one. */
  /**
   * Quick Open on a file VS Code asks about first (over workbench.editorLargeFileConfirmation, 10 MB
   * in a browser): "Open Anyway", as a person would, then waits for its text (a while, at megabytes).
   */
  async openLargeFile(name: string, timeoutMs: number): Promise<void> {
    // A file written a moment ago may not be in Quick Open's list yet: ask again, up to three times.
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    for (let attempt = 1; ; attempt++) {
      const input = await this.quickInput('Control+P');
      await input.fill(name);
      const listed = await row.waitFor({ state: 'visible', timeout: STEP_MS }).then(() => true, (error) => (attempt >= 3 ? Promise.reject(error) : false));
      if (listed) break;
      await this.page.keyboard.press('Escape');
    }
    await row.click();
    await this.page.locator('.editor-group-container.active').getByText('Open Anyway').first().click({ timeout: timeoutMs });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Brings an open file's tab forward by clicking it (its cursor stays where it was). */
  async selectTab(name: string): Promise<void> {
    await this.page.locator(`.editor-group-container.active .tabs-container .tab[data-resource-name=${JSON.stringify(name)}]`).click({ timeout: STEP_MS });
    await this.page
      .locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`)
      .waitFor({ state: 'visible', timeout: STEP_MS });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: STEP_MS });
  }

  /** Quick Open on the file; `timeoutMs`: how long its editor may take to show (a file of megabytes takes a while). */
  async openFile(name: string, timeoutMs = STEP_MS): Promise<void> {
    // Quick Open's list can still be filling when the row first shows: try twice before failing.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.openFileOnce(name, timeoutMs);
        return;
      } catch (error) {
        if (attempt >= 2) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  private async openFileOnce(name: string, timeoutMs: number): Promise<void> {
    const input = await this.quickInput('Control+P');
    await input.fill(name);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_MS });
    await row.click();
    await this.page
      .locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`)
      .waitFor({ state: 'visible', timeout: timeoutMs });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.waitForQuickInputClosed();
  }


  /** Clicks into the active editor's text (as a person does after working in a side view); waits until it has the focus. */
  async focusEditor(): Promise<void> {
    const editor = this.activeEditor();
    // In the middle of the text: the top line may carry a CodeLens, which a click would run.
    await editor.locator('.view-lines').click({ timeout: STEP_MS });
    await this.waitUntil(async () => /\bfocused\b/.test((await editor.getAttribute('class')) ?? ''), 'the editor to take the focus');
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

  /**
   * Developer: Reload Window, as a person reloads: VS Code saves the window's state (its editors, a
   * webview panel's) before it goes, which a navigation from outside may cut short.
   */
  async reloadWindow(timeoutMs = 60_000): Promise<void> {
    const loaded = this.page.waitForEvent('load', { timeout: timeoutMs });
    await this.startCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** F1, type the command's title, Enter (the first match must be exactly that command). */
  async runCommand(title: string): Promise<void> {
    await this.startCommand(title);
    await this.waitForQuickInputClosed();
  }

  /** Like runCommand, for a command that goes on to ask something in the quick input (a pick, VS Code's simple file dialog). */
  async startCommand(title: string): Promise<void> {
    const input = await this.quickInput('F1');
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row').first();
    await this.waitUntil(
      async () => (await row.isVisible()) && (await row.innerText()).includes(title),
      `the command palette to offer ${JSON.stringify(title)}`,
    );
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits for the quick input titled `title` (a command's question, or the simple file dialog's
   * path box), replaces its text with `value`, presses Enter and waits until it closes.
   */
  async answerQuickInput(title: string, value: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const heading = widget.locator('.quick-input-title');
    await this.waitUntil(
      async () => (await heading.isVisible()) && (await heading.innerText()).includes(title),
      `the quick input titled ${JSON.stringify(title)}`,
    );
    const input = widget.locator('.quick-input-box input');
    await input.fill(value);
    // The simple file dialog may rewrite the box while it lists a folder: fill it again until it has
    // held the value for half a second (it has listed the folder by then).
    let heldSince = 0;
    await this.waitUntil(async () => {
      if ((await input.inputValue()) !== value) {
        await input.fill(value);
        heldSince = 0;
        return false;
      }
      heldSince ||= Date.now();
      return Date.now() - heldSince >= 500;
    }, `the quick input to read ${JSON.stringify(value)}`);
    // The simple file dialog ignores Enter while it is still listing the folder typed, and on a busy
    // machine may put its default name back after the fill: type again if so, and press Enter again
    // (as a person would) until the box closes.
    await this.waitUntil(
      async () => {
        if (!(await widget.isVisible())) return true;
        if ((await input.inputValue()) !== value) await input.fill(value);
        await input.press('Enter');
        return widget.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
      },
      `the quick input titled ${JSON.stringify(title)} to accept ${JSON.stringify(value)}`,
    );
  }

  /** Ctrl+F, the text, Escape: the active editor's first occurrence (after the cursor) of `needle` is selected. */
  async selectNext(needle: string): Promise<void> {
    await this.page.keyboard.press('Control+F');
    const widget = this.activeEditor().locator('.find-widget.visible');
    const input = widget.locator('.find-part .monaco-findInput textarea, .find-part .monaco-findInput input').first();
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(needle);
    const count = widget.locator('.matchesCount');
    await this.waitUntil(async () => /^\d+ of \d+$/.test((await count.innerText()).trim()), `the find widget to find ${JSON.stringify(needle)}`);
    // Escape from the find box closes it; on a busy machine a first press can be lost: press again.
    await this.waitUntil(async () => {
      if (await widget.isVisible()) await input.press('Escape');
      return widget.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    }, 'the find widget to close');
    const status = this.page.locator('[id="status.editor.selection"]');
    await this.waitUntil(async () => (await status.innerText()).includes(`(${needle.length} selected)`), `${JSON.stringify(needle)} to be selected`);
  }

  /** Waits for a notification toast containing `text`; clicks its button `button` when given. Returns the toast's text. */
  async notification(text: string, button?: string, timeoutMs = STEP_MS): Promise<string> {
    const toast = this.page.locator('.notifications-toasts .notification-toast').filter({ hasText: text }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    const shown = (await toast.innerText()).replace(/\s+/g, ' ').trim();
    if (button) await toast.locator('.monaco-button', { hasText: exactly(button) }).first().click({ timeout: STEP_MS });
    return shown;
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

  /** Clicks the button of a view's welcome content (its text, e.g. "Make Folder a Corpus"). */
  async clickWelcomeButton(viewTitle: string, label: string): Promise<void> {
    const button = this.view(viewTitle).locator('.welcome-view-content .monaco-button', { hasText: exactly(label) }).first();
    await button.waitFor({ state: 'visible', timeout: STEP_MS });
    await button.click();
  }

  /** Clicks the activity bar item with this title (as a person does); waits until its side bar shows. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.part.activitybar .action-item .action-label[aria-label^=${JSON.stringify(title)}]`).first();
    await item.waitFor({ state: 'visible', timeout: STEP_MS });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title');
    const showing = async () =>
      (await sidebarTitle.isVisible()) && (await sidebarTitle.innerText()).trim().toLowerCase() === title.toLowerCase();
    if (!(await showing())) await item.click();
    await this.waitUntil(showing, `the side bar to show ${JSON.stringify(title)}`);
  }

  /** A view (section) of the side bar by its title. */
  view(title: string): Locator {
    // By the header's title: its aria-label also carries the view's description, which changes.
    return this.page.locator('.part.sidebar .pane').filter({ has: this.page.locator('.pane-header h3.title', { hasText: exactly(title, 'i') }) });
  }

  /** Opens or closes a side bar section by clicking its header; waits until it shows so. */
  async setViewExpanded(title: string, expanded: boolean): Promise<void> {
    const header = this.view(title).locator('.pane-header');
    await header.waitFor({ state: 'visible', timeout: STEP_MS });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await this.waitUntil(async () => (await header.getAttribute('aria-expanded')) === String(expanded), `${title} to be ${expanded ? 'open' : 'closed'}`);
  }

  /** The text a view shows next to its title (a tree view's description, such as its filter). */
  async viewDescription(title: string): Promise<string> {
    const description = this.view(title).locator('.pane-header .description');
    return (await description.count()) > 0 ? (await description.first().innerText()).trim() : '';
  }

  /** Whether the keyboard's focus is in the view's list (its keys then go to the view). */
  async hasFocus(viewTitle: string): Promise<boolean> {
    return this.view(viewTitle).locator('.monaco-list:focus-within').count().then((n) => n > 0);
  }

  /** The label of the row the view has selected, '' when none is. */
  async selectedTreeRow(viewTitle: string): Promise<string> {
    const row = this.view(viewTitle).locator('.monaco-list-row.selected .label-name');
    return (await row.count()) === 0 ? '' : ((await row.first().textContent()) ?? '').trim();
  }

  /** The rows a tree view renders now, top to bottom (only those in view: the list is virtual). */
  async treeRows(viewTitle: string): Promise<TreeRow[]> {
    // No named functions inside: the test runner's transpiler would wrap them in a helper the page lacks.
    const rows = await this.view(viewTitle)
      .locator('.monaco-list-row')
      .evaluateAll((elements) =>
        elements.map((row) => ({
          index: Number(row.getAttribute('data-index') ?? '0'),
          label: (row.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (row.querySelector('.label-description')?.textContent ?? '').trim(),
          level: Number(row.getAttribute('aria-level') ?? '1'),
          expanded: row.getAttribute('aria-expanded'),
          iconClass: row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '',
          iconStyle: row.querySelector('.custom-view-tree-node-item-icon')?.getAttribute('style') ?? '',
        })),
      );
    return rows
      .sort((a, b) => a.index - b.index)
      .map((r) => ({
        label: r.label,
        description: r.description,
        level: r.level,
        expanded: r.expanded === null ? null : r.expanded === 'true',
        icon: /\bcodicon-(?!colored\b)([\w-]+)/.exec(r.iconClass)?.[1] ?? '',
        iconColor: /(?:^|;)\s*color:\s*([^;]+)/.exec(r.iconStyle)?.[1]?.trim() ?? '',
      }));
  }

  /** Waits until a tree view renders a row that satisfies `match`; returns it. */
  async waitForTreeRow(viewTitle: string, match: (row: TreeRow) => boolean, what: string, timeoutMs = STEP_MS): Promise<TreeRow> {
    let found: TreeRow | undefined;
    let seen: TreeRow[] = [];
    await this.waitUntil(
      async () => (found = (seen = await this.treeRows(viewTitle)).find(match)) !== undefined,
      `${viewTitle} to show ${what}`,
      timeoutMs,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; it shows:\n${seen.map((r) => `${'  '.repeat(r.level - 1)}${r.label} — ${r.description}`).join('\n')}`);
    });
    return found!;
  }

  /** The rendered row of a tree view with this label at this level. */
  treeRow(viewTitle: string, row: Pick<TreeRow, 'label' | 'level'>): Locator {
    return this.view(viewTitle)
      .locator(`.monaco-list-row[aria-level="${row.level}"]`)
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(row.label) }) })
      .first();
  }

  /** Clicks a tree row (opening a group, or running the row's command). */
  async clickTreeRow(viewTitle: string, row: Pick<TreeRow, 'label' | 'level'>): Promise<void> {
    const locator = this.treeRow(viewTitle, row);
    // A row's tooltip left open over the tree (the mouse rested on a row that moved under it) takes the click: away first.
    await this.page.mouse.move(0, 0);
    await locator.scrollIntoViewIfNeeded({ timeout: STEP_MS });
    await locator.click({ timeout: STEP_MS });
  }

  /** Opens a collapsed tree row by clicking it; waits until it shows as expanded. */
  async expandTreeRow(viewTitle: string, row: Pick<TreeRow, 'label' | 'level'>): Promise<void> {
    const locator = this.treeRow(viewTitle, row);
    await locator.waitFor({ state: 'visible', timeout: STEP_MS });
    if ((await locator.getAttribute('aria-expanded')) !== 'true') await this.clickTreeRow(viewTitle, row);
    await this.waitUntil(async () => (await locator.getAttribute('aria-expanded')) === 'true', `${JSON.stringify(row.label)} to expand`);
  }

  /** Drags the side bar's edge (its sash) until the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const sidebar = this.page.locator('.part.sidebar');
    const sash = this.page.locator('.monaco-sash.vertical.primary-sidebar-sash');
    const [part, handle] = [await sidebar.boundingBox(), await sash.boundingBox()];
    if (!part || !handle) throw new Error('the side bar or its sash is not shown');
    const x = handle.x + handle.width / 2;
    const y = handle.y + handle.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + (width - part.width), y, { steps: 8 });
    await this.page.mouse.up();
    await this.waitUntil(
      async () => Math.abs(((await sidebar.boundingBox())?.width ?? 0) - width) <= 12,
      `the side bar to be ${width} px wide`,
    );
  }

  /** Right-clicks a tree row and picks `item` from its context menu. */
  async treeRowContextMenu(viewTitle: string, row: Pick<TreeRow, 'label' | 'level'>, item: string): Promise<void> {
    await this.contextMenu(this.treeRow(viewTitle, row), item);
  }

  /**
   * Renames a file or folder in the Explorer as a person does: reveals the active editor's file,
   * right-clicks the row labelled `label` (the file, or a folder above it), Rename…, types the new
   * name (a path with '/' moves it) and Enter. Done when the Explorer selects the row it then shows,
   * `shownAs` (by default the new name's last part; compact folders show "2024/kabul"), and takes the focus.
   */
  async renameInExplorer(label: string, newName: string, shownAs = newName.split('/').pop()!): Promise<void> {
    await this.runCommand('File: Reveal Active File in Explorer View');
    const rows = this.page.locator('.explorer-folders-view .monaco-list-row');
    const row = rows.filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
    await row.waitFor({ state: 'visible', timeout: STEP_MS });
    await this.contextMenu(row, 'Rename...');
    const input = this.page.locator('.explorer-folders-view .monaco-inputbox input');
    await input.waitFor({ state: 'visible', timeout: STEP_MS });
    await input.fill(newName);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: STEP_MS });
    // Done when the Explorer lists the new name, the active editor shows the file at its new path
    // in its breadcrumbs, and the Explorer has taken the focus back from its input.
    const labels = this.page.locator('.explorer-folders-view .monaco-list-row .monaco-icon-label');
    const crumbs = this.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    const folders = newName.split('/').slice(0, -1);
    await this.waitUntil(
      async () => {
        const shown = (await labels.allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
        const path = (await crumbs.allInnerTexts()).map((t) => t.trim()).join('/');
        const focused = await this.page.evaluate('document.activeElement?.closest(".explorer-folders-view .monaco-list") != null');
        return shown.includes(shownAs) && folders.every((f) => path.includes(`${f}/`)) && focused === true;
      },
      `the Explorer to show ${shownAs} and the editor to follow`,
    );
  }

  private async contextMenu(locator: Locator, item: string): Promise<void> {
    await locator.scrollIntoViewIfNeeded({ timeout: STEP_MS });
    await locator.click({ button: 'right', timeout: STEP_MS });
    const entry = this.page
      .locator('.monaco-menu .action-item')
      .filter({ has: this.page.locator('.action-label', { hasText: exactly(item) }) })
      .first();
    await entry.waitFor({ state: 'visible', timeout: STEP_MS });
    // The menu ignores a click that comes too soon after it opened; point at the entry, then Enter.
    await entry.hover();
    await this.waitUntil(async () => /\bfocused\b/.test((await entry.getAttribute('class')) ?? ''), `${JSON.stringify(item)} to be highlighted in the menu`);
    await this.page.keyboard.press('Enter');
    await entry.waitFor({ state: 'hidden', timeout: STEP_MS });
  }

  /** The rows the open quick pick lists (label and description as shown). */
  async quickPickRows(): Promise<string[]> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: STEP_MS });
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /**
   * The content of the webview shown in the active editor group (VS Code nests the page in two
   * frames). Waits until it has loaded an element matching `ready`.
   */
  async activeWebview(ready: string, timeoutMs = STEP_MS): Promise<FrameLocator> {
    const frame = this.page.locator('iframe.webview.ready').contentFrame().locator('iframe#active-frame').contentFrame();
    await frame.locator(ready).first().waitFor({ state: 'attached', timeout: timeoutMs });
    return frame;
  }

  /** Extends the selection by `count` characters to the right (Shift+Right). */
  async selectRight(count: number): Promise<void> {
    for (let k = 0; k < count; k++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  /** Presses one key (Backspace, Enter, …). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Types text at the cursor, as a person would. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** The text of the notification toasts on screen. */
  /** The text of the status bar (a server's progress shows there, in the window's status). */
  async statusBarText(): Promise<string> {
    return (await this.page.locator('.part.statusbar').innerText().catch(() => '')).replace(/\s+/g, ' ');
  }

  async notificationsText(): Promise<string> {
    const toasts = this.page.locator('.notifications-toasts .notification-toast');
    const n = await toasts.count();
    const texts: string[] = [];
    for (let k = 0; k < n; k++) texts.push(await toasts.nth(k).innerText().catch(() => ''));
    return texts.join('\n');
  }

  /** The HTML of the lines the active editor renders (inlay hints live in its decorations' styles). */
  async visibleEditorHtml(): Promise<string> {
    const editor = this.activeEditor();
    const html = await editor.locator('.view-lines').innerHTML();
    // Inlay hints are CSS content of generated classes: include the page's rules that name them.
    const styles = await this.page.evaluate<string>('[...document.querySelectorAll("style")].map((s) => s.textContent || "").join("\\n")');
    return `${html}\n${styles}`;
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

  /**
   * Presses a key until `done` holds: a second press when the first was not taken within a few
   * seconds, said in the test's output. The first key pressed in the Review view after a click on
   * its row is at times not taken: most often with the Problems panel open (the review test alone
   * with the panel open shows it), once without; the cause is not found yet. The test still fails
   * when the second press is not taken either.
   */
  async pressUntil(key: string, done: () => Promise<boolean>, what: string): Promise<void> {
    await this.press(key);
    try {
      await this.waitUntil(done, what, 5_000);
    } catch {
      console.log(`# ${key} pressed again: ${what} did not happen after the first press`);
      await this.press(key);
      await this.waitUntil(done, what);
    }
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
