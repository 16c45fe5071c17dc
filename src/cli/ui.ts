/**
 * Terminal output. clack draws the interview and the step log; picocolors (which honours
 * NO_COLOR and FORCE_COLOR) colours the rest. Loaded only once a command needs it.
 */
import * as clack from '@clack/prompts';
import pc from 'picocolors';

/** A spinner line: only drawn on a terminal (see `Ui.interactive`). */
export interface Spinner {
  start(message: string): void;
  message(message: string): void;
  /** Ends with a success mark. */
  stop(message: string): void;
  /** Ends with a failure mark. */
  error(message: string): void;
}

export interface Ui {
  /** A terminal that can redraw lines: spinners, prompts. False for pipes and CI logs. */
  readonly interactive: boolean;
  intro(title: string): void;
  info(message: string): void;
  success(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  note(message: string, title: string): void;
  /** Lines printed as they are (no wrapping), e.g. a table. */
  message(text: string): void;
  outro(message: string): void;
  /** A spinner; call only when `interactive`, a pipe would get its control codes. */
  spinner(): Spinner;
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
    interactive,
    intro: (title) => clack.intro(pc.inverse(` ${title} `)),
    info: (message) => clack.log.info(message),
    success: log.success,
    warn: (message) => clack.log.warn(message),
    error: log.error,
    note: (message, title) => clack.note(message, title),
    message: (text) => clack.log.message(text),
    outro: (message) => clack.outro(message),
    spinner: () => clack.spinner(),
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
