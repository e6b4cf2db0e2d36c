// Scoring one case from what the author produced and what the hidden fixtures said about it. Pure: the
// same inputs give the same score, so it is unit-tested without a model or a sandbox.

import type { TokenUsage } from '../agent/index.ts';
import type { EvalCase } from './cases-schema.ts';
import type { Judgement } from './judge.ts';

/** What an author gave back for one case (a model's tool loop, a reference solution, a test fake). */
export interface AuthoredCase {
  /** The author says it finished: its own checks and fixtures pass. */
  ok: boolean;
  /** The author's stop reason: finished, gave-up, turn-limit, budget, no-progress, model-error, ... */
  stop: string;
  reason: string;
  /** The function it wrote, finished or not. */
  source?: string;
  turns: number;
  usage: TokenUsage;
  costUsd: number;
}

/**
 * solved: the author finished and every hidden fixture passes.
 * wrong: the author finished, but a hidden fixture fails: it would have handed the admin a wrong function.
 * unfinished: the author stopped without finishing; its draft is still judged, for the fixture share.
 * no-function: the author wrote no function at all (the offline author gives up before writing one).
 */
export type CaseOutcome = 'solved' | 'wrong' | 'unfinished' | 'no-function';

export interface HiddenFailure {
  test: string;
  failures: string[];
}

export interface CaseScore {
  id: string;
  family: string;
  /** false: the offline author is not expected to solve this case. */
  offline: boolean;
  outcome: CaseOutcome;
  solved: boolean;
  hidden: { passed: number; total: number; share: number };
  author: { ok: boolean; stop: string; reason: string };
  turns: number;
  tokens: number;
  usage: TokenUsage;
  costUsd: number;
  wallMs: number;
  /** Why the function did not compile, when it did not. */
  checkProblems: string[];
  /** The hidden fixtures it failed, with the matcher's lines. */
  failed: HiddenFailure[];
}

export function scoreCase({ evalCase, authored, judgement, wallMs }: { evalCase: EvalCase; authored: AuthoredCase; judgement?: Judgement; wallMs: number }): CaseScore {
  const total = evalCase.tests.length;
  const report = judgement?.report;
  const passed = report?.passed ?? 0;
  const allPass = report !== undefined && report.results.length === total && report.failed === 0;
  const outcome: CaseOutcome = authored.source === undefined ? 'no-function' : !authored.ok ? 'unfinished' : allPass ? 'solved' : 'wrong';
  const { usage } = authored;
  return {
    id: evalCase.id,
    family: evalCase.family,
    offline: evalCase.offline,
    outcome,
    solved: outcome === 'solved',
    hidden: { passed, total, share: total === 0 ? 0 : passed / total },
    author: { ok: authored.ok, stop: authored.stop, reason: authored.reason },
    turns: authored.turns,
    tokens: usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWriteTokens,
    usage,
    costUsd: authored.costUsd,
    wallMs,
    checkProblems: judgement && !judgement.check.ok ? judgement.check.problems.map((problem) => `${problem.stage}: ${problem.text}`) : [],
    failed: (report?.results ?? []).filter((result) => !result.passed).map((result) => ({ test: result.name, failures: result.failures })),
  };
}
