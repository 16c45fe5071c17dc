/**
 * Template authors' loop: render one combination into a folder without the CLI around it.
 *   npm run render -- /tmp/app [--service api] [--auth none] [--realtime none]
 */
import { mkdirSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../src/generate/generate.js';
import { ProjectOptionsSchema, optionKeys, questionOf } from '../src/options/schema.js';

const [outDir, ...rest] = process.argv.slice(2);
if (!outDir) throw new Error('usage: npm run render -- <outDir> [--<option> <value>]...');
const given: Record<string, string> = {};
for (let i = 0; i < rest.length; i += 2) given[rest[i]!.replace(/^--/, '')] = rest[i + 1]!;
const raw = Object.fromEntries(optionKeys.map((k) => [k, given[k] ?? questionOf(k).default]));
if ((given.service === 'api' || given.service === 'microservice') && !given.frontend) raw.frontend = 'none';
const options = ProjectOptionsSchema.parse(raw);
if (existsSync(outDir) && readdirSync(outDir).some((f) => f !== 'node_modules')) {
  // keep node_modules so re-rendering over an installed project stays fast
  for (const f of readdirSync(outDir)) if (f !== 'node_modules') {
    const { rmSync } = await import('node:fs');
    rmSync(path.join(outDir, f), { recursive: true, force: true });
  }
}
const tree = generate({ projectName: path.basename(path.resolve(outDir)), options });
for (const [file, content] of tree) {
  mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
  writeFileSync(path.join(outDir, file), content);
}
console.log(`rendered ${tree.size} files into ${outDir} with ${JSON.stringify(options)}`);
