// The eval run: for each case, author a function from the requirement alone, judge it with the hidden
// fixtures, score it. One toolchain (checker and executor) serves the whole run; cases run one after
// another so progress reads in order and the executor is never oversubscribed.

import type { Toolchain } from '../core/pipeline/index.ts';
import type { CaseAuthor } from './case-author.ts';
import type { EvalCase } from './cases-schema.ts';
import { judgeSource } from './judge.ts';
import { scoreCase, type CaseScore } from './score.ts';
import { totalsByFamily, totalsOf, type FamilyTotals, type ScoreTotals } from './summarize.ts';

export interface EvalRun {
  provider: string;
  model: string;
  totals: ScoreTotals;
  families: FamilyTotals[];
  cases: CaseScore[];
}

export interface EvalProgress {
  /** 1-based position of the case in the run. */
  index: number;
  total: number;
  caseId: string;
  /** Set once the case is scored. */
  score?: CaseScore;
  message: string;
}

export interface RunEvalsOptions {
  cases: EvalCase[];
  author: CaseAuthor;
  toolchain: Toolchain;
  onProgress?: (progress: EvalProgress) => void;
  _internal?: { now?: () => number };
}

export async function runEvals({ cases, author, toolchain, onProgress = () => {}, _internal: { now = () => performance.now() } = {} }: RunEvalsOptions): Promise<EvalRun> {
  const scores: CaseScore[] = [];
  for (const [position, evalCase] of cases.entries()) {
    const report = (message: string, score?: CaseScore) => onProgress({ index: position + 1, total: cases.length, caseId: evalCase.id, message, ...(score ? { score } : {}) });
    const started = now();
    // 1. Author from the requirement text alone.
    report('authoring');
    const authored = await author.author(evalCase, (message) => report(message));
    // 2. Judge whatever was written, finished or not, with the hidden fixtures.
    const judgement = authored.source === undefined ? undefined : await judgeSource({ source: authored.source, tests: evalCase.tests, toolchain });
    // 3. Score.
    const score = scoreCase({ evalCase, authored, judgement, wallMs: now() - started });
    scores.push(score);
    report(score.outcome, score);
  }
  return { provider: author.provider, model: author.model, totals: totalsOf(scores), families: totalsByFamily(scores), cases: scores };
}
