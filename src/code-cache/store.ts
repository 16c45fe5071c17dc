/**
 * Where and how the bundle keeps V8 code caches: the CLI's own chunks (see `chunk-loader.ts`) and
 * the template layers (see `generate/layer-cache.ts`). One folder per user, per V8 version and
 * architecture; every file in it is named by a digest of the code it caches, so a changed chunk or
 * layer never meets a stale cache.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { Script } from 'node:vm';

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

/** Reads a cache file that may not exist yet; any other failure is the caller's to see. */
export function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `source` compiled with the code cache in `cacheFile`, when there is one V8 accepts. `store` is set
 * when the cache is missing or was rejected: calling it writes the cache of what the script has
 * compiled by then (so after running it, its functions too).
 */
export function compileCached(source: string, filename: string, cacheFile: string | undefined): { script: Script; store?: () => void } {
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile === undefined || (cachedData !== undefined && !script.cachedDataRejected)) return { script };
  return { script, store: () => storeCache(cacheFile, script.createCachedData()) };
}

/** A cache file neither read nor written for this long belongs to a version no longer run. */
export const STALE_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
let pruned = false;

/**
 * Writes a cache next to its final name, then renames it, so a concurrent run reads a whole file
 * or none. A cache that cannot be written (read-only home, full disk) only means the next run
 * compiles again, so that failure is left out of the run's result on purpose.
 */
export function storeCache(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
    if (!pruned) {
      pruned = true;
      pruneStale(path.dirname(path.dirname(file)));
    }
  } catch {
    // the run's files do not depend on the cache (see above); only the partial file must not stay
    rmSync(partial, { force: true });
  }
}

/**
 * Removes stale cache files under `root`, in every `v8-*` folder (an older Node's too), and the
 * folders left empty. `storeCache` calls it once per process, so only in a run that writes a cache:
 * a new version of the CLI or of Node, or a stack not generated before.
 */
export function pruneStale(root: string, now = Date.now()): void {
  for (const folder of readdirSync(root).filter((name) => name.startsWith('v8-'))) {
    const dir = path.join(root, folder);
    for (const name of readdirSync(dir)) {
      const { atimeMs, mtimeMs } = statSync(path.join(dir, name));
      if (now - Math.max(atimeMs, mtimeMs) > STALE_AFTER_MS) rmSync(path.join(dir, name), { force: true });
    }
    try {
      rmdirSync(dir);
    } catch {
      // not empty: still in use
    }
  }
}
