import { randomBytes } from 'node:crypto';
import { ANSWERS_FILE_NAME, type AnswersFile, type PackageManager, type ProjectOptions } from '../options/questions.js';
import { templateContext } from './context.js';
import { decisionsMarkdown } from './decisions.js';
import { checklistMarkdown } from './checklist.js';
import { readmeMarkdown } from './readme.js';
import { renderTree, type FileTree } from './render.js';
import { builtInTemplates } from './builtin-templates.js';
import { layersFor } from './layers.js';
import type { TemplateLayers } from './template-files.js';
import { TOOL_VERSION } from '../version.js';
import { composeLayers, defaultExtras, packDecisions, type ExtraAnswers } from '../pack/compose.js';
import type { TemplatePack } from '../pack/load.js';

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
  /** A custom template pack (`loadTemplatePack`): its layers join or replace the built-in ones. */
  pack?: TemplatePack;
  /** Answers to the pack's questions by key; missing ones take their defaults. */
  extras?: ExtraAnswers;
}

export function answersFile(input: GenerateInput): AnswersFile {
  return {
    tool: 'create-fullstack-app',
    version: input.toolVersion ?? TOOL_VERSION,
    projectName: input.projectName,
    packageManager: input.packageManager ?? 'npm',
    options: input.options,
    ...(input.pack
      ? { pack: { name: input.pack.name, version: input.pack.version, source: input.pack.source }, extras: defaultExtras(input.pack, input.extras) }
      : {}),
  };
}

/**
 * Options in, a complete in-memory project out. No disk writes, no network: the CLI,
 * `--dry-run`, snapshot tests and template authors all call this one function.
 */
export function generate(input: GenerateInput): FileTree {
  const toolVersion = input.toolVersion ?? TOOL_VERSION;
  const { pack } = input;
  const extras = defaultExtras(pack, input.extras);
  const context = templateContext({
    projectName: input.projectName,
    options: input.options,
    toolVersion,
    secrets: input.secrets ?? { jwt: randomBytes(48).toString('base64url') },
    ...(pack
      ? {
          pack: { name: pack.name, version: pack.version },
          extras: Object.fromEntries(pack.questions.map((q) => [q.key, { choices: q.choices.map((c) => c.value), value: extras[q.key] ?? q.default }])),
        }
      : {}),
  });
  const templates = input.templates ?? builtInTemplates(layersFor(input.options).map((layer) => layer.dir));
  const tree = renderTree(templates, context, composeLayers(templates, input.options, pack, extras));
  tree.set(ANSWERS_FILE_NAME, `${JSON.stringify(answersFile(input), null, 2)}\n`);
  tree.set('README.md', readmeMarkdown(input.projectName, input.options, toolVersion));
  tree.set('docs/DECISIONS.md', decisionsMarkdown(input.options, packDecisions(pack, extras)));
  tree.set('docs/CHECKLIST.md', checklistMarkdown(input.options, tree));
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
