// What the agent is building, turn by turn. The draft survives a give-up: nothing is thrown away.

import type { TestFunctionResult } from '../../core/pipeline/index.ts';
import type { FunctionSpec } from './spec.ts';

export interface Draft {
  spec?: FunctionSpec;
  source?: string;
  fixturesText?: string;
  /** The latest check/test of the current source and fixtures; cleared whenever either changes. */
  lastTest?: TestFunctionResult;
}

/** A number that grows as the draft gets closer to done, for the no-progress stop condition. */
export function progressScore(draft: Draft): number {
  let score = 0;
  if (draft.spec) score += 1;
  if (draft.source) score += 1;
  if (draft.fixturesText) score += 1;
  const test = draft.lastTest;
  if (!test) return score;
  if (test.fixtureProblems.length === 0) score += 1;
  score += Math.max(0, 20 - test.check.problems.length) / 20;
  if (test.check.ok) score += 2;
  if (test.report) score += 2 + (4 * test.report.passed) / Math.max(1, test.report.passed + test.report.failed);
  return score;
}

export function isDone(draft: Draft): boolean {
  return Boolean(draft.spec && draft.lastTest?.ok);
}
