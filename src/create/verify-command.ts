import path from 'node:path';
import { VerificationError } from '../errors.js';
import type { VerifyArgs } from '../cli/program.js';
import { readAnswersFile } from '../options/answers.js';
import { ANSWERS_FILE_NAME } from '../options/schema.js';
import { terminalUi } from '../cli/ui.js';
import { verifyProject, type CheckResult, type VerifyReport } from '../verify/index.js';
import { failedChecksMessage } from './format.js';
import { verifyView } from './verify-view.js';

/** `create-fullstack-app verify [dir]`: Step 4 on a project this tool generated. */
export async function verifyCommand(args: VerifyArgs): Promise<void> {
  const dir = path.resolve(args.directory);
  const answers = await readAnswersFile(path.join(dir, ANSWERS_FILE_NAME));
  if (args.json) {
    // stdout carries the report only; a failure is also told on stderr, with exit code 1
    const report = await verifyProject({ dir, options: answers.options, build: args.build });
    process.stdout.write(`${JSON.stringify(jsonReport(report), null, 2)}\n`);
    if (!report.ok) throw failedError(report);
    return;
  }
  const ui = terminalUi({ interactive: Boolean(process.stdout.isTTY) && process.env.CI !== 'true' });
  ui.intro(`create-fullstack-app verify: ${answers.projectName}`);
  const view = verifyView(ui);
  let report: VerifyReport;
  try {
    report = await verifyProject({ dir, options: answers.options, build: args.build, ...view.handlers });
  } catch (error) {
    view.abort('stopped');
    throw error;
  }
  view.finish(report);
  if (!report.ok) throw failedError(report);
  ui.outro(`All checks passed in ${(report.durationMs / 1000).toFixed(1)} s`);
}

/** The `--json` shape, keys in a fixed order: ok, durationMs, then every check. */
export function jsonReport(report: VerifyReport): { ok: boolean; durationMs: number; checks: CheckResult[] } {
  return {
    ok: report.ok,
    durationMs: report.durationMs,
    checks: report.checks.map(({ phase, name, status, durationMs, detail, checklist }) => ({ phase, name, status, durationMs, detail, checklist })),
  };
}

function failedError(report: VerifyReport): VerificationError {
  return new VerificationError(failedChecksMessage(report));
}
