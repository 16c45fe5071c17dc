/**
 * `npm run token -- [--sub <id>] [--ttl <seconds>]`: a local stand-in for the identity provider.
 * Prints an access token signed with this project's JWT_SECRET, JWT_ISSUER and JWT_AUDIENCE, so
 * the API can be called in development. Refuses to run with NODE_ENV=production.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, configErrorLine, loadConfig, loadProjectEnvFile } from '../config.js';
import { AccessTokens } from './tokens.js';

const ArgsSchema = z.object({
  sub: z.string().min(1, '--sub must not be empty'),
  ttl: z.coerce.number().int().min(1, '--ttl must be at least 1 second').max(86_400, '--ttl must be at most a day'),
});

async function main(): Promise<number> {
  loadProjectEnvFile();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(configErrorLine(error));
    return 1;
  }
  if (config.isProduction) {
    process.stderr.write(
      'npm run token signs development tokens only; in production tokens come from the identity provider.\n',
    );
    return 1;
  }
  const { values } = parseArgs({
    options: { sub: { type: 'string', default: 'dev-user' }, ttl: { type: 'string', default: '3600' } },
  });
  const args = ArgsSchema.safeParse(values);
  if (!args.success) {
    process.stderr.write(`${args.error.issues.map((issue) => issue.message).join('\n')}\n`);
    return 1;
  }
  const { jwtSecret, issuer, audience } = config.auth;
  const token = await new AccessTokens({ secret: jwtSecret, issuer, audience }).issue(args.data.sub, {
    ttlSeconds: args.data.ttl,
  });
  process.stdout.write(`${token}\n`);
  return 0;
}

process.exitCode = await main();
