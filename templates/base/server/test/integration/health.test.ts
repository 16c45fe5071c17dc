import { afterEach, describe, expect, it } from 'vitest';
import { checkReadiness } from '../../src/health/readiness.js';
import { send } from '../support/http.js';
import { createTestLogger } from '../support/log-sink.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const dependency = { status: 'ok', latencyMs: expect.any(Number) };

describe('health checks', () => {
  let server: TestServer;
  afterEach(() => server.stop());

  it('reports liveness, and readiness with every dependency and its latency', async () => {
    server = await startTestServer();
    const health = await send(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    // JSON answers are never revalidated: no ETag is computed for them
    expect(health.headers.get('etag')).toBeNull();

    const ready = await send(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: dependency } });
  });

  it('turns unready (503) when the database is gone, while staying alive', async () => {
    server = await startTestServer();
    await server.database.close();

    const ready = await send(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: 'unavailable',
      checks: { database: { status: 'unavailable', latencyMs: expect.any(Number) } },
    });
    expect(server.logs.find((line) => line.msg === 'readiness check failed: database')).toMatchObject({
      level: 'warn',
    });

    expect((await send(`${server.url}/health`)).status).toBe(200);
  });
});

describe('checkReadiness', () => {
  it('names the dependency that failed, and counts a hung one as down', async () => {
    const { logger } = createTestLogger('silent');
    const readiness = await checkReadiness(
      {
        database: { ping: async () => {} },
        cache: { ping: () => new Promise<void>(() => {}) },
      },
      logger,
      50,
    );
    expect(readiness).toEqual({
      status: 'unavailable',
      checks: { database: dependency, cache: { status: 'unavailable', latencyMs: expect.any(Number) } },
    });
    expect(readiness.checks.cache?.latencyMs).toBeGreaterThanOrEqual(45);
  });
});
