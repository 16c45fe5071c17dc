import path from 'node:path';
import { VerificationError } from '../errors.js';
import type { VerifyArgs } from '../cli/program.js';
import { readAnswersFile } from '../options/answers.js';
import { ANSWERS_FILE_NAME } from '../options/schema.js';
import { terminalUi } from '../cli/ui.js';
import { verifyProject } from '../verify/index.js';
import { formatCheck } from './format.js';

/** `create-fullstack-app verify [dir]`: Step 4 on a project this tool generated. */
export async function verifyCommand(args: VerifyArgs): Promise<void> {
  const dir = path.resolve(args.directory);
  const answers = await readAnswersFile(path.join(dir, ANSWERS_FILE_NAME));
  const ui = terminalUi({ interactive: Boolean(process.stdout.isTTY) });
  ui.intro(`create-fullstack-app verify: ${answers.projectName}`);
  const report = await verifyProject({
    dir,
    options: answers.options,
    build: args.build,
    onCheck: (check) => ui.info(formatCheck(check)),
  });
  const failed = report.checks.filter((c) => c.status === 'failed');
  if (!report.ok) {
    throw new VerificationError(`${failed.length} check(s) failed:\n${failed.map((c) => `  - ${c.phase} / ${c.name}: ${c.detail}`).join('\n')}`);
  }
  ui.outro(`All checks passed in ${(report.durationMs / 1000).toFixed(1)} s`);
}
