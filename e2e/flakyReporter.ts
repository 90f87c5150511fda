/**
 * Makes a retry that passed impossible to miss. A test that fails and then passes on its retry is a
 * defect (a race, a wall-clock window, a product bug that needs luck), not a pass: Playwright counts
 * it as "flaky" in one short line; this reporter ends the run with a block naming each such test,
 * its size, and the error of every failed attempt, and writes the same to
 * test-results/flaky.json for CI to keep. With E2E_FAIL_ON_FLAKY=1 the run fails when any test
 * needed a retry (Playwright's failOnFlakyTests, set in playwright.config.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { FullConfig, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export interface FlakyAttempt {
  retry: number;
  status: TestResult['status'];
  durationMs: number;
  error: string | null;
}

export interface FlakyTest {
  title: string;
  project: string;
  file: string;
  attempts: FlakyAttempt[];
}

/** The first line of each error, without ANSI colours (they are noise in a summary and a JSON file). */
function firstLine(message: string | undefined): string | null {
  if (!message) return null;
  // eslint-disable-next-line no-control-regex
  return (
    message
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? null
  );
}

/** What a flaky test's attempts were, from Playwright's results. */
export function describeFlaky(test: TestCase, rootDir: string): FlakyTest {
  return {
    title: test.titlePath().slice(3).join(' › ') || test.title,
    project: test.parent.project()?.name ?? '',
    file: relative(rootDir, test.location.file),
    attempts: test.results.map((r) => ({
      retry: r.retry,
      status: r.status,
      durationMs: r.duration,
      error: firstLine(r.errors[0]?.message ?? r.error?.message),
    })),
  };
}

export default class FlakyReporter implements Reporter {
  private rootDir = process.cwd();
  private outputFile = 'test-results/flaky.json';
  private readonly tests: TestCase[] = [];

  onBegin(config: FullConfig): void {
    // Paths as the repository names them (config.rootDir is the test directory).
    this.rootDir = config.configFile ? dirname(config.configFile) : process.cwd();
    const out = config.projects[0]?.outputDir;
    if (out) this.outputFile = `${out}/flaky.json`;
  }

  onTestEnd(test: TestCase): void {
    if (!this.tests.includes(test)) this.tests.push(test);
  }

  onEnd(): void {
    const flaky = this.tests.filter((t) => t.outcome() === 'flaky').map((t) => describeFlaky(t, this.rootDir));
    const retriesUsed = this.tests.reduce((n, t) => n + t.results.filter((r) => r.retry > 0).length, 0);
    mkdirSync(dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, `${JSON.stringify({ retriesUsed, flaky }, null, 2)}\n`);
    if (flaky.length === 0) {
      console.log(`\nRetries used: ${retriesUsed}. No test passed only on a retry.`);
      return;
    }
    const lines = [
      '',
      `FLAKY: ${flaky.length} test${flaky.length === 1 ? '' : 's'} passed only on a retry (${retriesUsed} retr${retriesUsed === 1 ? 'y' : 'ies'} used).`,
      'A pass on a retry hides a defect: find its cause (see the failed attempt below).',
    ];
    for (const t of flaky) {
      lines.push(`  ✗ [${t.project}] ${t.file} › ${t.title}`);
      for (const a of t.attempts) {
        lines.push(
          `      attempt ${a.retry + 1}: ${a.status} after ${(a.durationMs / 1000).toFixed(1)} s${a.error ? ` — ${a.error}` : ''}`,
        );
      }
    }
    lines.push(`  (also in ${relative(this.rootDir, this.outputFile)})`);
    console.log(lines.join('\n'));
  }

  printsToStdio(): boolean {
    // The list reporter keeps stdout; this one only adds its block at the end.
    return false;
  }
}
