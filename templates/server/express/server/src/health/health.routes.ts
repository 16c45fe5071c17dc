import { Router } from 'express';
import type { Logger } from '../shared/logger.js';
import { checkReadiness, type Pingable } from './readiness.js';

export { checkReadiness, type Pingable } from './readiness.js';

/**
 * `/health`: liveness, the process answers (no dependency is touched, so a slow database never gets
 * the process restarted). `/ready`: readiness, every dependency answers too, so a load balancer stops
 * sending traffic (503) while one is unreachable. A new dependency is one more entry in `dependencies`.
 */
export function healthRoutes({ database, logger }: { database: Pingable; logger: Logger }): Router {
  const router = Router();
  const dependencies: Record<string, Pingable> = { database };

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req, res) => {
    const readiness = await checkReadiness(dependencies, logger);
    res.setHeader('Cache-Control', 'no-store');
    res.status(readiness.status === 'ok' ? 200 : 503).json(readiness);
  });

  return router;
}
