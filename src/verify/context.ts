/** What every HTTP check gets: the running server's client, the options and a shared user. */
import type { ProjectOptions } from '../options/questions.js';
import { login, register, type AuthMode, type Session } from './api.js';
import type { HttpClient } from './http.js';
import { createTodoApi, type TodoApi } from './todo-api.js';
import { CheckSkipped, errorMessage } from './runner.js';
import type { TokenMinter } from './tokens.js';

/** The Vite dev server's origin, the one origin CORS_ORIGINS allows during Step 4. */
export const CLIENT_ORIGIN = 'http://localhost:5173';

export interface VerifyContext {
  dir: string;
  options: ProjectOptions;
  http: HttpClient;
  /** The todo API in the project's style (REST or tRPC). */
  todos: TodoApi;
  signal?: AbortSignal;
  /** Verification-only services (microservice + jwt): Step 4 mints tokens instead of registering users. */
  tokens?: TokenMinter | undefined;
  /**
   * The headers of a user registered once and shared by checks (empty without auth).
   * The first caller sees a failed registration as its own failure; later callers are skipped.
   */
  user: () => Promise<Session | undefined>;
}

export function createContext(input: Omit<VerifyContext, 'user' | 'todos'>): VerifyContext {
  let attempt: Promise<Session> | undefined;
  return {
    ...input,
    todos: createTodoApi(input.options, input.http),
    user: async () => {
      if (input.options.auth === 'none') return undefined;
      if (!attempt) {
        attempt = newSession(input, 'user');
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

/** A new user: registered, or with a verification-only service, a new token subject. */
export async function newSession(ctx: Pick<VerifyContext, 'http' | 'tokens' | 'options'>, label: string): Promise<Session> {
  return ctx.tokens ? ctx.tokens.session(label) : register(ctx.http, label, authModeOf(ctx.options));
}

/** The same user again in a second session: a second login, or a second token for the same subject. */
export async function sameUserSession(ctx: Pick<VerifyContext, 'http' | 'tokens' | 'options'>, session: Session): Promise<Session> {
  return ctx.tokens ? ctx.tokens.session('again', session.userId) : login(ctx.http, session, authModeOf(ctx.options));
}

export function headersOf(session: Session | undefined): Record<string, string> {
  return session?.headers ?? {};
}

/** How a register or login response opens a session: a bearer token, or a cookie plus CSRF token. */
function authModeOf(options: ProjectOptions): AuthMode {
  return options.auth === 'session' ? 'session' : 'jwt';
}
