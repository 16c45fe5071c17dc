import type { FileTree } from '../generate/render.js';
import type { PackageManager, ProjectOptions } from '../options/questions.js';
import type { Ui } from '../cli/ui.js';
import type { Target } from '../write/target.js';
import type { ConflictPolicy } from '../write/plan.js';
import type { ConflictPrompt } from '../write/conflicts.js';
import type { TemplatePack } from '../pack/load.js';
import type { ExtraAnswers } from '../pack/compose.js';

/** What the create pipeline knows; each step reads it and fills in its own part. */
export interface CreateContext {
  ui: Ui;
  target: Target;
  options: ProjectOptions;
  packageManager: PackageManager;
  run: { install: boolean; git: boolean; verify: boolean };
  onConflict: ConflictPolicy;
  /** In a terminal with no conflict policy: ask about each conflicting file instead. */
  conflictPrompt?: ConflictPrompt;
  pack?: TemplatePack;
  extras: ExtraAnswers;
  /** Secrets of the project already in the target, kept when it is regenerated in place. */
  secrets?: { jwt: string };
  tree?: FileTree;
  installed?: boolean;
  /** Steps skipped, with the reason, for the summary. */
  skipped: string[];
}

export type Step = (ctx: CreateContext) => Promise<void>;
