/** Step 4 (browser): the built client in headless Chromium, as a person would check it. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectOptions } from '../../options/schema.js';
import type { LiveServer } from '../live-server.js';
import type { Phase } from '../runner.js';
import { offlineCheck, sessionReloadCheck, tokenRefreshCheck, twoTabsCheck, type BrowserEnv } from './checks.js';
import { launchChromium, loadDriver, type Browser } from './driver.js';
import { findChromium } from './find-chromium.js';
import { ARTIFACTS_DIR } from './tab.js';

const CHECKS: [name: string, run: (env: BrowserEnv) => Promise<string>][] = [
  ['two tabs stay in sync', twoTabsCheck],
  // restarts the server with a short token lifetime, which the next check uses
  ['offline banner, then recovery', offlineCheck],
  ['expired access token refreshed transparently', tokenRefreshCheck],
  ['session survives a reload', sessionReloadCheck],
];
export const BROWSER_CHECK_NAMES = CHECKS.map(([name]) => name);

export interface BrowserInput {
  dir: string;
  options: ProjectOptions;
  baseUrl: string;
  live: LiveServer;
  signal?: AbortSignal;
  /** Default process.env: where CHROME_PATH and PATH are read. */
  env?: NodeJS.ProcessEnv;
}

function skipAll(phase: Phase, reason: string): void {
  for (const name of BROWSER_CHECK_NAMES) phase.skip(name, reason);
}

export async function browserChecks(input: BrowserInput, phase: Phase): Promise<void> {
  if (input.options.service !== 'fullstack' || input.options.frontend === 'none') return skipAll(phase, `service: ${input.options.service} (no client)`);
  const chromium = await findChromium(input.env);
  if (!chromium.found) return skipAll(phase, chromium.reason);
  const driver = await loadDriver(input.dir);
  if (!driver.found) return skipAll(phase, driver.reason);

  // the artifacts of an earlier run would describe failures this run may not have
  await rm(path.join(input.dir, ARTIFACTS_DIR), { recursive: true, force: true });
  let browser: Browser | undefined;
  const launch = await phase.run('chromium launches', async () => {
    const started = performance.now();
    browser = await launchChromium(driver.chromium, chromium.path);
    return `Chromium ${browser.version()} (${path.basename(chromium.path)}, playwright-core ${driver.version}) in ${Math.round(performance.now() - started)} ms`;
  });
  if (!browser || launch.status !== 'passed') return skipAll(phase, 'chromium did not launch');
  const env: BrowserEnv = { dir: input.dir, options: input.options, baseUrl: input.baseUrl, live: input.live, browser, signal: input.signal };
  try {
    for (const [name, run] of CHECKS) {
      await phase.run(name, () => run(env));
      // a check that failed while the server was down leaves it down: bring it back for the rest
      if (!input.live.current?.running) {
        await phase.run('server restarted after a failed check', async () => `healthy ${await input.live.restart({}, input.signal)} ms after spawn`);
      }
    }
  } finally {
    await browser.close();
  }
}
