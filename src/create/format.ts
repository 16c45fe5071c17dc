import pc from 'picocolors';
import type { CheckResult, VerifyReport } from '../verify/types.js';

const marks = { passed: pc.green('✔'), failed: pc.red('✖'), skipped: pc.yellow('○') } as const;

/** One line per Step 4 check: mark, phase, name, duration, and the detail when it did not pass. */
export function formatCheck(check: CheckResult): string {
  const duration = pc.dim(`${Math.round(check.durationMs)} ms`);
  const detail = check.status === 'passed' ? (check.detail ? pc.dim(` ${check.detail}`) : '') : ` ${check.detail}`;
  return `${marks[check.status]} ${check.phase}: ${check.name} ${duration}${detail}`;
}

/** Every failed Step 4 check, one line each, for the error a failed run exits with. */
export function failedChecksMessage(report: VerifyReport): string {
  const failed = report.checks.filter((c) => c.status === 'failed');
  return `${failed.length} check(s) failed:\n${failed.map((c) => `  - ${c.phase} / ${c.name}: ${c.detail}`).join('\n')}`;
}
