/** The realtime phase per method: polling checks there is no stream and skips the push checks; ws needs the project's own `ws`. */
import { describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { realtimeChecks } from '../../src/verify/checks/realtime.js';
import { createContext } from '../../src/verify/context.js';
import { HttpClient } from '../../src/verify/http.js';
import { Recorder } from '../../src/verify/runner.js';
import { FakeApp } from './fake-server.js';

function options(realtime: ProjectOptions['realtime'], auth: ProjectOptions['auth']): ProjectOptions {
  return { service: 'api', backend: 'express', frontend: 'none', db: 'sqlite', api: 'rest', realtime, auth };
}

describe('realtime phase', () => {
  it('polling: no event stream, a second login sees the change, and the push checks are skipped with the reason', async () => {
    const app = new FakeApp({ auth: 'jwt', realtime: 'none' });
    const url = await app.listen();
    try {
      const recorder = new Recorder();
      await realtimeChecks(
        createContext({ dir: '/nonexistent', options: options('polling', 'jwt'), http: new HttpClient(url) }),
        recorder.phase('realtime'),
      );
      expect(recorder.results).toEqual([
        expect.objectContaining({
          name: 'no event stream with polling',
          status: 'passed',
          detail: 'GET /api/events -> 404 (no server push)',
        }),
        expect.objectContaining({ name: "a poll sees the other tab's change", status: 'passed' }),
        expect.objectContaining({
          name: 'server push',
          status: 'skipped',
          detail: expect.stringMatching(/^realtime: polling has no server push/),
        }),
      ]);
    } finally {
      await app.shutdown();
    }
  });

  it('polling: a server that still serves an event stream fails', async () => {
    const app = new FakeApp({ auth: 'none', realtime: 'sse' });
    const url = await app.listen();
    try {
      const recorder = new Recorder();
      await realtimeChecks(
        createContext({ dir: '/nonexistent', options: options('polling', 'none'), http: new HttpClient(url) }),
        recorder.phase('realtime'),
      );
      expect(recorder.results[0]).toMatchObject({
        name: 'no event stream with polling',
        status: 'failed',
        detail: expect.stringMatching(/GET \/api\/events opened an event stream; with --realtime polling/),
      });
    } finally {
      await app.shutdown();
    }
  });

  it('ws: a project without the ws package fails with a reason, not a crash', async () => {
    const recorder = new Recorder();
    const http = new HttpClient('http://127.0.0.1:9');
    await realtimeChecks(
      createContext({ dir: '/nonexistent', options: options('ws', 'none'), http }),
      recorder.phase('realtime'),
    );
    expect(recorder.results[0]).toMatchObject({
      name: 'socket refuses a foreign origin',
      status: 'failed',
      detail: expect.stringMatching(/the ws package is not installed in the project/),
    });
  });
});
