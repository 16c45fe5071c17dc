import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
/** Bounded so hashing a huge password cannot be used to exhaust the server. */
export const PASSWORD_MAX_LENGTH = 128;

/** Emails are compared trimmed and lower-cased, so `Ann@Example.com ` and `ann@example.com` are one account. */
const EmailSchema = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email('Enter a valid email address').max(254, 'Email must be at most 254 characters'),
);

/** Body of `POST /api/auth/register` and `POST /api/auth/login`. */
export const CredentialsSchema = z
  .object({
    email: EmailSchema,
    password: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
      .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`),
  })
  .strict();

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  createdAt: z.iso.datetime(),
});

/** Answer of register, login and refresh; the refresh token travels only in an httpOnly cookie. */
export const AuthResponseSchema = z.object({
  user: UserSchema,
  accessToken: z.string(),
});

/** Answer of `GET /api/auth/me`. */
export const MeResponseSchema = z.object({ user: UserSchema });

export type Credentials = z.infer<typeof CredentialsSchema>;
export type User = z.infer<typeof UserSchema>;
export type AuthResponse = z.infer<typeof AuthResponseSchema>;
export type MeResponse = z.infer<typeof MeResponseSchema>;
