import { randomBytes } from 'node:crypto';
import { ANSWERS_FILE_NAME, type AnswersFile, type PackageManager, type ProjectOptions } from '../options/questions.js';
import { templateContext } from './context.js';
import { decisionsMarkdown } from './decisions.js';
import { checklistMarkdown } from './checklist.js';
import { readmeMarkdown } from './readme.js';
import { renderTree, type FileTree } from './render.js';
import { builtInTemplates } from './builtin-templates.js';
import type { TemplateLayers } from './template-files.js';
import { TOOL_VERSION } from '../version.js';

export interface GenerateInput {
  projectName: string;
  options: ProjectOptions;
  packageManager?: PackageManager;
  /** Secrets written into the local `.env`; random unless given (tests pass fixed ones). */
  secrets?: { jwt: string };
  /** Where the layers come from; the built-in templates unless given. */
  templates?: TemplateLayers;
  /** The version recorded in the answers file and README; this tool's unless given (snapshots fix it). */
  toolVersion?: string;
}

export function answersFile(input: GenerateInput): AnswersFile {
  return {
    tool: 'create-fullstack-app',
    version: input.toolVersion ?? TOOL_VERSION,
    projectName: input.projectName,
    packageManager: input.packageManager ?? 'npm',
    options: input.options,
  };
}

/**
 * Options in, a complete in-memory project out. No disk writes, no network: the CLI,
 * `--dry-run`, snapshot tests and template authors all call this one function.
 */
export function generate(input: GenerateInput): FileTree {
  const toolVersion = input.toolVersion ?? TOOL_VERSION;
  const context = templateContext({
    projectName: input.projectName,
    options: input.options,
    toolVersion,
    secrets: input.secrets ?? { jwt: randomBytes(48).toString('base64url') },
  });
  const tree = renderTree(input.templates ?? builtInTemplates(), context);
  tree.set(ANSWERS_FILE_NAME, `${JSON.stringify(answersFile(input), null, 2)}\n`);
  tree.set('README.md', readmeMarkdown(input.projectName, input.options, toolVersion));
  tree.set('docs/DECISIONS.md', decisionsMarkdown(input.options));
  tree.set('docs/CHECKLIST.md', checklistMarkdown(input.options, tree));
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
