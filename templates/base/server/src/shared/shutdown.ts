import type { Server } from 'node:http';
import { inFlightRequests } from './http/http-server.js';
import type { Logger } from './logger.js';

const IDLE_SWEEP_MS = 50;

export interface ShutdownOptions {
  server: Server;
  logger: Logger;
  /** How long in-flight requests get before their connections are closed. */
  timeoutMs: number;
  /**
   * Stops accepting connections and resolves once the server has closed: `server.close()` unless
   * given (Fastify passes `fastify.close()`, which also runs its onClose hooks).
   */
  closeServer?: () => Promise<void>;
  /** Ends long-lived responses (event streams), which would otherwise keep server.close() waiting. */
  closeStreams: () => void;
  closeDatabase: () => Promise<void>;
}

/**
 * Graceful stop: refuse new connections, end event streams, close idle keep-alive connections,
 * let in-flight requests finish until the deadline, then cut what is left and close the database.
 */
export async function shutdown({
  server,
  logger,
  timeoutMs,
  closeServer,
  closeStreams,
  closeDatabase,
}: ShutdownOptions): Promise<void> {
  const closed =
    closeServer === undefined
      ? new Promise<void>((resolve) => {
          server.close((error) => {
            if (error !== undefined) logger.warn({ err: error }, 'server was not listening');
            resolve();
          });
        })
      : closeServer().catch((error: unknown) => {
          logger.warn({ err: error }, 'server did not close cleanly');
        });
  closeStreams();
  // A keep-alive connection turns idle once its in-flight response (or ended stream) is sent:
  // close connections as they free up instead of waiting for their keep-alive timeout, and all
  // of them once no request is left (connections that never sent one do not count as idle).
  const closeFreeConnections = () => {
    if (inFlightRequests(server) === 0) server.closeAllConnections();
    else server.closeIdleConnections();
  };
  closeFreeConnections();
  const sweep = setInterval(closeFreeConnections, IDLE_SWEEP_MS);

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), timeoutMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
  clearTimeout(timer);
  clearInterval(sweep);
  if (outcome === 'deadline') {
    logger.warn({ timeoutMs }, 'shutdown deadline reached: closing remaining connections');
    server.closeAllConnections();
    await closed;
  }

  await closeDatabase();
  logger.info('shutdown complete');
}

export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

/**
 * SIGTERM (orchestrators) and SIGINT (Ctrl-C) start a graceful shutdown and exit 0 once it is done;
 * a second signal exits at once with code 1.
 */
export function exitOnSignals(
  options: ShutdownOptions,
  {
    signals = process,
    exit = (code) => process.exit(code),
  }: { signals?: SignalSource; exit?: (code: number) => void } = {},
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      options.logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    options.logger.info({ signal }, 'shutting down');
    shutdown(options).then(
      () => exit(0),
      (error: unknown) => {
        options.logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  signals.on('SIGTERM', onSignal);
  signals.on('SIGINT', onSignal);
}
