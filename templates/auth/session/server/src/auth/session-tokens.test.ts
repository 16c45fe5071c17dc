import { describe, expect, it } from 'vitest';
import {
  csrfTokenMatches,
  generateCsrfToken,
  generateSessionToken,
  hashSessionToken,
  isTrustedOrigin,
} from './session-tokens.js';

describe('session tokens', () => {
  it('are 256 random bits, stored only as a SHA-256 hex digest', () => {
    const token = generateSessionToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateSessionToken()).not.toBe(token);
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).toBe(hashSessionToken(token));
  });
});

describe('CSRF', () => {
  it('accepts only the exact token of the session', () => {
    const token = generateCsrfToken();
    expect(csrfTokenMatches(token, token)).toBe(true);
    expect(csrfTokenMatches(token, undefined)).toBe(false);
    expect(csrfTokenMatches(token, '')).toBe(false);
    expect(csrfTokenMatches(token, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(token, generateCsrfToken())).toBe(false);
  });

  it('trusts only listed origins, and leaves requests without Origin to the token', () => {
    const trusted = ['http://localhost:3000', 'http://localhost:5173'];
    expect(isTrustedOrigin('http://localhost:5173', trusted)).toBe(true);
    expect(isTrustedOrigin('http://evil.example', trusted)).toBe(false);
    expect(isTrustedOrigin('null', trusted)).toBe(false);
    expect(isTrustedOrigin(undefined, trusted)).toBe(true);
  });
});
