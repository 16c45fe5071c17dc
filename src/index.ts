/**
 * The programmatic API: the CLI is a thin shell over these.
 *   generate(input)            options in, an in-memory file tree out (no disk, no network)
 *   writeTree(tree, dir, opts) the one atomic write, with a conflict policy
 *   verify(dir)                Step 4 on a generated project
 *   loadTemplatePack(source)   a custom template pack (folder or npm package) for generate({ pack })
 */
export { generate, answersFile, type GenerateInput } from './generate/generate.js';
export type { FileTree } from './generate/render.js';
export type { TemplateFile, TemplateLayers } from './generate/template-files.js';
export { loadTemplatePack, type TemplatePack, type PackLayer } from './pack/load.js';
export type { PackManifest, PackQuestion, PackLayerSpec } from './pack/types.js';
export type { ExtraAnswers } from './pack/compose.js';
export { writeTree, type ConflictPolicy, type WriteOptions, type WritePlan } from './write/commit.js';
export { verify, type VerifyOptions } from './api/verify.js';
export type { CheckPhase, CheckResult, CheckStatus, VerifyReport } from './verify/types.js';
export { validateOptions, allowedCombinations } from './api/options.js';
export { optionKeys, questionOf, ANSWERS_FILE_NAME } from './options/questions.js';
export type { AnswersFile, Choice, OptionKey, PackageManager, ProjectOptions, QuestionMeta } from './options/questions.js';
export { CliError, UsageError, TargetDirectoryError, TemplateError, CommandError, VerificationError, CancelledError } from './errors.js';
