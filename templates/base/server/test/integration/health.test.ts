import { afterEach, describe, expect, it } from 'vitest';
import { send } from '../support/http.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('health checks', () => {
  let server: TestServer;
  afterEach(() => server.stop());

  it('reports liveness and readiness', async () => {
    server = await startTestServer();
    const health = await send(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const ready = await send(`${server.url}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: { status: 'ok' } } });
  });

  it('turns unready (503) when the database is gone, while staying alive', async () => {
    server = await startTestServer();
    await server.database.close();

    const ready = await send(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', checks: { database: { status: 'unavailable' } } });
    expect(server.logs.find((line) => line.msg === 'readiness check failed: database')).toMatchObject({ level: 'warn' });

    expect((await send(`${server.url}/health`)).status).toBe(200);
  });
});
