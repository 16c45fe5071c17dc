/** The Step 0 interview (TTY only): one clack prompt per open question, built from the schema. */
import * as clack from '@clack/prompts';
import { CancelledError } from '../errors.js';
import type { Ask } from '../options/resolve.js';
import { ProjectNameSchema, questionOf } from '../options/schema.js';

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
        const parsed = ProjectNameSchema.safeParse(name);
        return parsed.success ? undefined : `"${name}": ${parsed.error.issues[0]?.message}`;
      },
    }),
  );
}

export async function confirmNonEmpty(dir: string): Promise<boolean> {
  return answered<boolean>(
    await clack.confirm({
      message: `${dir} is not empty. Write into it anyway? Files with the same path are replaced; others are kept.`,
      initialValue: false,
    }),
  );
}
