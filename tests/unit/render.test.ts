import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateContext } from '../../src/generate/context.js';
import { renderTree } from '../../src/generate/render.js';
import { treeToVolume } from '../../src/generate/volume.js';
import { layersFromDirectory } from '../../src/generate/template-files.js';
import { TemplateError } from '../../src/errors.js';
import type { ProjectOptions } from '../../src/options/schema.js';

const fixtures = path.join(import.meta.dirname, '../fixtures');
const base: ProjectOptions = {
  service: 'fullstack',
  backend: 'express',
  frontend: 'react',
  db: 'sqlite',
  api: 'rest',
  realtime: 'sse',
  auth: 'jwt',
};
const context = (options: ProjectOptions) =>
  templateContext({ projectName: 'demo', options, toolVersion: '0.0.0', secrets: { jwt: 'secret' } });
const text = (value: string | Buffer | undefined) => value?.toString();

describe('renderTree', () => {
  const jwt = renderTree(layersFromDirectory(path.join(fixtures, 'templates')), context(base));
  const none = renderTree(layersFromDirectory(path.join(fixtures, 'templates')), context({ ...base, auth: 'none' }));

  it('renders .hbs files with the context, drops the suffix and collapses blank runs', () => {
    expect(text(jwt.get('info.txt'))).toBe('name=demo\njwt on\n\nend\n');
  });

  it('copies other files byte for byte, even when they look like templates', () => {
    expect(text(jwt.get('sub/raw.tsx'))).toBe('const style = {{x}};\n');
  });

  it('renames _gitignore', () => {
    expect(jwt.has('.gitignore')).toBe(true);
    expect(jwt.has('_gitignore')).toBe(false);
  });

  it('takes versions from the one map and drops trailing commas in JSON', () => {
    expect(JSON.parse(text(jwt.get('package.json'))!)).toEqual({ dependencies: { express: '5.3.0', jose: '6.2.18' } });
    expect(JSON.parse(text(none.get('package.json'))!)).toEqual({ dependencies: { express: '5.3.0' } });
  });

  it('leaves out a file that renders to whitespace', () => {
    expect(jwt.has('sub/jwt-only.txt')).toBe(true);
    expect(none.has('sub/jwt-only.txt')).toBe(false);
  });

  it('a later layer replaces an earlier one at the same path', () => {
    expect(text(jwt.get('override.txt'))).toBe('jwt version\n');
    expect(text(none.get('override.txt'))).toBe('base version\n');
  });

  it('returns paths sorted, and the same tree as a memfs volume', () => {
    expect([...jwt.keys()]).toEqual([...jwt.keys()].sort());
    const volume = treeToVolume(jwt);
    expect(volume.readFileSync('/sub/raw.tsx', 'utf8')).toBe('const style = {{x}};\n');
  });

  it('names the template of a strict-mode failure', () => {
    expect(() => renderTree(layersFromDirectory(path.join(fixtures, 'bad-templates')), context(base))).toThrowError(TemplateError);
    expect(() => renderTree(layersFromDirectory(path.join(fixtures, 'bad-templates')), context(base))).toThrowError(/templates\/base\/broken\.txt\.hbs/);
  });
});
