// test = check, then every fixture through the sandbox with a test-mode ctx. Nothing leaves the machine.

import { parseFixtureFile, runFixtures, type FixtureTest, type TestReport } from '../fixtures/index.ts';
import { checkFunction, type CheckResult } from './check-function.ts';
import type { Toolchain } from './toolchain.ts';

export interface FixtureProblem {
  path: string;
  message: string;
}

export interface TestFunctionResult {
  /** True when the check passed, the fixtures parsed, and every fixture passed. */
  ok: boolean;
  check: CheckResult;
  fixtureProblems: FixtureProblem[];
  tests?: FixtureTest[];
  report?: TestReport;
}

export async function testFunction({
  source,
  fixturesText,
  toolchain,
}: {
  source: string;
  fixturesText: string;
  toolchain: Toolchain;
}): Promise<TestFunctionResult> {
  // 1. Fixtures first: a malformed file is reported even when the code does not compile.
  const parsed = parseFixtureFile(fixturesText);
  const fixtureProblems = parsed.ok ? [] : parsed.errors;

  // 2. Check.
  const check = await checkFunction({ source, toolchain });
  if (!check.ok || !check.bundle || !parsed.ok) return { ok: false, check, fixtureProblems };

  // 3. Run every fixture.
  const report = await runFixtures({
    bundle: check.bundle.code,
    sourceMap: check.bundle.sourceMap,
    tests: parsed.tests,
    runner: toolchain.runner,
    manifest: check.manifest,
    limits: toolchain.limits,
  });
  return { ok: report.failed === 0, check, fixtureProblems, tests: parsed.tests, report };
}
