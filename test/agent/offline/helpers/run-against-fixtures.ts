// Runs a generated function against fixtures through the real pipeline (type-check, bundle, sandbox) and
// names the fixtures it failed: the kinds' tests show that their fixtures catch a broken function.
import { testFunction, type Toolchain } from '../../../../core/pipeline/index.ts';

export async function runAgainstFixtures(toolchain: Toolchain, source: string, fixtures: unknown[]): Promise<{ ok: boolean; failed: string[] }> {
  const result = await testFunction({ source, fixturesText: JSON.stringify(fixtures), toolchain });
  return { ok: result.ok, failed: result.report?.results.filter((test) => !test.passed).map((test) => test.name) ?? [] };
}
