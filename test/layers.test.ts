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

/** Every module a file imports; relative ones named `layer:<layer>`. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers.map((s) => (s.startsWith('.') ? `layer:${layerOf(path.resolve(path.dirname(file), s).replace(/\.js$/, '.ts'))}` : s));
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
