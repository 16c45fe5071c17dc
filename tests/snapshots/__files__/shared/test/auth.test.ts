import { describe, expect, it } from 'vitest';
import { CredentialsSchema } from '../src/auth.js';

describe('CredentialsSchema', () => {
  it('trims and lower-cases the email', () => {
    expect(CredentialsSchema.parse({ email: '  Ann@Example.COM ', password: 'correct horse' })).toEqual({
      email: 'ann@example.com',
      password: 'correct horse',
    });
  });

  it.each([
    [{ email: 'not-an-email', password: 'long enough' }, 'email'],
    [{ email: 'ann@example.com', password: 'short' }, 'password'],
    [{ email: 'ann@example.com', password: 'x'.repeat(129) }, 'password'],
  ])('refuses %j at %s', (input, field) => {
    const result = CredentialsSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual([field]);
  });
});
