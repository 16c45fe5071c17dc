import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import {
  assertFile,
  assertJsonSubset,
  assertNoFile,
  fileVariants,
  renderMatrix,
  renderProject,
  SNAPSHOT_TOOL_VERSION,
  toVolume,
  type MatrixEntry,
} from '../../src/testing/index.js';
import { validateOptions } from '../../src/api/options.js';

describe('renderProject', () => {
  it('is stable: the same files on every call, no random secret, a fixed tool version', () => {
    const first = renderProject();
    expect(renderProject()).toEqual(first);
    expect(Object.keys(first)).toEqual(Object.keys(first).sort());
    expect(JSON.parse(first['create-fullstack-app.json']!)).toMatchObject({ version: SNAPSHOT_TOOL_VERSION });
    expect(Object.values(first).some((content) => content.includes('\r'))).toBe(false);
  });

  it('takes partial answers and refuses a combination the rules forbid', () => {
    expect(Object.keys(renderProject({ options: { service: 'api' } })).some((f) => f.startsWith('client/'))).toBe(false);
    expect(() => renderProject({ options: { service: 'api', frontend: 'react' } })).toThrow(/--service api with --frontend react/);
  });
});

describe('assertions', () => {
  const files = renderProject();

  it('assertFile returns the content, checks a pattern, and names near misses', () => {
    expect(assertFile(files, 'package.json', /"workspaces"/)).toContain('"name": "snapshot-app"');
    expect(() => assertFile(files, 'package.json', /nope/)).toThrow(AssertionError);
    expect(() => assertFile(files, 'src/app.ts')).toThrow(/server\/src\/app\.ts/);
    expect(() => assertNoFile(files, 'package.json')).toThrow(/not to contain package\.json/);
  });

  it('assertJsonSubset compares only the keys it is given', () => {
    assertJsonSubset(files, 'package.json', { name: 'snapshot-app', private: true });
    expect(() => assertJsonSubset(files, 'package.json', { name: 'other' })).toThrow(/expected JSON subset/);
    expect(() => assertJsonSubset(files, 'README.md', {})).toThrow(/not valid JSON/);
  });

  it('toVolume mounts the files at /', () => {
    expect(toVolume(files).readFileSync('/package.json', 'utf8')).toBe(files['package.json']);
  });
});

describe('fileVariants', () => {
  const entry = (auth: string, realtime: string, files: Record<string, string>): MatrixEntry => ({
    name: `${auth}-${realtime}`,
    options: { ...validateOptions({}), auth, realtime } as MatrixEntry['options'],
    files,
  });

  it('names each distinct content by the options it depends on', () => {
    const variants = fileVariants([
      entry('jwt', 'sse', { 'a.ts': 'jwt', 'same.ts': 'x', 'b.ts': 'sse' }),
      entry('jwt', 'none', { 'a.ts': 'jwt', 'same.ts': 'x', 'b.ts': 'none' }),
      entry('none', 'sse', { 'a.ts': 'anon', 'same.ts': 'x', 'b.ts': 'sse' }),
    ]);
    expect(Object.fromEntries(variants)).toEqual({
      'a.ts@auth=jwt': 'jwt',
      'a.ts@auth=none': 'anon',
      'b.ts@realtime=none': 'none',
      'b.ts@realtime=sse': 'sse',
      'same.ts': 'x',
    });
  });

  it('keeps only representatives of a file with too many variants', () => {
    const matrix = [entry('jwt', 'sse', { 'r.md': '1' }), entry('jwt', 'none', { 'r.md': '2' }), entry('none', 'sse', { 'r.md': '3' })];
    const variants = fileVariants(matrix, { maxVariantsPerFile: 2, representatives: ['none-sse'] });
    expect([...variants.keys()]).toEqual(['r.md@realtime=sse,auth=none']);
  });

  it('covers every file of a real matrix', () => {
    const matrix = renderMatrix({ filter: (o) => o.service === 'api' });
    const variants = fileVariants(matrix, { maxVariantsPerFile: Number.POSITIVE_INFINITY });
    const paths = new Set([...variants.keys()].map((name) => name.split('@')[0]));
    for (const { files } of matrix) for (const file of Object.keys(files)) expect(paths.has(file), file).toBe(true);
  });
});
