/**
 * The command line checks options with the zod-free rules (rules.ts); the answers file and the API
 * with the zod schema built from them. Both must accept and refuse the same input, with the same words.
 */
import { describe, expect, it } from 'vitest';
import { allowedCombinations } from '../../src/options/matrix.js';
import { optionKeys, questionOf, type ProjectOptions } from '../../src/options/questions.js';
import { checkProjectOptions, isPackageManager, projectNameProblem } from '../../src/options/rules.js';
import { PackageManagerSchema, ProjectNameSchema, ProjectOptionsSchema } from '../../src/options/schema.js';

function everyCombination(): ProjectOptions[] {
  let partials: Record<string, string>[] = [{}];
  for (const key of optionKeys) partials = partials.flatMap((p) => questionOf(key).choices.map((c) => ({ ...p, [key]: c.value })));
  return partials as ProjectOptions[];
}

describe('zod-free rules agree with the zod schema', () => {
  it('accepts and refuses the same combinations, with the same messages', () => {
    for (const options of everyCombination()) {
      const parsed = ProjectOptionsSchema.safeParse(options);
      if (parsed.success) expect(JSON.stringify(checkProjectOptions(options))).toBe(JSON.stringify(parsed.data));
      else expect(() => checkProjectOptions(options)).toThrow(parsed.error.issues.map((i) => i.message).join('; '));
    }
    expect(allowedCombinations().length).toBeGreaterThan(0);
  });

  it('returns the keys in question order, as zod does', () => {
    const reversed = Object.fromEntries(optionKeys.map((k) => [k, questionOf(k).default]).reverse());
    expect(Object.keys(checkProjectOptions(reversed))).toEqual(optionKeys);
  });

  it('refuses unknown keys and values', () => {
    const defaults = Object.fromEntries(optionKeys.map((k) => [k, questionOf(k).default]));
    expect(() => checkProjectOptions({ ...defaults, db: 'oracle' })).toThrow(/db: expected one of sqlite, postgres/);
    expect(() => checkProjectOptions({ ...defaults, extra: 'x' } as Record<string, string>)).toThrow(/unknown option "extra"/);
  });

  it.each(['my-app', 'app.v2', '', 'My-App', '-app', '.hidden', 'a b', 'node_modules', 'favicon.ico', 'x'.repeat(214), 'x'.repeat(215)])(
    'project name %j: the same first problem',
    (name) => {
      const parsed = ProjectNameSchema.safeParse(name);
      expect(projectNameProblem(name)).toBe(parsed.success ? undefined : parsed.error.issues[0]?.message);
    },
  );

  it.each(['npm', 'pnpm', '', undefined])('package manager %j', (name) => {
    expect(isPackageManager(name)).toBe(PackageManagerSchema.safeParse(name).success);
  });
});
