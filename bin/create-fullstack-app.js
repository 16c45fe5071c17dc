#!/usr/bin/env node
// CommonJS (bin/package.json), so Node starts without its ES module loader (see src/code-cache/chunk-loader.ts)
require('../dist/cli-loader.cjs');
