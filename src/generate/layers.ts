import type { ProjectOptions } from '../options/questions.js';

/**
 * Template layers by capability, applied in this order; a later layer's file replaces an
 * earlier one at the same path. Small differences inside a file are Handlebars conditionals
 * over the choice flags (`{{#if auth.jwt}}`), never one file per combination.
 */
export interface Layer {
  dir: string;
  applies: (options: ProjectOptions) => boolean;
}

export const layers: readonly Layer[] = [
  { dir: 'base', applies: () => true },
  { dir: 'server/express', applies: (o) => o.backend === 'express' },
  { dir: 'db/sqlite', applies: (o) => o.db === 'sqlite' },
  { dir: 'api/rest', applies: (o) => o.api === 'rest' },
  // Users and password hashing, shared by every auth strategy.
  { dir: 'auth/common', applies: (o) => o.auth !== 'none' },
  { dir: 'auth/jwt', applies: (o) => o.auth === 'jwt' },
  { dir: 'auth/session', applies: (o) => o.auth === 'session' },
  { dir: 'auth/session+express', applies: (o) => o.auth === 'session' && o.backend === 'express' },
  { dir: 'realtime/sse', applies: (o) => o.realtime === 'sse' },
  { dir: 'client/react', applies: (o) => o.frontend === 'react' },
];

export function layersFor(options: ProjectOptions): Layer[] {
  return layers.filter((layer) => layer.applies(options));
}
