import type { PackageManager } from './questions.js';
import { isPackageManager } from './rules.js';

/**
 * The package manager that launched us (`npm create`, `npx`, `pnpm create`...), from the
 * `npm_config_user_agent` every one of them sets. Only the supported ones are returned.
 */
export function detectPackageManager(userAgent = process.env.npm_config_user_agent): {
  detected: string | undefined;
  packageManager: PackageManager;
} {
  const detected = userAgent?.split('/')[0]?.trim() || undefined;
  return { detected, packageManager: isPackageManager(detected) ? detected : 'npm' };
}
