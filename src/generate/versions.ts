/**
 * Every dependency version a generated project uses, in one map. Each was installed for real
 * on Node 20.19+ with no install script and no engine warning; templates read them through the
 * `dep` helper, which fails the render when a name is missing here.
 */
export const versions = {
  // server runtime
  express: '5.3.0',
  helmet: '8.3.0',
  cors: '2.8.6',
  'express-rate-limit': '8.7.5',
  'cookie-parser': '1.4.7',
  pino: '10.4.0',
  jose: '6.2.18',
  zod: '4.6.7',
  'node-sqlite3-wasm': '0.8.60',
  pg: '8.23.1',
  // tRPC: server, client and TanStack Query integration on one version (they pin each other as peers)
  '@trpc/server': '11.22.1',
  '@trpc/client': '11.22.1',
  '@trpc/tanstack-react-query': '11.22.1',
  // server runtime, Fastify
  fastify: '5.12.8',
  'fastify-plugin': '6.0.1',
  '@fastify/cors': '11.4.3',
  '@fastify/rate-limit': '11.2.0',
  // 10.1.4+ pulls content-disposition 3, which requires Node >= 22.
  '@fastify/static': '10.1.3',
  // Pinned through the root package's `overrides`: fastify asks for ^6, and 6.8+ pulls cookie 2,
  // which requires Node >= 22. Fastify uses it only for inject(), which the tests do not call.
  'light-my-request': '6.6.0',
  ws: '8.23.0',
  // client runtime
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@tanstack/react-query': '5.108.0',
  // SSE for tRPC subscriptions with an Authorization header (the browser's EventSource cannot send one)
  eventsource: '4.1.1',
  // tooling
  // The native compiler (Go): type-checks and emits the workspaces 5x to 6x faster than 5.9, which
  // halves `npm run build`. Nothing in a generated project calls the compiler API, which 7 lacks.
  typescript: '7.0.2',
  // Bundles the server's production entry (start-up); the same version vite 8.3 installs, so one copy.
  rolldown: '1.2.19',
  vitest: '4.1.12',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  'happy-dom': '21.0.4',
  '@testing-library/react': '16.3.3',
  '@testing-library/dom': '10.4.2',
  '@types/node': '20.19.43',
  '@types/express': '5.0.6',
  '@types/cors': '2.8.19',
  '@types/cookie-parser': '1.4.10',
  '@types/pg': '8.23.1',
  '@types/ws': '8.18.2',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  'playwright-core': '1.65.1',
  // The project's own formatter; this repository pins the same version to check rendered output.
  prettier: '3.10.1',
} as const satisfies Record<string, string>;

export type DependencyName = keyof typeof versions;
