// The package looks finished: an icon of the size the Marketplace shows, links to the repository,
// keywords and categories, a changelog in the package, a README whose every image and link leads
// to a file that exists (vsce makes them absolute URLs into the repository), and a `package` script
// with no escape flags. The walkthrough's and welcome views' references resolve too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const CATEGORIES = new Set(['Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other', 'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing', 'AI', 'Chat']);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('package: an icon of 128×128 pixels, repository, bugs and homepage links, keywords and known categories', () => {
  assert.deepEqual(pngSize(manifest.icon), [128, 128]);
  const repository = manifest.repository.url.replace(/\.git$/, '');
  assert.match(repository, /^https:\/\/github\.com\/[\w-]+\/[\w-]+$/);
  assert.equal(manifest.bugs.url, `${repository}/issues`);
  assert.ok(manifest.homepage.startsWith(repository));
  assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30, `${manifest.keywords.length} keywords`);
  for (const c of manifest.categories) assert.ok(CATEGORIES.has(c), `unknown category ${c}`);
  assert.doesNotMatch(manifest.scripts.package, /--allow-missing-repository|--no-rewrite-relative-links/);
});

test('package: the icon, the changelog, the README and the walkthrough media are in the .vsix', () => {
  const listed = execFileSync(process.execPath, [path.join('node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { encoding: 'utf8' }).split('\n');
  const media = manifest.contributes.walkthroughs.flatMap((w: any) => w.steps.map((s: any) => s.media.markdown ?? s.media.image));
  for (const file of [manifest.icon, 'CHANGELOG.md', 'README.md', 'LICENSE', ...media]) assert.ok(listed.includes(file), `${file} is not packaged`);
  assert.ok(!listed.some((f) => f.startsWith('test/') || f.startsWith('src/') || f.startsWith('docs/')), 'sources, tests and docs stay out');
});

test('package: every relative image and link of the README names a file of the repository', () => {
  const readme = readFileSync('README.md', 'utf8');
  const targets = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(\w+:|#)/.test(t));
  assert.ok(targets.some((t) => t.endsWith('.png')), 'the README shows screenshots');
  for (const t of targets) assert.ok(existsSync(t.split('#')[0]!), `the README points at ${t}, which does not exist`);
});

test('package: the walkthrough\'s media exist and its command links, like the welcome views\', name commands that exist', () => {
  const ours = new Set(manifest.contributes.commands.map((c: any) => c.command));
  const views = new Set(Object.values(manifest.contributes.views).flat().map((v: any) => `${v.id}.focus`));
  const builtIn = new Set(['workbench.action.files.openFolder', 'workbench.action.openWalkthrough', 'workbench.action.openGlobalKeybindings']);
  const texts = [
    ...manifest.contributes.walkthroughs.flatMap((w: any) => w.steps.map((s: any) => s.description)),
    ...manifest.contributes.viewsWelcome.map((v: any) => v.contents),
  ];
  for (const w of manifest.contributes.walkthroughs) for (const s of w.steps) assert.ok(existsSync(s.media.markdown ?? s.media.image), s.id);
  for (const text of texts) {
    for (const [, command] of text.matchAll(/\(command:([\w.]+)/g)) {
      assert.ok(ours.has(command) || views.has(command) || builtIn.has(command), `${command} is not a command`);
    }
  }
  const walkthrough = `${manifest.publisher}.${manifest.name}#${manifest.contributes.walkthroughs[0].id}`;
  assert.ok(texts.some((t) => decodeURIComponent(t).includes(walkthrough)), `the welcome views open ${walkthrough}`);
});
