// Bundles the CLI into dist/ with every dependency inlined: the published package has none.
// The built-in templates ship precompiled in dist/templates/, one file per layer, so a run neither
// compiles a template nor parses the layers its options do not use.
import { build, transform } from 'esbuild';
import Handlebars from 'handlebars';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';

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

/** The layer of a template file: `base`, or `<group>/<layer>` such as `auth/jwt`. */
function layerOf(file) {
  const [group, maybeLayer] = file.split('/');
  return group === 'base' ? 'base' : `${group}/${maybeLayer}`;
}

/**
 * One template file as a JS expression. A `.hbs` file becomes its precompiled spec. Any other file
 * is embedded as a string when its bytes are UTF-8 (smaller and cheaper to parse than base64),
 * else as base64.
 */
function templateEntry(file, layer) {
  const relativePath = JSON.stringify(file.slice(layer.length + 1));
  const sourcePath = JSON.stringify(`templates/${file}`);
  const source = readFileSync(path.join(templatesDir, file));
  if (file.endsWith('.hbs')) {
    const spec = Handlebars.precompile(source.toString('utf8'), { noEscape: true, strict: true });
    return `{ relativePath: ${relativePath}, sourcePath: ${sourcePath}, content: Buffer.alloc(0), spec: ${spec} }`;
  }
  const text = source.toString('utf8');
  const content = Buffer.from(text, 'utf8').equals(source)
    ? `Buffer.from(${JSON.stringify(text)}, 'utf8')`
    : `Buffer.from(${JSON.stringify(source.toString('base64'))}, 'base64')`;
  return `{ relativePath: ${relativePath}, sourcePath: ${sourcePath}, content: ${content} }`;
}

/**
 * Parenthesises the functions of every precompiled spec, `main:(function(...){...})`: V8 then
 * compiles them while it parses the layer, instead of pre-parsing each one and parsing it again
 * when the template first renders. Every top-level spec function renders when its layer is used.
 */
function compileEagerly(code) {
  const source = ts.createSourceFile('layer.cjs', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const positions = [];
  const visit = (node) => {
    const spec = node.parent?.parent?.parent;
    if (ts.isFunctionExpression(node) && ts.isPropertyAssignment(node.parent) && spec && ts.isPropertyAssignment(spec) && spec.name.getText(source) === 'spec') {
      positions.push([node.getStart(source), '('], [node.end, ')']);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = code;
  for (const [position, text] of positions.sort((a, b) => b[0] - a[0])) result = result.slice(0, position) + text + result.slice(position);
  return result;
}

/**
 * Writes every layer as its own file, `dist/templates/<layer>.js.gz`: one JS array expression,
 * gzipped (a fifth of the size, which keeps the package under 2 MB unpacked; inflating costs less
 * than reading the plain file). Returns each layer's name with the digest of its file. A run loads
 * only the layers its options select, synchronously (rendering is synchronous), so unused layers are
 * never read or parsed.
 */
async function writeLayerFiles() {
  const byLayer = new Map();
  const digests = [];
  for (const file of filesUnder(templatesDir)) {
    const layer = layerOf(file);
    byLayer.set(layer, [...(byLayer.get(layer) ?? []), templateEntry(file, layer)]);
  }
  for (const [layer, entries] of byLayer) {
    // the file holds the array expression alone: a script whose completion value is the layer
    const { code } = await transform(`module.exports = [${entries.join(',\n')}];`, { minify: true, target: 'node20.19' });
    const array = code.trim().match(/^module\.exports=(\[.*\]);?$/s)?.[1];
    if (!array) throw new Error(`templates/${layer}: unexpected minified layer`);
    const out = path.join(root, 'dist/templates', `${layer}.js.gz`);
    mkdirSync(path.dirname(out), { recursive: true });
    const gz = gzipSync(compileEagerly(array), { level: 9 });
    writeFileSync(out, gz);
    // code caches are named by the content of their layers: a changed layer never meets a stale cache
    digests.push([layer, createHash('sha256').update(gz).digest('hex').slice(0, 16)]);
  }
  return digests;
}

const layerDigests = await writeLayerFiles();

/**
 * Replaces `builtin-templates.ts`: the layers a run names up front are read from `dist/templates/`
 * and evaluated together, under one code cache; any other layer on first use, alone. Each once.
 */
function embeddedLayersModule() {
  return `import { evaluateLayers, layerCacheKey } from './layer-cache.js';
const digests = new Map(Object.entries(${JSON.stringify(Object.fromEntries(layerDigests))}));
const loaded = new Map();
const urlOf = (layerDir) => new URL(\`./templates/\${layerDir}.js.gz\`, import.meta.url);
function load(layerDirs) {
  const values = evaluateLayers(layerDirs.map(urlOf), layerCacheKey(layerDirs.map((dir) => \`\${dir}:\${digests.get(dir)}\`)));
  layerDirs.forEach((dir, i) => loaded.set(dir, values[i]));
}
export function builtInTemplates(expected = []) {
  const pending = expected.filter((dir) => digests.has(dir) && !loaded.has(dir));
  if (pending.length > 0) load(pending);
  return (layerDir) => {
    if (!digests.has(layerDir)) return [];
    if (!loaded.has(layerDir)) load([layerDir]);
    return loaded.get(layerDir);
  };
}\n`;
}

/** One entry bundled alone into one CommonJS file of dist/. */
function bundleCommonJs(entry, outfile, options = {}) {
  return build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, 'dist', outfile),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    minify: true,
    legalComments: 'external',
    logLevel: 'warning',
    ...options,
  });
}

// The Handlebars compiler, for templates that are not precompiled (packs): its own file, required on first need.
await bundleCommonJs('node_modules/handlebars/lib/index.js', 'handlebars.cjs');

/**
 * commander requires node:child_process at load only to spawn executable subcommands, which this
 * CLI has none of; loading it lazily keeps the module (and net, dgram...) off every run's path.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /node_modules[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const eager = "const childProcess = require('node:child_process');";
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(eager)) throw new Error(`${args.path}: the child_process require to make lazy was not found`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * clack measures every character it wraps with fast-string-width, whose general path tries several
 * regular expressions per call: a third of the scaffold's terminal output time. Plain or coloured
 * printable ASCII takes a shortcut (`scripts/ascii-width.mjs`, checked against the general path by
 * tests/unit/ascii-width.test.ts); anything else, or another regular width, goes the general way.
 */
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /node_modules[\\/]fast-string-width[\\/]dist[\\/]index\.js$/ }, (args) => {
      const general = 'return fastStringTruncatedWidth(input, NO_TRUNCATION, options).width;';
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(general)) throw new Error(`${args.path}: the width function to shortcut was not found`);
      const shortcut = `if (options.regularWidth === undefined) { const width = asciiWidth(input); if (width !== undefined) return width; }\n    ${general}`;
      const importShortcut = `import { asciiWidth } from ${JSON.stringify(path.join(root, 'scripts/ascii-width.mjs'))};\n`;
      return { contents: importShortcut + source.replace(general, shortcut), loader: 'js' };
    });
  },
};

const embedTemplates = {
  name: 'embed-templates',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /src[\\/]generate[\\/]builtin-templates\.ts$/ }, () => ({
      contents: embeddedLayersModule(),
      loader: 'js',
      resolveDir: path.join(root, 'src/generate'),
    }));
    pluginBuild.onLoad({ filter: /src[\\/]generate[\\/]handlebars-compiler\.ts$/ }, () => ({
      contents: `import { createRequire } from 'node:module';
export function handlebarsCompiler() {
  return createRequire(import.meta.url)('./handlebars.cjs');
}\n`,
      loader: 'js',
      resolveDir: path.join(root, 'src/generate'),
    }));
  },
};

/**
 * The bundle ships as CommonJS chunks. esbuild splits only ES modules, so the graph is split as ES
 * modules in memory first, then each file is turned into a CommonJS chunk. The command line loads
 * its chunks through `dist/cli-loader.cjs` with V8's code cache (src/code-cache/chunk-loader.ts);
 * the programmatic API is `dist/index.js` and `dist/testing.js`, ES module facades over `index.cjs`
 * and `testing.cjs`, whose chunks Node's own loader reads.
 */
const split = await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', testing: 'src/testing/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true, // the interview, renderer and verify load as separate chunks, on demand
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minify: true,
  legalComments: 'external',
  define: { __TOOL_VERSION__: JSON.stringify(version), 'import.meta.url': '__cfaModuleUrl' },
  plugins: [embedTemplates, lazyChildProcess, asciiStringWidth],
  write: false,
  logLevel: 'warning',
});

/**
 * One split ES module as a CommonJS chunk. Its dynamic imports of sibling chunks become requires
 * (made when first needed, as before).
 */
async function toCommonJs(code) {
  const esm = code.replace(/\bimport\("\.\/([\w-]+)\.js"\)/g, 'Promise.resolve().then(() => require("./$1.cjs"))');
  const { code: cjs } = await transform(esm, { format: 'cjs', platform: 'node', target: 'node20.19', minify: true });
  const chunk = cjs.replace(/\brequire\("\.\/([\w-]+)\.js"\)/g, 'require("./$1.cjs")');
  if (/\brequire\("\.\/[\w-]+\.js"\)/.test(chunk)) throw new Error('a chunk still requires an ES module chunk');
  // Node 20 drops a vm script's dynamic import callback when the script comes from a code cache
  if (/\bimport\(/.test(chunk)) throw new Error('a chunk imports a module dynamically: require it instead');
  const moduleUrl = chunk.includes('__cfaModuleUrl') ? 'var __cfaModuleUrl=require("node:url").pathToFileURL(__filename).href;' : '';
  return moduleUrl + chunk;
}

const chunkDigests = {};
for (const file of split.outputFiles) {
  if (!file.path.endsWith('.js')) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const out = file.path.replace(/\.js$/, '.cjs');
  const chunk = await toCommonJs(file.text);
  writeFileSync(out, chunk);
  chunkDigests[path.basename(out)] = createHash('sha256').update(chunk).digest('hex').slice(0, 16);
}

/** The ES module entry of an API: named exports of the CommonJS entry beside it. */
function esmFacade(entry) {
  const names = Object.keys(createRequire(import.meta.url)(path.join(root, 'dist', `${entry}.cjs`)));
  return `import api from './${entry}.cjs';\nexport const { ${names.join(', ')} } = api;\n`;
}
for (const entry of ['index', 'testing']) writeFileSync(path.join(root, 'dist', `${entry}.js`), esmFacade(entry));

// The command line's entry: the chunk loader, which knows every chunk's digest for its cache files.
await bundleCommonJs('src/code-cache/chunk-loader.ts', 'cli-loader.cjs', { define: { __CHUNK_DIGESTS__: JSON.stringify(chunkDigests) } });

// Type declarations of the programmatic API; they name no bundled dependency.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
