import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateLayers, layerCacheKey } from '../../src/generate/layer-cache.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layer-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A gzipped layer script as the build writes it: one array expression. */
function layerFile(name: string, source: string): URL {
  const file = path.join(dir, `${name}.js.gz`);
  writeFileSync(file, gzipSync(source));
  return pathToFileURL(file);
}

describe('evaluateLayers', () => {
  const layers = () => [
    layerFile('base', '[{ relativePath: "a.txt" }]'),
    layerFile('auth__jwt', '[{ relativePath: "b.txt" }, (function () { return 2; })]'),
  ];

  it('evaluates every layer in order, and caches them as one script with its code cache', () => {
    const cacheDir = path.join(dir, 'cache');
    const key = layerCacheKey(['base:1', 'auth/jwt:2']);
    const first = evaluateLayers(layers(), key, cacheDir);
    expect(first).toMatchObject([[{ relativePath: 'a.txt' }], [{ relativePath: 'b.txt' }, expect.any(Function)]]);
    expect(readdirSync(cacheDir).sort()).toEqual([`${key}.bin`, `${key}.js`]);
    expect(readFileSync(path.join(cacheDir, `${key}.js`), 'utf8')).toBe(
      '[[{ relativePath: "a.txt" }],\n[{ relativePath: "b.txt" }, (function () { return 2; })]]',
    );

    const cached = readFileSync(path.join(cacheDir, `${key}.bin`));
    expect(evaluateLayers(layers(), key, cacheDir)).toMatchObject([[{ relativePath: 'a.txt' }], [{ relativePath: 'b.txt' }, expect.any(Function)]]);
    // a cache that is there is not written again
    expect(readFileSync(path.join(cacheDir, `${key}.bin`)).equals(cached)).toBe(true);
  });

  it('reads the cached script instead of inflating the layers again', () => {
    const cacheDir = path.join(dir, 'cache');
    const key = layerCacheKey(['gone:1']);
    const gone = layerFile('gone', '[{ relativePath: "gone.txt" }]');
    expect(evaluateLayers([gone], key, cacheDir)).toEqual([[{ relativePath: 'gone.txt' }]]);
    // the cache holds what the layer file held: the file itself is no longer read
    writeFileSync(gone, 'not gzip');
    expect(evaluateLayers([gone], key, cacheDir)).toEqual([[{ relativePath: 'gone.txt' }]]);
    expect(() => evaluateLayers([gone], key, undefined)).toThrow(/incorrect header check/);
  });

  it('replaces a cache that V8 rejects, and works without a cache folder', () => {
    const cacheDir = path.join(dir, 'cache');
    const key = layerCacheKey(['only:1']);
    mkdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, `${key}.bin`), 'not a code cache');
    // a source no other test compiles: V8 keeps compiled scripts in memory and would skip the cache
    const only = layerFile('only', '[{ relativePath: "only.txt" }]');
    expect(evaluateLayers([only], key, cacheDir)).toEqual([[{ relativePath: 'only.txt' }]]);
    expect(readFileSync(path.join(cacheDir, `${key}.bin`), 'utf8')).not.toBe('not a code cache');
    expect(evaluateLayers([only], key, undefined)).toEqual([[{ relativePath: 'only.txt' }]]);
  });

  it('names a cache by the layers and their digests', () => {
    expect(layerCacheKey(['base:1'])).toMatch(/^layers-[0-9a-f]{16}$/);
    expect(layerCacheKey(['base:1'])).not.toBe(layerCacheKey(['base:2']));
    expect(layerCacheKey(['base:1', 'db/sql:1'])).not.toBe(layerCacheKey(['db/sql:1', 'base:1']));
  });
});
