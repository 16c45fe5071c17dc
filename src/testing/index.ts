/**
 * The test kit for template authors (`create-fullstack-app/testing`): render a project or the
 * whole matrix in memory, get stable `{ path: content }` snapshots, assert files, JSON and
 * formatting, and split a matrix into per-option file variants for reviewable file snapshots.
 */
export { renderProject, renderMatrix, toSnapshot, SNAPSHOT_SECRETS, SNAPSHOT_TOOL_VERSION } from './render.js';
export type { FileSnapshot, MatrixEntry, RenderInput } from './render.js';
export { fileVariants, type VariantOptions } from './variants.js';
export { assertFile, assertNoFile, assertJsonSubset, toVolume, type MemoryVolume } from './assert.js';
export { assertFormatted, formattingDiffs, type Formatter } from './format.js';
export { pairwiseCombinations, allowedPairs } from '../options/pairwise.js';
export { allowedCombinations, combinationName } from '../options/matrix.js';
export type { OptionKey, ProjectOptions } from '../options/questions.js';
export { loadTemplatePack, type TemplatePack } from '../pack/load.js';
export type { ExtraAnswers } from '../pack/compose.js';
