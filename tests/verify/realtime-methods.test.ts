/** The realtime phase per method: polling reports its push checks skipped; ws needs the project's own `ws`. */
import { describe, expect, it } from 'vitest';
import type { ProjectOptions } from '../../src/options/schema.js';
import { realtimeChecks } from '../../src/verify/checks/realtime.js';
import { createContext } from '../../src/verify/context.js';
import { HttpClient } from '../../src/verify/http.js';
import { Recorder } from '../../src/verify/runner.js';

function options(realtime: ProjectOptions['realtime'], auth: ProjectOptions['auth']): ProjectOptions {
  return { service: 'api', backend: 'express', frontend: 'none', db: 'sqlite', api: 'rest', realtime, auth };
}

describe('realtime phase', () => {
  it('polling: the push checks are skipped with the reason, and nothing is requested', async () => {
    const recorder = new Recorder();
    const http = new HttpClient('http://127.0.0.1:9');
    await realtimeChecks(createContext({ dir: '/nonexistent', options: options('polling', 'jwt'), http }), recorder.phase('realtime'));
    expect(recorder.results).toEqual([
      expect.objectContaining({ name: 'server push', status: 'skipped', detail: expect.stringMatching(/^realtime: polling has no server push/) }),
    ]);
  });

  it('ws: a project without the ws package fails with a reason, not a crash', async () => {
    const recorder = new Recorder();
    const http = new HttpClient('http://127.0.0.1:9');
    await realtimeChecks(createContext({ dir: '/nonexistent', options: options('ws', 'none'), http }), recorder.phase('realtime'));
    expect(recorder.results[0]).toMatchObject({ name: 'socket refuses a foreign origin', status: 'failed', detail: expect.stringMatching(/the ws package is not installed in the project/) });
  });
});
