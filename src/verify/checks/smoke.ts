/** Step 4.2 (smoke): key endpoints answer as the contract says. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createTodo, TodoPageSchema, TodoSchema, uniqueTitle } from '../api.js';
import { bodyOf, expectProblem, expectStatus, header } from '../assert.js';
import { headersOf, type VerifyContext } from '../context.js';
import { describe, excerpt } from '../http.js';
import { CheckSkipped, fail, type Phase } from '../runner.js';

export async function healthCheck(ctx: VerifyContext): Promise<string> {
  const res = await ctx.http.request('/health');
  expectStatus(res, 200);
  bodyOf(res, z.object({ status: z.literal('ok') }));
  return `200 {status:"ok"} in ${res.ms} ms`;
}

export async function readyCheck(ctx: VerifyContext): Promise<string> {
  const res = await ctx.http.request('/ready');
  expectStatus(res, 200);
  // A microservice promises per-dependency latency; other service types may report status only.
  const latency = ctx.options.service === 'microservice' ? z.number().nonnegative() : z.number().nonnegative().optional();
  const dependency = z.object({ status: z.literal('ok'), latencyMs: latency });
  const { checks } = bodyOf(res, z.object({ status: z.literal('ok'), checks: z.object({ database: dependency }).catchall(dependency) }));
  const listed = Object.entries(checks).map(([name, check]) => `${name} ok${check.latencyMs === undefined ? '' : ` (${check.latencyMs} ms)`}`);
  return `200, ${listed.join(', ')}, in ${res.ms} ms`;
}

/** Full-stack: `/` and a client route serve the built index.html. */
export async function clientCheck(ctx: VerifyContext): Promise<string> {
  if (ctx.options.service !== 'fullstack') throw new CheckSkipped(`service: ${ctx.options.service} (no client)`);
  const file = path.join(ctx.dir, 'client', 'dist', 'index.html');
  const expected = await readFile(file, 'utf8').catch((error: unknown) => {
    fail(`cannot read the built client ${file}: ${error instanceof Error ? error.message : String(error)}`);
  });
  for (const route of ['/', `/verify-client-route-${randomBytes(3).toString('hex')}`]) {
    const res = await ctx.http.request(route, { headers: { accept: 'text/html' } });
    expectStatus(res, 200);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html')) fail(`${res.request}: content-type "${type}", expected text/html`);
    if (res.text.trim() !== expected.trim()) fail(`${res.request} did not serve client/dist/index.html: ${excerpt(res.text)}`);
  }
  return 'GET / and a client route serve client/dist/index.html';
}

export async function openApiCheck(ctx: VerifyContext): Promise<string> {
  if (ctx.options.api === 'trpc') throw new CheckSkipped('api: trpc (the router type is the contract; there is no OpenAPI document)');
  const res = await ctx.http.request('/api/openapi.json');
  expectStatus(res, 200);
  const doc = bodyOf(res, z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }));
  if (!doc.openapi.startsWith('3.1')) fail(`openapi is "${doc.openapi}", expected 3.1.x`);
  const paths = Object.keys(doc.paths);
  if (!paths.includes('/api/todos')) fail(`paths do not list /api/todos (they list: ${paths.join(', ') || 'nothing'})`);
  return `OpenAPI ${doc.openapi}, ${paths.length} paths`;
}

/** Create, list (limit, cursor), get, patch, delete, then 404: as a registered user, or anonymously. */
export async function todoCrudCheck(ctx: VerifyContext): Promise<string> {
  const user = await ctx.user();
  const headers = headersOf(user);
  const { todos } = ctx;
  const first = await createTodo(todos, headers, uniqueTitle('first'));
  const second = await createTodo(todos, headers, uniqueTitle('second'));

  const page1Res = await todos.list(headers, { limit: 1 });
  expectStatus(page1Res, 200);
  const page1 = bodyOf(page1Res, TodoPageSchema);
  if (page1.data.length !== 1 || page1.data[0]?.id !== second.id) {
    fail(`${page1Res.request}: expected only the newest todo (${second.id}), got [${page1.data.map((t) => t.id).join(', ')}]`);
  }
  if (!page1.nextCursor) fail(`${page1Res.request}: nextCursor is null although an older todo exists`);
  const page2Res = await todos.list(headers, { limit: 1, cursor: page1.nextCursor });
  expectStatus(page2Res, 200);
  const page2 = bodyOf(page2Res, TodoPageSchema);
  if (page2.data[0]?.id !== first.id) fail(`${page2Res.request}: expected the older todo ${first.id}, got [${page2.data.map((t) => t.id).join(', ')}]`);
  const capped = await todos.list(headers, { limit: 500 });
  expectStatus(capped, 200);

  const got = await todos.get(headers, first.id);
  expectStatus(got, 200);
  if (bodyOf(got, TodoSchema).id !== first.id) fail(`${got.request} returned another todo: ${excerpt(got.text)}`);
  const patched = await todos.update(headers, first.id, { completed: true });
  expectStatus(patched, 200);
  if (!bodyOf(patched, TodoSchema).completed) fail(`${patched.request} {completed:true} answered completed:false`);
  const deleted = await todos.remove(headers, first.id);
  expectStatus(deleted, todos.deletedStatus);
  expectProblem(await todos.get(headers, first.id), 404);
  expectStatus(await todos.remove(headers, second.id), todos.deletedStatus);
  const via = todos.style === 'trpc' ? ' over tRPC' : '';
  const as = ctx.tokens ? 'a minted identity-provider token; ' : user ? 'registered a user; ' : 'anonymous; ';
  return `${as}create ${todos.createdStatus}, list limit+cursor, get, patch, delete ${todos.deletedStatus}, then 404${via}`;
}

export async function validationCheck(ctx: VerifyContext): Promise<string> {
  const headers = headersOf(await ctx.user());
  const res = await ctx.todos.create(headers, { title: 42 });
  const problem = expectProblem(res, 422);
  const paths = (problem.errors ?? []).map((e) => (Array.isArray(e.path) ? e.path.join('.') : e.path));
  if (!paths.some((p) => p.split(/[./[\]]/).includes('title'))) {
    fail(`${res.request} {title:42} -> 422 without an error for path "title" (errors: ${excerpt(JSON.stringify(problem.errors ?? null))})`);
  }
  return `422 problem+json, errors at ${paths.join(', ')}`;
}

export async function notFoundCheck(ctx: VerifyContext): Promise<string> {
  const res = await ctx.http.request(`/api/verify-missing-${randomBytes(4).toString('hex')}`, { headers: { accept: 'application/json' } });
  const problem = expectProblem(res, 404);
  const id = header(res, 'x-request-id');
  if (problem.request_id !== id) fail(`request_id "${problem.request_id}" differs from the x-request-id header "${id}"`);
  return '404 application/problem+json with request_id';
}

export async function requestIdCheck(ctx: VerifyContext): Promise<string> {
  const sent = `verify-${randomBytes(8).toString('hex')}`;
  const echoed = await ctx.http.request('/health', { headers: { 'x-request-id': sent } });
  const got = echoed.headers.get('x-request-id');
  if (got !== sent) fail(`sent x-request-id "${sent}", got back "${got ?? 'no header'}": ${describe(echoed)}`);
  const unsafe = 'not a safe id <script>';
  const replaced = await ctx.http.request('/health', { headers: { 'x-request-id': unsafe } });
  const generated = header(replaced, 'x-request-id');
  if (generated === unsafe) fail(`an unsafe x-request-id ("${unsafe}") was echoed instead of replaced`);
  return 'echoed a safe id, replaced an unsafe one';
}

export async function smokeChecks(ctx: VerifyContext, phase: Phase): Promise<void> {
  await phase.run('GET /health', () => healthCheck(ctx));
  await phase.run('GET /ready', () => readyCheck(ctx));
  await phase.run('client served', () => clientCheck(ctx));
  await phase.run('OpenAPI document', () => openApiCheck(ctx));
  const as = ctx.options.auth === 'none' ? '(anonymous)' : ctx.tokens ? 'with an identity-provider token' : 'as a registered user';
  await phase.run(`todo CRUD ${as}`, () => todoCrudCheck(ctx));
  await phase.run('validation error 422', () => validationCheck(ctx));
  await phase.run('unknown route 404', () => notFoundCheck(ctx));
  await phase.run('x-request-id', () => requestIdCheck(ctx));
}
