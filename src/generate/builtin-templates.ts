import { builtInTemplatesDir, layersFromDirectory, type TemplateLayers } from './template-files.js';

/**
 * The built-in template layers. From source they are read from `templates/`; the bundle
 * replaces this module with the layers precompiled at build time (`scripts/build.mjs`), so
 * the CLI reads no template file and compiles no template when it runs. `expected` names the layers
 * a run is about to read, so the bundle can load them together; read from source, each layer is
 * read when asked for.
 */
export function builtInTemplates(_expected: readonly string[] = []): TemplateLayers {
  return layersFromDirectory(builtInTemplatesDir());
}
