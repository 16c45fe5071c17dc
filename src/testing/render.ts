import { createHash } from 'node:crypto';
import { validateOptions } from '../api/options.js';
import { generate } from '../generate/generate.js';
import type { FileTree } from '../generate/render.js';
import { layersFromDirectory, type TemplateLayers } from '../generate/template-files.js';
import { allowedCombinations, combinationName } from '../options/matrix.js';
import type { OptionKey, ProjectOptions } from '../options/questions.js';
import type { TemplatePack } from '../pack/load.js';
import type { ExtraAnswers } from '../pack/compose.js';

/** A rendered project as plain data: `{ path: content }`, sorted by path. */
export type FileSnapshot = Record<string, string>;

export interface RenderInput {
  /** Defaults to `snapshot-app`. */
  projectName?: string;
  /** Missing answers take their defaults, as `--yes` does; a refused combination throws. */
  options?: Partial<Record<OptionKey, string>>;
  /** A templates folder (a pack's or a copy of ours) or layers; the built-in templates unless given. */
  templates?: string | TemplateLayers;
  /** A custom template pack (`await loadTemplatePack(dir)`): rendered on top of the templates. */
  pack?: TemplatePack;
  /** Answers to the pack's questions; missing ones take their defaults. */
  extras?: ExtraAnswers;
}

/** Fixed stand-ins for what differs between runs, so a snapshot changes only when a template does. */
export const SNAPSHOT_SECRETS = { jwt: 'snapshot-secret-not-for-production-snapshot-secret' } as const;
export const SNAPSHOT_TOOL_VERSION = '0.0.0-snapshot';

function layersOf(templates: RenderInput['templates']): TemplateLayers | undefined {
  return typeof templates === 'string' ? layersFromDirectory(templates) : templates;
}

/** Text with `\n` line endings; a binary file as its size and hash. */
function stableContent(content: string | Buffer): string {
  if (typeof content === 'string') return content.replace(/\r\n?/g, '\n');
  const text = content.toString('utf8');
  if (!text.includes('\uFFFD') && !text.includes('\0')) return text.replace(/\r\n?/g, '\n');
  return `<binary ${content.length} bytes, sha256 ${createHash('sha256').update(content).digest('hex')}>`;
}

export function toSnapshot(tree: FileTree): FileSnapshot {
  const entries = [...tree].map(([file, content]) => [file, stableContent(content)] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Renders a project in memory, exactly as `create` would but with fixed secrets and tool version:
 * no disk writes, no network, the same output on every run and machine.
 */
export function renderProject(input: RenderInput = {}): FileSnapshot {
  const options = validateOptions(input.options ?? {});
  return toSnapshot(renderTree(options, input));
}

function renderTree(options: ProjectOptions, input: RenderInput): FileTree {
  const templates = layersOf(input.templates);
  return generate({
    projectName: input.projectName ?? 'snapshot-app',
    options,
    secrets: SNAPSHOT_SECRETS,
    toolVersion: SNAPSHOT_TOOL_VERSION,
    ...(templates ? { templates } : {}),
    // the answers file records where the pack came from: a path that differs between machines
    ...(input.pack ? { pack: { ...input.pack, source: `<${input.pack.name}>` } } : {}),
    ...(input.extras ? { extras: input.extras } : {}),
  });
}

export interface MatrixEntry {
  /** e.g. `fullstack-express-react-sqlite-rest-sse-jwt` */
  name: string;
  options: ProjectOptions;
  files: FileSnapshot;
}

/** Every combination the compatibility rules allow (or those `filter` keeps), rendered. */
export function renderMatrix(
  input: Omit<RenderInput, 'options'> & { filter?: (options: ProjectOptions) => boolean } = {},
): MatrixEntry[] {
  const layers = layersOf(input.templates);
  return allowedCombinations()
    .filter((options) => input.filter?.(options) ?? true)
    .map((options) => ({
      name: combinationName(options),
      options,
      files: toSnapshot(renderTree(options, { ...input, ...(layers ? { templates: layers } : {}) })),
    }));
}
