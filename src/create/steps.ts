/**
 * The create pipeline, in the guide's order: decisions -> render -> write -> git -> install ->
 * verify -> handoff. Each step reads and fills the context; only `write` touches the target.
 */
import pc from 'picocolors';
import { VerificationError } from '../errors.js';
import { decisionsFor } from '../generate/decisions.js';
import { packDecisions } from '../pack/compose.js';
import { generate } from '../generate/generate.js';
import { handoffFor } from '../generate/handoff.js';
import { previewWrite, writeTree } from '../write/commit.js';
import { gitAvailable, gitInitialCommit, insideGitRepository, installDependencies } from './commands.js';
import type { VerifyReport } from '../verify/types.js';
import type { CreateContext, Step } from './context.js';
import { failedChecksMessage } from './format.js';

export const recordDecisions: Step = async (ctx) => {
  const lines = [...decisionsFor(ctx.options), ...packDecisions(ctx.pack, ctx.extras)].map((d) => `${pc.bold(d.decision)}: ${d.choice}\n  ${pc.dim(d.why)}`);
  ctx.ui.note(lines.join('\n'), 'Step 1: decisions (docs/DECISIONS.md)');
};

export const render: Step = async (ctx) => {
  ctx.tree = generate({
    projectName: ctx.target.name,
    options: ctx.options,
    packageManager: ctx.packageManager,
    ...(ctx.secrets ? { secrets: ctx.secrets } : {}),
    ...(ctx.pack ? { pack: ctx.pack, extras: ctx.extras } : {}),
  });
};

export const write: Step = async (ctx) => {
  if (!ctx.tree) throw new Error('render must run before write');
  let tree = ctx.tree;
  let kept: string[] = [];
  if (ctx.conflictPrompt) {
    // every answer is in before anything is written; the files to keep simply leave the tree
    const { decideConflicts } = await import('../write/conflicts.js');
    const decided = await decideConflicts(tree, ctx.target.dir, ctx.conflictPrompt);
    tree = decided.tree;
    kept = decided.skip;
  }
  const plan = await writeTree(tree, ctx.target.dir, { onConflict: ctx.onConflict });
  plan.skip.push(...kept);
  const keptNote = plan.skip.length > 0 ? `; kept ${plan.skip.length} existing file(s) that differ: ${plan.skip.join(', ')}` : '';
  ctx.ui.success(`Wrote ${plan.create.length + plan.overwrite.length} files to ${ctx.target.dir}${keptNote}`);
};

export const initGit: Step = async (ctx) => {
  if (!ctx.run.git) return void ctx.skipped.push('git: --no-git');
  if (!(await gitAvailable(ctx.target.dir))) return void ctx.skipped.push('git: git is not installed');
  if (await insideGitRepository(ctx.target.dir)) {
    return void ctx.skipped.push('git: the project is inside an existing repository');
  }
  await ctx.ui.task('Creating a git repository with an initial commit', () => gitInitialCommit(ctx.target.dir));
};

export const install: Step = async (ctx) => {
  if (!ctx.run.install) return void ctx.skipped.push('install: --no-install');
  await ctx.ui.task(
    `Installing dependencies with ${ctx.packageManager}`,
    () => installDependencies(ctx.target.dir, ctx.packageManager),
    () => `Installed dependencies with ${ctx.packageManager}`,
  );
  ctx.installed = true;
};

export const verify: Step = async (ctx) => {
  if (!ctx.run.verify) return void ctx.skipped.push('verify: --no-verify');
  if (!ctx.installed) return void ctx.skipped.push('verify: needs installed dependencies (--no-install)');
  const [{ verifyProject }, { verifyView }] = await Promise.all([import('../verify/index.js'), import('./verify-view.js')]);
  ctx.ui.info('Step 4: build, start and check the app');
  const view = verifyView(ctx.ui);
  let report: VerifyReport;
  try {
    report = await verifyProject({ dir: ctx.target.dir, options: ctx.options, ...view.handlers });
  } catch (error) {
    view.abort('stopped');
    throw error;
  }
  view.finish(report);
  if (!report.ok) {
    throw new VerificationError(
      `Step 4: ${failedChecksMessage(report)}\nThe project is in ${ctx.target.dir}; fix it and run \`npx create-fullstack-app verify ${ctx.target.dir}\`.`,
    );
  }
  const passed = report.checks.filter((c) => c.status === 'passed');
  const observed = new Set(passed.flatMap((c) => c.checklist)).size;
  ctx.ui.success(
    `Step 4: ${passed.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s, observing ${observed} checklist items in the running app`,
  );
};

export const handoff: Step = async (ctx) => {
  const h = handoffFor(ctx.options);
  const cd = `cd ${ctx.target.dir}`;
  const text = [
    pc.bold('What was built'),
    ...h.built.map((b) => `  - ${b.replaceAll('`', '')}`),
    '',
    pc.bold('How to run'),
    `  ${cd}${ctx.installed ? '' : ' && npm install'}`,
    ...h.run.map((r) => `  ${pc.cyan(r.command)}  ${pc.dim(r.what)}`),
    '',
    pc.bold('What is missing / next steps'),
    ...h.missing.map((m) => `  - ${m}`),
    ...ctx.skipped.map((s) => `  - skipped ${s}`),
    '',
    pc.bold('Key files'),
    ...h.keyFiles.map((k) => `  ${k.file}  ${pc.dim(k.what)}`),
  ].join('\n');
  ctx.ui.note(text, 'Step 5: handoff (also in README.md)');
};

/** `--dry-run`: what `write` would do, read-only, with the size of every file. */
export const previewFiles: Step = async (ctx) => {
  if (!ctx.tree) throw new Error('render must run before previewFiles');
  const { plan } = await previewWrite(ctx.tree, ctx.target.dir, { onConflict: ctx.onConflict });
  const action = new Map<string, string>([
    ...plan.create.map((f) => [f, 'create'] as const),
    ...plan.overwrite.map((f) => [f, 'overwrite'] as const),
    ...plan.skip.map((f) => [f, 'keep existing'] as const),
    ...plan.identical.map((f) => [f, 'identical'] as const),
  ]);
  let total = 0;
  const lines = [...ctx.tree].map(([file, content]) => {
    const size = Buffer.byteLength(content);
    total += size;
    const note = action.get(file) === 'create' ? '' : pc.dim(`  (${action.get(file)})`);
    return `${formatSize(size).padStart(9)}  ${file}${note}`;
  });
  ctx.ui.note(`${lines.join('\n')}\n${formatSize(total).padStart(9)}  total, ${ctx.tree.size} files`, `Would write to ${ctx.target.dir}`);
};

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

export const createSteps: readonly Step[] = [recordDecisions, render, write, initGit, install, verify, handoff];
export const dryRunSteps: readonly Step[] = [recordDecisions, render, previewFiles];

export async function runSteps(ctx: CreateContext, steps: readonly Step[]): Promise<void> {
  for (const step of steps) await step(ctx);
}
