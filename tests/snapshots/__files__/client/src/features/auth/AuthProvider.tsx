import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { NetworkError } from '../../lib/api-client';
import { connectivity } from '../../lib/connectivity';
import { getSession, subscribeSession } from '../../lib/session';
import { restoreSession } from './auth.api';
import { AuthContext, type AuthState } from './use-auth';

/** Follows the in-memory session; it changes on sign-in, on refresh, and when a refresh is refused. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const [restoring, setRestoring] = useState(true);
  const queryClient = useQueryClient();
  const userId = session?.user.id;

  useEffect(() => {
    let active = true;
    let stopWaiting = () => {};
    const attempt = (): void => {
      restoreSession().then(
        () => {
          if (active) setRestoring(false);
        },
        (error: unknown) => {
          if (!active) return;
          // Server unreachable (say, restarting): keep waiting rather than ask for a password the
          // cookie makes unnecessary; the offline banner explains, and recovery tries again.
          if (error instanceof NetworkError) stopWaiting = connectivity.subscribe(retryWhenOnline);
          else setRestoring(false);
        },
      );
    };
    const retryWhenOnline = (): void => {
      if (!connectivity.isOnline()) return;
      stopWaiting();
      attempt();
    };
    attempt();
    return () => {
      active = false;
      stopWaiting();
    };
  }, []);

  useEffect(() => {
    // When the session ends (sign-out or a refused refresh), drop the previous user's data.
    if (userId === undefined) queryClient.clear();
  }, [userId, queryClient]);

  const value = useMemo<AuthState>(
    () => ({
      status: restoring && !session ? 'restoring' : session ? 'authenticated' : 'anonymous',
      user: session?.user ?? null,
    }),
    [restoring, session],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
