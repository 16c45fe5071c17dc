/** Where Chromium is: CHROME_PATH, else the usual names on PATH. */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export type ChromiumLookup = { found: true; path: string } | { found: false; reason: string };

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    // absent or not executable: not a candidate (the caller reports what was searched)
    return false;
  }
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumLookup> {
  const chromePath = env.CHROME_PATH?.trim();
  if (chromePath) {
    if (await isExecutableFile(chromePath)) return { found: true, path: chromePath };
    return { found: false, reason: `CHROME_PATH=${chromePath} is not an executable file` };
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (await isExecutableFile(candidate)) return { found: true, path: candidate };
    }
  }
  return { found: false, reason: `no browser: set CHROME_PATH or put ${CHROMIUM_NAMES.join(', ')} on PATH` };
}
