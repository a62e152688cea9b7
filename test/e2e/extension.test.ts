// End-to-end: the packaged extension (dist/corpus-lens.vsix, made by `npm run package`) installed in
// a real VS Code (code-server), driven through Chromium the way a person uses it: open a seed,
// put the cursor on a footnote marker, ask for the hover, press F12, open the Problems panel.
//
//   npm run test:e2e                      (packages first, then runs this file)
//   CORPUS_LENS_VSIX=/path/x.vsix node --import tsx --test --test-timeout=600000 test/e2e/*.test.ts
//
// Screenshots, the code-server output and VS Code's logs are left in test-results/.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureTools, repoRoot, startCodeServer, type CodeServer } from './codeServer.js';
import { openWorkbench, resultsDir, type Position, type Workbench } from './workbench.js';

const vsix = process.env.CORPUS_LENS_VSIX ?? path.join(repoRoot, 'dist', 'corpus-lens.vsix');
const seedsDir = path.join(repoRoot, 'seeds');
const SEED = '000_de029b9b870dac60.txt';
const EXTRA = 'unresolved-footnote.txt';
/** What the language server says about a marker with no definition (`Footnote [N] has no definition in the notes.`). */
const NO_DEFINITION = 'Footnote [2] has no definition';

/** A footnote as the seed file has it: where its first marker is, and its definition line. */
interface Footnote {
  /** 1-based line and column of the first character inside the first `[n]` in the body. */
  marker: Position;
  /** 1-based line of `[n] ...` in the notes at the end. */
  definitionLine: number;
  /** The definition's text after `[n] `, without the final full stop. */
  definitionText: string;
}

/** 1-based line and column of the first occurrence of a needle in the text. */
function positionOf(text: string, needle: string): Position {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `the text has no ${JSON.stringify(needle)}`);
  const before = text.slice(0, at).split(/\r?\n/);
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Reads the footnote `[n]` out of the text, the way a reader finds it, so nothing is hard-coded. */
function findFootnote(text: string, n: number): Footnote {
  const lines = text.split(/\r?\n/);
  const label = `[${n}]`;
  const definitionIndex = lines.findIndex((line) => line.startsWith(`${label} `));
  assert.ok(definitionIndex >= 0, `the seed has no definition line starting with ${label}`);
  const markerIndex = lines.findIndex((line, i) => i !== definitionIndex && !line.startsWith(label) && line.includes(label));
  assert.ok(markerIndex >= 0, `the seed has no ${label} marker in its body`);
  const column = lines[markerIndex]!.indexOf(label);
  return {
    // Column + 2: the status bar counts from 1, and the cursor goes on the digit inside the brackets.
    marker: { line: markerIndex + 1, col: column + 2 },
    definitionLine: definitionIndex + 1,
    definitionText: lines[definitionIndex]!.slice(label.length).trim().replace(/\.$/, ''),
  };
}

/** A small document citing `[1]` and `[2]`, defining `[1]` and `[3]`: `[2]` has no definition, `[3]` is unused. */
const EXTRA_TEXT = [
  'A Dispatch With A Missing Note',
  '',
  'The first claim rests on a source that the notes list.[1] The second claim cites a note that was never written.[2]',
  '',
  '',
  '[1] (Afghanistan), March 6, 2024.',
  '',
  '[3] (UK), March 5, 2024.',
  '',
].join('\n');

describe('Corpus Lens in VS Code (code-server)', () => {
  let scratch = '';
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let seedText = '';
  let corpusDir = '';

  /** Runs a check; when it fails, keeps a screenshot of what the screen showed. */
  async function check(name: string, body: (wb: Workbench) => Promise<void>): Promise<void> {
    assert.ok(workbench, 'the workbench did not open (see the error in `before`)');
    try {
      await body(workbench);
    } catch (error) {
      const shot = await workbench.screenshot(`failure-${name}.png`).catch(() => 'none');
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { screenshot: shot });
    }
  }

  before(async () => {
    if (!existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run \`npm run package\` first`);
    await mkdir(resultsDir, { recursive: true });
    for (const file of await readdir(resultsDir)) {
      if (file.startsWith('failure-')) await rm(path.join(resultsDir, file), { force: true });
    }
    seedText = await readFile(path.join(seedsDir, SEED), 'utf8');

    // A copy of the repository's layout (a folder holding seeds/), so the tests never touch the checkout.
    scratch = await mkdtemp(path.join(os.tmpdir(), 'corpus-lens-e2e-ws-'));
    const workspace = path.join(scratch, 'workspace');
    await cp(seedsDir, path.join(workspace, 'seeds'), { recursive: true });
    // A corpus outside any seeds/ folder: corpus.json makes its .txt files corpus documents.
    corpusDir = path.join(scratch, 'corpus');
    await mkdir(corpusDir, { recursive: true });
    await writeFile(path.join(corpusDir, 'corpus.json'), JSON.stringify({ documents: {} }, null, 2) + '\n');
    for (const seed of (await readdir(seedsDir)).filter((f) => f.endsWith('.txt')).sort().slice(0, 2)) {
      await cp(path.join(seedsDir, seed), path.join(corpusDir, seed));
    }
    await writeFile(path.join(corpusDir, EXTRA), EXTRA_TEXT);

    const tools = await ensureTools();
    server = await startCodeServer({ vsix, folder: workspace, tools });
    workbench = await openWorkbench(server.url, { executablePath: tools.chromium });
  });

  after(async () => {
    if (server) {
      await writeFile(path.join(resultsDir, 'e2e-code-server.log'), server.logs());
      // VS Code's own logs (extension host, the extension's output channels) outlive the temp profile here.
      const logs = path.join(server.userDataDir, 'logs');
      const kept = path.join(resultsDir, 'e2e-vscode-logs');
      await rm(kept, { recursive: true, force: true });
      if (existsSync(logs)) await cp(logs, kept, { recursive: true });
    }
    if (workbench) {
      await writeFile(path.join(resultsDir, 'e2e-browser-console.log'), workbench.consoleErrors.join('\n') + '\n');
      await workbench.close();
    }
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('activates on a seed, which the status bar shows as a Corpus Document', async () => {
    await check('activation', async (wb) => {
      await wb.openFile(SEED);
      const mode = await wb.waitForLanguageMode('Corpus Document', 30_000);
      assert.equal(mode, 'Corpus Document', `the status bar's language mode reads ${JSON.stringify(mode)}`);
      // Activation follows the opening of the document; ask Running Extensions until it is listed.
      let running: string[] = [];
      await wb
        .waitUntil(async () => (running = await wb.runningExtensions()).includes('Corpus Lens'), 'Corpus Lens to be running', 30_000)
        .catch(() => undefined);
      assert.ok(running.includes('Corpus Lens'), `Running Extensions lists: ${running.join(', ')}`);
    });
  });

  it('shows the footnote text in a hover on the [1] marker', async () => {
    const footnote = findFootnote(seedText, 1);
    await check('hover', async (wb) => {
      await wb.openFile(SEED);
      await wb.goTo(footnote.marker.line, footnote.marker.col);
      const hover = await wb.showHover(footnote.definitionText, 30_000);
      await wb.screenshot('hover-footnote.png');
      assert.ok(
        hover.includes(footnote.definitionText),
        `at Ln ${footnote.marker.line}, Col ${footnote.marker.col} the hover shows ${JSON.stringify(hover)}, ` +
          `expected it to contain ${JSON.stringify(footnote.definitionText)}`,
      );
      assert.ok(hover.includes('(Afghanistan), March 6, 2024'), `hover: ${JSON.stringify(hover)}`);
      await wb.dismiss();
    });
  });

  it('goes from the [1] marker to its definition with F12', async () => {
    const footnote = findFootnote(seedText, 1);
    await check('definition', async (wb) => {
      await wb.openFile(SEED);
      await wb.goTo(footnote.marker.line, footnote.marker.col);
      const landed = await wb.goToDefinition(30_000);
      await wb.screenshot('definition-footnote.png');
      assert.equal(await wb.activeTabName(), SEED, 'F12 left the document');
      assert.equal(
        landed.line,
        footnote.definitionLine,
        `F12 from Ln ${footnote.marker.line}, Col ${footnote.marker.col} put the cursor at Ln ${landed.line}, Col ${landed.col}; ` +
          `the definition of [1] is on line ${footnote.definitionLine}`,
      );
    });
  });

  it('shows an entity card when hovering a surname, with the full name from another document', async () => {
    const file = '001_22225b4e410ffef9.txt';
    const text = await readFile(path.join(seedsDir, file), 'utf8');
    const at = positionOf(text, 'Zhirnov’s meeting');
    await check('hover-entity', async (wb) => {
      await wb.openFile(file);
      await wb.goTo(at.line, at.col + 1);
      const hover = await wb.showHover('Dmitry Zhirnov', 30_000);
      await wb.screenshot('hover-entity.png');
      assert.match(hover, /Dmitry Zhirnov\s*·\s*person/, `hover: ${JSON.stringify(hover)}`);
      assert.match(hover, /mentions in 2 documents/, `hover: ${JSON.stringify(hover)}`);
      assert.match(hover, /Russian Ambassador to Kabul/, `hover: ${JSON.stringify(hover)}`);
      await wb.dismiss();
    });
  });

  it('finds "Zhirnov" with workspace symbol search from another file and opens his first full mention', async () => {
    const target = positionOf(seedText, 'Dmitry Zhirnov');
    await check('workspace-symbol', async (wb) => {
      await wb.openFile('003_6541379ee4ddf356.txt');
      await wb.goToWorkspaceSymbol('Zhirnov', 'Dmitry Zhirnov', 30_000);
      await wb.waitUntil(async () => (await wb.activeTabName()) === SEED, `${SEED} to open`);
      const at = await wb.cursorPosition();
      await wb.screenshot('entities-colours.png');
      assert.equal(at.line, target.line, `the symbol opened Ln ${at.line}; Dmitry Zhirnov is first named on line ${target.line}`);
    });
  });

  it('lists a footnote without a definition in the Problems panel', async () => {
    await check('problems', async (wb) => {
      assert.ok(server);
      await wb.navigate(server.urlFor(corpusDir));
      await wb.openFile(EXTRA);
      const problems = await wb.openProblems(NO_DEFINITION, 30_000);
      await wb.screenshot('problems-footnote.png');
      assert.ok(problems.includes(NO_DEFINITION), `the Problems panel shows ${JSON.stringify(problems)}`);
      assert.ok(problems.includes(EXTRA), `the problem is not filed under ${EXTRA}: ${JSON.stringify(problems)}`);
      // The manifest promises that .txt files next to a corpus.json are corpus documents.
      const mode = await wb.waitForLanguageMode('Corpus Document');
      assert.equal(mode, 'Corpus Document', `a .txt in a folder with corpus.json shows as ${JSON.stringify(mode)}`);
    });
  });
});
