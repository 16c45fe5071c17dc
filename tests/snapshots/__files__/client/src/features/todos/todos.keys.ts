/** Every todo query lives under ['todos'], so one invalidation refreshes them all. */
export const todoKeys = {
  all: ['todos'] as const,
  list: () => [...todoKeys.all, 'list'] as const,
};
