import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { layersFor } from '../../src/generate/layers.js';
import { allowedCombinations } from '../../src/options/matrix.js';
import { ProjectOptionsSchema, type ProjectOptions } from '../../src/options/schema.js';
import { unwrapTrpc } from '../../src/verify/api-trpc.js';
import type { HttpResponse } from '../../src/verify/http.js';

const trpcCombinations = allowedCombinations().filter((o) => o.api === 'trpc');
const text = (tree: Map<string, string | Buffer>, file: string) => String(tree.get(file) ?? '');

describe('--api trpc', () => {
  it('is offered with every service, both frameworks, every auth and real-time method (session and ws on Express only)', () => {
    expect(new Set(trpcCombinations.map((o) => o.service))).toEqual(new Set(['fullstack', 'api', 'microservice']));
    expect(new Set(trpcCombinations.map((o) => o.auth))).toEqual(new Set(['jwt', 'session', 'none']));
    for (const options of trpcCombinations) expect(ProjectOptionsSchema.safeParse(options).success).toBe(true);
    expect(new Set(trpcCombinations.map((o) => o.backend))).toEqual(new Set(['express', 'fastify']));
    expect(new Set(trpcCombinations.map((o) => o.realtime))).toEqual(new Set(['sse', 'ws', 'polling', 'none']));
  });

  it.each(trpcCombinations.map((o): [string, ProjectOptions] => [`${o.service}/${o.backend}/${o.realtime}/${o.auth}`, o]))(
    '%s: replaces the REST todo routes and event stream, keeps auth on REST',
    (_name, options) => {
      expect(layersFor(options).map((l) => l.dir)).toEqual(expect.arrayContaining(['api/trpc', `api/trpc+${options.backend}`]));
      expect(layersFor(options).map((l) => l.dir)).not.toContain('api/rest');
      const tree = generate({ projectName: 'app', options });
      for (const gone of ['server/src/todos/todo.controller.ts', 'server/src/todos/todo.routes.ts', 'server/src/realtime/sse.routes.ts', 'server/src/openapi/openapi.ts']) {
        expect(tree.has(gone), gone).toBe(false);
      }
      expect(tree.has('server/src/trpc/router.ts')).toBe(true);
      const live = options.realtime === 'sse' || options.realtime === 'ws';
      expect(tree.has('server/src/realtime/listen.ts')).toBe(live);
      // ws: tRPC over the /ws gateway, not the REST todo-events channel
      expect(tree.has('server/src/trpc/trpc.ws.ts')).toBe(options.realtime === 'ws');
      expect(tree.has('server/src/realtime/todo-channel.ts')).toBe(false);
      expect(text(tree, 'server/src/app.ts')).toContain(
        options.backend === 'express' ? "app.use('/api/trpc', api.handler);" : "app.register(api.plugin, { prefix: '/api/trpc' });",
      );
      // polling and none: no subscription procedure, no event bus
      expect(text(tree, 'server/src/todos/todo.router.ts').includes('onChange')).toBe(live);
      // a microservice only verifies tokens: it has no auth routes
      expect(text(tree, 'server/src/app.ts').includes('/api/auth')).toBe(options.auth !== 'none' && options.service !== 'microservice');
    },
  );

  it('gives the client the router type only: no code generation, no server module at run time', () => {
    const options = trpcCombinations.find((o) => o.service === 'fullstack' && o.realtime === 'sse' && o.auth === 'jwt');
    if (!options) throw new Error('no full-stack trpc combination');
    const tree = generate({ projectName: 'app', options });
    const clientFiles = [...tree.keys()].filter((f) => f.startsWith('client/src/'));
    for (const file of clientFiles) {
      for (const line of text(tree, file).split('\n').filter((l) => l.includes("'@app/server"))) {
        expect(line, file).toMatch(/^import type /);
      }
    }
    const serverPackage = JSON.parse(text(tree, 'server/package.json')) as { exports: Record<string, Record<string, string>> };
    // A types-only export: a run-time import of the server from the client cannot even resolve.
    expect(serverPackage.exports['./trpc']).toEqual({ types: './dist/trpc/router.d.ts' });
    expect(tree.has('client/src/lib/event-stream.ts')).toBe(false);
  });
  it.each(['express', 'fastify'] as const)('with polling on %s: the client refetches through TanStack Query, the server pushes nothing', (backend) => {
    const options = trpcCombinations.find((o) => o.service === 'fullstack' && o.backend === backend && o.realtime === 'polling' && o.auth === 'jwt');
    if (!options) throw new Error(`no full-stack trpc polling combination on ${backend}`);
    const tree = generate({ projectName: 'app', options });
    expect(text(tree, 'client/src/app/providers.tsx')).toContain('pollTodos(createQueryClient())');
    expect(tree.has('client/src/features/todos/todos.polling.ts')).toBe(true);
    expect(text(tree, 'client/src/features/todos/todos.polling.test.ts')).toContain('trpc.todos.list.infiniteQueryKey');
    expect(tree.has('client/src/features/todos/useTodoEvents.ts')).toBe(false);
    expect(text(tree, 'client/src/lib/trpc.ts')).not.toContain('httpSubscriptionLink');
    for (const gone of ['server/src/realtime/event-bus.ts', 'server/src/realtime/listen.ts', 'server/src/realtime/sse.routes.ts']) expect(tree.has(gone), gone).toBe(false);
    expect(text(tree, 'server/src/app.ts')).not.toContain('TodoEventBus');
  });
});

describe('verify: the tRPC envelope', () => {
  const response = (status: number, body: unknown): HttpResponse => ({
    request: 'POST /api/trpc/todos.create',
    status,
    headers: new Headers({ 'content-type': 'application/json' }),
    text: JSON.stringify(body),
    ms: 1,
  });
  const problem = { type: 'urn:problem-type:validation-failed', title: 'Validation failed', status: 422, request_id: 'r1', errors: [{ path: ['title'], message: 'x' }] };

  it('unwraps a result to its data', () => {
    expect(unwrapTrpc(response(200, { result: { data: { id: '1' } } }), 'todos.create').text).toBe('{"id":"1"}');
  });

  it('reads an error as its problem+json body', () => {
    const res = unwrapTrpc(response(422, { error: { message: 'x', code: -32022, data: { code: 'UNPROCESSABLE_CONTENT', httpStatus: 422, problem } } }), 'todos.create');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(JSON.parse(res.text)).toEqual(problem);
  });

  it('fails when the HTTP status and the error disagree, or the problem is missing', () => {
    const envelope = { error: { message: 'x', code: -32022, data: { code: 'UNPROCESSABLE_CONTENT', httpStatus: 422, problem } } };
    expect(() => unwrapTrpc(response(400, envelope), 'todos.create')).toThrow(/HTTP 400, but the error says httpStatus 422/);
    expect(() => unwrapTrpc(response(500, { error: { message: 'x', code: -32603, data: {} } }), 'todos.create')).toThrow(/data\.problem/);
  });
});
