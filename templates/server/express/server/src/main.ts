import { createApp } from './app.js';
import { ConfigError, configErrorLine, loadConfig, loadProjectEnvFile } from './config.js';
import { openDatabase } from './shared/database/database.js';
import { migrations } from './shared/database/migrations.js';
import { Migrator } from './shared/database/migrator.js';
import { listen, serverUrl } from './shared/http/http-server.js';
import { createLogger } from './shared/logger.js';
import { exitOnSignals } from './shared/shutdown.js';

/** Start-up: configuration, logger, database, app, listen, then wait for a shutdown signal. */
async function main(): Promise<number | undefined> {
  loadProjectEnvFile();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(configErrorLine(error));
    return 1;
  }

  const logger = createLogger({ level: config.log.level });
  // A crash is a bug: log it with its stack and exit non-zero so the supervisor restarts a clean process.
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  const database = await openDatabase(config.database, logger);
  let pending;
  try {
    pending = await new Migrator(database, migrations, logger).pending();
  } catch (error) {
    // Unreachable server, wrong credentials, missing database: nothing to serve without it.
    logger.fatal({ err: error }, 'cannot reach the database: check DATABASE_URL and that the database is running');
    await database.close();
    return 1;
  }
  if (pending.length > 0) {
    logger.fatal(
      { pending: pending.map((migration) => `${migration.id}_${migration.name}`) },
      'the database schema is behind: run `npm run db:migrate`',
    );
    await database.close();
    return 1;
  }

  const app = createApp({ config, logger, database });
  const server = await listen(app.express, config.http);
  app.attach(server);
  logger.info({ url: serverUrl(server), env: config.nodeEnv }, 'server listening');

  exitOnSignals({
    server,
    logger,
    timeoutMs: config.http.shutdownTimeoutMs,
    closeStreams: app.closeStreams,
    closeDatabase: () => database.close(),
  });
  return undefined;
}

const exitCode = await main();
if (exitCode !== undefined) process.exitCode = exitCode;
