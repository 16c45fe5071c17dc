import { optionKeys, questionOf, type OptionKey, type ProjectOptions } from '../options/questions.js';
import { versions } from './versions.js';

/** `service.fullstack`, `auth.none`, ...: one boolean per choice of every option. */
export type ChoiceFlags = { [K in OptionKey]: Record<string, boolean> };

export interface TemplateContext extends ChoiceFlags {
  projectName: string;
  options: ProjectOptions;
  /**
   * Capabilities that several layers test. `accounts`: the service keeps users and passwords and
   * signs them in itself (JWT with refresh tokens, or server-side sessions); a microservice with
   * auth only verifies tokens.
   * `realtime` means a server push channel (sse or ws) and so the event bus; polling is a
   * client-only refetch and leaves it false.
   */
  has: { client: boolean; auth: boolean; accounts: boolean; realtime: boolean };
  versions: typeof versions;
  secrets: { jwt: string };
  toolVersion: string;
  /** Answers to a template pack's questions, by key; each is also a flag object like `ci.github`. */
  extras: Record<string, string>;
  pack?: { name: string; version: string };
}

export interface ContextInput {
  projectName: string;
  options: ProjectOptions;
  toolVersion: string;
  secrets: { jwt: string };
  /** A pack's questions and answers: `{ audit: { choices: ['on', 'off'], value: 'on' } }`. */
  extras?: Record<string, { choices: readonly string[]; value: string }>;
  pack?: { name: string; version: string };
}

export function templateContext(input: ContextInput): TemplateContext {
  const flags = Object.fromEntries(
    optionKeys.map((key) => [
      key,
      Object.fromEntries(questionOf(key).choices.map((c) => [c.value, input.options[key] === c.value])),
    ]),
  ) as ChoiceFlags;
  const extras = input.extras ?? {};
  const extraFlags = Object.fromEntries(
    Object.entries(extras).map(([key, { choices, value }]) => [key, Object.fromEntries(choices.map((c) => [c, c === value]))]),
  );
  return {
    ...extraFlags,
    ...flags,
    projectName: input.projectName,
    options: input.options,
    has: {
      client: input.options.frontend !== 'none',
      auth: input.options.auth !== 'none',
      // Sessions always keep accounts; a JWT microservice only verifies tokens it did not issue.
      accounts: input.options.auth === 'session' || (input.options.auth === 'jwt' && input.options.service !== 'microservice'),
      realtime: input.options.realtime === 'sse' || input.options.realtime === 'ws',
    },
    versions,
    secrets: input.secrets,
    toolVersion: input.toolVersion,
    extras: Object.fromEntries(Object.entries(extras).map(([key, { value }]) => [key, value])),
    ...(input.pack ? { pack: input.pack } : {}),
  };
}
