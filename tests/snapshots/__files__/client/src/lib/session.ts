import type { User } from '@app/shared';

/**
 * The signed-in user and their access token, kept in memory only: localStorage would hand the
 * token to any injected script. A reload restores the session from the httpOnly refresh cookie.
 */
export interface Session {
  user: User;
  accessToken: string;
}

let current: Session | null = null;
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  return current;
}

export function setSession(next: Session | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** useSyncExternalStore-compatible subscription: the UI follows sign-in, refresh and expiry. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
