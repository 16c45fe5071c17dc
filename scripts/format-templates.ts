/**
 * Keeps the templates formatted the way generated projects format themselves (their
 * `.prettierrc.json`, stored as `templates/base/_prettierrc.json`):
 *   npm run format:templates          formats plain template files in place, then reports
 *                                     every `.hbs` template whose rendered output is not clean
 *   npm run format:templates -- --check   changes nothing; exits 1 when anything is off
 * A `.hbs` template cannot be formatted itself: each change prettier makes to a rendered file is
 * applied to the template when the changed lines appear in it verbatim (once); the rest, lines
 * that hold Handlebars, are reported with the diff of one rendered combination, to fix by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { generate } from '../src/generate/generate.js';
import { layersFor } from '../src/generate/layers.js';
import { outputPath } from '../src/generate/render.js';
import { builtInTemplatesDir, readLayer } from '../src/generate/template-files.js';
import { allowedCombinations, combinationName } from '../src/options/matrix.js';
import type { ProjectOptions } from '../src/options/questions.js';
import { SNAPSHOT_SECRETS, SNAPSHOT_TOOL_VERSION } from '../src/testing/render.js';
import { diffOps, splitLines, unifiedDiff } from '../src/write/diff.js';

const check = process.argv.includes('--check');
const templatesDir = builtInTemplatesDir();
const config = JSON.parse(readFileSync(path.join(templatesDir, 'base/_prettierrc.json'), 'utf8')) as prettier.Options;

/** The formatted text, or undefined when prettier has no parser for this file name. */
async function formatted(text: string, filepath: string): Promise<string | undefined> {
  const info = await prettier.getFileInfo(filepath);
  if (!info.inferredParser) return undefined;
  try {
    return await prettier.format(text, { ...config, filepath });
  } catch (error) {
    throw new Error(`${filepath} does not parse: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

interface Change {
  /** Index in the rendered file of the first removed line (or where lines are added). */
  at: number;
  removed: string[];
  added: string[];
  /** The kept lines around the change, which anchor a match in the template. */
  lead: string[];
  trail: string[];
}

/** The blocks of changed lines between a rendered file and its formatted text. */
function changes(rendered: string, wanted: string): Change[] {
  const ops = diffOps(splitLines(rendered), splitLines(wanted));
  const result: Change[] = [];
  let line = 0; // index in the rendered file
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      line++;
      continue;
    }
    const previous = ops[i - 1];
    const change: Change = { at: line, removed: [], added: [], lead: previous ? [previous.line] : [], trail: [] };
    for (; i < ops.length && ops[i]!.kind !== ' '; i++) {
      if (ops[i]!.kind === '-') change.removed.push(ops[i]!.line), line++;
      else change.added.push(ops[i]!.line);
    }
    if (ops[i]) change.trail.push(ops[i]!.line);
    result.push(change);
  }
  return result;
}

/**
 * Line blocks to look for in the template and their replacements: the change with its anchor
 * lines, then, in case a Handlebars line sits next to it in the template, the removed lines alone.
 */
function candidates({ removed, added, lead, trail }: Change): Array<{ before: string[]; after: string[] }> {
  const result = [{ before: [...lead, ...removed, ...trail], after: [...lead, ...added, ...trail] }];
  if (removed.length > 0) result.push({ before: removed, after: added });
  return result;
}

function renderFile(options: ProjectOptions, file: string): string {
  const content = generate({ projectName: 'app', options, secrets: SNAPSHOT_SECRETS, toolVersion: SNAPSHOT_TOOL_VERSION }).get(file);
  return typeof content === 'string' ? content : '';
}

/**
 * Applies each change whose lines occur verbatim in the template, keeping it only when the file
 * then renders exactly as the rendered text with that one change. All or nothing: false, and the
 * template unchanged, when any change could not be applied.
 */
function patchTemplate(sourcePath: string, options: ProjectOptions, file: string, rendered: string, wanted: string): boolean {
  const untouched = readFileSync(sourcePath, 'utf8');
  let current = splitLines(rendered);
  // last change first, so the rendered line numbers of the others stay valid
  for (const change of changes(rendered, wanted).reverse()) {
    const expected = [...current.slice(0, change.at), ...change.added, ...current.slice(change.at + change.removed.length)];
    const applied = candidates(change).some(({ before, after }) => {
      const original = readFileSync(sourcePath, 'utf8');
      const lines = splitLines(original);
      for (let i = 0; i + before.length <= lines.length; i++) {
        if (!before.every((line, k) => lines[i + k] === line)) continue;
        writeFileSync(sourcePath, `${[...lines.slice(0, i), ...after, ...lines.slice(i + before.length)].join('\n')}\n`);
        if (renderFile(options, file) === `${expected.join('\n')}\n`) return true;
        writeFileSync(sourcePath, original);
      }
      return false;
    });
    if (!applied) {
      // all or nothing: half the changes would leave the template rendering broken code
      writeFileSync(sourcePath, untouched);
      return false;
    }
    current = expected;
  }
  return true;
}

let problems = 0;

// Plain files are copied verbatim, so formatting the template formats the output.
const seenLayers = new Set<string>();
for (const options of allowedCombinations()) {
  for (const layer of layersFor(options)) {
    if (seenLayers.has(layer.dir)) continue;
    seenLayers.add(layer.dir);
    for (const file of readLayer(path.join(templatesDir, layer.dir))) {
      if (file.relativePath.endsWith('.hbs')) continue;
      const text = file.content.toString('utf8');
      const result = await formatted(text, outputPath(file.relativePath));
      if (result === undefined || result === text) continue;
      problems += 1;
      if (check) console.log(`not formatted: templates/${layer.dir}/${file.relativePath}`);
      else writeFileSync(file.sourcePath, result);
    }
  }
}

// Handlebars templates: render every allowed combination and name the template behind each file.
const reported = new Set<string>();
for (const options of allowedCombinations()) {
  const sourceOf = new Map<string, string>();
  for (const layer of layersFor(options)) {
    for (const file of readLayer(path.join(templatesDir, layer.dir))) {
      sourceOf.set(outputPath(file.relativePath), `templates/${layer.dir}/${file.relativePath}`);
    }
  }
  const tree = generate({ projectName: 'app', options, secrets: SNAPSHOT_SECRETS, toolVersion: SNAPSHOT_TOOL_VERSION });
  for (const [file, content] of tree) {
    const source = sourceOf.get(file) ?? `(generated by src/generate) ${file}`;
    if (!source.endsWith('.hbs') && sourceOf.has(file)) continue;
    if (reported.has(source) || typeof content !== 'string') continue;
    const result = await formatted(content, file);
    if (result === undefined || result === content) continue;
    const sourcePath = path.join(templatesDir, source.replace(/^templates\//, ''));
    if (!check && source.startsWith('templates/') && patchTemplate(sourcePath, options, file, content, result)) continue;
    reported.add(source);
    problems += 1;
    console.log(`\n${source} (first seen in ${combinationName(options)}):`);
    console.log(unifiedDiff(content, result, { oldName: `rendered ${file}`, newName: 'formatted' }));
  }
}

console.log(problems === 0 ? 'templates are formatted' : `${problems} template(s) ${check ? 'not formatted' : 'left to fix by hand'}`);
if (problems > 0 && (check || reported.size > 0)) process.exitCode = 1;
