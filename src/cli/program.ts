/**
 * The command line, built from the options schema: every question is a flag whose help text
 * lists its choices and default. Parsing only collects strings; validation is the schema's.
 */
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import { optionKeys, questionOf, type OptionKey } from '../options/questions.js';
import type { PartialOptions } from '../options/resolve.js';
import { TOOL_VERSION } from '../version.js';
import type { TemplatePack } from '../pack/load.js';

export interface CreateArgs {
  directory: string | undefined;
  given: PartialOptions;
  pm: string | undefined;
  install: boolean;
  git: boolean;
  verify: boolean;
  yes: boolean;
  force: boolean;
  onConflict: string | undefined;
  dryRun: boolean;
  answers: string | undefined;
  /** `--template`, and the pack it named (loaded before the program was built, for its flags). */
  template: string | undefined;
  pack: TemplatePack | undefined;
  /** Answers to the pack's questions given as flags, by question key. */
  givenExtras: Record<string, string>;
}

interface RawFlags extends Record<string, unknown> {
  pm?: string;
  install: boolean;
  git: boolean;
  verify: boolean;
  yes?: boolean;
  force?: boolean;
  onConflict?: string;
  dryRun?: boolean;
  answers?: string;
  template?: string;
}

export interface VerifyArgs {
  directory: string;
  build: boolean;
  json: boolean;
}

export interface Handlers {
  create: (args: CreateArgs) => Promise<void>;
  verify: (args: VerifyArgs) => Promise<void>;
}

/** `--template <x>` or `--template=<x>` before any `--`, read before the program exists. */
export function templateFlag(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--template') return argv[index + 1];
    if (arg.startsWith('--template=')) return arg.slice('--template='.length);
  }
  return undefined;
}

/** Camel case of a flag as commander stores it: `audit-log` -> `auditLog`. */
function attributeOf(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function buildProgram(handlers: Handlers, pack?: TemplatePack): Command {
  const program = new Command('create-fullstack-app')
    .description('Generate a full-stack TypeScript app from the architecture guide, then prove it works.')
    .version(TOOL_VERSION, '-v, --version')
    .argument('[directory]', 'where to create the project; its name becomes the npm package name')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ outputError: () => {} });

  for (const key of optionKeys) {
    const meta = questionOf(key);
    program.addOption(
      new Option(`--${meta.flag} <${meta.flag}>`, `${meta.message} (${meta.choices.map((c) => c.value).join(' | ')}; default ${meta.default})`),
    );
  }
  for (const question of pack?.questions ?? []) {
    program.addOption(
      new Option(
        `--${question.flag} <${question.flag}>`,
        `[${pack?.name}] ${question.message} (${question.choices.map((c) => c.value).join(' | ')}; default ${question.default})`,
      ),
    );
  }
  program
    .option('--template <dir|package>', 'a custom template pack: a folder or an npm package (see docs/templates.md)')
    .option('--pm <name>', 'package manager for install (npm; default: the one running this command)')
    .option('--no-install', 'skip installing dependencies (also skips verification)')
    .option('--no-git', 'skip git init and the initial commit')
    .option('--no-verify', 'skip Step 4: build, start and check the generated app')
    .option('-y, --yes', 'take the default for every question not given as a flag')
    .option('--force', 'write into a non-empty directory, replacing files at the same paths (--on-conflict overwrite)')
    .option('--on-conflict <policy>', 'existing files that differ: error | skip | overwrite (default error; identical files are skipped)')
    .option('--dry-run', 'validate everything and print the files and decisions, writing nothing')
    .option('--answers <file>', 'regenerate from a create-fullstack-app.json answers file (flags override it)')
    .action(async (directory: string | undefined, flags: RawFlags) => {
      const given: PartialOptions = {};
      for (const key of optionKeys) {
        const value = flags[questionOf(key).flag];
        if (typeof value === 'string') given[key as OptionKey] = value;
      }
      await handlers.create({
        directory,
        given,
        pm: flags.pm,
        install: flags.install,
        git: flags.git,
        verify: flags.verify,
        yes: flags.yes === true,
        force: flags.force === true,
        onConflict: flags.onConflict,
        dryRun: flags.dryRun === true,
        answers: flags.answers,
        template: flags.template,
        pack,
        givenExtras: Object.fromEntries(
          (pack?.questions ?? []).flatMap((q) => {
            const value = flags[attributeOf(q.flag)];
            return typeof value === 'string' ? [[q.key, value]] : [];
          }),
        ),
      });
    });
  program
    .command('verify')
    .description('run Step 4 (build, start, smoke, integration, real-time, browser) on a project this tool generated')
    .argument('[dir]', 'the generated project', '.')
    .option('--no-build', 'check the existing build instead of building first')
    .option('--json', 'print the report as JSON on stdout and nothing else (exit code 1 when a check failed)')
    .action(async (directory: string, flags: { build: boolean; json?: boolean }) => {
      await handlers.verify({ directory, build: flags.build, json: flags.json === true });
    });
  return program;
}

/** Runs the program; commander's own errors become UsageErrors, help and version exit 0. */
export async function parseArgs(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return; // --help, --version
      throw new UsageError(error.message.replace(/^error: /, ''), { cause: error });
    }
    throw error;
  }
}
