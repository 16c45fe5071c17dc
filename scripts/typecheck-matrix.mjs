/**
 * Release check, faster than `npm run test:matrix`: type-checks every allowed combination (shared
 * and server builds, the server's tests, the client) against ONE install of the union of their
 * dependencies, in a temp folder. Run `npm run build` first.
 *   node scripts/typecheck-matrix.mjs [--only <name part>] [--jobs 2]
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { allowedCombinations, combinationName, renderProject } from '../dist/testing.js';
const run = promisify(execFile);
const root = path.join(tmpdir(), 'cfa-typecheck-matrix');
mkdirSync(root, { recursive: true });
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const jobs = args.includes('--jobs') ? Number(args[args.indexOf('--jobs') + 1]) : 2;
const combos = allowedCombinations().filter((o) => combinationName(o).includes(only));
// superset of every workspace's dependencies
const deps = {};
for (const o of allowedCombinations()) {
  const files = renderProject({ options: o });
  for (const f of ['package.json', 'server/package.json', 'client/package.json', 'shared/package.json']) {
    if (!files[f]) continue;
    const pkg = JSON.parse(files[f]);
    for (const [k, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) if (!k.startsWith('@app/')) deps[k] = v;
  }
}
// installed once, and again whenever a version in the map changes
const manifest = JSON.stringify({ name: 'tc', private: true, dependencies: deps }, null, 2);
const installed = existsSync(path.join(root, 'node_modules/.package-lock.json')) && existsSync(path.join(root, 'package.json'));
if (!installed || readFileSync(path.join(root, 'package.json'), 'utf8') !== manifest) {
  writeFileSync(path.join(root, 'package.json'), manifest);
  console.log('installing', Object.keys(deps).length, 'packages');
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: root, maxBuffer: 1e8 });
}
const tsc = path.join(root, 'node_modules/.bin/tsc');
const failures = [];
async function check(o) {
  const name = combinationName(o);
  const dir = path.join(root, 'c', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [f, c] of Object.entries(renderProject({ options: o }))) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), c);
  }
  mkdirSync(path.join(dir, 'node_modules/@app'), { recursive: true });
  for (const ws of ['shared', 'server', 'client']) if (existsSync(path.join(dir, ws))) symlinkSync(path.join(dir, ws), path.join(dir, 'node_modules/@app', ws));
  const steps = [['shared', ['-p', 'tsconfig.build.json']], ['server', ['-p', 'tsconfig.build.json']], ['server', ['-p', 'tsconfig.json', '--noEmit']]];
  if (existsSync(path.join(dir, 'client'))) steps.push(['client', ['--noEmit']]);
  for (const [ws, a] of steps) {
    try {
      await run(tsc, a, { cwd: path.join(dir, ws), maxBuffer: 1e8 });
    } catch (error) {
      failures.push(name);
      console.log(`FAIL ${name} (${ws} tsc ${a.join(' ')}):\n${(error.stdout || error.message).slice(0, 3000)}`);
      return;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`ok ${name}`);
}
const queue = [...combos];
await Promise.all(Array.from({ length: jobs }, async () => { while (queue.length) await check(queue.shift()); }));
console.log(`${combos.length - failures.length}/${combos.length} type-check; failures: ${failures.join(' ') || 'none'}`);
