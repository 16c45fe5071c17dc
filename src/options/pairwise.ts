import { allowedCombinations, combinationName } from './matrix.js';
import { optionKeys, type ProjectOptions } from './questions.js';

/** One pair of option values, e.g. `backend=fastify & auth=session`. */
function pairsOf(options: ProjectOptions): string[] {
  const pairs: string[] = [];
  for (const [i, a] of optionKeys.entries()) {
    for (const b of optionKeys.slice(i + 1)) pairs.push(`${a}=${options[a]} & ${b}=${options[b]}`);
  }
  return pairs;
}

/** Every pair of option values that appears in at least one allowed combination. */
export function allowedPairs(combinations: readonly ProjectOptions[] = allowedCombinations()): Set<string> {
  return new Set(combinations.flatMap(pairsOf));
}

/**
 * A small set of allowed combinations in which every allowed pair of option values appears at
 * least once (all-pairs testing): most faults need only two options to interact, so this set
 * catches them at a fraction of the whole matrix's cost. Greedy and deterministic: `seeds`
 * (e.g. combinations other tests already prove) come first, then each step adds the allowed
 * combination covering the most pairs not yet covered, the earliest in matrix order on a tie.
 */
export function pairwiseCombinations(seeds: readonly ProjectOptions[] = []): ProjectOptions[] {
  const candidates = allowedCombinations();
  const uncovered = allowedPairs(candidates);
  const chosen: ProjectOptions[] = [];
  const take = (options: ProjectOptions) => {
    chosen.push(options);
    for (const pair of pairsOf(options)) uncovered.delete(pair);
  };
  const allowedNames = new Set(candidates.map(combinationName));
  for (const seed of seeds) {
    if (!allowedNames.has(combinationName(seed))) throw new Error(`pairwise seed ${combinationName(seed)} is not allowed`);
    take(seed);
  }
  while (uncovered.size > 0) {
    let best: ProjectOptions | undefined;
    let bestGain = 0;
    for (const options of candidates) {
      const gain = pairsOf(options).filter((pair) => uncovered.has(pair)).length;
      if (gain > bestGain) {
        best = options;
        bestGain = gain;
      }
    }
    // Every uncovered pair comes from an allowed combination, so some candidate always gains.
    if (!best) break;
    take(best);
  }
  return chosen;
}
