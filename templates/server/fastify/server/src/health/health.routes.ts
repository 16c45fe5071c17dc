import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../shared/logger.js';
import { checkReadiness, type Pingable } from './readiness.js';

export { checkReadiness, type Pingable } from './readiness.js';

/**
 * `/health`: liveness, the process answers (no dependency is touched). `/ready`: readiness, every
 * dependency answers too, with its latency, so a load balancer stops sending traffic (503) while one
 * is unreachable. A new dependency is one more entry in `dependencies`.
 */
export const healthRoutes: FastifyPluginAsync<{ database: Pingable; logger: Logger }> = async (app, { database, logger }) => {
  const dependencies: Record<string, Pingable> = { database };

  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (_request, reply) => {
    const readiness = await checkReadiness(dependencies, logger);
    void reply.header('Cache-Control', 'no-store');
    return reply.status(readiness.status === 'ok' ? 200 : 503).send(readiness);
  });
};
