import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { AnswersFile } from './questions.js';
import { AnswersFileSchema } from './schema.js';

/** Reads and validates an answers file; every problem names the file and the field. */
export async function readAnswersFile(file: string): Promise<AnswersFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--answers ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--answers ${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = AnswersFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new UsageError(`--answers ${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}
