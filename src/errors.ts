/** Typed errors of the CLI. Each carries what the user needs to fix it; none is swallowed. */
export abstract class CliError extends Error {
  abstract readonly exitCode: number;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad flags, names, answers or combinations: the user can fix the command line. */
export class UsageError extends CliError {
  readonly exitCode = 2;
}

/** The target directory cannot be used as asked; nothing in it was touched. */
export class TargetDirectoryError extends CliError {
  readonly exitCode = 1;
}

/** A template failed to render: a bug in a template layer, named with its file. */
export class TemplateError extends CliError {
  readonly exitCode = 1;
}

/** A child process (git, package manager, build) failed; `output` keeps what it printed. */
export class CommandError extends CliError {
  readonly exitCode = 1;
  constructor(
    message: string,
    readonly output: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** One or more Step 4 checks failed. */
export class VerificationError extends CliError {
  readonly exitCode = 1;
}

/** The user cancelled the interview (Ctrl-C or Esc). */
export class CancelledError extends CliError {
  readonly exitCode = 130;
}
