/**
 * Terminal output. clack draws the interview and the step log; picocolors (which honours
 * NO_COLOR and FORCE_COLOR) colours the rest. Loaded only once a command needs it.
 */
import * as clack from '@clack/prompts';
import pc from 'picocolors';

export interface Ui {
  intro(title: string): void;
  info(message: string): void;
  success(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  note(message: string, title: string): void;
  outro(message: string): void;
  /** Runs `task` under a spinner; the spinner ends with the task's own result message. */
  task<T>(title: string, task: () => Promise<T>, done?: (result: T) => string): Promise<T>;
}

/** Without a terminal a spinner would only print control codes: log the outcome instead. */
async function plainTask<T>(ui: Pick<Ui, 'success' | 'error'>, title: string, task: () => Promise<T>, done?: (result: T) => string) {
  try {
    const result = await task();
    ui.success(done ? done(result) : title);
    return result;
  } catch (error) {
    ui.error(`${title}: failed`);
    throw error;
  }
}

export function terminalUi({ interactive }: { interactive: boolean }): Ui {
  const log = {
    success: (message: string) => clack.log.success(message),
    error: (message: string) => clack.log.error(message),
  };
  return {
    intro: (title) => clack.intro(pc.inverse(` ${title} `)),
    info: (message) => clack.log.info(message),
    success: log.success,
    warn: (message) => clack.log.warn(message),
    error: log.error,
    note: (message, title) => clack.note(message, title),
    outro: (message) => clack.outro(message),
    async task(title, task, done) {
      if (!interactive) return plainTask(log, title, task, done);
      const spinner = clack.spinner();
      spinner.start(title);
      try {
        const result = await task();
        spinner.stop(done ? done(result) : title);
        return result;
      } catch (error) {
        spinner.error(`${title}: failed`);
        throw error;
      }
    },
  };
}

export { pc };
