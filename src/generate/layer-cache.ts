/**
 * Loads the precompiled template layers of the bundle (`dist/templates/<layer>.js.gz`) with V8's
 * code cache. Compiling the layers a run selects is the largest single cost of a scaffold; with the
 * cache, V8 deserialises the compiled functions instead. The cache lives per user, per V8 version
 * and architecture, and a file is named by the digests of its layers, so a changed layer never meets
 * a stale cache. Only the bundle uses this module (see scripts/build.mjs).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { gunzipSync } from 'node:zlib';

/** The per-user cache folder, or undefined when `CREATE_FULLSTACK_APP_NO_CACHE` is set. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CREATE_FULLSTACK_APP_NO_CACHE) return undefined;
  const root =
    env.CREATE_FULLSTACK_APP_CACHE_DIR ??
    (process.platform === 'win32'
      ? path.join(env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'), 'create-fullstack-app', 'Cache')
      : process.platform === 'darwin'
        ? path.join(homedir(), 'Library', 'Caches', 'create-fullstack-app')
        : path.join(env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'create-fullstack-app'));
  return path.join(root, `v8-${process.versions.v8}-${process.arch}`);
}

/** Reads a file that may not exist yet; any other failure is the caller's to see. */
function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes the cache next to its final name, then renames it, so a concurrent run reads a whole
 * file or none. A cache that cannot be written (read-only home, full disk) only means the next run
 * compiles again, so that failure is left out of the run's result on purpose.
 */
function storeCache(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    // the run's files do not depend on the cache (see above); only the partial file must not stay
    rmSync(partial, { force: true });
  }
}

/**
 * Evaluates gzipped layer scripts (each one array expression) as one script, and returns their
 * values in order. `cacheKey` names the code cache of exactly these layer files: it is derived from
 * their digests (see `layerCacheKey`), so one cache file serves the layers of one stack.
 */
export function evaluateLayers(urls: readonly URL[], cacheKey: string, cacheDir = codeCacheDir()): unknown[] {
  const [first] = urls;
  if (first === undefined) return [];
  const sources = urls.map((url) => gunzipSync(readFileSync(fileURLToPath(url))).toString('utf8'));
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, `${cacheKey}.bin`);
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  const script = new Script(`[${sources.join(',\n')}]`, { filename: fileURLToPath(first), ...(cachedData ? { cachedData } : {}) });
  const values: unknown = script.runInThisContext();
  if (!Array.isArray(values) || values.length !== urls.length) throw new Error(`${fileURLToPath(first)}: not a template layer`);
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) storeCache(cacheFile, script.createCachedData());
  return values;
}

/** The cache key of a set of layers from the digests of their files, e.g. `layers-0123456789abcdef`. */
export function layerCacheKey(digests: readonly string[]): string {
  return `layers-${createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 16)}`;
}
