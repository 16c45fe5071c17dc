import path from 'node:path';
import { Volume } from 'memfs';
import type { FileTree } from './render.js';

/** The same tree as a memfs volume rooted at `/`, for tools that want a file system. */
export function treeToVolume(tree: FileTree): InstanceType<typeof Volume> {
  const volume = new Volume();
  for (const [file, content] of tree) {
    volume.mkdirSync(path.posix.dirname(`/${file}`), { recursive: true });
    volume.writeFileSync(`/${file}`, content);
  }
  return volume;
}
