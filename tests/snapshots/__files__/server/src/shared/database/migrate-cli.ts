import { ConfigError, configErrorLine, loadDatabaseConfig, loadProjectEnvFile } from '../../config.js';
import { createLogger } from '../logger.js';
import { openSqliteDatabase } from './database.js';
import { migrations } from './migrations.js';
import { Migrator } from './migrator.js';

/**
 * `node server/dist/shared/database/migrate-cli.js up|down`: applies pending migrations or rolls
 * back the latest one. Used by `npm run db:migrate`, `npm run db:rollback` and `npm start`.
 */
async function main(command: string | undefined): Promise<number> {
  if (command !== 'up' && command !== 'down') {
    process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: 'usage: migrate-cli.js up|down', command })}\n`);
    return 2;
  }
  loadProjectEnvFile();
  let config;
  try {
    config = loadDatabaseConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(configErrorLine(error));
    return 1;
  }
  const logger = createLogger({ level: config.log.level });
  const database = await openSqliteDatabase({ file: config.database.file });
  try {
    const migrator = new Migrator(database, migrations, logger);
    if (command === 'up') await migrator.up();
    else await migrator.down();
    return 0;
  } catch (error) {
    logger.fatal({ err: error }, `migration ${command} failed`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv[2]);
