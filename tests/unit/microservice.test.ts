import { describe, expect, it } from 'vitest';
import { checklistMarkdown } from '../../src/generate/checklist.js';
import { decisionsMarkdown } from '../../src/generate/decisions.js';
import { generate } from '../../src/generate/generate.js';
import type { FileTree } from '../../src/generate/render.js';
import type { ProjectOptions } from '../../src/options/schema.js';

const microservice: ProjectOptions = {
  service: 'microservice',
  backend: 'express',
  frontend: 'none',
  db: 'sqlite',
  api: 'rest',
  realtime: 'sse',
  auth: 'jwt',
};
const render = (options: ProjectOptions) => generate({ projectName: 'svc', options, secrets: { jwt: 'x'.repeat(48) } });
const text = (tree: FileTree, file: string) => tree.get(file)?.toString() ?? '';

/** Instruction lines of a Dockerfile, continuations joined, comments dropped. */
function dockerInstructions(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

describe('--service microservice --auth jwt', () => {
  const tree = render(microservice);
  const serverFiles = [...tree.keys()].filter((file) => file.startsWith('server/src/'));

  it('verifies tokens only: no accounts, refresh tokens, cookies or sign-in routes', () => {
    expect(tree.has('server/src/auth/tokens.ts')).toBe(true);
    expect(tree.has('server/src/auth/auth.middleware.ts')).toBe(true);
    for (const gone of ['auth.service.ts', 'auth.routes.ts', 'user.repository.ts', 'refresh-token.repository.ts', 'password.ts']) {
      expect(tree.has(`server/src/auth/${gone}`)).toBe(false);
    }
    const source = serverFiles.map((file) => text(tree, file)).join('\n');
    expect(source).not.toMatch(/cookie-parser|res\.cookie|\/api\/auth|CREATE TABLE users/);
    expect(text(tree, 'server/package.json')).not.toMatch(/cookie-parser|express-rate-limit/);
    expect(text(tree, 'server/src/app.ts')).toContain('credentials: false');
  });

  it('configures the issuer and audience, and a dev token script', () => {
    expect(text(tree, '.env')).toMatch(/^JWT_ISSUER=.+$/m);
    expect(text(tree, '.env')).toMatch(/^JWT_AUDIENCE=svc$/m);
    expect(text(tree, '.env.example')).toMatch(/^JWT_AUDIENCE=svc$/m);
    expect(text(tree, '.env')).not.toMatch(/REFRESH_TOKEN|COOKIE_SECURE/);
    expect(JSON.parse(text(tree, 'package.json')).scripts.token).toBe('node server/dist/auth/dev-token.js');
    expect(tree.has('server/src/auth/dev-token.ts')).toBe(true);
  });

  it('ships a Dockerfile whose sources exist and whose CMD is the start script', () => {
    const lines = dockerInstructions(text(tree, 'Dockerfile'));
    const sources = lines
      .filter((line) => line.startsWith('COPY ') && !line.startsWith('COPY --from'))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    for (const source of sources) {
      // package-lock.json is written by `npm install`, before any image build.
      if (source === 'package-lock.json') continue;
      expect([...tree.keys()].some((file) => file === source || file.startsWith(source)), source).toBe(true);
    }
    const start: string = JSON.parse(text(tree, 'package.json')).scripts.start;
    const cmd = lines.find((line) => line.startsWith('CMD '))?.slice(4) ?? '[]';
    const [, , command] = JSON.parse(cmd) as string[];
    expect(command?.replace('exec ', '')).toBe(start.replace('npm run db:migrate', 'node server/dist/shared/database/migrate-cli.js up'));
    expect(lines).toContain('USER node');
    expect(text(tree, '.dockerignore')).toMatch(/^\.env$/m);
    expect(tree.has('server/test/deploy/dockerfile.test.ts')).toBe(true);
  });

  it('records the decisions and why refresh tokens do not apply', () => {
    const decisions = decisionsMarkdown(microservice);
    expect(decisions).toContain('JWT verification (tokens issued by an identity provider)');
    expect(decisions).toContain('## CORS for a microservice');
    expect(decisions).toContain('## Deployment');
    expect(checklistMarkdown(microservice, tree)).toMatch(/Refresh token flow .*: not applicable\. Microservice: it only verifies access tokens/);
  });
});

describe('--service microservice --auth none', () => {
  const tree = render({ ...microservice, auth: 'none', realtime: 'none' });

  it('has no auth code, still a Dockerfile', () => {
    expect([...tree.keys()].some((file) => file.startsWith('server/src/auth/'))).toBe(false);
    expect(JSON.parse(text(tree, 'package.json')).scripts.token).toBeUndefined();
    expect(tree.has('Dockerfile')).toBe(true);
  });
});

describe('other service types', () => {
  it('keep accounts and get no Dockerfile', () => {
    const tree = render({ ...microservice, service: 'api' });
    expect(tree.has('server/src/auth/auth.service.ts')).toBe(true);
    expect(tree.has('server/src/auth/tokens.ts')).toBe(true);
    expect(tree.has('server/src/auth/dev-token.ts')).toBe(false);
    expect(tree.has('Dockerfile')).toBe(false);
  });
});
