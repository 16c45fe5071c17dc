/** The manifest's shapes as plain types, so the API's declarations name no validator. */
import type { Choice } from '../options/questions.js';

/** An extra question a pack asks after the built-in ones; its answer is `--<flag>`. */
export interface PackQuestion {
  key: string;
  flag: string;
  message: string;
  decision: string;
  choices: Choice[];
  default: string;
}

export interface PackLayerSpec {
  dir: string;
  /** Option or pack-question key -> the values for which the layer applies (all keys must match). */
  when?: Record<string, string[]> | undefined;
  /** A built-in layer this one renders in place of. */
  replaces?: string | undefined;
}

/** `template-pack.json`. */
export interface PackManifest {
  $schema?: string | undefined;
  name: string;
  version: string;
  description?: string | undefined;
  layers: PackLayerSpec[];
  questions: PackQuestion[];
}
