import { describe, expect, it } from 'vitest';
import {
  allowedChoices,
  checkCombination,
  defaultChoice,
  resolveOptions,
  unansweredQuestions,
  type Ask,
} from '../../src/options/resolve.js';
import { AnswersFileSchema, compatibilityRules, ProjectNameSchema, ProjectOptionsSchema, optionKeys, questionOf, type ProjectOptions } from '../../src/options/schema.js';
import { UsageError } from '../../src/errors.js';
import { detectPackageManager } from '../../src/options/package-manager.js';

const defaults = {
  service: 'fullstack',
  backend: 'express',
  frontend: 'react',
  db: 'sqlite',
  api: 'rest',
  realtime: 'sse',
  auth: 'jwt',
};

describe('options schema', () => {
  it('every option has a question, choices with a why, and a default among its choices', () => {
    for (const key of optionKeys) {
      const meta = questionOf(key);
      expect(meta.flag).toMatch(/^[a-z]+$/);
      expect(meta.choices.map((c) => c.value)).toContain(meta.default);
      for (const choice of meta.choices) expect(choice.why.length).toBeGreaterThan(20);
    }
  });

  it('rejects a combination that breaks a rule, naming both flags', () => {
    const result = ProjectOptionsSchema.safeParse({ ...defaults, service: 'api', frontend: 'react' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('--service api with --frontend react');
  });

  it('rejects unknown keys and values', () => {
    expect(ProjectOptionsSchema.safeParse({ ...defaults, extra: 1 }).success).toBe(false);
    expect(ProjectOptionsSchema.safeParse({ ...defaults, db: 'oracle' }).success).toBe(false);
  });

  it.each([
    ['my-app', true],
    ['app.v2', true],
    ['My-App', false],
    ['-app', false],
    ['.hidden', false],
    ['a b', false],
    ['node_modules', false],
    ['x'.repeat(215), false],
  ])('project name %s valid: %s', (name, valid) => {
    expect(ProjectNameSchema.safeParse(name).success).toBe(valid);
  });

  it('validates the answers file shape', () => {
    const file = { tool: 'create-fullstack-app', version: '0.1.0', projectName: 'app', packageManager: 'npm', options: defaults };
    expect(AnswersFileSchema.safeParse(file).success).toBe(true);
    expect(AnswersFileSchema.safeParse({ ...file, options: { ...defaults, auth: 'magic' } }).success).toBe(false);
  });
});

describe('choices and defaults follow the compatibility rules', () => {
  it('offers no client for an API-only service', () => {
    expect(allowedChoices('frontend', { service: 'api' }).map((c) => c.value)).toEqual(['none']);
    expect(defaultChoice('frontend', { service: 'api' })).toBe('none');
  });

  it('offers every client for a full-stack service and defaults to react', () => {
    expect(allowedChoices('frontend', { service: 'fullstack' }).map((c) => c.value)).toEqual(['react']);
    expect(defaultChoice('frontend', {})).toBe('react');
  });

  it('a later flag narrows an earlier question', () => {
    expect(allowedChoices('service', { frontend: 'none' }).map((c) => c.value)).toEqual(['api', 'microservice']);
  });

  it('a microservice offers no client and only stateless auth', () => {
    expect(allowedChoices('frontend', { service: 'microservice' }).map((c) => c.value)).toEqual(['none']);
    expect(allowedChoices('auth', { service: 'microservice' }).map((c) => c.value)).toEqual(['jwt', 'none']);
    // Both frameworks build a microservice: backend is still asked.
    expect(allowedChoices('backend', { service: 'microservice' }).map((c) => c.value)).toEqual(['express', 'fastify']);
    expect(unansweredQuestions({ service: 'microservice' })).toEqual(['backend', 'db', 'api', 'realtime', 'auth']);
  });

  it('allows Fastify with every capability: ws, session, microservice, tRPC', () => {
    for (const options of [
      { ...defaults, backend: 'fastify', realtime: 'ws' },
      { ...defaults, backend: 'fastify', service: 'api', frontend: 'none', realtime: 'ws', auth: 'none' },
      { ...defaults, backend: 'fastify', auth: 'session' },
      { ...defaults, backend: 'fastify', service: 'microservice', frontend: 'none' },
      { ...defaults, backend: 'fastify', service: 'microservice', frontend: 'none', realtime: 'ws', auth: 'none' },
      { ...defaults, backend: 'fastify', realtime: 'ws', auth: 'session' },
      { ...defaults, backend: 'fastify', api: 'trpc', realtime: 'ws', auth: 'session' },
    ]) {
      expect(ProjectOptionsSchema.safeParse(options).success, JSON.stringify(options)).toBe(true);
    }
  });

  it('offers every real-time method and auth strategy with tRPC', () => {
    expect(allowedChoices('realtime', { backend: 'fastify', api: 'trpc' }).map((c) => c.value)).toEqual(['sse', 'ws', 'polling', 'none']);
    expect(allowedChoices('realtime', { backend: 'express', api: 'trpc' }).map((c) => c.value)).toEqual(['sse', 'ws', 'polling', 'none']);
    expect(allowedChoices('auth', { backend: 'express', api: 'trpc', realtime: 'ws' }).map((c) => c.value)).toEqual(['jwt', 'session', 'none']);
    expect(() => checkCombination({ api: 'trpc', realtime: 'ws', auth: 'session' })).not.toThrow();
    expect(() => checkCombination({ api: 'rest', realtime: 'ws', auth: 'session' })).not.toThrow();
  });

  it('refuses a microservice with a client, naming both flags and the reason', () => {
    expect(() => checkCombination({ service: 'microservice', frontend: 'react' })).toThrow(
      /--service microservice and --frontend react cannot be combined: a microservice is API only/,
    );
    const parsed = ProjectOptionsSchema.safeParse({ ...defaults, service: 'microservice', frontend: 'react' });
    expect(parsed.error?.issues[0]?.message).toMatch(/--service microservice with --frontend react is not allowed/);
  });

  it('allows tRPC on both frameworks with every real-time method', () => {
    for (const backend of ['express', 'fastify'] as const) {
      for (const realtime of ['sse', 'ws', 'polling', 'none'] as const) {
        expect(ProjectOptionsSchema.safeParse({ ...defaults, backend, api: 'trpc', realtime, auth: 'jwt' }).success, `${backend} ${realtime}`).toBe(true);
      }
    }
  });

  it('allows a microservice only auth jwt or none, as a rule any stateful strategy breaks', () => {
    const rule = compatibilityRules.find((r) => r.options.includes('service') && r.options.includes('auth'));
    expect(rule?.reason).toMatch(/only --auth jwt .* or --auth none/);
    // A session-based strategy (added later) is refused without touching the rule.
    const session = { ...defaults, service: 'microservice', frontend: 'none', auth: 'session' } as unknown as ProjectOptions;
    expect(rule?.allows(session)).toBe(false);
  });
});

describe('flag checks', () => {
  it('names the flag and the allowed values for an unknown value', () => {
    expect(() => checkCombination({ auth: 'oauth' })).toThrowError(/--auth "oauth" is not a valid value: choose one of jwt, session, none/);
  });

  it('names both flags of a conflict', () => {
    expect(() => checkCombination({ service: 'api', frontend: 'react' })).toThrowError(
      /--service api and --frontend react cannot be combined/,
    );
  });
});

describe('resolveOptions', () => {
  it('--yes takes every default', async () => {
    expect(await resolveOptions({ given: {}, yes: true })).toEqual(defaults);
  });

  it('flags given with --yes override the defaults, and dependent defaults follow', async () => {
    const options = await resolveOptions({ given: { service: 'api', auth: 'none' }, yes: true });
    expect(options).toEqual({ ...defaults, service: 'api', frontend: 'none', auth: 'none' });
  });

  it('without a terminal and without --yes, names every unanswered flag', async () => {
    const attempt = resolveOptions({ given: { auth: 'none' }, yes: false });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(
      /--service <fullstack\|api\|microservice>, --backend <express\|fastify>, --db <sqlite\|postgres>, --api <rest\|trpc>, --realtime <sse\|ws\|polling\|none>/,
    );
    await expect(attempt).rejects.not.toThrow(/--auth/);
  });

  it('without a terminal, all flags given is enough', async () => {
    const given = { service: 'api', backend: 'fastify', db: 'postgres', api: 'rest', realtime: 'none', auth: 'none' };
    expect(unansweredQuestions(given)).toEqual([]);
    expect(await resolveOptions({ given, yes: false })).toMatchObject(given);
  });

  it('asks only open questions, offering only fitting choices', async () => {
    const asked: string[] = [];
    const ask: Ask = async (key, choices, initial) => {
      asked.push(`${key}:${choices.map((c) => c.value).join('/')}:${initial}`);
      return key === 'service' ? 'api' : initial;
    };
    const options = await resolveOptions({ given: { auth: 'jwt' }, yes: false, ask });
    expect(asked).toEqual([
      'service:fullstack/api/microservice:fullstack',
      'backend:express/fastify:express',
      'db:sqlite/postgres:sqlite',
      'api:rest/trpc:rest',
      'realtime:sse/ws/polling/none:sse',
    ]);
    expect(options.frontend).toBe('none');
  });
});

describe('package manager detection', () => {
  it('reads npm_config_user_agent', () => {
    expect(detectPackageManager('npm/11.19.1 node/v20.20.2 linux x64 workspaces/false')).toEqual({ detected: 'npm', packageManager: 'npm' });
    expect(detectPackageManager('pnpm/9.0.0 npm/? node/v20')).toEqual({ detected: 'pnpm', packageManager: 'npm' });
    expect(detectPackageManager('')).toEqual({ detected: undefined, packageManager: 'npm' });
  });
});

describe('allowedCombinations', async () => {
  const { allowedCombinations, combinationName } = await import('../../src/options/matrix.js');
  it('lists every combination the rules allow, each valid, none twice', () => {
    const all = allowedCombinations();
    // every value of every option with every other, except what the structural rules refuse:
    // fullstack and api each: 2 backends x 2 db x 2 api x 4 realtime x 3 auth = 96; microservice (no
    // client, jwt or none): 2 x 2 x 2 x 4 x 2 = 64
    expect(all).toHaveLength(256);
    for (const options of all) expect(ProjectOptionsSchema.safeParse(options).success).toBe(true);
    expect(new Set(all.map(combinationName)).size).toBe(all.length);
  });
});

describe('Step 4 probes map to checklist items', async () => {
  const { checklist } = await import('../../src/generate/checklist.js');
  const { probedItems, checklistItemsFor } = await import('../../src/verify/probes.js');
  it('name only items that exist in the checklist', () => {
    const items = new Set(checklist.map((c) => c.item));
    for (const item of probedItems()) expect(items.has(item), item).toBe(true);
  });
  it('match a check by its name or the start of it', () => {
    expect(checklistItemsFor('x-request-id')).toContain('Structured JSON logging with request ID propagation');
    expect(checklistItemsFor('no such check')).toEqual([]);
  });
});
