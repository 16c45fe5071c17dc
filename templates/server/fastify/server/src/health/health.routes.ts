import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../shared/logger.js';
import { checkReadiness, type Pingable } from './readiness.js';

/**
 * `/health`: liveness, the process answers (no dependency is touched, so a slow database never gets
 * the process restarted). `/ready`: readiness, every dependency answers too, so a load balancer stops
 * sending traffic (503) while one is unreachable. A new dependency is one more entry in `dependencies`.
 */
export const healthRoutes: FastifyPluginAsync<{ database: Pingable; logger: Logger }> = async (
  app,
  { database, logger },
) => {
  const dependencies: Record<string, Pingable> = { database };

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (_request, reply) => {
    const readiness = await checkReadiness(dependencies, logger);
    return reply
      .header('Cache-Control', 'no-store')
      .status(readiness.status === 'ok' ? 200 : 503)
      .send(readiness);
  });
};
