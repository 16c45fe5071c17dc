/**
 * Loads the precompiled template layers of the bundle (`dist/templates/<layer>.js.gz`) with V8's
 * code cache. Compiling the layers a run selects is the largest single cost of a scaffold; with the
 * cache, V8 deserialises the compiled functions instead (where the cache lives:
 * `code-cache/store.ts`). A cache file is named by the digests of its layers. Only the bundle uses
 * this module (see scripts/build.mjs).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeCacheDir, compileCached, readCache, storeCache } from '../code-cache/store.js';

/** The layer scripts joined into one array expression, inflated from the bundle's files. */
function inflateLayers(urls: readonly URL[]): string {
  // loaded on first need: a run whose layers are cached inflates nothing
  const { gunzipSync } = process.getBuiltinModule('node:zlib');
  return `[${urls.map((url) => gunzipSync(readFileSync(fileURLToPath(url))).toString('utf8')).join(',\n')}]`;
}

/**
 * Evaluates gzipped layer scripts (each one array expression) as one script, and returns their
 * values in order. `cacheKey` names the caches of exactly these layer files: it is derived from
 * their digests (see `layerCacheKey`). Two files per key: `<key>.js`, the inflated script (reading
 * it costs a tenth of inflating the layers again), and `<key>.bin`, its V8 code cache.
 */
export function evaluateLayers(urls: readonly URL[], cacheKey: string, cacheDir = codeCacheDir()): unknown[] {
  const [first] = urls;
  if (first === undefined) return [];
  const cacheFile = (extension: string) => (cacheDir === undefined ? undefined : path.join(cacheDir, `${cacheKey}${extension}`));
  const sourceFile = cacheFile('.js');
  const dataFile = cacheFile('.bin');
  const cachedSource = sourceFile === undefined ? undefined : readCache(sourceFile)?.toString('utf8');
  const source = cachedSource ?? inflateLayers(urls);
  if (sourceFile !== undefined && cachedSource === undefined) storeCache(sourceFile, Buffer.from(source, 'utf8'));
  const { script, store } = compileCached(source, fileURLToPath(first), dataFile);
  const values: unknown = script.runInThisContext();
  if (!Array.isArray(values) || values.length !== urls.length) throw new Error(`${fileURLToPath(first)}: not a template layer`);
  store?.();
  return values;
}

/** The cache key of a set of layers from the digests of their files, e.g. `layers-0123456789abcdef`. */
export function layerCacheKey(digests: readonly string[]): string {
  return `layers-${createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 16)}`;
}
