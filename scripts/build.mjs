// Bundles the CLI into dist/ with every dependency inlined: the published package has none.
// The built-in templates are embedded, their `.hbs` files precompiled, so a run neither reads
// nor compiles a template.
import { build } from 'esbuild';
import Handlebars from 'handlebars';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const templatesDir = path.join(root, 'templates');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return filesUnder(path.join(dir, entry.name), relative);
      return entry.isFile() ? [relative] : [];
    })
    .sort();
}

/** A layer is a folder holding files directly or below, e.g. `base` or `auth/jwt`. */
function embeddedLayersModule() {
  const byLayer = new Map();
  for (const file of filesUnder(templatesDir)) {
    const [group, maybeLayer] = file.split('/');
    const layer = group === 'base' ? 'base' : `${group}/${maybeLayer}`;
    const relativePath = file.slice(layer.length + 1);
    const source = readFileSync(path.join(templatesDir, file));
    const sourcePath = JSON.stringify(`templates/${file}`);
    const entry = file.endsWith('.hbs')
      ? `{ relativePath: ${JSON.stringify(relativePath)}, sourcePath: ${sourcePath}, content: Buffer.alloc(0), spec: ${Handlebars.precompile(source.toString('utf8'), { noEscape: true, strict: true })} }`
      : `{ relativePath: ${JSON.stringify(relativePath)}, sourcePath: ${sourcePath}, content: Buffer.from(${JSON.stringify(source.toString('base64'))}, 'base64') }`;
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), entry]);
  }
  const layers = [...byLayer].map(([layer, entries]) => `${JSON.stringify(layer)}: [\n${entries.join(',\n')}\n]`);
  return `import { Buffer } from 'node:buffer';
const layers = {\n${layers.join(',\n')}\n};
export function builtInTemplates() {
  return (layerDir) => layers[layerDir] ?? [];
}\n`;
}

const embedTemplates = {
  name: 'embed-templates',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /src[\\/]generate[\\/]builtin-templates\.ts$/ }, () => ({
      contents: embeddedLayersModule(),
      loader: 'js',
      resolveDir: path.join(root, 'src/generate'),
    }));
  },
};

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', testing: 'src/testing/index.ts' },
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
  plugins: [embedTemplates],
  logLevel: 'warning',
});

// Type declarations of the programmatic API; they name no bundled dependency.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
