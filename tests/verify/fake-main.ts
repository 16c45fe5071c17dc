/**
 * `server/dist/main.js` of a fake generated project (bundled by the tests): the FakeApp as a
 * process that reads the Step 4 environment and shuts down on SIGTERM.
 * Reads `fake.json` in its cwd: FakeOptions plus process faults.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { FakeApp, type FakeOptions } from './fake-server.js';

export interface FakeProcessOptions extends FakeOptions {
  service: 'fullstack' | 'api';
  processFaults?: ('crash-on-start' | 'ignore-sigterm' | 'exit-1-on-sigterm' | 'crash-after-start' | 'stop-listening-after-start' | 'ignore-bad-config')[];
}

const config = JSON.parse(readFileSync('fake.json', 'utf8')) as FakeProcessOptions;
const faults = new Set(config.processFaults);
const env = process.env;

function die(message: string): never {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: message })}\n`);
  process.exit(1);
}

if (faults.has('crash-on-start')) die('config: DATABASE_URL is invalid');
if (!env.PORT || env.HOST !== '127.0.0.1') die(`config: PORT/HOST not set (${env.PORT}, ${env.HOST})`);
if (!env.DATABASE_URL?.startsWith('file:/')) die(`config: DATABASE_URL must be an absolute file: URL, got ${env.DATABASE_URL}`);
// like the real server: every bad variable named at once
const badVariables = [
  ...(config.auth === 'jwt' && (env.JWT_SECRET ?? '').length < 32 ? ['JWT_SECRET'] : []),
  ...(env.CORS_ORIGINS !== 'http://localhost:5173' ? ['CORS_ORIGINS'] : []),
  ...(env.NODE_ENV !== 'production' ? ['NODE_ENV'] : []),
];
if (badVariables.length > 0 && !faults.has('ignore-bad-config')) die(`config: invalid ${badVariables.join(', ')}`);

const app = new FakeApp({
  ...config,
  clientIndex: config.service === 'fullstack' ? readFileSync('client/dist/index.html', 'utf8') : undefined,
  corsOrigins: (env.CORS_ORIGINS ?? '').split(','),
  heartbeatMs: Number(env.SSE_HEARTBEAT_MS),
  databaseFile: env.DATABASE_URL.slice('file:'.length),
});
await app.listen(Number(env.PORT), env.HOST);
// what the tests check afterwards, for every server Step 4 started: the process is gone, the temp database removed
mkdirSync('fake-runs', { recursive: true });
writeFileSync(`fake-runs/${process.pid}.json`, JSON.stringify({ pid: process.pid, databaseUrl: env.DATABASE_URL }));
// After start, deterministically: the first todo request (the smoke phase) takes the process down.
if (faults.has('crash-after-start')) {
  app.server.prependListener('request', (req) => {
    if (req.url?.startsWith('/api/todos')) die('boom: the database went away');
  });
}

// The first todo request closes the listener, and the process stays up: connections are refused.
if (faults.has('stop-listening-after-start')) {
  app.server.prependListener('request', (req) => {
    if (!req.url?.startsWith('/api/todos') || !app.server.listening) return;
    process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'closing the listener' })}\n`);
    app.server.close();
    app.server.closeAllConnections();
    setInterval(() => undefined, 60_000); // what keeps a real server's process alive: its pool, timers
  });
}

process.on('SIGTERM', () => {
  if (faults.has('ignore-sigterm')) return;
  if (faults.has('exit-1-on-sigterm')) process.exit(1);
  void app.shutdown().then(() => process.exit(0));
});
