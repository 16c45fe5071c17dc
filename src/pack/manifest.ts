/**
 * The manifest of a custom template pack (`template-pack.json`): zod validates its shape, then
 * cross-checks tie it to the built-in options and layers. Every problem names the file and the
 * field path, so an author can fix a malformed pack without reading this code.
 */
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { layers as builtInLayers } from '../generate/layers.js';
import { optionKeys, questionOf } from '../options/questions.js';
import type { PackManifest } from './types.js';

export const PACK_MANIFEST = 'template-pack.json';

/** Flags of the CLI itself: a pack question may not take one of them. */
export const RESERVED_FLAGS = [
  'template', 'pm', 'install', 'no-install', 'git', 'no-git', 'verify', 'no-verify', 'yes', 'force',
  'on-conflict', 'dry-run', 'answers', 'help', 'version',
] as const;

/** Names the template context already uses: a pack question key may not shadow one. */
const RESERVED_KEYS = ['projectName', 'options', 'extras', 'has', 'versions', 'secrets', 'toolVersion', 'pack'] as const;

const identifier = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'use a camelCase identifier starting with a lower-case letter');
const flagName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and "-", without the leading dashes');

const ChoiceSchema = z.strictObject({
  value: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and "-"'),
  label: z.string().min(1),
  hint: z.string(),
  why: z.string().min(1, 'say in one sentence why this choice is made (it goes into docs/DECISIONS.md)'),
});

const QuestionSchema = z.strictObject({
  key: identifier,
  flag: flagName,
  message: z.string().min(1),
  decision: z.string().min(1),
  choices: z.array(ChoiceSchema).min(1),
  default: z.string(),
});

const LayerSchema = z.strictObject({
  dir: z.string().min(1),
  when: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  replaces: z.string().optional(),
});

export const PackManifestSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, 'use a semver version, e.g. 1.0.0'),
  description: z.string().optional(),
  layers: z.array(LayerSchema).default([]),
  questions: z.array(QuestionSchema).default([]),
});

export type { PackLayerSpec, PackManifest, PackQuestion } from './types.js';

/** A field path as an author reads it: `layers[1].when.auth[0]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || '(root)';
}

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Cross-checks zod cannot express alone: names must match the built-in options and layers. */
function crossCheck(manifest: PackManifest): Problem[] {
  const problems: Problem[] = [];
  const builtInFlags = new Set(optionKeys.map((k) => questionOf(k).flag));
  const builtInKeys = new Set<string>(optionKeys);
  const seenKeys = new Set<string>();
  const seenFlags = new Set<string>();
  manifest.questions.forEach((q, i) => {
    if (builtInKeys.has(q.key) || (RESERVED_KEYS as readonly string[]).includes(q.key) || seenKeys.has(q.key)) {
      problems.push({ path: ['questions', i, 'key'], message: `"${q.key}" is already used${builtInKeys.has(q.key) ? ' by a built-in option' : ''}` });
    }
    if (builtInFlags.has(q.flag) || (RESERVED_FLAGS as readonly string[]).includes(q.flag) || seenFlags.has(q.flag)) {
      problems.push({ path: ['questions', i, 'flag'], message: `--${q.flag} is already a flag of create-fullstack-app${seenFlags.has(q.flag) ? ' or of this pack' : ''}` });
    }
    seenKeys.add(q.key);
    seenFlags.add(q.flag);
    const values = q.choices.map((c) => c.value);
    q.choices.forEach((c, j) => {
      if (values.indexOf(c.value) !== j) problems.push({ path: ['questions', i, 'choices', j, 'value'], message: `"${c.value}" is listed twice` });
    });
    if (!values.includes(q.default)) {
      problems.push({ path: ['questions', i, 'default'], message: `"${q.default}" is not a choice of --${q.flag} (${values.join(', ')})` });
    }
  });

  const choicesOf = (key: string): { flag: string; values: string[] } | undefined => {
    if (builtInKeys.has(key)) {
      const meta = questionOf(key as (typeof optionKeys)[number]);
      return { flag: meta.flag, values: meta.choices.map((c) => c.value) };
    }
    const q = manifest.questions.find((question) => question.key === key);
    return q ? { flag: q.flag, values: q.choices.map((c) => c.value) } : undefined;
  };
  const builtInDirs = builtInLayers.map((l) => l.dir);
  const replaced = new Map<string, number>();
  manifest.layers.forEach((layer, i) => {
    for (const [key, values] of Object.entries(layer.when ?? {})) {
      const known = choicesOf(key);
      if (!known) {
        problems.push({ path: ['layers', i, 'when', key], message: `"${key}" is neither a built-in option (${optionKeys.join(', ')}) nor a question of this pack` });
        continue;
      }
      values.forEach((value, j) => {
        if (!known.values.includes(value)) {
          problems.push({ path: ['layers', i, 'when', key, j], message: `"${value}" is not a choice of --${known.flag} (${known.values.join(', ')})` });
        }
      });
    }
    if (layer.replaces !== undefined) {
      if (!builtInDirs.includes(layer.replaces)) {
        problems.push({ path: ['layers', i, 'replaces'], message: `"${layer.replaces}" is not a built-in layer (${builtInDirs.join(', ')})` });
      } else if (replaced.has(layer.replaces)) {
        problems.push({ path: ['layers', i, 'replaces'], message: `"${layer.replaces}" is already replaced by layers[${replaced.get(layer.replaces)}]` });
      } else replaced.set(layer.replaces, i);
    }
  });
  return problems;
}

/** Parses and cross-checks a manifest; `file` is how errors name it, e.g. `my-pack/template-pack.json`. */
export function parsePackManifest(json: unknown, file: string): PackManifest {
  const parsed = PackManifestSchema.safeParse(json);
  const problems: Problem[] = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message }));
  if (problems.length > 0 || !parsed.success) {
    throw new UsageError(problems.map((p) => `${file}: ${fieldPath(p.path)}: ${p.message}`).join('\n'));
  }
  return parsed.data;
}
