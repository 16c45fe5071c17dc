import { Router } from 'express';
import type { Logger } from '../shared/logger.js';

/** What readiness needs from the database: a cheap round trip. */
export interface Pingable {
  ping(): Promise<void>;
}

/**
 * `/health`: liveness, the process answers. `/ready`: readiness, its dependencies answer too, so a
 * load balancer stops sending traffic (503) while the database is unreachable.
 */
export function healthRoutes({ database, logger }: { database: Pingable; logger: Logger }): Router {
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    try {
      await database.ping();
      res.json({ status: 'ok', checks: { database: { status: 'ok' } } });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: database');
      res.status(503).json({ status: 'unavailable', checks: { database: { status: 'unavailable' } } });
    }
  });

  return router;
}
