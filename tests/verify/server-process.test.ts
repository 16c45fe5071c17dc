import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../../src/verify/server-process.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cfa-verify-proc-'));
  await writeFile(path.join(dir, 'exits.js'), "console.error('config: JWT_SECRET is required'); process.exit(1);");
  await writeFile(
    path.join(dir, 'serves.js'),
    `import http from 'node:http';
     const server = http.createServer((req, res) => res.end('{"status":"ok"}')).listen(Number(process.env.PORT), '127.0.0.1');
     process.on('SIGTERM', () => { if (!process.env.STUBBORN) server.close(() => process.exit(0)); });`,
  );
  await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('freePort', () => {
  it('returns a port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('ServerProcess', () => {
  it('fails the health wait with the stderr of a process that exits early', async () => {
    const proc = new ServerProcess(dir, 'exits.js', process.env);
    await expect(proc.waitHealthy(new URL('http://127.0.0.1:1/health'), 5_000)).rejects.toThrow(
      /exited \(code 1\) before \/health answered 200:\nconfig: JWT_SECRET is required/,
    );
  });

  it('measures the time to healthy and stops with SIGTERM', async () => {
    const port = await freePort();
    const proc = new ServerProcess(dir, 'serves.js', { ...process.env, PORT: String(port) });
    const ms = await proc.waitHealthy(new URL(`http://127.0.0.1:${port}/health`), 5_000);
    expect(ms).toBeGreaterThan(0);
    expect(await proc.stop(2_000)).toMatchObject({ code: 0 });
    expect(proc.running).toBe(false);
  });

  it('kills a process that ignores SIGTERM after the grace period', async () => {
    const port = await freePort();
    const proc = new ServerProcess(dir, 'serves.js', { ...process.env, PORT: String(port), STUBBORN: '1' });
    await proc.waitHealthy(new URL(`http://127.0.0.1:${port}/health`), 5_000);
    expect(await proc.stop(300)).toMatchObject({ signal: 'SIGKILL' });
  });
});
