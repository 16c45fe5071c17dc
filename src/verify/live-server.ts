/**
 * The generated server Step 4 runs: spawned once, and restartable on the same port and database
 * (the browser checks take it down to see the app go offline and come back).
 */
import { SHUTDOWN_DEADLINE_MS } from './checks/shutdown.js';
import { HEALTH_TIMEOUT_MS, MAIN_SCRIPT, type ServerSetup } from './checks/start.js';
import { ServerProcess, type ProcessExit } from './server-process.js';

export class LiveServer {
  private process: ServerProcess | undefined;
  /** The environment of the current process: the setup's, plus the last restart's overrides. */
  env: NodeJS.ProcessEnv;

  constructor(
    private readonly dir: string,
    readonly setup: ServerSetup,
    private readonly script = MAIN_SCRIPT,
  ) {
    this.env = setup.env;
  }

  get current(): ServerProcess | undefined {
    return this.process;
  }

  spawn(overrides: Record<string, string> = {}): ServerProcess {
    if (this.process?.running) throw new Error('LiveServer.spawn: the server is still running');
    this.env = { ...this.setup.env, ...overrides };
    this.process = new ServerProcess(this.dir, this.script, this.env);
    return this.process;
  }

  /** SIGTERM, SIGKILL after the shutdown deadline; nothing when it is not running. */
  async stop(graceMs = SHUTDOWN_DEADLINE_MS): Promise<ProcessExit | undefined> {
    return this.process?.stop(graceMs);
  }

  /** Stops the server if needed, starts it again with `overrides`; resolves with ms until healthy. */
  async restart(overrides: Record<string, string> = {}, signal?: AbortSignal): Promise<number> {
    await this.stop();
    const process = this.spawn(overrides);
    return process.waitHealthy(new URL('/health', this.setup.baseUrl), HEALTH_TIMEOUT_MS, signal);
  }
}
