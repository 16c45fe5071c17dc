/**
 * How Step 4 shows its progress, for `verify` and for `create`. On a terminal: one spinner per
 * phase naming the running check, ending with the phase's result. In a pipe or a CI log: one plain
 * line per check and per phase, no control codes. Both end with the same summary table.
 */
import type { Spinner, Ui } from '../cli/ui.js';
import type { CheckPhase, CheckResult, VerifyInput, VerifyReport } from '../verify/types.js';
import { formatCheck, formatPhase, summaryTable } from './format.js';

export interface VerifyView {
  /** Handlers to pass to verifyProject. */
  readonly handlers: Required<Pick<VerifyInput, 'onCheckStart' | 'onCheck'>>;
  /** Ends the last phase and prints the summary table. */
  finish(report: VerifyReport): void;
  /** Ends a running spinner when Step 4 stopped without a report (aborted, misuse). */
  abort(reason: string): void;
}

interface PhaseState {
  phase: CheckPhase;
  checks: CheckResult[];
  startedAt: number;
  spinner?: Spinner;
}

/** Spinner messages stay on one line: the width of the terminal minus clack's gutter. */
function oneLine(text: string, columns = process.stdout.columns): string {
  const room = Math.max(20, (columns ?? 80) - 6);
  return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

export function verifyView(ui: Ui): VerifyView {
  let current: PhaseState | undefined;

  const endPhase = (): void => {
    if (!current) return;
    const { phase, checks, startedAt, spinner } = current;
    current = undefined;
    const summary = formatPhase(phase, checks, performance.now() - startedAt);
    const failed = checks.some((c) => c.status === 'failed');
    if (spinner) {
      if (failed) spinner.error(oneLine(summary));
      else spinner.stop(oneLine(summary));
    } else if (failed) ui.error(summary);
    else if (checks.every((c) => c.status === 'skipped')) ui.warn(summary);
    else ui.success(summary);
  };

  const enter = (phase: CheckPhase): PhaseState => {
    if (current?.phase === phase) return current;
    endPhase();
    const state: PhaseState = { phase, checks: [], startedAt: performance.now() };
    if (ui.interactive) {
      state.spinner = ui.spinner();
      state.spinner.start(phase);
    }
    current = state;
    return state;
  };

  return {
    handlers: {
      onCheckStart: ({ phase, name }) => {
        enter(phase).spinner?.message(oneLine(`${phase}: ${name}`));
      },
      onCheck: (result) => {
        const state = enter(result.phase);
        state.checks.push(result);
        if (!state.spinner) ui.info(formatCheck(result));
      },
    },
    finish(report) {
      endPhase();
      ui.message(summaryTable(report, { width: ui.interactive ? process.stdout.columns : undefined }));
    },
    abort(reason) {
      if (current?.spinner) current.spinner.error(`${current.phase}: ${reason}`);
      current = undefined;
    },
  };
}
