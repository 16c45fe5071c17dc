import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeCacheDir, pruneStale, STALE_AFTER_MS } from '../../src/code-cache/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('codeCacheDir', () => {
  it('is per V8 version and architecture, under the chosen folder', () => {
    const cacheDir = codeCacheDir({ CREATE_FULLSTACK_APP_CACHE_DIR: '/somewhere' });
    expect(cacheDir).toBe(path.join('/somewhere', `v8-${process.versions.v8}-${process.arch}`));
  });

  it('follows XDG_CACHE_HOME on Linux, and can be turned off', () => {
    if (process.platform === 'linux') {
      expect(codeCacheDir({ XDG_CACHE_HOME: '/xdg' })).toMatch(/^\/xdg\/create-fullstack-app\/v8-/);
    }
    expect(codeCacheDir({ CREATE_FULLSTACK_APP_NO_CACHE: '1', CREATE_FULLSTACK_APP_CACHE_DIR: '/somewhere' })).toBeUndefined();
  });
});

describe('pruneStale', () => {
  const now = Date.now();
  /** A cache file last read and written `ageMs` ago. */
  function cacheFile(folder: string, name: string, ageMs: number): void {
    mkdirSync(path.join(dir, folder), { recursive: true });
    const file = path.join(dir, folder, name);
    writeFileSync(file, 'cache');
    const at = new Date(now - ageMs);
    utimesSync(file, at, at);
  }

  it('removes files unused for 30 days in every v8 folder, and the folders left empty', () => {
    const day = 24 * 60 * 60 * 1000;
    cacheFile('v8-1', 'cli-0123456789abcdef.bin', STALE_AFTER_MS + day);
    cacheFile('v8-1', 'layers-0123456789abcdef.bin', 2 * day);
    cacheFile('v8-0', 'cli-fedcba9876543210.bin', STALE_AFTER_MS + day);
    cacheFile('elsewhere', 'keep.txt', STALE_AFTER_MS + day);
    pruneStale(dir, now);
    expect(readdirSync(dir).sort()).toEqual(['elsewhere', 'v8-1']);
    expect(readdirSync(path.join(dir, 'v8-1'))).toEqual(['layers-0123456789abcdef.bin']);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual(['keep.txt']);
  });
});
