/**
 * Entry point. Loads only commander and the options schema up front; the interview, the
 * renderer and Step 4 are imported when a command needs them.
 */
import { CliError } from './errors.js';
import { buildProgram, parseArgs, templateFlag } from './cli/program.js';

function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    // a pack's questions are flags, so a pack is loaded before the program is built (only with --template)
    const source = templateFlag(argv);
    const pack = source === undefined ? undefined : await (await import('./pack/load.js')).loadTemplatePack(source);
    await parseArgs(programFor(pack), argv);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`\ncreate-fullstack-app: ${error.message}\n`);
      if ('output' in error && typeof error.output === 'string' && error.output) {
        process.stderr.write(`\n--- output ---\n${error.output}\n`);
      }
      return error.exitCode;
    }
    throw error;
  }
}

function programFor(pack: Parameters<typeof buildProgram>[1]) {
  return buildProgram({
    async create(args) {
      const { create } = await import('./create/create.js');
      await create(args, isInteractive());
    },
    async verify(args) {
      const { verifyCommand } = await import('./create/verify-command.js');
      await verifyCommand(args);
    },
  }, pack);
}

// no top-level await: the bundle runs this module as CommonJS (see code-cache/chunk-loader.ts)
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // not a CliError, so a bug: shown whole, as Node shows any uncaught error
    console.error(error);
    process.exitCode = 1;
  },
);
