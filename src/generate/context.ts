import { optionKeys, questionOf, type OptionKey, type ProjectOptions } from '../options/questions.js';
import { versions } from './versions.js';

/** `service.fullstack`, `auth.none`, ...: one boolean per choice of every option. */
export type ChoiceFlags = { [K in OptionKey]: Record<string, boolean> };

export interface TemplateContext extends ChoiceFlags {
  projectName: string;
  options: ProjectOptions;
  /**
   * Capabilities that several layers test. `accounts`: the service keeps users, passwords and
   * refresh tokens and issues tokens itself; a microservice with auth only verifies tokens.
   */
  has: { client: boolean; auth: boolean; accounts: boolean; realtime: boolean };
  versions: typeof versions;
  secrets: { jwt: string };
  toolVersion: string;
}

export interface ContextInput {
  projectName: string;
  options: ProjectOptions;
  toolVersion: string;
  secrets: { jwt: string };
}

export function templateContext(input: ContextInput): TemplateContext {
  const flags = Object.fromEntries(
    optionKeys.map((key) => [
      key,
      Object.fromEntries(questionOf(key).choices.map((c) => [c.value, input.options[key] === c.value])),
    ]),
  ) as ChoiceFlags;
  return {
    ...flags,
    projectName: input.projectName,
    options: input.options,
    has: {
      client: input.options.frontend !== 'none',
      auth: input.options.auth !== 'none',
      accounts: input.options.auth === 'jwt' && input.options.service !== 'microservice',
      realtime: input.options.realtime !== 'none',
    },
    versions,
    secrets: input.secrets,
    toolVersion: input.toolVersion,
  };
}
