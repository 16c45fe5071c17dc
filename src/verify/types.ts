import type { ProjectOptions } from '../options/questions.js';

export type CheckStatus = 'passed' | 'failed' | 'skipped';
export type CheckPhase = 'build' | 'start' | 'smoke' | 'integration' | 'realtime' | 'browser' | 'shutdown';

export interface CheckResult {
  phase: CheckPhase;
  name: string;
  status: CheckStatus;
  durationMs: number;
  /** What was observed: a figure when it passed, the status/header/body that broke it when it failed. */
  detail: string;
  /** The checklist items (docs/CHECKLIST.md) this check observes in the running app. */
  checklist: string[];
}

export interface VerifyReport {
  ok: boolean;
  checks: CheckResult[];
  durationMs: number;
}

export interface VerifyInput {
  /** The generated project, installed. */
  dir: string;
  /** From the project's create-fullstack-app.json. */
  options: ProjectOptions;
  /** Default true: run `npm run build` first. */
  build?: boolean;
  /** Called as each check starts (skipped checks never start). */
  onCheckStart?: (check: { phase: CheckPhase; name: string }) => void;
  /** Called as each check finishes. */
  onCheck?: (result: CheckResult) => void;
  signal?: AbortSignal;
}
