// The client's view of a check-and-test: what passed, what failed and why, without bundles or logs.

import * as z from 'zod';
import type { TestFunctionResult } from '../../core/pipeline/index.ts';
import { manifestSchema } from './schemas.ts';

export const testSummarySchema = z.object({
  ok: z.boolean().describe('true when the type-check, bundle, manifest and every fixture passed'),
  name: z.string().nullable().describe('the name the function declares, when it could be read'),
  check: z.object({
    ok: z.boolean(),
    problems: z.array(z.object({ stage: z.string(), text: z.string(), line: z.number().optional(), column: z.number().optional() })),
    manifest: manifestSchema.nullable(),
  }),
  fixtureProblems: z.array(z.object({ path: z.string(), message: z.string() })).describe('problems with the fixture file itself'),
  tests: z.object({ passed: z.number().int(), failed: z.number().int() }).nullable(),
  results: z.array(z.object({ name: z.string(), passed: z.boolean(), failures: z.array(z.string()) })),
});

export type TestSummary = z.infer<typeof testSummarySchema>;

export function summarizeTest(result: TestFunctionResult): TestSummary {
  return {
    ok: result.ok,
    name: result.check.manifest?.name ?? null,
    check: { ok: result.check.ok, problems: result.check.problems, manifest: result.check.manifest ?? null },
    fixtureProblems: result.fixtureProblems,
    tests: result.report ? { passed: result.report.passed, failed: result.report.failed } : null,
    results: (result.report?.results ?? []).map(({ name, passed, failures }) => ({ name, passed, failures })),
  };
}

/** One sentence on why a summary is not ok, for error messages. */
export function describeFailure(summary: TestSummary): string {
  if (summary.fixtureProblems.length > 0) return `the fixture file is malformed (${summary.fixtureProblems.length} problem${summary.fixtureProblems.length === 1 ? '' : 's'})`;
  if (!summary.check.ok) return `the check failed: ${summary.check.problems[0]?.text ?? 'unknown problem'}${summary.check.problems.length > 1 ? ` (and ${summary.check.problems.length - 1} more)` : ''}`;
  const failed = summary.results.filter((result) => !result.passed);
  return `${failed.length} of ${summary.results.length} fixtures failed: ${failed.slice(0, 3).map((result) => JSON.stringify(result.name)).join(', ')}`;
}
