import { z } from 'zod';

/**
 * Client configuration, validated once at boot so a bad value fails loudly instead of
 * producing requests to a wrong URL. Vite inlines `import.meta.env` at build time.
 */
const EnvSchema = z.object({
  // Empty or unset: the API is on the page's own origin (the production monolith).
  VITE_API_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
});

function loadEnv() {
  const parsed = EnvSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(`Invalid client environment:\n${z.prettifyError(parsed.error)}`);
  }
  return {
    /** Base URL the API client prefixes to every path, without a trailing slash. */
    apiUrl: parsed.data.VITE_API_URL.replace(/\/+$/, ''),
  };
}

export const env = loadEnv();
