import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenMinter, tokenMinterFor, VERIFY_AUDIENCE, VERIFY_ISSUER } from '../../src/verify/tokens.js';

const settings = { secret: 's'.repeat(48), issuer: VERIFY_ISSUER, audience: VERIFY_AUDIENCE };
const partsOf = (token: string) => {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, number | string>,
    signed: `${header}.${payload}`,
    signature,
  };
};

describe('TokenMinter', () => {
  const minter = new TokenMinter(settings);

  it('mints HS256 tokens with sub, iss, aud, iat and exp, signed with the secret', () => {
    const { header, payload, signed, signature } = partsOf(minter.mint({ sub: 'alice' }));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: 'alice', iss: VERIFY_ISSUER, aud: VERIFY_AUDIENCE });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(600);
    expect(signature).toBe(createHmac('sha256', settings.secret).update(signed).digest('base64url'));
  });

  it('mints expired and foreign tokens on request', () => {
    const expired = partsOf(minter.mint({ sub: 'a', expiresIn: -120 })).payload;
    expect(Number(expired.exp)).toBeLessThan(Date.now() / 1000);
    expect(partsOf(minter.mint({ sub: 'a', issuer: 'x', audience: 'y' })).payload).toMatchObject({ iss: 'x', aud: 'y' });
    const foreign = partsOf(minter.mint({ sub: 'a', secret: 'other' }));
    expect(foreign.signature).not.toBe(createHmac('sha256', settings.secret).update(foreign.signed).digest('base64url'));
  });

  it('gives sessions a new subject each, or the same subject again', () => {
    const a = minter.session('a');
    expect(a.headers).toEqual({ authorization: `Bearer ${a.accessToken}` });
    expect(minter.session('b').userId).not.toBe(a.userId);
    expect(minter.session('again', a.userId).userId).toBe(a.userId);
  });
});

describe('tokenMinterFor', () => {
  const env = { JWT_SECRET: settings.secret, JWT_ISSUER: VERIFY_ISSUER, JWT_AUDIENCE: VERIFY_AUDIENCE };
  const options = { service: 'microservice', backend: 'express', frontend: 'none', db: 'sqlite', api: 'rest', realtime: 'none', auth: 'jwt' } as const;

  it('exists only for a verification-only service', () => {
    expect(tokenMinterFor(options, env)?.settings).toEqual(settings);
    expect(tokenMinterFor({ ...options, auth: 'none' }, env)).toBeUndefined();
    expect(tokenMinterFor({ ...options, service: 'api' }, env)).toBeUndefined();
    expect(() => tokenMinterFor(options, {})).toThrow(/JWT_ISSUER/);
  });
});
