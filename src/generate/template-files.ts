import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `templates/` folder shipped beside `dist/` (or beside `src/` when run from source). */
export function builtInTemplatesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'templates');
    if (existsSync(path.join(candidate, 'base'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('the templates folder was not found beside the CLI');
    dir = parent;
  }
}

export interface TemplateFile {
  /** Path of the template inside its layer, with `/` separators. */
  relativePath: string;
  /** Where it came from, for error messages. */
  sourcePath: string;
  content: Buffer;
  /** A `.hbs` template precompiled at build time (the bundled CLI); compiled at render otherwise. */
  spec?: object;
}

/** Reads the files of one layer, e.g. `auth/jwt`; an unknown layer has none. */
export type TemplateLayers = (layerDir: string) => TemplateFile[];

/** Layers read from a templates folder on disk (template authors, tests, running from source). */
export function layersFromDirectory(templatesDir: string): TemplateLayers {
  return (layerDir) => readLayer(path.join(templatesDir, layerDir));
}

/** Every file of one layer folder, sorted by path so rendering is deterministic. */
export function readLayer(layerDir: string): TemplateFile[] {
  if (!existsSync(layerDir)) return [];
  const files: TemplateFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, relativePath);
      else if (entry.isFile()) files.push({ relativePath, sourcePath: full, content: readFileSync(full) });
    }
  };
  walk(layerDir, '');
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}
