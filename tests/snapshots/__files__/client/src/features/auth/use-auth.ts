import type { User } from '@app/shared';
import { createContext, useContext } from 'react';

export interface AuthState {
  /** `restoring` until the refresh cookie has been tried on page load. */
  status: 'restoring' | 'authenticated' | 'anonymous';
  user: User | null;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}
