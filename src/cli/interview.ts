/** The Step 0 interview (TTY only): one clack prompt per open question, built from the schema. */
import * as clack from '@clack/prompts';
import { CancelledError } from '../errors.js';
import type { Ask } from '../options/resolve.js';
import { questionOf } from '../options/questions.js';
import { projectNameProblem } from '../options/rules.js';
import pc from 'picocolors';
import type { AskExtra } from '../pack/compose.js';
import type { ConflictAnswer, ConflictPrompt } from '../write/conflicts.js';
import type { Ui } from './ui.js';

/** clack returns a symbol when the user cancels (Ctrl-C, Esc). */
function answered<T extends string | boolean>(value: T | symbol): T {
  if (typeof value === 'symbol') throw new CancelledError('Cancelled: nothing was written.');
  return value;
}

export const askQuestion: Ask = async (key, choices, initial) => {
  const meta = questionOf(key);
  return answered<string>(
    await clack.select({
      message: meta.message,
      options: choices.map((c) => ({ value: c.value, label: c.label, hint: c.hint })),
      initialValue: initial,
    }),
  );
};

export async function askDirectory(initial: string): Promise<string> {
  return answered<string>(
    await clack.text({
      message: 'Where should the project be created?',
      placeholder: initial,
      defaultValue: initial,
      validate: (value) => {
        const name = (value || initial).split(/[\\/]/).filter(Boolean).pop() ?? '';
        const problem = projectNameProblem(name);
        return problem === undefined ? undefined : `"${name}": ${problem}`;
      },
    }),
  );
}

/** A pack's question, asked like a built-in one, after them. */
export const askExtra: AskExtra = async (question, choices, initial) =>
  answered<string>(
    await clack.select({
      message: question.message,
      options: choices.map((c) => ({ value: c.value, label: c.label, hint: c.hint })),
      initialValue: initial,
    }),
  );

/** One question per existing file that differs from the generated one; the diff on demand. */
export function conflictPrompt(ui: Pick<Ui, 'note'>): ConflictPrompt {
  return {
    async ask(file, index, total) {
      return answered<ConflictAnswer>(
        await clack.select<ConflictAnswer>({
          message: `${file} exists and differs (${index + 1} of ${total}). What should happen to it?`,
          options: [
            { value: 'overwrite', label: 'Overwrite', hint: 'replace it with the generated file' },
            { value: 'skip', label: 'Skip', hint: 'keep yours' },
            { value: 'diff', label: 'Show diff', hint: 'yours -> generated' },
            { value: 'overwrite-all', label: 'Overwrite all', hint: 'this and every remaining conflict' },
            { value: 'skip-all', label: 'Skip all', hint: 'keep this and every remaining conflict' },
            { value: 'abort', label: 'Abort', hint: 'write nothing' },
          ],
          initialValue: 'diff',
        }),
      );
    },
    show(diff, file) {
      ui.note(colourDiff(diff), `diff ${file}`);
    },
  };
}

function colourDiff(diff: string): string {
  return diff
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith('+') ? pc.green(line) : line.startsWith('-') ? pc.red(line) : line.startsWith('@@') ? pc.cyan(line) : line))
    .join('\n');
}
