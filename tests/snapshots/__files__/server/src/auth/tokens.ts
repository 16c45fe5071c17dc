import { webcrypto } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { UnauthorizedError } from '../shared/errors.js';

const ALGORITHM = 'HS256';
/** Verified tokens remembered at most; the oldest is forgotten first. */
const VERIFIED_TOKENS_KEPT = 10_000;

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
  /** Imported once: given raw bytes, jose imports the key again for every token it checks. */
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly issuer: string | undefined;
  private readonly audience: string | undefined;
  private readonly clock: () => Date;
  /**
   * Tokens already verified, with their subject and expiry. A client sends the same token with
   * every request until it expires, and verifying it again (Web Crypto, claims) costs more than the
   * rest of a small request; a remembered token is still refused from its expiry on.
   */
  private readonly verified = new Map<string, { subject: string; expiresAt: number }>();

  constructor({ secret, issuer, audience, clock }: AccessTokenOptions) {
    this.key = webcrypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
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
    return token.sign(await this.key);
  }

  /** The subject of a valid, unexpired token for this issuer and audience; anything else is a 401. */
  async verify(token: string): Promise<string> {
    const now = this.clock();
    const known = this.verified.get(token);
    if (known && now.getTime() < known.expiresAt) return known.subject;
    this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        algorithms: [ALGORITHM],
        currentDate: now,
        ...(this.issuer === undefined ? {} : { issuer: this.issuer }),
        ...(this.audience === undefined ? {} : { audience: this.audience }),
      });
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new Error('token has no subject');
      // only tokens that expire are remembered, and only until then
      if (payload.exp !== undefined) this.remember(token, { subject: payload.sub, expiresAt: payload.exp * 1000 });
      return payload.sub;
    } catch {
      throw new UnauthorizedError('The access token is invalid or has expired.');
    }
  }

  private remember(token: string, entry: { subject: string; expiresAt: number }): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, entry);
  }
}
