/**
 * tRPC keys every query `[path, { input, type }]`, so `[['todos']]` is the prefix of every todos
 * query: the key `useTRPC().todos.pathKey()` returns (todos.keys.test.ts checks they agree).
 * The cache helpers and live events invalidate and edit through it.
 */
export const todoKeys = {
  all: [['todos']] as const,
};
