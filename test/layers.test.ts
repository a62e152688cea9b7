// DESIGN.md's layering, checked by reading every import in src/: a wrong arrow fails the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SRC = path.resolve('src');

type Layer = 'core' | 'server' | 'client' | 'cli' | 'protocol';

/** What each layer must not import: other layers and packages. */
const FORBIDDEN: Record<Layer, RegExp[]> = {
  core: [/^vscode$/, /^vscode-languageserver/, /^vscode-languageclient/, /^(node:)?fs(\/|$)/, /^(node:)?child_process$/, /^(node:)?net$/, /^(node:)?https?$/, /layer:(server|client|cli|protocol)/],
  server: [/^vscode$/, /^vscode-languageclient/, /layer:(client|cli)/],
  client: [/^vscode-languageserver($|\/)/, /layer:(core|server|cli)/],
  cli: [/^vscode/, /layer:(server|client|protocol)/],
  protocol: [/^vscode$/, /^vscode-languageclient/, /^vscode-languageserver($|\/)/, /layer:(core|server|client|cli)/],
};

function layerOf(file: string): Layer {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? 'protocol' : (rel[0] as Layer);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every module specifier a file imports, as written. */
function specifiersOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

/** Every module a file imports; relative ones named `layer:<layer>`. */
function importsOf(file: string): string[] {
  return specifiersOf(file).map((s) => (s.startsWith('.') ? `layer:${layerOf(path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'))}` : s));
}

function check(file: string): string[] {
  const layer = layerOf(file);
  return importsOf(file)
    .filter((spec) => spec !== `layer:${layer}` && FORBIDDEN[layer].some((re) => re.test(spec)))
    .map((spec) => `${path.relative(SRC, file)} (${layer}) imports ${spec}`);
}

test('layers: every import in src/ points the way DESIGN.md allows', () => {
  const files = sourceFiles(SRC);
  assert.ok(files.length > 10, 'found the sources');
  assert.deepEqual(files.flatMap(check), []);
});

test('layers: the checker sees a wrong arrow', () => {
  assert.ok(FORBIDDEN.core.some((re) => re.test('node:fs')));
  assert.ok(FORBIDDEN.client.some((re) => re.test('layer:core')));
  assert.deepEqual(importsOf(path.join(SRC, 'server', 'main.ts')).sort(), ['layer:server', 'vscode-languageserver/node']);
});

// Beside src/: which folder's code may use which (docs/architecture.md, "Beside the code"). Tests
// share code with benchmarks and scripts only through test/support/, never through bench/.
const ROOT = path.resolve('.');
const BESIDE: Array<{ folder: string; may: string[] }> = [
  { folder: 'test/support', may: ['src', 'test/support'] },
  { folder: 'test', may: ['src', 'test', 'scripts', 'eval'] },
  { folder: 'bench', may: ['src', 'bench', 'test/support', 'eval/model.ts'] },
  { folder: 'eval', may: ['src', 'eval', 'scripts/ner-data/markup.ts'] },
  { folder: 'scripts', may: ['src', 'scripts', 'test/support', 'test/e2e/codeServer.ts', 'test/e2e/workbench.ts'] },
];

function besideRule(file: string) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return BESIDE.find((r) => rel.startsWith(`${r.folder}/`))!;
}

function checkBeside(file: string, specifiers = specifiersOf(file)): string[] {
  const { folder, may } = besideRule(file);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.relative(ROOT, path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts')).split(path.sep).join('/'))
    .filter((target) => !may.some((m) => target === m || target.startsWith(`${m}/`)))
    .map((target) => `${path.relative(ROOT, file)} (${folder}) imports ${target}`);
}

test('layers: tests, benchmarks, the eval and scripts import only what the code map allows', () => {
  // test/ holds test/support/, which the first rule that matches (its own) governs.
  const files = BESIDE.flatMap((r) => (r.folder === 'test/support' ? [] : sourceFiles(path.join(ROOT, r.folder))));
  assert.ok(files.length > 100, 'found the files');
  assert.deepEqual(files.flatMap((f) => checkBeside(f)), []);
});

test('layers: the checker beside src/ sees a wrong arrow', () => {
  const at = (file: string, specifier: string) => checkBeside(path.join(ROOT, file), [specifier]);
  assert.deepEqual(at('test/core/x.test.ts', '../../bench/scale.js'), ['test/core/x.test.ts (test) imports bench/scale.ts']);
  assert.deepEqual(at('test/support/x.ts', '../e2e/workbench.js'), ['test/support/x.ts (test/support) imports test/e2e/workbench.ts']);
  assert.deepEqual(at('bench/x.ts', '../eval/run.js'), ['bench/x.ts (bench) imports eval/run.ts']);
  assert.deepEqual(at('bench/x.ts', '../eval/model.js'), []);
});

// src/core is grouped by concern (docs/architecture.md, "Code map"): a new module goes in its folder.
test('layers: the root of src/core holds only index.ts and types.ts (the rest is grouped by concern)', () => {
  const loose = readdirSync(path.join(SRC, 'core'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
  assert.deepEqual(loose, ['index.ts', 'types.ts']);
});
