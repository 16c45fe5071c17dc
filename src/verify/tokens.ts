/**
 * Step 4 for a verification-only service (`--service microservice --auth jwt`): it cannot register
 * users, so Step 4 plays the identity provider and mints HS256 tokens with the secret, issuer and
 * audience it started the server with. node:crypto only: the CLI carries no JWT library.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { ProjectOptions } from '../options/questions.js';
import { CookieJar } from './cookies.js';
import { bearer } from './http.js';
import type { Session } from './api.js';

/** What Step 4 sets in the server's environment: values no real identity provider would use. */
export const VERIFY_ISSUER = 'https://identity.create-fullstack-app.invalid';
export const VERIFY_AUDIENCE = 'create-fullstack-app-verify';

export interface TokenSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export interface MintOptions {
  sub: string;
  /** Seconds from now; negative mints an already expired token. */
  expiresIn?: number;
  issuer?: string;
  audience?: string;
  secret?: string;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export class TokenMinter {
  constructor(readonly settings: TokenSettings) {}

  mint({ sub, expiresIn = 600, issuer, audience, secret }: MintOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({
        sub,
        iss: issuer ?? this.settings.issuer,
        aud: audience ?? this.settings.audience,
        iat: Math.min(now, now + expiresIn),
        exp: now + expiresIn,
      }),
    );
    const signature = createHmac('sha256', secret ?? this.settings.secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** A caller with a new subject, shaped like a registered session (no email, password or cookies). */
  session(label: string, sub = `verify-${label}-${randomUUID().slice(0, 8)}`): Session {
    const accessToken = this.mint({ sub });
    return { email: '', password: '', userId: sub, accessToken, csrfToken: '', jar: new CookieJar(), headers: bearer(accessToken) };
  }
}

/** The minter for a verification-only project, from the environment Step 4 started it with. */
export function tokenMinterFor(options: ProjectOptions, env: NodeJS.ProcessEnv): TokenMinter | undefined {
  if (options.service !== 'microservice' || options.auth !== 'jwt') return undefined;
  const { JWT_SECRET: secret, JWT_ISSUER: issuer, JWT_AUDIENCE: audience } = env;
  if (!secret || !issuer || !audience) throw new Error('Step 4 set no JWT_SECRET, JWT_ISSUER or JWT_AUDIENCE for a microservice');
  return new TokenMinter({ secret, issuer, audience });
}
