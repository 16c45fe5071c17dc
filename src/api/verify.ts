import path from 'node:path';
import { readAnswersFile } from '../options/answers.js';
import { ANSWERS_FILE_NAME } from '../options/questions.js';
import type { VerifyInput, VerifyReport } from '../verify/types.js';

export type VerifyOptions = Omit<VerifyInput, 'dir' | 'options'>;

/** Step 4 on a project this tool generated: its answers file says what to check. */
export async function verify(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const answers = await readAnswersFile(path.join(dir, ANSWERS_FILE_NAME));
  const { verifyProject } = await import('../verify/index.js');
  return verifyProject({ ...options, dir, options: answers.options });
}
