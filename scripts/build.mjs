// Bundles the CLI into dist/ with every dependency inlined: the published package has none.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true, // the interview, renderer and verify load as separate chunks, on demand
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  legalComments: 'external',
  define: { __TOOL_VERSION__: JSON.stringify(version) },
  // CommonJS dependencies (handlebars) call require() for node built-ins
  banner: { js: "import { createRequire as __cfaRequire } from 'node:module'; const require = __cfaRequire(import.meta.url);" },
  logLevel: 'warning',
});
