import type { ProjectOptions } from '../options/questions.js';

/**
 * Template layers by capability, applied in this order; a later layer's file replaces an
 * earlier one at the same path. Small differences inside a file are Handlebars conditionals
 * over the choice flags (`{{#if auth.jwt}}`), never one file per combination. A capability's
 * framework-specific HTTP glue sits in an adapter layer `<capability>+<framework>`, applied right
 * after the capability's framework-agnostic layer.
 */
export interface Layer {
  dir: string;
  applies: (options: ProjectOptions) => boolean;
}

export const layers: readonly Layer[] = [
  { dir: 'base', applies: () => true },
  { dir: 'server/express', applies: (o) => o.backend === 'express' },
  { dir: 'server/fastify', applies: (o) => o.backend === 'fastify' },
  // Migrations, the migrator and portable repositories shared by every SQL database; the
  // dialect layer after it brings the Database implementation and its test support.
  { dir: 'db/sql', applies: (o) => o.db === 'sqlite' || o.db === 'postgres' },
  { dir: 'db/sqlite', applies: (o) => o.db === 'sqlite' },
  { dir: 'db/postgres', applies: (o) => o.db === 'postgres' },
  { dir: 'api/rest', applies: (o) => o.api === 'rest' },
  { dir: 'api/rest+express', applies: (o) => o.api === 'rest' && o.backend === 'express' },
  { dir: 'api/rest+fastify', applies: (o) => o.api === 'rest' && o.backend === 'fastify' },
  // Verifying access tokens (every JWT service); issuing them with accounts (all but a microservice).
  { dir: 'auth/jwt-verify', applies: (o) => o.auth === 'jwt' },
  { dir: 'auth/jwt-verify+express', applies: (o) => o.auth === 'jwt' && o.backend === 'express' },
  { dir: 'auth/jwt-verify+fastify', applies: (o) => o.auth === 'jwt' && o.backend === 'fastify' },
  // Users and password hashing, for every strategy whose service keeps accounts (context `has.accounts`).
  { dir: 'auth/common', applies: (o) => o.auth === 'session' || (o.auth === 'jwt' && o.service !== 'microservice') },
  { dir: 'auth/jwt', applies: (o) => o.auth === 'jwt' && o.service !== 'microservice' },
  { dir: 'auth/jwt+express', applies: (o) => o.auth === 'jwt' && o.service !== 'microservice' && o.backend === 'express' },
  { dir: 'auth/jwt+fastify', applies: (o) => o.auth === 'jwt' && o.service !== 'microservice' && o.backend === 'fastify' },
  // Server-side sessions with CSRF protection; refused with Fastify and microservice (schema.ts).
  { dir: 'auth/session', applies: (o) => o.auth === 'session' },
  { dir: 'auth/session+express', applies: (o) => o.auth === 'session' && o.backend === 'express' },
  // The event bus both push methods publish to; polling and none have no server push.
  { dir: 'realtime/events', applies: (o) => o.realtime === 'sse' || o.realtime === 'ws' },
  { dir: 'realtime/sse', applies: (o) => o.realtime === 'sse' },
  { dir: 'realtime/sse+express', applies: (o) => o.realtime === 'sse' && o.backend === 'express' },
  { dir: 'realtime/sse+fastify', applies: (o) => o.realtime === 'sse' && o.backend === 'fastify' },
  // Framework-agnostic: attached to the Node http.Server's 'upgrade' event, whatever serves HTTP.
  { dir: 'realtime/ws', applies: (o) => o.realtime === 'ws' },
  { dir: 'client/react', applies: (o) => o.frontend === 'react' },
  { dir: 'deploy/docker', applies: (o) => o.service === 'microservice' },
  // Last: tRPC replaces the REST todo routes, event stream and their tests of the layers above
  // (a whitespace-only template removes a file), and the React client's todo data layer.
  { dir: 'api/trpc', applies: (o) => o.api === 'trpc' },
  { dir: 'api/trpc+express', applies: (o) => o.api === 'trpc' && o.backend === 'express' },
  { dir: 'api/trpc+fastify', applies: (o) => o.api === 'trpc' && o.backend === 'fastify' },
  { dir: 'client/react+trpc', applies: (o) => o.api === 'trpc' && o.frontend === 'react' },
];

export function layersFor(options: ProjectOptions): Layer[] {
  return layers.filter((layer) => layer.applies(options));
}
