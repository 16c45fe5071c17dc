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
  'pino-http': '11.0.0',
  jose: '6.2.18',
  zod: '4.6.7',
  'node-sqlite3-wasm': '0.8.60',
  ws: '8.23.0',
  // client runtime
  react: '19.3.1',
  'react-dom': '19.3.1',
  '@tanstack/react-query': '5.108.0',
  // tooling
  typescript: '5.9.3',
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
  '@types/ws': '8.18.2',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  'playwright-core': '1.65.1',
} as const satisfies Record<string, string>;

export type DependencyName = keyof typeof versions;
