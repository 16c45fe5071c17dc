#!/usr/bin/env node
// Benchmarks create-fullstack-app against peer scaffolders (issue 6): install footprint, start-up
// (`--help`, `--version`) and non-interactive scaffolding wall time, interleaved run by run.
//
//   node bench/peers.mjs [--runs 7] [--keep]
//
// Each tool is installed from the registry into its own folder of a temp dir; ours is `npm pack`ed
// from this repo and installed from the tarball, exactly as users get it. Node built-ins only.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, keep: { type: 'boolean', default: false } },
});
const RUNS = Number(args.runs);
const OURS = 'create-fullstack-app';
const FIRST_RUN = `${OURS} (first run)`;
// No TTY anywhere (stdin ignored, output piped); CI=true and no telemetry for every tool.
const ENV = { ...process.env, CI: 'true', BTS_TELEMETRY_DISABLED: '1' };
const TIMEOUT_MS = 120_000;

/** The tools, ours first; `scaffold` gives the non-interactive arguments for a target directory. */
const TOOLS = [
  { name: OURS, version: true, scaffold: (dir) => [dir, '--yes', '--no-install', '--no-git', '--no-verify'] },
  { name: 'create-vite', version: true, scaffold: (dir) => [dir, '--template', 'react-ts', '--no-interactive', '--no-immediate'] },
  { name: 'create-t3-app', version: true, scaffold: (dir) => [dir, '--CI', '--noGit', '--noInstall'] },
  {
    name: 'create-better-t-stack',
    version: true,
    scaffold: (dir) => [dir, '--yes', '--no-install', '--no-git', '--disable-analytics'],
  },
];

// ---------------------------------------------------------------------------------------------
// Processes and numbers

function run(command, argv, options = {}) {
  return spawnSync(command, argv, {
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: TIMEOUT_MS,
    ...options,
  });
}

/** Wall time of one run in ms, or an Error carrying the reason it failed. */
function timed(command, argv, options) {
  const start = process.hrtime.bigint();
  const result = run(command, argv, options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return result.status === 0 ? ms : new Error(failureReason(result));
}

/** The most telling line of a failed run: the first error line, else the last line of output. */
function failureReason(result) {
  if (result.error) return result.error.message;
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /\b\w*Error\b|ERR!|error:/i.test(l));
  return `exit ${result.status ?? result.signal}: ${error ?? lines.at(-1) ?? 'no output'}`;
}

/** Other work on the machine skews every figure: say how busy it was. */
function machineLoad() {
  const [oneMinute] = loadavg();
  const note = oneMinute > 0.5 ? ' (busy: figures will be noisy)' : '';
  return `${availableParallelism()} cores, load average ${oneMinute.toFixed(2)}${note}`;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === undefined ? '-' : x.toFixed(1));
const ratio = (a, b) => (a === undefined || b === undefined ? '-' : `${(a / b).toFixed(2)}x`);
const mb = (bytes) => (bytes / 1e6).toFixed(2);

// ---------------------------------------------------------------------------------------------
// Install footprint

/** Package directories under node_modules: one level deep, `@scope/name` counted as one. */
function topLevelPackages(nodeModules) {
  let count = 0;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const dirs = entry.startsWith('@') ? readdirSync(path.join(nodeModules, entry)).map((d) => path.join(entry, d)) : [entry];
    count += dirs.filter((d) => exists(path.join(nodeModules, d, 'package.json'))).length;
  }
  return count;
}

/** Every installed package, nested copies included: what npm reports as "added N packages". */
function allPackages(nodeModules) {
  const lock = JSON.parse(readFileSync(path.join(nodeModules, '.package-lock.json'), 'utf8'));
  return Object.values(lock.packages).filter((p) => !p.link).length;
}

/** Sum of file sizes (not disk blocks), symlinks not followed. */
function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(full);
    else if (entry.isFile()) total += lstatSync(full).size;
  }
  return total;
}

function exists(file) {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** `npm pack` of this repo (prepack builds the bundle); returns the tarball path and npm's figures. */
function packOurs(destination) {
  const result = run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: REPO });
  if (result.status !== 0) throw new Error(`npm pack failed: ${failureReason(result)}`);
  const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  return { tarball: path.join(destination, info.filename), packed: info.size, unpacked: info.unpackedSize, files: info.entryCount };
}

/** Installs one tool into `root/<name>`; fills in its bin path and footprint, or `failed`. */
function install(tool, root, spec) {
  const dir = path.join(root, tool.name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const result = run('npm', ['install', '--no-audit', '--no-fund', spec], { cwd: dir });
  if (result.status !== 0) return { failed: `npm install: ${failureReason(result)}` };
  const nodeModules = path.join(dir, 'node_modules');
  const manifest = JSON.parse(readFileSync(path.join(nodeModules, tool.name, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[tool.name];
  return {
    version: manifest.version,
    bin: path.join(nodeModules, tool.name, bin),
    runtimeDeps: Object.keys(manifest.dependencies ?? {}).length,
    topLevel: topLevelPackages(nodeModules),
    packages: allPackages(nodeModules),
    bytes: treeBytes(nodeModules),
  };
}

// ---------------------------------------------------------------------------------------------
// Timings

/**
 * One measurement, round-robin: every round runs each tool once (`node -e 0` first), so drift in
 * machine load hits all tools alike. Round 0 is a warm-up and is dropped.
 * `argsFor(tool)` returns { argv, before?, after? } or null when the tool has no such command;
 * a failed run drops the tool from this and later measurements, with the reason.
 */
function measure(label, tools, argsFor) {
  const samples = new Map(tools.map((t) => [t.name, []]));
  process.stdout.write(`${label}: `);
  for (let round = 0; round <= RUNS; round++) {
    for (const tool of tools) {
      if (tool.broken) continue;
      const spec = argsFor(tool);
      if (!spec) continue;
      const context = spec.before?.();
      // never the repository: a tool may scaffold where it runs (create-vite does on unknown flags)
      let result = timed(process.execPath, spec.argv(context), {
        cwd: context?.cwd ?? scratchDir(),
        env: { ...ENV, ...tool.env?.(context) },
      });
      const problem = spec.after?.(context);
      if (problem && !(result instanceof Error)) result = new Error(problem);
      if (result instanceof Error) {
        tool.broken = `${label}: ${result.message}`;
        process.stdout.write('x');
        samples.delete(tool.name);
      } else if (round > 0) samples.get(tool.name).push(result);
    }
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  return new Map([...samples].filter(([, xs]) => xs.length > 0).map(([name, xs]) => [name, summary(xs)]));
}

let scratch;
/** An empty folder outside the repository, shared by runs that write nothing on purpose. */
function scratchDir() {
  scratch ??= mkdtempSync(path.join(tmpdir(), 'bench-cwd-'));
  return scratch;
}

const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

/**
 * A fresh empty parent directory per scaffold run, made before the timed part. The scaffolds stay
 * until the script ends: on this machine's file system (ext4 without a journal) a new file skips the
 * inodes freed in the last minutes, so deleting each scaffold would slow the file creation of the
 * runs after it, the more the more files a tool writes.
 */
function scaffoldSpec(root, tool) {
  return {
    before: () => ({ cwd: mkdtempSync(path.join(root, 'scaffold-')), root }),
    argv: () => [tool.bin, ...tool.scaffold('app')],
    // Returns a problem when the tool exited 0 without writing a project.
    after: ({ cwd }) => (exists(path.join(cwd, 'app', 'package.json')) ? undefined : 'exited 0 but wrote no app/package.json'),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

function printFootprint(tools, pack) {
  console.log('\nInstall footprint (npm install <tool> into an empty folder)');
  console.log(table(
    ['tool', 'version', 'runtime deps', 'top-level pkgs', 'all pkgs', 'node_modules MB'],
    tools.map((t) =>
      t.failed
        ? [t.name, '-', '-', '-', '-', `install failed: ${t.failed}`]
        : [t.name, t.version, t.runtimeDeps, t.topLevel, t.packages, mb(t.bytes)],
    ),
  ));
  console.log(`${OURS} tarball: ${mb(pack.packed)} MB packed, ${mb(pack.unpacked)} MB unpacked, ${pack.files} files`);
}

function printTimings(results, tools) {
  const baseline = results.get('node -e 0').get('node');
  for (const [label, byTool] of results) {
    if (label === 'node -e 0') continue;
    const ours = byTool.get(OURS)?.median;
    console.log(`\n${label} (ms, ${RUNS} runs after 1 warm-up; node -e 0 median ${ms(baseline.median)} ms)`);
    console.log(table(
      ['tool', 'median', 'min', 'max', 'ours / tool', 'tool / node -e 0'],
      // the first-run row belongs to the scaffold table only
      tools.filter((t) => t.name !== FIRST_RUN || byTool.has(t.name)).map((t) => {
        const s = byTool.get(t.name);
        if (!s) return [t.name, '-', '-', '-', '-', t.broken || t.failed ? 'failed (see notes)' : 'n/a'];
        return [t.name, ms(s.median), ms(s.min), ms(s.max), ratio(ours, s.median), ratio(s.median, baseline.median)];
      }),
    ));
  }
}

/** Issue 6's targets for the CLI itself, checked against this run. */
function printTargets(results, ours, pack) {
  const m = (label, name) => results.get(label)?.get(name)?.median;
  const viteHelp = m('--help', 'create-vite');
  const check = (ok, text) => console.log(`  ${ok === undefined ? '?   ' : ok ? 'ok  ' : 'MISS'} ${text}`);
  console.log('\nTargets (issue 6)');
  check(ours.runtimeDeps === 0 && ours.packages === 1, `one package, no runtime deps: ${ours.packages} package(s), ${ours.runtimeDeps} deps`);
  check(pack.unpacked <= 2e6, `unpacked <= 2 MB: ${mb(pack.unpacked)} MB`);
  for (const label of ['--help', '--version']) {
    const mine = m(label, OURS);
    const limit = viteHelp === undefined ? undefined : 1.1 * viteHelp;
    check(limit === undefined ? undefined : mine <= limit, `${label} <= 1.1x create-vite --help: ${ms(mine)} ms vs ${ms(limit)} ms (${ratio(mine, viteHelp)})`);
  }
  const scaffold = m('scaffold', OURS);
  check(scaffold === undefined ? undefined : scaffold <= 150, `scaffold full default stack <= 150 ms: ${ms(scaffold)} ms`);
  const first = m('scaffold', FIRST_RUN);
  check(first === undefined ? undefined : first <= 150, `the same on a first run (empty code cache) <= 150 ms: ${ms(first)} ms`);
}

function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  return [line(all[0]), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...all.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

function main() {
  const root = mkdtempSync(path.join(tmpdir(), 'cfa-bench-peers-'));
  console.log(`Node ${process.version}, ${machineLoad()}, ${RUNS} runs, temp dir ${root}`);
  try {
    const pack = packOurs(root);
    const tools = TOOLS.map((tool) => {
      process.stdout.write(`installing ${tool.name}... `);
      const installed = install(tool, root, tool.name === OURS ? pack.tarball : tool.name);
      console.log(installed.failed ?? `${installed.version}, ${installed.packages} packages`);
      return { ...tool, ...installed };
    });
    printFootprint(tools, pack);

    // ours keeps V8's code cache of its template layers per user; here in the temp dir, warmed by
    // the warm-up round. The first-run row gives each run an empty cache, as on a new machine.
    const [ours, ...peers] = tools;
    const warmCache = path.join(root, 'code-cache');
    ours.env = () => ({ CREATE_FULLSTACK_APP_CACHE_DIR: warmCache });
    const firstRun = { ...ours, name: FIRST_RUN, env: ({ cwd }) => ({ CREATE_FULLSTACK_APP_CACHE_DIR: path.join(cwd, 'code-cache') }) };
    const runnable = [ours, ...peers].filter((t) => !t.failed);
    const node = { name: 'node' };
    const results = new Map();
    results.set('node -e 0', measure('node -e 0', [node], () => ({ argv: () => ['-e', '0'] })));
    results.set('--help', measure('--help', runnable, (t) => ({ argv: () => [t.bin, '--help'] })));
    results.set('--version', measure('--version', runnable, (t) => (t.version ? { argv: () => [t.bin, '--version'] } : null)));
    const scaffolders = ours.failed ? runnable : [ours, firstRun, ...runnable.slice(1)];
    results.set('scaffold', measure('scaffold', scaffolders, (t) => scaffoldSpec(root, t)));
    printTimings(results, ours.failed ? tools : [ours, firstRun, ...peers]);

    for (const t of tools.filter((t) => t.broken || t.failed)) {
      console.log(`\nnote: ${t.name} ${t.version ?? ''} failed, dropped from the rest: ${t.broken ?? t.failed}`);
    }
    printTargets(results, tools[0], pack);
  } finally {
    if (args.keep) console.log(`\nkept ${root}`);
    else rmSync(root, { recursive: true, force: true });
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main();
