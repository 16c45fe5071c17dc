import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only module that reads the environment. Everything else receives a typed `Config`.
 * Values are checked once at start-up; a bad one stops the process before it serves anything.
 */

/** The project root: this file is server/src/config.ts in tests and server/dist/config.js when built. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** The environment is invalid. `issues` names every bad variable, not only the first. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((issue) => `${issue.variable} ${issue.message}`).join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** The one JSON line written to stderr when start-up stops on configuration. */
export function configErrorLine(error: ConfigError): string {
  const line = {
    level: 'fatal',
    time: new Date().toISOString(),
    msg: 'invalid configuration: fix these environment variables',
    variables: error.issues.map((issue) => issue.variable),
    errors: error.issues,
  };
  return `${JSON.stringify(line)}\n`;
}

type Env = Record<string, string | undefined>;

const required = (what: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `is required (${what})` : `must be ${what}`),
});

const wholeNumber = (min: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(min, `must be at least ${min}`);

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Explicit origins only: `*` would let any site call the API with the user's cookies. */
const OriginListSchema = z
  .string(required('a comma-separated list of origins'))
  .transform((value, ctx) => {
    const origins = value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '');
    if (origins.length === 0) ctx.addIssue({ code: 'custom', message: 'must list at least one origin' });
    for (const origin of origins) {
      if (origin === '*') {
        ctx.addIssue({ code: 'custom', message: 'must list explicit origins: "*" is refused' });
      } else if (!isOrigin(origin)) {
        ctx.addIssue({
          code: 'custom',
          message: `has "${origin}", which is not an origin like https://app.example.com (scheme, host, optional port, no path)`,
        });
      }
    }
    return origins;
  });

const DatabaseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .startsWith('file:', 'must be a SQLite file URL such as file:data/app.db')
    .default('file:data/app.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const EnvSchema = DatabaseEnvSchema.extend({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: wholeNumber(0).max(65535, 'must be at most 65535').default(3000),
  CORS_ORIGINS: OriginListSchema,
  TRUST_PROXY_HOPS: wholeNumber(0).default(0),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0).default(10_000),
  SSE_HEARTBEAT_MS: wholeNumber(1000).default(15_000),
});

/** `file:data/app.db` is relative to the project root; `file:///abs/app.db` and `file::memory:` work too. */
function databaseFile(url: string): string {
  if (url.startsWith('file://')) return fileURLToPath(url);
  const location = url.slice('file:'.length);
  return location === ':memory:' ? location : path.resolve(projectRoot, location);
}

function toDatabaseConfig(env: z.infer<typeof DatabaseEnvSchema>) {
  return {
    nodeEnv: env.NODE_ENV,
    database: { file: databaseFile(env.DATABASE_URL) },
    log: { level: env.LOG_LEVEL },
  };
}

function toConfig(env: z.infer<typeof EnvSchema>) {
  return {
    ...toDatabaseConfig(env),
    isProduction: env.NODE_ENV === 'production',
    http: {
      host: env.HOST,
      port: env.PORT,
      corsOrigins: env.CORS_ORIGINS,
      trustProxyHops: env.TRUST_PROXY_HOPS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    realtime: { heartbeatMs: env.SSE_HEARTBEAT_MS },
  };
}

export type Config = ReturnType<typeof toConfig>;
export type DatabaseConfig = ReturnType<typeof toDatabaseConfig>;

function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  // An empty value (`PORT=`) means "not set", so the default applies.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'environment'), message: issue.message })),
  );
}

/** The whole server configuration; throws a `ConfigError` naming every missing or malformed variable. */
export function loadConfig(env: Env = process.env): Config {
  return toConfig(parseEnv(EnvSchema, env));
}

/** Only what the migration CLI needs, so migrating does not require the HTTP or auth settings. */
export function loadDatabaseConfig(env: Env = process.env): DatabaseConfig {
  return toDatabaseConfig(parseEnv(DatabaseEnvSchema, env));
}

/**
 * Loads `.env` from the project root when it exists. Node's loader never replaces a variable that is
 * already set, so real environment variables win over the file (see config.test.ts).
 */
export function loadProjectEnvFile(file = path.join(projectRoot, '.env')): boolean {
  if (!existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}
