import type { FileTree } from '../generate/render.js';
import type { PackageManager, ProjectOptions } from '../options/questions.js';
import type { Ui } from '../cli/ui.js';
import type { Target } from '../write/target.js';
import type { ConflictPolicy } from '../write/plan.js';

/** What the create pipeline knows; each step reads it and fills in its own part. */
export interface CreateContext {
  ui: Ui;
  target: Target;
  options: ProjectOptions;
  packageManager: PackageManager;
  run: { install: boolean; git: boolean; verify: boolean };
  onConflict: ConflictPolicy;
  tree?: FileTree;
  installed?: boolean;
  /** Steps skipped, with the reason, for the summary. */
  skipped: string[];
}

export type Step = (ctx: CreateContext) => Promise<void>;
