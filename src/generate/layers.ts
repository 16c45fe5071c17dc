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
  { dir: 'auth/jwt', applies: (o) => o.auth === 'jwt' },
  // The event bus both push methods publish to; polling and none have no server push.
  { dir: 'realtime/events', applies: (o) => o.realtime === 'sse' || o.realtime === 'ws' },
  { dir: 'realtime/sse', applies: (o) => o.realtime === 'sse' },
  // Framework-agnostic: attached to the Node http.Server's 'upgrade' event, whatever serves HTTP.
  { dir: 'realtime/ws', applies: (o) => o.realtime === 'ws' },
  { dir: 'client/react', applies: (o) => o.frontend === 'react' },
];

export function layersFor(options: ProjectOptions): Layer[] {
  return layers.filter((layer) => layer.applies(options));
}
