import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import type { TemplateContext } from './context.js';
import { layersFor } from './layers.js';
import type { TemplateFile, TemplateLayers } from './template-files.js';
import { versions } from './versions.js';

/**
 * Dotfiles are stored in layers with `_`: npm drops `.gitignore` and `.npmrc` when it packs, and
 * tools run in this repository would read a `.prettierrc.json` among the templates as their own.
 */
const RENAMED: Record<string, string> = {
  _gitignore: '.gitignore',
  _npmrc: '.npmrc',
  '_prettierrc.json': '.prettierrc.json',
  _prettierignore: '.prettierignore',
};
const TEMPLATE_SUFFIX = '.hbs';

export type FileTree = Map<string, string | Buffer>;

/** One layer ready to render: its files, and the label error messages name them by. */
export interface RenderLayer {
  label: string;
  files: TemplateFile[];
}

function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('dep', (name: unknown) => {
    if (typeof name !== 'string' || !(name in versions)) {
      throw new Error(`dependency ${String(name)} has no version in src/generate/versions.ts`);
    }
    return `${JSON.stringify(name)}: ${JSON.stringify(versions[name as keyof typeof versions])}`;
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `{{#if (or db.sqlite has.client)}}`; Handlebars passes its options object last
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value));
  return hb;
}

/** Where a template file lands in the project: no `.hbs`, dotfile names restored. */
export function outputPath(relativePath: string): string {
  const withoutSuffix = relativePath.endsWith(TEMPLATE_SUFFIX)
    ? relativePath.slice(0, -TEMPLATE_SUFFIX.length)
    : relativePath;
  return withoutSuffix
    .split('/')
    .map((part) => RENAMED[part] ?? part)
    .join('/');
}

/** Rendered JSON may keep a trailing comma left by a conditional; normalise and validate it. */
function normaliseJson(text: string, source: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text.replace(/,(\s*[}\]])/g, '$1')), null, 2)}\n`;
  } catch (error) {
    throw new TemplateError(`${source} renders invalid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** Collapse the blank lines that conditionals leave behind, so output reads as if hand-written. */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').trimEnd()}\n`;
}

/**
 * Renders the layers that apply to the options into an in-memory file tree. Pure: reads only
 * the template folders, writes nothing. A template that renders to whitespace is left out.
 */
function compile(hb: typeof Handlebars, file: TemplateFile): Handlebars.TemplateDelegate {
  return file.spec
    ? hb.template(file.spec)
    : hb.compile(file.content.toString('utf8'), { noEscape: true, strict: true });
}

export function renderTree(
  templates: TemplateLayers,
  context: TemplateContext,
  layers: readonly RenderLayer[] = layersFor(context.options).map((l) => ({ label: `templates/${l.dir}`, files: templates(l.dir) })),
): FileTree {
  const hb = createHandlebars();
  const tree: FileTree = new Map();
  for (const layer of layers) {
    for (const file of layer.files) {
      const target = outputPath(file.relativePath);
      const source = `${layer.label}/${file.relativePath}`;
      if (!file.relativePath.endsWith(TEMPLATE_SUFFIX)) {
        tree.set(target, file.content);
        continue;
      }
      let text: string;
      try {
        text = compile(hb, file)(context);
      } catch (error) {
        throw new TemplateError(`${source}: ${(error as Error).message}`, { cause: error });
      }
      if (text.trim() === '') {
        tree.delete(target);
        continue;
      }
      tree.set(target, target.endsWith('.json') ? normaliseJson(text, source) : tidy(text));
    }
  }
  return new Map([...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
