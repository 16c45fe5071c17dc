import { builtInTemplatesDir, layersFromDirectory, type TemplateLayers } from './template-files.js';

/**
 * The built-in template layers. From source they are read from `templates/`; the bundle
 * replaces this module with the layers precompiled at build time (`scripts/build.mjs`), so
 * the CLI reads no template file and compiles no template when it runs.
 */
export function builtInTemplates(): TemplateLayers {
  return layersFromDirectory(builtInTemplatesDir());
}
