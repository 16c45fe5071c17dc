import { SignJWT, jwtVerify } from 'jose';
import { UnauthorizedError } from '../shared/errors.js';

const ALGORITHM = 'HS256';

export interface AccessTokenOptions {
  /** The HS256 key shared with whoever issues the tokens. */
  secret: string;
  /** When set, `iss` must equal it: tokens of another issuer sharing the key are refused. */
  issuer?: string | undefined;
  /** When set, `aud` must contain it: a token minted for another service is refused. */
  audience?: string | undefined;
  clock?: () => Date;
}

/**
 * Short-lived HS256 access tokens. Minimal claims: `sub` (the user id), `iat`, `exp`, plus `iss` and
 * `aud` when configured. Clients send them as `Authorization: Bearer`; verifying one needs no
 * database, so any number of instances can check them.
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly issuer: string | undefined;
  private readonly audience: string | undefined;
  private readonly clock: () => Date;

  constructor({ secret, issuer, audience, clock }: AccessTokenOptions) {
    this.key = new TextEncoder().encode(secret);
    this.issuer = issuer;
    this.audience = audience;
    this.clock = clock ?? (() => new Date());
  }

  async issue(subject: string, { ttlSeconds }: { ttlSeconds: number }): Promise<string> {
    const now = Math.floor(this.clock().getTime() / 1000);
    const token = new SignJWT({})
      .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + ttlSeconds);
    if (this.issuer !== undefined) token.setIssuer(this.issuer);
    if (this.audience !== undefined) token.setAudience(this.audience);
    return token.sign(this.key);
  }

  /** The subject of a valid, unexpired token for this issuer and audience; anything else is a 401. */
  async verify(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        currentDate: this.clock(),
        ...(this.issuer === undefined ? {} : { issuer: this.issuer }),
        ...(this.audience === undefined ? {} : { audience: this.audience }),
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
      return payload.sub;
    } catch {
      throw new UnauthorizedError('The access token is invalid or has expired.');
    }
  }
}
