/** Runs named checks, times them, and turns what they throw into one result line each. */
import { checklistItemsFor } from './probes.js';
import type { CheckPhase, CheckResult, VerifyInput } from './types.js';

/** A check failed; the message is what the user reads (what was expected, what was observed). */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
}

/** A check cannot run: it does not apply, or something it depends on failed. */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

export function fail(message: string): never {
  throw new CheckFailure(message);
}

/** A check resolves with its one-line detail when it passes. */
export type CheckFn = () => Promise<string>;

/** The message of an unexpected error, with its causes (fetch hides the useful part in `cause`). */
export function errorMessage(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current !== undefined && parts.length < 4) {
    if (current instanceof Error) {
      const code = 'code' in current && typeof current.code === 'string' ? ` (${current.code})` : '';
      parts.push(`${current.message}${code}`);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(': ');
}

export class Recorder {
  readonly results: CheckResult[] = [];

  constructor(
    private readonly onCheck?: (result: CheckResult) => void,
    private readonly signal?: AbortSignal,
    readonly onCheckStart?: VerifyInput['onCheckStart'],
  ) {}

  phase(phase: CheckPhase): Phase {
    return new Phase(this, phase, this.signal);
  }

  add(outcome: Omit<CheckResult, 'checklist'>): CheckResult {
    const result = { ...outcome, checklist: checklistItemsFor(outcome.name) };
    this.results.push(result);
    this.onCheck?.(result);
    return result;
  }

  get ok(): boolean {
    return this.results.every((r) => r.status !== 'failed');
  }
}

export class Phase {
  constructor(
    private readonly recorder: Recorder,
    readonly phase: CheckPhase,
    private readonly signal?: AbortSignal,
  ) {}

  /** Runs one check. An abort is not a failure: it propagates as the signal's reason. */
  async run(name: string, check: CheckFn): Promise<CheckResult> {
    this.signal?.throwIfAborted();
    this.recorder.onCheckStart?.({ phase: this.phase, name });
    const started = performance.now();
    let status: CheckResult['status'];
    let detail: string;
    try {
      detail = await check();
      status = 'passed';
    } catch (error) {
      this.signal?.throwIfAborted();
      status = error instanceof CheckSkipped ? 'skipped' : 'failed';
      detail =
        error instanceof CheckFailure || error instanceof CheckSkipped
          ? error.message
          : `unexpected error: ${errorMessage(error)}`;
    }
    this.signal?.throwIfAborted();
    const durationMs = Math.round(performance.now() - started);
    return this.recorder.add({ phase: this.phase, name, status, durationMs, detail });
  }

  skip(name: string, reason: string): CheckResult {
    return this.recorder.add({ phase: this.phase, name, status: 'skipped', durationMs: 0, detail: reason });
  }
}
