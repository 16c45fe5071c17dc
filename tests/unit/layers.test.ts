import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { layers, layersFor } from '../../src/generate/layers.js';
import type { ProjectOptions } from '../../src/options/schema.js';

const templates = path.join(import.meta.dirname, '../../templates');
const fullstack: ProjectOptions = { service: 'fullstack', backend: 'express', frontend: 'react', db: 'sqlite', api: 'rest', realtime: 'sse', auth: 'jwt' };
const dirs = (options: ProjectOptions) => layersFor(options).map((layer) => layer.dir);

describe('layers', () => {
  it('every registered layer has a folder under templates/', () => {
    for (const layer of layers) expect(existsSync(path.join(templates, layer.dir)), layer.dir).toBe(true);
  });

  it.each(['express', 'fastify'] as const)('applies the %s adapters right after their capability, and no other framework', (backend) => {
    const applied = dirs({ ...fullstack, backend });
    const other = backend === 'express' ? 'fastify' : 'express';
    for (const capability of ['api/rest', 'auth/jwt', 'realtime/sse']) {
      expect(applied.indexOf(`${capability}+${backend}`)).toBe(applied.indexOf(capability) + 1);
      expect(applied).not.toContain(`${capability}+${other}`);
    }
    expect(applied).toContain(`server/${backend}`);
    expect(applied).not.toContain(`server/${other}`);
    const session = dirs({ ...fullstack, backend, auth: 'session' });
    expect(session.indexOf(`auth/session+${backend}`)).toBe(session.indexOf('auth/session') + 1);
    expect(session).not.toContain(`auth/session+${other}`);
  });

  it('applies no adapter of a capability that is off', () => {
    expect(dirs({ ...fullstack, backend: 'fastify', auth: 'none', realtime: 'none' }).filter((dir) => dir.includes('+'))).toEqual(['api/rest+fastify']);
  });
});

describe('a Fastify project', () => {
  const tree = generate({ projectName: 'demo', options: { ...fullstack, backend: 'fastify' } });
  const text = (file: string) => tree.get(file)?.toString() ?? '';

  it('depends on Fastify and its plugins, not on Express, and pins light-my-request for Node 20', () => {
    const server = JSON.parse(text('server/package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(server.dependencies)).toEqual(
      expect.arrayContaining(['fastify', 'fastify-plugin', 'helmet', '@fastify/cors', '@fastify/rate-limit', '@fastify/static']),
    );
    expect(Object.keys({ ...server.dependencies, ...server.devDependencies }).filter((name) => name.includes('express'))).toEqual([]);
    expect(server.dependencies).not.toHaveProperty('@fastify/cookie');
    expect(JSON.parse(text('package.json')).overrides).toEqual({ 'light-my-request': '6.6.0' });
  });

  it('keeps the session cookie and the WebSocket gateway free of Node 22-only dependencies', () => {
    const session = generate({ projectName: 'demo', options: { ...fullstack, backend: 'fastify', auth: 'session' } });
    const ws = generate({ projectName: 'demo', options: { ...fullstack, backend: 'fastify', realtime: 'ws' } });
    const depsOf = (files: typeof tree) => JSON.parse(files.get('server/package.json')?.toString() ?? '{}') as { dependencies: Record<string, string> };
    expect(Object.keys(depsOf(session).dependencies)).not.toContain('@fastify/cookie');
    expect(Object.keys(depsOf(session).dependencies)).toContain('@fastify/rate-limit');
    expect(session.get('server/src/auth/session-cookie.ts')).toBeDefined();
    expect(Object.keys(depsOf(ws).dependencies)).toContain('ws');
    expect(ws.get('server/test/integration/websocket.test.ts')?.toString()).toBe(
      generate({ projectName: 'demo', options: { ...fullstack, realtime: 'ws' } }).get('server/test/integration/websocket.test.ts')?.toString(),
    );
  });

  it('imports no Express anywhere', () => {
    for (const [file, content] of tree) {
      if (file.endsWith('.ts')) expect(content.toString(), file).not.toMatch(/from 'express'/);
    }
  });

  it('shares the contract tests with Express', () => {
    const express = generate({ projectName: 'demo', options: fullstack });
    for (const file of ['server/test/integration/todos.test.ts', 'server/test/integration/http.test.ts', 'server/test/integration/auth.test.ts', 'server/test/integration/events.test.ts']) {
      expect(text(file), file).not.toBe('');
      expect(text(file)).toBe(express.get(file)?.toString());
    }
  });
});
