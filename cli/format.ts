// Human-readable renderings shared by several commands.

import type { CheckResult, FixtureProblem, TestFunctionResult } from '../core/pipeline/index.ts';
import { formatTestReport } from '../core/fixtures/index.ts';
import type { Output } from './output.ts';

export function printCheck(check: CheckResult, sourcePath: string, output: Output): void {
  if (check.ok && check.manifest) {
    const { name, trigger, egress, secrets } = check.manifest;
    output.line(`✓ ${name}: type-check, bundle and manifest passed (${Math.round(check.durationMs)} ms)`);
    output.line(`  trigger ${trigger}; egress ${list(egress)}; secrets ${list(secrets)}`);
    return;
  }
  output.line(`✗ ${sourcePath}: ${check.problems.length} problem${check.problems.length === 1 ? '' : 's'}`);
  for (const problem of check.problems) output.line(`  ${problem.stage}: ${problem.text}`);
}

export function printFixtureProblems(problems: FixtureProblem[], fixturesPath: string, output: Output): void {
  output.line(`✗ ${fixturesPath}: the fixture file is malformed`);
  for (const problem of problems) output.line(`  ${problem.path}: ${problem.message}`);
}

export function printTest(result: TestFunctionResult, paths: { source: string; fixtures: string }, output: Output): void {
  if (result.fixtureProblems.length > 0) printFixtureProblems(result.fixtureProblems, paths.fixtures, output);
  if (!result.check.ok || result.fixtureProblems.length === 0) printCheck(result.check, paths.source, output);
  if (result.report) output.line(formatTestReport(result.report));
}

/** The --json shape of a test result: reports without bundles. */
export function testJson(result: TestFunctionResult): Record<string, unknown> {
  return {
    ok: result.ok,
    name: result.check.manifest?.name ?? null,
    check: { ok: result.check.ok, problems: result.check.problems, manifest: result.check.manifest ?? null },
    fixtureProblems: result.fixtureProblems,
    tests: result.report ? { passed: result.report.passed, failed: result.report.failed, durationMs: result.report.durationMs } : null,
    results: result.report?.results ?? [],
  };
}

function list(items: string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}
