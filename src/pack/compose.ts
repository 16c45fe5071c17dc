/**
 * How a loaded pack joins a run: its extra answers (validated, defaulted or asked), the layer list
 * with the pack's layers in place, and the decisions its answers record.
 */
import { UsageError } from '../errors.js';
import { noTerminalError } from '../options/resolve.js';
import type { Decision } from '../generate/decisions.js';
import { layersFor } from '../generate/layers.js';
import type { RenderLayer } from '../generate/render.js';
import type { TemplateLayers } from '../generate/template-files.js';
import type { Choice, ProjectOptions } from '../options/questions.js';
import type { PackQuestion } from './types.js';
import type { PackLayer, TemplatePack } from './load.js';

/** Answers to a pack's questions, by question key. */
export type ExtraAnswers = Record<string, string>;

function checkExtraValue(question: PackQuestion, value: string): void {
  if (!question.choices.some((c) => c.value === value)) {
    throw new UsageError(
      `--${question.flag} ${JSON.stringify(value)} is not a valid value: choose one of ${question.choices.map((c) => c.value).join(', ')}`,
    );
  }
}

/** Checks given answers: each names a question of the pack and one of its choices. */
export function checkExtras(pack: TemplatePack | undefined, given: ExtraAnswers): void {
  for (const [key, value] of Object.entries(given)) {
    const question = pack?.questions.find((q) => q.key === key);
    if (!question) {
      throw new UsageError(`extra answer "${key}" is not a question of ${pack ? `the pack ${pack.name}` : 'any pack (no --template given)'}`);
    }
    checkExtraValue(question, value);
  }
}

/** Asks one pack question; returns the chosen value. */
export type AskExtra = (question: PackQuestion, choices: Choice[], initial: string) => Promise<string>;

export interface ResolveExtrasInput {
  given: ExtraAnswers;
  yes: boolean;
  /** Absent when there is no terminal: an unanswered question is an error naming its flag. */
  ask?: AskExtra;
}

/** `--flag <a|b> (pack name)` for each pack question neither given nor settled by a single choice. */
export function unansweredExtraFlags(pack: TemplatePack, given: ExtraAnswers): string[] {
  return pack.questions
    .filter((q) => given[q.key] === undefined && q.choices.length > 1)
    .map((q) => `--${q.flag} <${q.choices.map((c) => c.value).join('|')}> (pack ${pack.name})`);
}

/** Every pack question answered: given, else asked (after the built-in ones), else its default with `--yes`. */
export async function resolveExtras(pack: TemplatePack | undefined, { given, yes, ask }: ResolveExtrasInput): Promise<ExtraAnswers> {
  checkExtras(pack, given);
  if (!pack) return {};
  const missing = unansweredExtraFlags(pack, given);
  if (!yes && !ask && missing.length > 0) throw noTerminalError(missing);
  const answers: ExtraAnswers = {};
  for (const question of pack.questions) {
    const value = given[question.key];
    answers[question.key] =
      value ?? (!yes && ask && question.choices.length > 1 ? await ask(question, question.choices, question.default) : question.default);
  }
  return answers;
}

/** The same, synchronously and without asking: the programmatic API and the test kit. */
export function defaultExtras(pack: TemplatePack | undefined, given: ExtraAnswers = {}): ExtraAnswers {
  checkExtras(pack, given);
  return Object.fromEntries((pack?.questions ?? []).map((q) => [q.key, given[q.key] ?? q.default]));
}

function applies(layer: PackLayer, options: ProjectOptions, extras: ExtraAnswers): boolean {
  const answers: Record<string, string> = { ...options, ...extras };
  return Object.entries(layer.when).every(([key, values]) => values.includes(answers[key] ?? ''));
}

/**
 * The layers to render, in order: the built-in ones that apply, each replaced by the pack layer
 * that `replaces` it (when that layer's `when` matches too), then the pack's added layers in
 * manifest order. A later layer's file wins at the same path, so an added layer can override one file.
 */
export function composeLayers(
  templates: TemplateLayers,
  options: ProjectOptions,
  pack: TemplatePack | undefined,
  extras: ExtraAnswers,
): RenderLayer[] {
  const fromPack = (layer: PackLayer): RenderLayer => ({ label: `${pack?.name ?? 'pack'}/${layer.dir}`, files: layer.files });
  const active = (pack?.layers ?? []).filter((layer) => applies(layer, options, extras));
  const builtIn = layersFor(options).map((layer): RenderLayer => {
    const replacement = active.find((l) => l.replaces === layer.dir);
    return replacement ? fromPack(replacement) : { label: `templates/${layer.dir}`, files: templates(layer.dir) };
  });
  return [...builtIn, ...active.filter((l) => l.replaces === undefined).map(fromPack)];
}

/** The decisions a pack's answers record in docs/DECISIONS.md, each with its why. */
export function packDecisions(pack: TemplatePack | undefined, extras: ExtraAnswers): Decision[] {
  return (pack?.questions ?? []).map((q) => {
    const chosen = q.choices.find((c) => c.value === extras[q.key]) ?? q.choices.find((c) => c.value === q.default);
    return {
      decision: `${q.decision} (pack ${pack?.name ?? ''})`,
      choice: chosen?.label ?? '',
      options: q.choices.map((c) => c.label),
      why: chosen?.why ?? '',
    };
  });
}
