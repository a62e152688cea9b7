// Runs inside VS Code's extension host (desktop), driven by @vscode/test-electron: the extension
// as a user meets it, through VS Code's own commands.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SEED = '000_de029b9b870dac60.txt';

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tests: Array<[string, () => Promise<void>]> = [
  ['a seed opens as a corpus document and its marker hover shows the definition', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SEED));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'corpus');
    const at = doc.positionAt(doc.getText().indexOf('both sides."[1]') + 'both sides."['.length);
    const hovers = await until('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      return h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /March 6, 2024/);
    const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, at);
    assert.equal(doc.lineAt(defs[0].range.start.line).text, '[1] (Afghanistan), March 6, 2024.');
  }],
  ['an undefined marker shows a warning in Problems', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, SEED));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'Added claim.[42] '));
    const diagnostics = await until('the warning', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.message.includes('[42]'));
      return d.length ? d : undefined;
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, body] of tests) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (e) {
      failures.push(`${name}: ${e instanceof Error ? e.stack : String(e)}`);
      console.log(`not ok - ${name}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed (${path.basename(__filename)})`);
  if (failures.length) throw new Error(failures.join('\n'));
}
