/** Child processes of the create pipeline: git and the package manager. Output is kept for errors. */
import { execa } from 'execa';
import { CommandError } from '../errors.js';

const OUTPUT_TAIL = 40;

function tail(text: string): string {
  return text.trim().split('\n').slice(-OUTPUT_TAIL).join('\n');
}

export async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const result = await execa(command, args, { cwd, all: true, reject: false, env, stdin: 'ignore' });
  if (result.failed) {
    const reason = result.code === 'ENOENT' ? `${command} was not found on PATH` : `exit code ${result.exitCode ?? result.signal}`;
    throw new CommandError(`\`${command} ${args.join(' ')}\` failed in ${cwd} (${reason})`, tail(result.all ?? ''));
  }
  return result.all ?? '';
}

export async function gitAvailable(cwd: string): Promise<boolean> {
  const result = await execa('git', ['--version'], { cwd, reject: false, stdin: 'ignore' });
  return !result.failed;
}

/** True when `dir` already sits inside a git work tree (then we do not nest a repository). */
export async function insideGitRepository(dir: string): Promise<boolean> {
  const result = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, reject: false, stdin: 'ignore' });
  return !result.failed && result.stdout.trim() === 'true';
}

export async function gitInitialCommit(dir: string): Promise<void> {
  await run('git', ['init', '--quiet', '--initial-branch=main'], dir);
  await run('git', ['add', '--all'], dir);
  // an identity only for this commit when the user has none configured, so the commit never fails on it
  const identity = await execa('git', ['config', 'user.email'], { cwd: dir, reject: false, stdin: 'ignore' });
  const author = identity.failed ? ['-c', 'user.name=create-fullstack-app', '-c', 'user.email=create-fullstack-app@localhost'] : [];
  await run('git', [...author, 'commit', '--quiet', '--no-verify', '-m', 'Initial commit from create-fullstack-app'], dir);
}

export async function installDependencies(dir: string, packageManager: 'npm'): Promise<void> {
  await run(packageManager, ['install', '--no-audit', '--no-fund'], dir);
}
