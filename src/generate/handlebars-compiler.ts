/**
 * The full Handlebars, with its template compiler: needed only for templates that were not
 * precompiled (a template pack, or the templates read from source by tests and template authors).
 * Loaded synchronously on first need, so rendering stays synchronous and the bundled CLI, whose
 * built-in templates are all precompiled, never parses the compiler. The bundle replaces this
 * module with one requiring its own copy (`scripts/build.mjs`).
 */
import type Handlebars from 'handlebars';
import { createRequire } from 'node:module';

export function handlebarsCompiler(): typeof Handlebars {
  return createRequire(import.meta.url)('handlebars') as typeof Handlebars;
}
