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
  { dir: 'db/sqlite', applies: (o) => o.db === 'sqlite' },
  { dir: 'api/rest', applies: (o) => o.api === 'rest' },
  { dir: 'api/rest+express', applies: (o) => o.api === 'rest' && o.backend === 'express' },
  { dir: 'api/rest+fastify', applies: (o) => o.api === 'rest' && o.backend === 'fastify' },
  { dir: 'auth/jwt', applies: (o) => o.auth === 'jwt' },
  { dir: 'auth/jwt+express', applies: (o) => o.auth === 'jwt' && o.backend === 'express' },
  { dir: 'auth/jwt+fastify', applies: (o) => o.auth === 'jwt' && o.backend === 'fastify' },
  { dir: 'realtime/sse', applies: (o) => o.realtime === 'sse' },
  { dir: 'realtime/sse+express', applies: (o) => o.realtime === 'sse' && o.backend === 'express' },
  { dir: 'realtime/sse+fastify', applies: (o) => o.realtime === 'sse' && o.backend === 'fastify' },
  { dir: 'client/react', applies: (o) => o.frontend === 'react' },
];

export function layersFor(options: ProjectOptions): Layer[] {
  return layers.filter((layer) => layer.applies(options));
}
