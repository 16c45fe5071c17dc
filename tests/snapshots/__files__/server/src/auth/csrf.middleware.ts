import type { RequestHandler } from 'express';
import { ForbiddenError } from '../shared/errors.js';
import { isStateChanging } from './auth.middleware.js';
import { isTrustedOrigin } from './session-tokens.js';

/**
 * Defence in depth next to the CSRF token, and the only defence of sign-in and sign-up (there is
 * no session, hence no token, yet): a state-changing request that names its Origin must come from
 * this server's own origin or an explicit CORS origin.
 */
export function originCheck(corsOrigins: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!isStateChanging(req.method)) {
      next();
      return;
    }
    const origin = req.get('origin');
    // `req.protocol` honours X-Forwarded-Proto only as far as `trust proxy` allows.
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    if (!isTrustedOrigin(origin, [own, ...corsOrigins])) {
      throw new ForbiddenError(`Cross-site request refused: origin ${origin ?? ''} is not allowed.`);
    }
    next();
  };
}
