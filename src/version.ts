/** Replaced at bundle time by scripts/build.mjs; read from package.json when run from source. */
declare const __TOOL_VERSION__: string | undefined;
import { createRequire } from 'node:module';

function readVersion(): string {
  if (typeof __TOOL_VERSION__ === 'string') return __TOOL_VERSION__;
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

export const TOOL_VERSION = readVersion();
