import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS, hashPassword, verifyPassword } from './password.js';

// Cheap parameters keep these tests fast; the stored string carries them, so verify still works.
const FAST = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse', FAST);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('stores scheme, parameters, salt and hash, with OWASP parameters by default', async () => {
    const stored = await hashPassword('correct horse');
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual([
      'scrypt',
      SCRYPT_PARAMS.N,
      SCRYPT_PARAMS.r,
      SCRYPT_PARAMS.p,
    ]);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(64);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
  });

  it.each(['', 'plain-text', 'bcrypt$10$x$y', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$c2FsdA==$c2hvcnQ='])(
    'rejects the malformed stored value %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});
