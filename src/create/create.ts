import { TargetDirectoryError, UsageError } from '../errors.js';
import type { CreateArgs } from '../cli/program.js';
import { detectPackageManager } from '../options/package-manager.js';
import { checkCombination, noTerminalError, resolveOptions, unansweredFlags, type PartialOptions } from '../options/resolve.js';
import { packageManagers, type PackageManager } from '../options/questions.js';
import { isPackageManager } from '../options/rules.js';
import { terminalUi } from '../cli/ui.js';
import { CONFLICT_POLICIES, type ConflictPolicy } from '../write/plan.js';
import { inspectTarget } from '../write/target.js';
import type { ConflictPrompt } from '../write/conflicts.js';
import type { CreateContext } from './context.js';
import { existingSecrets } from './secrets.js';
import { createSteps, dryRunSteps, runSteps } from './steps.js';

export const DEFAULT_DIRECTORY = 'my-fullstack-app';

function packageManagerFrom(flag: string | undefined, fromAnswers: PackageManager | undefined): PackageManager {
  if (flag !== undefined) {
    if (!isPackageManager(flag)) {
      throw new UsageError(`--pm ${JSON.stringify(flag)} is not supported: choose one of ${packageManagers.join(', ')}`);
    }
    return flag;
  }
  return fromAnswers ?? detectPackageManager().packageManager;
}

/** `--on-conflict`, or `--force` as its shorthand for `overwrite`; undefined when neither is given. */
function conflictPolicyFrom(args: CreateArgs): ConflictPolicy | undefined {
  const { onConflict, force } = args;
  if (onConflict === undefined) return force ? 'overwrite' : undefined;
  const policy = CONFLICT_POLICIES.find((p) => p === onConflict);
  if (!policy) throw new UsageError(`--on-conflict ${JSON.stringify(onConflict)} is not a valid value: choose one of ${CONFLICT_POLICIES.join(', ')}`);
  if (force && policy !== 'overwrite') throw new UsageError(`--force and --on-conflict ${policy} cannot be combined: --force means --on-conflict overwrite`);
  return policy;
}

/** `create-fullstack-app [directory] [flags]`: from the command line to a verified project. */
export async function create(args: CreateArgs, interactive: boolean): Promise<void> {
  // validate every flag before asking anything or touching the disk
  checkCombination(args.given);
  // the answers file is validated with zod, which only this option loads
  const answers = args.answers ? await (await import('../options/answers.js')).readAnswersFile(args.answers) : undefined;
  // an answers file names the pack it was generated with: load it again unless --template names one
  const pack =
    args.pack ?? (answers?.pack ? await (await import('../pack/load.js')).loadTemplatePack(answers.pack.source) : undefined);
  const compose = pack ? await import('../pack/compose.js') : undefined;
  compose?.checkExtras(pack, args.givenExtras);
  const packageManager = packageManagerFrom(args.pm, answers?.packageManager);
  let onConflict = conflictPolicyFrom(args);

  const ui = terminalUi({ interactive });
  const prompts = interactive ? await import('../cli/interview.js') : undefined;
  // --yes answers the interview with defaults; conflicting files are still asked about in a terminal
  const interview = args.yes ? undefined : prompts;
  ui.intro('create-fullstack-app');

  let directory = args.directory ?? answers?.projectName;
  if (directory === undefined) {
    if (args.yes) directory = DEFAULT_DIRECTORY;
    else if (interview) directory = await interview.askDirectory(DEFAULT_DIRECTORY);
    else throw new UsageError('no terminal to ask for the project directory: pass it as the first argument, or --yes for ./my-fullstack-app');
  }
  const target = await inspectTarget(process.cwd(), directory);
  // in a terminal, a directory in use gets one question per conflicting file once the files are rendered
  let conflictPrompt: ConflictPrompt | undefined;
  if (target.state === 'non-empty' && onConflict === undefined) {
    if (!prompts) {
      throw new TargetDirectoryError(
        `${target.dir} is not empty; nothing was written. Choose another directory, or pass --force (or --on-conflict skip|overwrite) to write into it.`,
      );
    }
    if (args.dryRun) onConflict = 'skip';
    else {
      conflictPrompt = prompts.conflictPrompt(ui);
      onConflict = 'overwrite';
    }
  }

  ui.info(`Creating ${target.name} in ${target.dir}`);
  // an answers file fills in what the flags leave open; explicit flags win
  const given: PartialOptions = { ...(answers?.options ?? {}), ...args.given };
  // no terminal and no defaults: one error names every missing flag, the pack's with the built-in ones
  if (!interview && !args.yes && answers === undefined) {
    const missing = [...unansweredFlags(given), ...(compose && pack ? compose.unansweredExtraFlags(pack, args.givenExtras) : [])];
    if (missing.length > 0) throw noTerminalError(missing);
  }
  const options = await resolveOptions({
    given,
    yes: args.yes || answers !== undefined,
    ...(interview ? { ask: interview.askQuestion } : {}),
  });
  // the pack's questions come after the built-in ones; an answers file's extras fill what flags leave open
  const extras =
    compose && pack
      ? await compose.resolveExtras(pack, {
          given: { ...(answers?.pack?.name === pack.name ? (answers.extras ?? {}) : {}), ...args.givenExtras },
          yes: args.yes || answers !== undefined,
          ...(interview ? { ask: interview.askExtra } : {}),
        })
      : {};

  const secrets = target.state === 'non-empty' ? await existingSecrets(target.dir) : undefined;
  const ctx: CreateContext = {
    ui,
    target,
    options,
    packageManager,
    run: { install: args.install, git: args.git, verify: args.verify },
    onConflict: onConflict ?? 'error',
    ...(conflictPrompt ? { conflictPrompt } : {}),
    ...(pack ? { pack } : {}),
    extras,
    ...(secrets ? { secrets } : {}),
    skipped: [],
  };
  if (args.dryRun) {
    await runSteps(ctx, dryRunSteps);
    ui.outro(`Dry run: nothing was written to ${target.dir}`);
    return;
  }
  await runSteps(ctx, createSteps);
  ui.outro(`Done: ${target.dir}`);
}
