import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('serving the built client', () => {
  let distDir: string;
  let server: TestServer;

  beforeAll(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'client-dist-'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'export {};');
    server = await startTestServer({ env: { CLIENT_DIST_DIR: distDir } });
  });
  afterAll(async () => {
    await server.stop();
    await rm(distDir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes', async () => {
    for (const route of ['/', '/todos/42']) {
      const response = await send(`${server.url}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      // no-cache means revalidate: the page carries a validator
      expect(response.headers.get('etag')).not.toBeNull();
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const response = await send(`${server.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never answers /api/* or non-HTML requests with the page', async () => {
    await problemOf(await send(`${server.url}/api/unknown`, { headers: { accept: 'text/html' } }), 404);
    await problemOf(await send(`${server.url}/todos/42`, { headers: { accept: 'application/json' } }), 404);
  });
});

describe('without a client build', () => {
  it('warns once and serves the API alone', async () => {
    const server = await startTestServer();
    try {
      expect(server.logs.find((line) => line.msg?.startsWith('client build not found'))).toMatchObject({
        level: 'warn',
      });
      await problemOf(await send(`${server.url}/`, { headers: { accept: 'text/html' } }), 404);
      expect((await send(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
