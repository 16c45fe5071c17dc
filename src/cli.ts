/**
 * Entry point. Loads only commander and the options schema up front; the interview, the
 * renderer and Step 4 are imported when a command needs them.
 */
import { CliError } from './errors.js';
import { buildProgram, parseArgs } from './cli/program.js';

function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram({
    async create(args) {
      const { create } = await import('./create/create.js');
      await create(args, isInteractive());
    },
    async verify(args) {
      const { verifyCommand } = await import('./create/verify-command.js');
      await verifyCommand(args);
    },
  });
  try {
    await parseArgs(program, argv);
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

process.exitCode = await main(process.argv.slice(2));
