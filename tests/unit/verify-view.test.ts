/** The Step 4 view: spinners per phase on a terminal, plain lines elsewhere, one summary table. */
import { describe, expect, it } from 'vitest';
import type { Spinner, Ui } from '../../src/cli/ui.js';
import { formatPhase, summaryTable } from '../../src/create/format.js';
import { verifyView } from '../../src/create/verify-view.js';
import type { CheckResult, VerifyReport } from '../../src/verify/types.js';

const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function recordingUi(interactive: boolean): { ui: Ui; calls: string[] } {
  const calls: string[] = [];
  const record = (kind: string) => (text: string) => void calls.push(`${kind}: ${strip(text)}`);
  const spinner = (): Spinner => ({
    start: record('spinner start'),
    message: record('spinner message'),
    stop: record('spinner stop'),
    error: record('spinner error'),
  });
  const ui: Ui = {
    interactive,
    intro: record('intro'),
    info: record('info'),
    success: record('success'),
    warn: record('warn'),
    error: record('error'),
    note: record('note'),
    message: record('message'),
    outro: record('outro'),
    spinner,
    task: (_title, task) => task(),
  };
  return { ui, calls };
}

const check = (phase: CheckResult['phase'], name: string, status: CheckResult['status'], detail = ''): CheckResult => ({
  phase,
  name,
  status,
  durationMs: 1500,
  detail,
  checklist: [],
});

const checks = [
  check('build', 'npm run build', 'passed', 'built in 1.5 s'),
  check('smoke', 'GET /health', 'passed', '200'),
  check('smoke', 'GET /ready', 'failed', 'expected 200: GET /ready -> 503\nmore output'),
  check('browser', 'chromium launches', 'skipped', 'no Chromium found'),
];
const report: VerifyReport = { ok: false, checks, durationMs: 4500 };

function run(ui: Ui): void {
  const view = verifyView(ui);
  for (const c of checks) {
    if (c.status !== 'skipped') view.handlers.onCheckStart({ phase: c.phase, name: c.name });
    view.handlers.onCheck(c);
  }
  view.finish(report);
}

describe('verifyView', () => {
  it('on a terminal: one spinner per phase naming the running check, ending with the phase result', () => {
    const { ui, calls } = recordingUi(true);
    run(ui);
    const spinnerCalls = calls.filter((c) => c.startsWith('spinner'));
    expect(spinnerCalls).toEqual([
      'spinner start: build',
      'spinner message: build: npm run build',
      expect.stringMatching(/^spinner stop: build: 1 passed, \d/),
      'spinner start: smoke',
      'spinner message: smoke: GET /health',
      'spinner message: smoke: GET /ready',
      expect.stringMatching(/^spinner error: smoke: 1 of 2 failed \(GET \/ready\), /),
      'spinner start: browser',
      'spinner stop: browser: skipped (no Chromium found)',
    ]);
    expect(calls.filter((c) => c.startsWith('info'))).toEqual([]);
    expect(calls.at(-1)).toMatch(/^message: phase +check +status +duration +detail\n/);
  });

  it('without a terminal: plain lines per check and per phase, no spinner, the same table', () => {
    const { ui, calls } = recordingUi(false);
    run(ui);
    expect(calls.some((c) => c.startsWith('spinner'))).toBe(false);
    expect(calls.slice(0, -1)).toEqual([
      'info: ✔ build: npm run build 1500 ms built in 1.5 s',
      expect.stringMatching(/^success: build: 1 passed, \d+ ms$/),
      'info: ✔ smoke: GET /health 1500 ms 200',
      'info: ✖ smoke: GET /ready 1500 ms expected 200: GET /ready -> 503\nmore output',
      expect.stringMatching(/^error: smoke: 1 of 2 failed \(GET \/ready\), \d+ ms$/),
      'info: ○ browser: chromium launches 1500 ms no Chromium found',
      'warn: browser: skipped (no Chromium found)',
    ]);
    expect(calls.at(-1)).toMatch(/^message: phase/);
  });
});

describe('summaryTable', () => {
  it('lists every check with status and duration, the first line of what did not pass, then totals', () => {
    const lines = strip(summaryTable(report)).split('\n');
    expect(lines[0]).toMatch(/^phase +check +status +duration +detail$/);
    expect(lines[1]).toMatch(/^build +npm run build +✔ passed +1\.5 s$/);
    expect(lines[3]).toMatch(/^smoke +GET \/ready +✖ failed +1\.5 s +expected 200: GET \/ready -> 503$/);
    expect(lines[4]).toMatch(/^browser +chromium launches +○ skipped +no Chromium found$/);
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped in 4.5 s');
  });

  it('cuts the detail to the width it is given, and never without one', () => {
    const long = { ...report, checks: [check('smoke', 'x', 'failed', 'y'.repeat(300))] };
    expect(Math.max(...strip(summaryTable(long, { width: 80 })).split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(strip(summaryTable(long))).toContain('y'.repeat(300));
  });
});

describe('formatPhase', () => {
  it('says how the phase ended', () => {
    expect(formatPhase('smoke', [checks[1]!, check('smoke', 'z', 'skipped', 'n/a')], 2300)).toBe('smoke: 1 passed, 1 skipped, 2.3 s');
  });
});
