// Judges an authored function with a case's hidden fixtures: the same check and fixture runner as
// `joinery test`, but with fixtures the author never saw. The author's own fixtures play no part.

import { runFixtures, type FixtureTest, type TestReport } from '../core/fixtures/index.ts';
import { checkFunction, type CheckResult, type Toolchain } from '../core/pipeline/index.ts';

export interface Judgement {
  check: CheckResult;
  /** Absent when the function did not pass its check: nothing could run. */
  report?: TestReport;
}

/** Failed checks and failed fixtures are results; only broken infrastructure throws. */
export async function judgeSource({ source, tests, toolchain }: { source: string; tests: FixtureTest[]; toolchain: Toolchain }): Promise<Judgement> {
  const check = await checkFunction({ source, toolchain });
  if (!check.ok || !check.bundle) return { check };
  const report = await runFixtures({
    bundle: check.bundle.code,
    sourceMap: check.bundle.sourceMap,
    tests,
    runner: toolchain.runner,
    manifest: check.manifest,
    limits: toolchain.limits,
  });
  return { check, report };
}
