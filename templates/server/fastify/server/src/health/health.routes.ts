import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from '../shared/logger.js';

/** What readiness needs from the database: a cheap round trip. */
export interface Pingable {
  ping(): Promise<void>;
}

/**
 * `/health`: liveness, the process answers. `/ready`: readiness, its dependencies answer too, so a
 * load balancer stops sending traffic (503) while the database is unreachable.
 */
export const healthRoutes: FastifyPluginAsync<{ database: Pingable; logger: Logger }> = async (app, { database, logger }) => {
  app.get('/health', async () => ({ status: 'ok' }));

  app.get('/ready', async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', checks: { database: { status: 'ok' } } };
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: database');
      return reply.status(503).send({ status: 'unavailable', checks: { database: { status: 'unavailable' } } });
    }
  });
};
