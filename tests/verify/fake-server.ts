/**
 * A small in-memory server that honours the generated project's HTTP contract
 * (docs/generated-project.md), or breaks one named part of it, to test the Step 4 checks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export type Fault =
  | 'cors-wildcard'
  | 'no-helmet'
  | 'no-rotation'
  | 'no-reuse-detection'
  | 'broadcast-events'
  | 'drop-deleted-event'
  | 'slow-events'
  | 'no-request-id'
  | 'html-404'
  | 'no-422-paths'
  | 'no-rate-limit-headers'
  | 'no-heartbeat'
  | 'events-without-token'
  | 'lax-cookie'
  | 'sse-cut'
  | 'register-500'
  | 'ready-ignores-database'
  | 'cut-in-flight';

export interface FakeOptions {
  auth: 'jwt' | 'none';
  realtime: 'sse' | 'none';
  /** Full-stack: the index.html served to HTML requests. */
  clientIndex?: string;
  corsOrigins?: string[];
  heartbeatMs?: number;
  /** The database file readiness checks; without it the database is always there. */
  databaseFile?: string;
  faults?: Fault[];
}

interface Todo { id: string; title: string; completed: boolean; seq: number; userId: string | null }
interface Stream { userId: string | null; res: ServerResponse; heartbeat: NodeJS.Timeout }
interface Refresh { userId: string; family: string; state: 'active' | 'used' | 'revoked' }

export class FakeApp {
  readonly server: Server;
  private readonly faults: Set<Fault>;
  private readonly users = new Map<string, { id: string; email: string; password: string }>();
  private readonly access = new Map<string, string>();
  private readonly refresh = new Map<string, Refresh>();
  private readonly todos: Todo[] = [];
  readonly streams = new Set<Stream>();
  private seq = 0;

  constructor(private readonly options: FakeOptions) {
    this.faults = new Set(options.faults);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.problem(req, res, 500, String(error));
      });
    });
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    return `http://${host}:${(this.server.address() as AddressInfo).port}`;
  }

  /**
   * Graceful: end every stream (or cut it, with the sse-cut fault), close connections as they turn
   * idle so in-flight requests finish (or cut them all at once, with the cut-in-flight fault).
   */
  async shutdown(): Promise<void> {
    for (const stream of this.streams) {
      clearInterval(stream.heartbeat);
      if (this.faults.has('sse-cut')) stream.res.destroy();
      else stream.res.end();
    }
    this.streams.clear();
    const closed = new Promise((resolve) => this.server.close(resolve));
    if (this.faults.has('cut-in-flight')) this.server.closeAllConnections();
    const sweep = setInterval(() => this.server.closeIdleConnections(), 20);
    this.server.closeIdleConnections();
    await closed;
    clearInterval(sweep);
  }

  private has(fault: Fault): boolean {
    return this.faults.has(fault);
  }

  private requestId(req: IncomingMessage): string {
    const given = req.headers['x-request-id'];
    const safe = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given);
    return safe && !this.has('no-request-id') ? given : randomUUID();
  }

  private commonHeaders(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('x-request-id', this.requestId(req));
    const origin = req.headers.origin;
    if (this.has('cors-wildcard')) res.setHeader('access-control-allow-origin', '*');
    else if (origin && (this.options.corsOrigins ?? ['http://localhost:5173']).includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
    }
    if (!this.has('no-helmet')) {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('content-security-policy', "default-src 'self';frame-ancestors 'self'");
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('x-frame-options', 'SAMEORIGIN');
    } else {
      res.setHeader('x-powered-by', 'Express');
    }
  }

  private json(res: ServerResponse, status: number, body?: unknown): void {
    if (body === undefined) {
      res.writeHead(status).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
  }

  private problem(req: IncomingMessage, res: ServerResponse, status: number, detail: string, errors?: unknown[]): void {
    if (res.headersSent) return void res.destroy();
    const body = { type: 'about:blank', title: `HTTP ${status}`, status, detail, request_id: String(res.getHeader('x-request-id') ?? ''), ...(errors ? { errors } : {}) };
    res.writeHead(status, { 'content-type': 'application/problem+json; charset=utf-8' }).end(JSON.stringify(body));
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const parsed: unknown = text ? JSON.parse(text) : {};
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }

  private cookie(req: IncomingMessage): string | undefined {
    return /(?:^|;\s*)refresh_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  }

  private issue(res: ServerResponse, userId: string, family: string = randomUUID()): string {
    const accessToken = randomBytes(16).toString('hex');
    this.access.set(accessToken, userId);
    const token = randomBytes(16).toString('hex');
    this.refresh.set(token, { userId, family, state: 'active' });
    const sameSite = this.has('lax-cookie') ? 'Lax' : 'Strict';
    res.setHeader('set-cookie', `refresh_token=${token}; Path=/api/auth; HttpOnly; SameSite=${sameSite}; Max-Age=2592000`);
    return accessToken;
  }

  /** The user id of the bearer token; null without auth; undefined when refused. */
  private caller(req: IncomingMessage): string | null | undefined {
    if (this.options.auth === 'none') return null;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return token ? this.access.get(token) : undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.commonHeaders(req, res);
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      if (res.hasHeader('access-control-allow-origin')) {
        res.setHeader('access-control-allow-methods', 'GET,POST,PATCH,DELETE');
        res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? '');
      }
      return void res.writeHead(204).end();
    }
    if (path === '/health') return this.json(res, 200, { status: 'ok' });
    if (path === '/ready') {
      const file = this.options.databaseFile;
      if (file && !existsSync(file) && !this.has('ready-ignores-database')) {
        return this.json(res, 503, { status: 'unavailable', checks: { database: { status: 'unavailable' } } });
      }
      return this.json(res, 200, { status: 'ok', checks: { database: { status: 'ok' } } });
    }
    if (path === '/api/openapi.json') return this.json(res, 200, { openapi: '3.1.0', info: {}, paths: { '/api/todos': {}, '/api/todos/{id}': {} } });
    if (path.startsWith('/api/auth/') && this.options.auth === 'jwt') return this.auth(req, res, path);
    if (path === '/api/events' && this.options.realtime === 'sse') return this.events(req, res);
    if (path === '/api/todos' || path.startsWith('/api/todos/')) return this.todoRoutes(req, res, method, url);
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    if (this.options.clientIndex && method === 'GET' && wantsHtml && !path.startsWith('/api/')) {
      return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(this.options.clientIndex);
    }
    if (this.has('html-404')) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
    this.problem(req, res, 404, `${method} ${path} not found`);
  }

  private async auth(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (!this.has('no-rate-limit-headers')) {
      res.setHeader('ratelimit-policy', '1000;w=60');
      res.setHeader('ratelimit', 'limit=1000, remaining=999, reset=60');
    }
    if (path === '/api/auth/register' && this.has('register-500')) return this.problem(req, res, 500, 'no such table: users');
    if (path === '/api/auth/register' || path === '/api/auth/login') {
      const { email, password } = await this.body(req);
      if (typeof email !== 'string' || typeof password !== 'string') return this.problem(req, res, 422, 'invalid', [{ path: 'email', message: 'required' }]);
      const existing = [...this.users.values()].find((u) => u.email === email);
      if (path.endsWith('register')) {
        if (existing) return this.problem(req, res, 409, 'email taken');
        const user = { id: randomUUID(), email, password };
        this.users.set(user.id, user);
        return this.json(res, 201, { user: { id: user.id, email }, accessToken: this.issue(res, user.id) });
      }
      if (!existing || existing.password !== password) return this.problem(req, res, 401, 'wrong credentials');
      return this.json(res, 200, { user: { id: existing.id, email }, accessToken: this.issue(res, existing.id) });
    }
    if (path === '/api/auth/refresh') {
      const token = this.cookie(req);
      const record = token ? this.refresh.get(token) : undefined;
      if (!token || !record || record.state === 'revoked') return this.problem(req, res, 401, 'invalid refresh token');
      if (record.state === 'used' && !this.has('no-reuse-detection')) {
        for (const r of this.refresh.values()) if (r.family === record.family) r.state = 'revoked';
        return this.problem(req, res, 401, 'refresh token reused');
      }
      const user = this.users.get(record.userId);
      if (!user) return this.problem(req, res, 401, 'no user');
      if (this.has('no-rotation')) {
        const accessToken = randomBytes(16).toString('hex');
        this.access.set(accessToken, user.id);
        res.setHeader('set-cookie', `refresh_token=${token}; Path=/api/auth; HttpOnly; SameSite=Strict`);
        return this.json(res, 200, { user: { id: user.id, email: user.email }, accessToken });
      }
      record.state = 'used';
      return this.json(res, 200, { user: { id: user.id, email: user.email }, accessToken: this.issue(res, user.id, record.family) });
    }
    if (path === '/api/auth/logout') {
      const record = this.refresh.get(this.cookie(req) ?? '');
      if (record) for (const r of this.refresh.values()) if (r.family === record.family) r.state = 'revoked';
      res.setHeader('set-cookie', 'refresh_token=; Path=/api/auth; Expires=Thu, 01 Jan 1970 00:00:00 GMT');
      return this.json(res, 204);
    }
    if (path === '/api/auth/me') {
      const user = this.users.get(this.caller(req) ?? '');
      if (!user) return this.problem(req, res, 401, 'unauthorized');
      return this.json(res, 200, { user: { id: user.id, email: user.email } });
    }
    this.problem(req, res, 404, 'not found');
  }

  private publish(todo: Todo, type: 'todo.created' | 'todo.updated' | 'todo.deleted'): void {
    if (type === 'todo.deleted' && this.has('drop-deleted-event')) return;
    const data = type === 'todo.deleted' ? { type, id: todo.id } : { type, todo: this.view(todo) };
    const send = (): void => {
      for (const s of this.streams) {
        if (this.options.auth === 'none' || s.userId === todo.userId || this.has('broadcast-events')) {
          s.res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
        }
      }
    };
    if (this.has('slow-events')) setTimeout(send, 1_500);
    else send();
  }

  private events(req: IncomingMessage, res: ServerResponse): void {
    const userId = this.has('events-without-token') ? (this.caller(req) ?? 'anonymous') : this.caller(req);
    if (userId === undefined) return this.problem(req, res, 401, 'unauthorized');
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': connected\n\n');
    const heartbeat = setInterval(() => {
      if (!this.has('no-heartbeat')) res.write(': heartbeat\n\n');
    }, this.options.heartbeatMs ?? 1_000);
    const stream: Stream = { userId, res, heartbeat };
    this.streams.add(stream);
    res.on('close', () => {
      clearInterval(heartbeat);
      this.streams.delete(stream);
    });
  }

  private view(todo: Todo): { id: string; title: string; completed: boolean } {
    return { id: todo.id, title: todo.title, completed: todo.completed };
  }

  private async todoRoutes(req: IncomingMessage, res: ServerResponse, method: string, url: URL): Promise<void> {
    const userId = this.caller(req);
    if (userId === undefined) return this.problem(req, res, 401, 'unauthorized');
    const mine = this.todos.filter((t) => t.userId === userId).sort((a, b) => b.seq - a.seq);
    const id = url.pathname.split('/')[3];
    if (!id && method === 'GET') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 100);
      const cursor = Number(url.searchParams.get('cursor') ?? Infinity);
      const page = mine.filter((t) => t.seq < cursor).slice(0, limit);
      const more = mine.filter((t) => t.seq < cursor).length > limit;
      return this.json(res, 200, { data: page.map((t) => this.view(t)), nextCursor: more ? String(page.at(-1)?.seq) : null });
    }
    if (!id && method === 'POST') {
      const { title } = await this.body(req);
      if (typeof title !== 'string' || !title) {
        return this.problem(req, res, 422, 'invalid body', this.has('no-422-paths') ? undefined : [{ path: 'title', message: 'Expected string' }]);
      }
      const todo: Todo = { id: randomUUID(), title, completed: false, seq: ++this.seq, userId };
      this.todos.push(todo);
      this.publish(todo, 'todo.created');
      return this.json(res, 201, this.view(todo));
    }
    const todo = mine.find((t) => t.id === id);
    if (!todo) return this.problem(req, res, 404, 'todo not found');
    if (method === 'GET') return this.json(res, 200, this.view(todo));
    if (method === 'PATCH') {
      const { completed } = await this.body(req);
      if (typeof completed === 'boolean') todo.completed = completed;
      this.publish(todo, 'todo.updated');
      return this.json(res, 200, this.view(todo));
    }
    if (method === 'DELETE') {
      this.todos.splice(this.todos.indexOf(todo), 1);
      this.publish(todo, 'todo.deleted');
      return this.json(res, 204);
    }
    this.problem(req, res, 405, 'method not allowed');
  }
}
