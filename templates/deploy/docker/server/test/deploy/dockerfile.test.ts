import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { projectRoot } from '../../src/config.js';

/**
 * No Docker engine is needed to catch most Dockerfile mistakes: these read the Dockerfile as
 * instructions and check them against the project (files, scripts, the liveness route).
 */

interface Instruction {
  keyword: string;
  args: string;
}

function instructions(text: string): Instruction[] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8'));
const ignored = readFileSync(path.join(projectRoot, '.dockerignore'), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const scripts = z
  .object({ scripts: z.record(z.string(), z.string()) })
  .parse(JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))).scripts;

const all = (keyword: string) => dockerfile.filter((instruction) => instruction.keyword === keyword);
const last = (keyword: string) => all(keyword).at(-1);
const exec = (args: string): string[] => z.array(z.string()).parse(JSON.parse(args));

/** `npm run x && node y` with every `npm run <script>` replaced by the script, as npm would run it. */
function expand(command: string): string {
  return command.replace(/npm run ([\w:-]+)/g, (_, name: string) =>
    expand(scripts[name] ?? `<missing script ${name}>`),
  );
}

describe('Dockerfile', () => {
  it('builds in one stage and runs from another, both on a pinned Node.js release', () => {
    const stages = all('FROM');
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const version = all('ARG')
      .find((arg) => arg.args.startsWith('NODE_VERSION='))
      ?.args.split('=')[1];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const stage of stages) expect(stage.args).toMatch(/^node:\$\{NODE_VERSION\}-[a-z]+-slim\b/);
    expect(dockerfile.some((i) => i.keyword === 'RUN' && i.args.includes('npm ci'))).toBe(true);
    expect(dockerfile.some((i) => i.keyword === 'RUN' && i.args.includes('npm prune --omit=dev'))).toBe(true);
  });

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const sources = all('COPY')
      .filter((copy) => !copy.args.startsWith('--from'))
      .flatMap((copy) => copy.args.split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const top = source.replace(/\/$/, '').split('/')[0] ?? source;
      // package-lock.json is written by `npm install`; the image build needs it for `npm ci`.
      expect(existsSync(path.join(projectRoot, source)), `${source} exists`).toBe(true);
      expect(ignored, `${source} is not ignored`).not.toContain(top);
    }
  });

  it('keeps secrets, dependencies, build output and local data out of the build context', () => {
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.env', 'data', '.git']));
  });

  it('runs in production mode as a non-root user', () => {
    expect(
      all('ENV')
        .map((env) => env.args)
        .join(' '),
    ).toMatch(/\bNODE_ENV=production\b/);
    const user = last('USER')?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
  });

  it('exposes the port it listens on and checks the liveness route', () => {
    const port = /\bPORT=(\d+)/.exec(
      all('ENV')
        .map((env) => env.args)
        .join(' '),
    )?.[1];
    expect(last('EXPOSE')?.args).toBe(port);
    expect(last('HEALTHCHECK')?.args).toContain("/health'");
  });

  it('starts the way `npm start` does: migrations, then the server', () => {
    const cmd = last('CMD');
    expect(cmd).toBeDefined();
    const [shell, flag, command] = exec(cmd?.args ?? '[]');
    expect([shell, flag]).toEqual(['sh', '-c']);
    // `exec` only hands PID 1 to node; the commands are the start script's.
    expect(command?.replace(/\bexec /g, '')).toBe(expand(scripts.start ?? ''));
  });
});
