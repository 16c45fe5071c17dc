import { AuthResponseSchema, MeResponseSchema, type Credentials, type User } from '@app/shared';
import { useMutation } from '@tanstack/react-query';
import { api, refreshSession, send } from '../../lib/api-client';
import { setSession } from '../../lib/session';

export async function login(credentials: Credentials): Promise<User> {
  const session = await api.post('/api/auth/login', credentials, AuthResponseSchema);
  setSession(session);
  return session.user;
}

export async function register(credentials: Credentials): Promise<User> {
  const session = await api.post('/api/auth/register', credentials, AuthResponseSchema);
  setSession(session);
  return session.user;
}

/** Revokes the refresh cookie on the server; the local session ends whatever the answer. */
export async function logout(): Promise<void> {
  try {
    await send('/api/auth/logout', { method: 'POST' });
  } finally {
    setSession(null);
  }
}

/** The signed-in user as the server sees them now. */
export async function fetchMe(): Promise<User> {
  return (await api.get('/api/auth/me', MeResponseSchema)).user;
}

/**
 * On page load the access token is gone (memory only), but the httpOnly refresh cookie may
 * still be valid: trading it in restores the session without asking for the password again.
 */
export async function restoreSession(): Promise<boolean> {
  return (await refreshSession()) !== null;
}

export function useLogin() {
  return useMutation({ mutationFn: login, meta: { inlineErrors: true } });
}

export function useRegister() {
  return useMutation({ mutationFn: register, meta: { inlineErrors: true } });
}

/** The cached data is dropped by AuthProvider, whenever and however the session ends. */
export function useLogout() {
  return useMutation({ mutationFn: logout });
}
