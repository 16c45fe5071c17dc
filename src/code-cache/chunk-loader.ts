/**
 * The command line's entry in the bundle (`dist/cli-loader.cjs`, started by the bin). It loads the
 * bundle's CommonJS chunks itself, each compiled with V8's code cache, so a run deserialises the
 * functions earlier runs compiled instead of parsing and compiling its chunks again. Chunks it does
 * not need are never read. Node's own loader has no code cache for CommonJS before Node 22, and the
 * ES module loader costs more per file: this loader made a scaffold 0.85x and `--help` 0.89x of the
 * ES module bundle's wall time (bench/README.md).
 *
 * A chunk is named by its digest in its cache file (see scripts/build.mjs), and the caches of the
 * chunks a run compiled afresh are written when it exits, with every function it used compiled.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { codeCacheDir, compileCached } from './store.js';

/** Each chunk file's digest, written in by scripts/build.mjs. */
declare const __CHUNK_DIGESTS__: Record<string, string>;

interface ChunkModule {
  exports: unknown;
}

type ChunkFunction = (
  exports: unknown,
  require: (id: string) => unknown,
  module: ChunkModule,
  filename: string,
  dirname: string,
) => void;

const digests = new Map(Object.entries(__CHUNK_DIGESTS__));
const cacheDir = codeCacheDir();
const nodeRequire = createRequire(__filename);
const loaded = new Map<string, ChunkModule>();
/** For the chunks compiled without an accepted cache: their caches, written at exit. */
const storeAtExit: (() => void)[] = [];

/** The chunks require each other as `./<name>.cjs`; anything else is a Node built-in. */
function requireFrom(dir: string): (id: string) => unknown {
  return (id) => (id.startsWith('./') ? loadChunk(path.join(dir, id)) : nodeRequire(id));
}

function loadChunk(file: string): unknown {
  const done = loaded.get(file);
  if (done) return done.exports;
  const name = path.basename(file);
  const digest = digests.get(name);
  const cacheFile = cacheDir === undefined || digest === undefined ? undefined : path.join(cacheDir, `${path.basename(name, '.cjs')}-${digest}.bin`);
  // the wrapper stays on the chunk's first line, so positions in stack traces keep their lines
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  // no dynamic import() in a chunk (the build refuses one): Node 20 loses its callback with a code cache
  const { script, store } = compileCached(source, file, cacheFile);
  if (store) storeAtExit.push(store);
  const module: ChunkModule = { exports: {} };
  loaded.set(file, module);
  const run = script.runInThisContext() as ChunkFunction;
  run(module.exports, requireFrom(path.dirname(file)), module, file, path.dirname(file));
  return module.exports;
}

process.once('exit', () => {
  for (const store of storeAtExit) store();
});

loadChunk(path.join(__dirname, 'cli.cjs'));
