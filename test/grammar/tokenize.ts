// Grammar test support: load syntaxes/corpus.tmLanguage.json with the same engine VS Code uses
// (vscode-textmate over the Oniguruma WebAssembly build), tokenize text line by line, render
// tokens as a readable snapshot, and compare or (with UPDATE_SNAPSHOTS=1) write snapshot files.
//
// Paths are resolved from the current directory, which is the repository root when run through
// the npm scripts (`npm run test:unit`, `npm run grammar:snapshots`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT_SCOPE = 'text.corpus';
export const GRAMMAR_PATH = path.resolve(process.cwd(), 'syntaxes/corpus.tmLanguage.json');
export const FIXTURES_DIR = path.resolve(process.cwd(), 'test/fixtures/grammar');
export const SNAPSHOTS_DIR = path.resolve(process.cwd(), 'test/grammar/snapshots');
const ONIG_WASM = path.resolve(process.cwd(), 'node_modules/vscode-oniguruma/release/onig.wasm');

/** One token: its text and its scopes, innermost last, without the root scope. */
export interface Token {
  text: string;
  /** Offset of the token in its line (UTF-16 code units). */
  start: number;
  scopes: string[];
}

export interface TokenizedLine {
  line: string;
  tokens: Token[];
}

let onigReady: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = fs.readFileSync(ONIG_WASM);
    onigReady = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  }
  return onigReady;
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

/** The corpus grammar, loaded once per process. */
export function loadCorpusGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    await loadOniguruma();
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) =>
        scopeName === ROOT_SCOPE
          ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
          : null,
    });
    const grammar = await registry.loadGrammar(ROOT_SCOPE);
    if (!grammar) throw new Error(`grammar ${ROOT_SCOPE} did not load from ${GRAMMAR_PATH}`);
    return grammar;
  })();
  return grammarPromise;
}

/** Splits like an editor does: LF or CRLF; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Tokenizes every line, carrying the rule stack from one line to the next as the editor does. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  let ruleStack = vsctm.INITIAL;
  return splitLines(text).map((line) => {
    const result = grammar.tokenizeLine(line, ruleStack);
    ruleStack = result.ruleStack;
    const tokens: Token[] = [];
    for (const t of result.tokens) {
      // The engine may report a token past the end of the line (the newline it appends).
      const end = Math.min(t.endIndex, line.length);
      if (end <= t.startIndex) continue;
      tokens.push({
        text: line.slice(t.startIndex, end),
        start: t.startIndex,
        scopes: t.scopes.filter((s) => s !== ROOT_SCOPE),
      });
    }
    return { line, tokens };
  });
}

/**
 * The snapshot text: each line as `> line`, then one row per token, `  "text" scope scope…`
 * (token text JSON-quoted so spaces and quote characters stay visible).
 */
export function renderSnapshot(lines: TokenizedLine[]): string {
  const out: string[] = [];
  for (const { line, tokens } of lines) {
    out.push(`> ${line}`);
    for (const token of tokens) {
      out.push(['  ' + JSON.stringify(token.text), ...token.scopes].join(' '));
    }
  }
  return out.join('\n') + '\n';
}

/** Fixture file names (`*.txt`) in a stable order. */
export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

export function snapshotPath(fixture: string): string {
  return path.join(SNAPSHOTS_DIR, fixture.replace(/\.txt$/, '') + '.snap');
}

export function updatingSnapshots(): boolean {
  return process.env.UPDATE_SNAPSHOTS === '1';
}

export type SnapshotResult =
  | { status: 'written'; actual: string; file: string }
  | { status: 'compared'; actual: string; expected: string; file: string }
  | { status: 'missing'; actual: string; file: string };

/**
 * Renders the snapshot of one fixture. With UPDATE_SNAPSHOTS=1 it writes the snapshot file;
 * otherwise it reads the stored one for the caller to compare. A missing snapshot is reported as
 * such and never created implicitly.
 */
export async function snapshotFixture(fixture: string): Promise<SnapshotResult> {
  const grammar = await loadCorpusGrammar();
  const text = fs.readFileSync(path.join(FIXTURES_DIR, fixture), 'utf8');
  const actual = renderSnapshot(tokenizeText(grammar, text));
  const file = snapshotPath(fixture);
  if (updatingSnapshots()) {
    fs.mkdirSync(SNAPSHOTS_DIR, { recursive: true });
    fs.writeFileSync(file, actual);
    return { status: 'written', actual, file };
  }
  if (!fs.existsSync(file)) return { status: 'missing', actual, file };
  return { status: 'compared', actual, expected: fs.readFileSync(file, 'utf8'), file };
}
