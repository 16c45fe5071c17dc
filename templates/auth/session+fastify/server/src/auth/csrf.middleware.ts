import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError } from '../shared/errors.js';
import { isStateChanging } from './auth.middleware.js';
import { isTrustedOrigin } from './session-tokens.js';

/**
 * Defence in depth next to the CSRF token, and the only defence of sign-in and sign-up (there is
 * no session, hence no token, yet): a state-changing request that names its Origin must come from
 * this server's own origin or an explicit CORS origin. A root hook (fastify-plugin), registered
 * after the request context, so a refusal still carries the request id.
 */
const originCheckPlugin: FastifyPluginAsync<{ corsOrigins: readonly string[] }> = async (app, { corsOrigins }) => {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!isStateChanging(request.method)) return;
    const origin = request.headers.origin;
    // `request.protocol` honours X-Forwarded-Proto only as far as `trustProxy` allows.
    const own = `${request.protocol}://${request.headers.host ?? ''}`;
    if (!isTrustedOrigin(origin, [own, ...corsOrigins])) {
      throw new ForbiddenError(`Cross-site request refused: origin ${origin ?? ''} is not allowed.`);
    }
  });
};
export const originCheck = fp(originCheckPlugin, { name: 'origin-check' });
