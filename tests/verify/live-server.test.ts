/** LiveServer: stop and start the server again on the same port, with new environment values. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveServer } from '../../src/verify/live-server.js';
import { freePort } from '../../src/verify/server-process.js';

const SERVER = `
import { createServer } from 'node:http';
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ pid: process.pid, ttl: process.env.ACCESS_TOKEN_TTL_SECONDS ?? null }));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function started(): Promise<{ live: LiveServer; url: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cfa-live-'));
  await writeFile(path.join(dir, 'server.mjs'), SERVER);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const live = new LiveServer(dir, { port, baseUrl: url, env: { ...process.env, PORT: String(port) } }, 'server.mjs');
  cleanups.push(() => live.stop(2_000), () => rm(dir, { recursive: true, force: true }));
  await live.restart();
  return { live, url };
}

const answer = async (url: string) => (await (await fetch(url)).json()) as { pid: number; ttl: string | null };

describe('LiveServer', () => {
  it('restarts on the same port with the overrides, after the old process exited', async () => {
    const { live, url } = await started();
    const first = await answer(url);
    expect(first.ttl).toBeNull();
    const ms = await live.restart({ ACCESS_TOKEN_TTL_SECONDS: '2' });
    expect(ms).toBeGreaterThanOrEqual(0);
    const second = await answer(url);
    expect(second).toEqual({ pid: live.current?.pid, ttl: '2' });
    expect(second.pid).not.toBe(first.pid);
    expect(() => process.kill(first.pid, 0)).toThrow();
    expect(live.env.ACCESS_TOKEN_TTL_SECONDS).toBe('2');
  });

  it('stops, and starts again after a stop; refuses a second process while one runs', async () => {
    const { live, url } = await started();
    expect(await live.stop()).toMatchObject({ code: 0 });
    await expect(fetch(url)).rejects.toThrow();
    await live.restart();
    expect((await answer(url)).ttl).toBeNull();
    expect(() => live.spawn()).toThrow(/still running/);
  });
});
