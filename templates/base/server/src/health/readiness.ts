/** Readiness, framework-agnostic: both servers' `/ready` routes and the health test use it. */
import type { Logger } from '../shared/logger.js';

/** What readiness needs from a dependency: a cheap round trip. */
export interface Pingable {
  ping(): Promise<void>;
}

export interface DependencyStatus {
  status: 'ok' | 'unavailable';
  latencyMs: number;
}

export interface Readiness {
  status: 'ok' | 'unavailable';
  checks: Record<string, DependencyStatus>;
}

/** A dependency slower than this counts as down: readiness must answer before the probe times out. */
export const DEPENDENCY_TIMEOUT_MS = 2_000;

function withTimeout(check: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

/** Pings every dependency at once; each reports its status and latency, so an operator sees which one failed. */
export async function checkReadiness(
  dependencies: Record<string, Pingable>,
  logger: Logger,
  timeoutMs = DEPENDENCY_TIMEOUT_MS,
): Promise<Readiness> {
  const entries = await Promise.all(
    Object.entries(dependencies).map(async ([name, dependency]): Promise<[string, DependencyStatus]> => {
      const started = performance.now();
      let status: DependencyStatus['status'] = 'ok';
      try {
        await withTimeout(dependency.ping(), timeoutMs);
      } catch (error) {
        status = 'unavailable';
        logger.warn({ err: error, dependency: name }, `readiness check failed: ${name}`);
      }
      return [name, { status, latencyMs: Math.round(performance.now() - started) }];
    }),
  );
  const checks = Object.fromEntries(entries);
  return { status: entries.every(([, check]) => check.status === 'ok') ? 'ok' : 'unavailable', checks };
}
