/** What every HTTP check gets: the running server's client, the options and a shared user. */
import type { ProjectOptions } from '../options/questions.js';
import { register, type Session } from './api.js';
import type { HttpClient } from './http.js';
import { CheckSkipped, errorMessage } from './runner.js';

/** The Vite dev server's origin, the one origin CORS_ORIGINS allows during Step 4. */
export const CLIENT_ORIGIN = 'http://localhost:5173';

export interface VerifyContext {
  dir: string;
  options: ProjectOptions;
  http: HttpClient;
  signal?: AbortSignal;
  /**
   * The headers of a user registered once and shared by checks (empty without auth).
   * The first caller sees a failed registration as its own failure; later callers are skipped.
   */
  user: () => Promise<Session | undefined>;
}

export function createContext(input: Omit<VerifyContext, 'user'>): VerifyContext {
  let attempt: Promise<Session> | undefined;
  return {
    ...input,
    user: async () => {
      if (input.options.auth === 'none') return undefined;
      if (!attempt) {
        attempt = register(input.http, 'user', input.options.auth);
        return attempt;
      }
      try {
        return await attempt;
      } catch (error) {
        throw new CheckSkipped(`needs a registered user, and registering one failed: ${errorMessage(error)}`);
      }
    },
  };
}

export function headersOf(session: Session | undefined): Record<string, string> {
  return session?.headers ?? {};
}
