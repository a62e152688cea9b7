// One build for every bundle: the VS Code client, the language server (and its worker threads,
// loaded from dist/analysisWorker.js and dist/openAnalysisWorker.js), and the CLI.
// `--production` minifies (for the .vsix); `--watch` rebuilds on change.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: { client: 'src/client/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'src/server/main.ts' } },
  { entryPoints: { analysisWorker: 'src/server/analysisWorker.ts' } },
  { entryPoints: { openAnalysisWorker: 'src/server/openAnalysisWorker.ts' } },
  { entryPoints: { cli: 'src/cli/main.ts' }, banner: { js: '#!/usr/bin/env node' } },
].map((b) => ({ ...common, ...b, outdir: 'dist' }));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
