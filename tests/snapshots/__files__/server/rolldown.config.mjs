// The production entry as one file: Node then reads one module instead of several hundred, which
// roughly halves the time to the first answer. `tsc -p tsconfig.build.json` still type-checks and
// emits dist/ first (the migration CLI, the declarations other workspaces import); this replaces
// only dist/main.js. `npm run dev` runs tsc's unbundled output, which works the same.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: 'src/main.ts',
  platform: 'node',
  transform: { target: 'node20' },
  // Left to node_modules: packages that load files next to their own code (the SQLite WebAssembly
  // binary) and optional native add-ons that are absent unless someone installs them.
  external: ['node-sqlite3-wasm', 'pg-native', 'bufferutil', 'utf-8-validate'],
  output: { file: 'dist/main.js', format: 'esm', sourcemap: true },
});
