// The client's view of a check-and-test: what passed, what failed and why; no bundles, no logs, and no
// list of passing fixtures (the counts say it). Long lists are cut, saying how much was left out.

import * as z from 'zod';
import type { TestFunctionResult } from '../../core/pipeline/index.ts';
import { manifestSchema } from './schemas.ts';

const MAX_LISTED = 20;
const MAX_TEXT = 400;

const problemSchema = z.object({ stage: z.string(), text: z.string(), line: z.number().optional(), column: z.number().optional() });

export const testSummarySchema = z.object({
  ok: z.boolean().describe('every gate and fixture passed'),
  name: z.string().nullable(),
  manifest: manifestSchema.nullable(),
  problems: z.array(problemSchema),
  fixtureProblems: z.array(z.object({ path: z.string(), message: z.string() })),
  passed: z.number().int(),
  failed: z.number().int(),
  failures: z.array(z.object({ name: z.string(), failures: z.array(z.string()) })),
  /** Allowed but probably not meant (no expect, an event the function never gets, an unused response); never fail a test. */
  warnings: z.array(z.object({ name: z.string(), warnings: z.array(z.string()) })).optional(),
});

export type TestSummary = z.infer<typeof testSummarySchema>;

export function summarizeTest(result: TestFunctionResult): TestSummary {
  const failed = (result.report?.results ?? []).filter((entry) => !entry.passed);
  const warned = (result.report?.results ?? []).filter((entry) => entry.warnings.length > 0);
  return {
    ok: result.ok,
    name: result.check.manifest?.name ?? null,
    manifest: result.check.manifest ?? null,
    problems: cut(result.check.problems.map((problem) => ({ ...problem, text: clip(problem.text) })), (more) => ({ stage: 'more', text: `${more} more problems not shown` })),
    fixtureProblems: cut(result.fixtureProblems, (more) => ({ path: '$', message: `${more} more problems not shown` })),
    passed: result.report?.passed ?? 0,
    failed: result.report?.failed ?? 0,
    failures: cut(failed.map(({ name, failures }) => ({ name, failures: failures.slice(0, 5).map(clip) })), (more) => ({ name: `${more} more failed fixtures not shown`, failures: [] })),
    warnings: cut(
      warned.map(({ name, warnings }) => ({ name, warnings: warnings.slice(0, 5).map(clip) })),
      (more) => ({ name: `${more} more fixtures with warnings not shown`, warnings: [] }),
    ),
  };
}

/** Drafts saved before this shape (migration 0004) stored the older summary; read both. */
export function readStoredSummary(stored: unknown): TestSummary {
  const parsed = testSummarySchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const old = stored as { ok?: boolean; name?: string | null; check?: { problems?: TestSummary['problems']; manifest?: TestSummary['manifest'] }; fixtureProblems?: TestSummary['fixtureProblems']; tests?: { passed: number; failed: number } | null; results?: Array<{ name: string; passed: boolean; failures: string[] }> };
  return {
    ok: old.ok === true,
    name: old.name ?? null,
    manifest: old.check?.manifest ?? null,
    problems: old.check?.problems ?? [],
    fixtureProblems: old.fixtureProblems ?? [],
    passed: old.tests?.passed ?? 0,
    failed: old.tests?.failed ?? 0,
    failures: (old.results ?? []).filter((entry) => !entry.passed).map(({ name, failures }) => ({ name, failures })),
  };
}

/** One sentence on why a summary is not ok, for error messages. */
export function describeFailure(summary: TestSummary): string {
  if (summary.fixtureProblems.length > 0) return `the fixture file is malformed (${summary.fixtureProblems.length} problem${summary.fixtureProblems.length === 1 ? '' : 's'})`;
  if (summary.problems.length > 0) return `the check failed: ${summary.problems[0]?.text ?? 'unknown problem'}${summary.problems.length > 1 ? ` (and ${summary.problems.length - 1} more)` : ''}`;
  return `${summary.failed} of ${summary.passed + summary.failed} fixtures failed: ${summary.failures.slice(0, 3).map((entry) => JSON.stringify(entry.name)).join(', ')}`;
}

function cut<T>(items: readonly T[], more: (count: number) => T): T[] {
  return items.length <= MAX_LISTED ? [...items] : [...items.slice(0, MAX_LISTED), more(items.length - MAX_LISTED)];
}

function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)`;
}
