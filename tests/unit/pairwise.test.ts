import { describe, expect, it } from 'vitest';
import { allowedCombinations, combinationName } from '../../src/options/matrix.js';
import { allowedPairs, pairwiseCombinations } from '../../src/options/pairwise.js';
import { brokenRules } from '../../src/options/schema.js';
import { validateOptions } from '../../src/api/options.js';

describe('pairwiseCombinations', () => {
  const set = pairwiseCombinations();

  it('covers every allowed pair of option values', () => {
    const covered = allowedPairs(set);
    expect([...allowedPairs()].filter((pair) => !covered.has(pair))).toEqual([]);
  });

  it('holds only allowed combinations, each once', () => {
    for (const options of set) expect(brokenRules(options)).toEqual([]);
    expect(new Set(set.map(combinationName)).size).toBe(set.length);
  });

  it('is no larger than the whole matrix and the same on every call', () => {
    expect(set.length).toBeLessThanOrEqual(allowedCombinations().length);
    expect(pairwiseCombinations().map(combinationName)).toEqual(set.map(combinationName));
  });

  it('starts with the seeds and still covers every pair', () => {
    const seed = validateOptions({});
    const seeded = pairwiseCombinations([seed]);
    expect(combinationName(seeded[0]!)).toBe(combinationName(seed));
    const covered = allowedPairs(seeded);
    expect([...allowedPairs()].every((pair) => covered.has(pair))).toBe(true);
  });

  it('refuses a seed the rules do not allow', () => {
    const refused = { ...validateOptions({}), frontend: 'none' } as ReturnType<typeof validateOptions>;
    expect(() => pairwiseCombinations([refused])).toThrow(/is not allowed/);
  });
});
