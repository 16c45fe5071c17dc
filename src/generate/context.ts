import { optionKeys, questionOf, type OptionKey, type ProjectOptions } from '../options/questions.js';
import { versions } from './versions.js';

/** `service.fullstack`, `auth.none`, ...: one boolean per choice of every option. */
export type ChoiceFlags = { [K in OptionKey]: Record<string, boolean> };

export interface TemplateContext extends ChoiceFlags {
  projectName: string;
  options: ProjectOptions;
  /**
   * Capabilities that several layers test. `realtime` means a server push channel (sse or ws)
   * and so the event bus; polling is a client-only refetch and leaves it false.
   */
  has: { client: boolean; auth: boolean; realtime: boolean };
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
      realtime: input.options.realtime === 'sse' || input.options.realtime === 'ws',
    },
    versions,
    secrets: input.secrets,
    toolVersion: input.toolVersion,
  };
}
