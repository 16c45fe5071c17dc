import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

const INSUFFICIENT_PRIVILEGE = '42501';
const ATTEMPTS = 25;
const RETRY_DELAY_MS = 200;

/**
 * Drops a test database, ending the connections a failed test left open (FORCE). FORCE refuses
 * (42501) while a backend this role may not signal is connected, such as the autovacuum worker
 * that visits a fresh database: it has no role, and it is gone within moments, so that refusal is
 * retried for 5 s before it fails the run.
 */
export async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      const refused = error instanceof pg.DatabaseError && error.code === INSUFFICIENT_PRIVILEGE;
      if (!refused || attempt === ATTEMPTS) throw error;
      await delay(RETRY_DELAY_MS);
    }
  }
}
