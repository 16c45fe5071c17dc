import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The secrets of a project regenerated in place (`--answers` into its own folder), read from its
 * local `.env`, so re-rendering an unchanged project writes the same bytes and keeps its sessions.
 */
export async function existingSecrets(dir: string): Promise<{ jwt: string } | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, '.env'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const jwt = /^JWT_SECRET=(.+)$/m.exec(text)?.[1]?.trim();
  return jwt ? { jwt } : undefined;
}
