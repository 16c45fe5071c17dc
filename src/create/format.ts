import pc from 'picocolors';
import type { CheckResult } from '../verify/index.js';

const marks = { passed: pc.green('✔'), failed: pc.red('✖'), skipped: pc.yellow('○') } as const;

/** One line per Step 4 check: mark, phase, name, duration, and the detail when it did not pass. */
export function formatCheck(check: CheckResult): string {
  const duration = pc.dim(`${Math.round(check.durationMs)} ms`);
  const detail = check.status === 'passed' ? (check.detail ? pc.dim(` ${check.detail}`) : '') : ` ${check.detail}`;
  return `${marks[check.status]} ${check.phase}: ${check.name} ${duration}${detail}`;
}
