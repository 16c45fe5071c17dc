import pc from 'picocolors';
import type { CheckPhase, CheckResult, CheckStatus, VerifyReport } from '../verify/types.js';

const paint: Record<CheckStatus, (text: string) => string> = { passed: pc.green, failed: pc.red, skipped: pc.yellow };
const plainMarks: Record<CheckStatus, string> = { passed: '✔', failed: '✖', skipped: '○' };
const marks = { passed: paint.passed(plainMarks.passed), failed: paint.failed(plainMarks.failed), skipped: paint.skipped(plainMarks.skipped) };

/** `316 ms` below a second, `12.1 s` above. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per Step 4 check: mark, phase, name, duration, and the detail when it did not pass. */
export function formatCheck(check: CheckResult): string {
  const duration = pc.dim(`${Math.round(check.durationMs)} ms`);
  const detail = check.status === 'passed' ? (check.detail ? pc.dim(` ${check.detail}`) : '') : ` ${check.detail}`;
  return `${marks[check.status]} ${check.phase}: ${check.name} ${duration}${detail}`;
}

/** How a phase ended, in one line: `smoke: 1 of 9 failed (x-request-id), 2.3 s`. */
export function formatPhase(phase: CheckPhase, checks: readonly CheckResult[], durationMs: number): string {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status);
  const failed = count('failed');
  const skipped = count('skipped');
  const took = formatDuration(durationMs);
  if (failed.length > 0) return `${phase}: ${failed.length} of ${checks.length} failed (${failed.map((c) => c.name).join(', ')}), ${took}`;
  if (skipped.length === checks.length) return `${phase}: skipped (${skipped[0]?.detail.split('\n')[0] ?? ''})`;
  const passed = count('passed').length;
  const skips = skipped.length > 0 ? `, ${skipped.length} skipped` : '';
  return `${phase}: ${passed} passed${skips}, ${took}`;
}

export interface TableOptions {
  /** Columns available; the detail is cut to fit. Undefined (a pipe, a CI log): never cut. */
  width?: number;
}

/**
 * Every check as a row: phase, check, status, duration, and the first line of the detail for
 * checks that did not pass (the whole detail of a failure is in the error that follows).
 * Then one line of totals.
 */
export function summaryTable(report: VerifyReport, { width }: TableOptions = {}): string {
  const rows = report.checks.map((c) => ({
    phase: c.phase,
    name: c.name,
    status: c.status,
    duration: c.status === 'skipped' ? '' : formatDuration(c.durationMs),
    detail: c.status === 'passed' ? '' : (c.detail.split('\n')[0] ?? ''),
  }));
  const header = { phase: 'phase', name: 'check', status: 'status', duration: 'duration', detail: 'detail' };
  const all = [header, ...rows];
  const col = (key: 'phase' | 'name' | 'status' | 'duration') => Math.max(...all.map((r) => r[key].length));
  const w = { phase: col('phase'), name: col('name'), status: col('status') + 2, duration: col('duration') };
  const used = w.phase + w.name + w.status + w.duration + 8;
  const fit = (text: string) => {
    if (width === undefined) return text;
    const room = Math.max(20, width - used);
    return text.length > room ? `${text.slice(0, room - 1)}…` : text;
  };
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  // an empty cell stays empty: wrapped in escape codes it would defeat trimEnd when colour is on
  const dim = (text: string) => (text.trim() === '' ? text : pc.dim(text));
  const lines = [
    pc.bold(line([header.phase.padEnd(w.phase), header.name.padEnd(w.name), header.status.padEnd(w.status), header.duration.padStart(w.duration), header.detail])),
    ...rows.map((r) =>
      line([
        r.phase.padEnd(w.phase),
        r.name.padEnd(w.name),
        // pad the plain text, then colour it: escape codes have no width
        paint[r.status](`${plainMarks[r.status]} ${r.status}`.padEnd(w.status)),
        dim(r.duration.padStart(w.duration)),
        r.status === 'failed' ? fit(r.detail) : dim(fit(r.detail)),
      ]),
    ),
  ];
  const total = (status: CheckStatus) => report.checks.filter((c) => c.status === status).length;
  const totals = [`${total('passed')} passed`, total('failed') > 0 ? pc.red(`${total('failed')} failed`) : '', total('skipped') > 0 ? `${total('skipped')} skipped` : '']
    .filter(Boolean)
    .join(', ');
  return [...lines, '', `${totals} in ${formatDuration(report.durationMs)}`].join('\n');
}

/** Every failed Step 4 check, one line each, for the error a failed run exits with. */
export function failedChecksMessage(report: VerifyReport): string {
  const failed = report.checks.filter((c) => c.status === 'failed');
  return `${failed.length} check(s) failed:\n${failed.map((c) => `  - ${c.phase} / ${c.name}: ${c.detail}`).join('\n')}`;
}
